import Vapor

extension Request {
    /// The UUID path parameter `name`; a malformed id is simply not found.
    func idParameter(_ name: String = "id", what: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw DubanError.notFound(what) }
        return id
    }

    /// Decodes a JSON body; an empty or non-JSON body is a 400/415 with a clear message.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = headers.contentType, contentType == .json || contentType.subType.hasSuffix("json") else {
            throw DubanError(.unsupportedMediaType, code: "unsupported_media_type",
                             message: "请使用 Content-Type: application/json / send application/json")
        }
        guard body.data != nil else { throw DubanError.badRequest("缺少请求体 / missing request body") }
        return try content.decode(T.self, as: .json)
    }

    /// An optional query string value, NFC-normalised and bounded.
    func queryText(_ name: String, max: Int = 200) throws -> String? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        return try Check.text(raw, name, max: max)
    }
}
