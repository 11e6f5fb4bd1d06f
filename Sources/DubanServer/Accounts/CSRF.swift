import Vapor

/// CSRF protection for cookie-authenticated requests: every form carries `_csrf`, every API call made
/// with the session cookie carries `X-CSRF-Token`; both must equal the token stored in the session.
/// Bearer-token requests carry no ambient credential and need no token.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        if unsafe && request.headers.bearerAuthorization == nil && request.hasSession {
            // A large form (a file upload) may still be streaming: read it before looking for the field.
            if request.body.data == nil, request.headers.contentType?.type == "multipart" {
                _ = try await request.body.collect(max: request.application.duban.maxAttachmentBytes + 64 * 1024).get()
            }
            let expected = request.session.data["csrf"]
            let sent = request.headers.first(name: Self.header)
                ?? (try? request.content.get(String.self, at: Self.field))
            guard let expected, let sent, Self.constantTimeEqual(expected, sent) else {
                throw DubanError(.forbidden, code: "csrf", message: "表单已失效，请刷新页面后重试 / CSRF token missing or wrong")
            }
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// The session's CSRF token, created on first use (this starts a session).
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = Secrets.token()
        session.data["csrf"] = token
        return token
    }
}
