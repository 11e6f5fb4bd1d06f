import Vapor

/// Headers on every response, errors and static files included (SPEC §4): a Content-Security-Policy
/// that allows only the server's own scripts, styles and images (the pages use no inline script or
/// style; charts and QR codes are inline SVG or `data:` images) and no framing at all
/// (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for older browsers), `nosniff` so a
/// downloaded attachment is never run as another type, and a referrer policy that keeps ids in
/// paths from leaving the site.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}

/// Refuses a request whose target (path and query) is longer than 8 KiB with 414 and a JSON error
/// (a Duban default, the common limit of proxies and browsers). No list filter or id comes near it; a
/// longer URL is either a mistake or an attempt to make the server parse and log megabytes.
struct RequestTargetLimitMiddleware: AsyncMiddleware {
    static let maxTargetBytes = 8 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.string.utf8.count <= Self.maxTargetBytes else {
            throw DubanError(.uriTooLong, code: "uri_too_long",
                             message: "请求地址过长（上限 \(Self.maxTargetBytes) 字节）/ request URL too long", field: "url")
        }
        return try await next.respond(to: request)
    }
}
