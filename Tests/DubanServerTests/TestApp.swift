@testable import DubanServer
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// A real server application on a real database: a fresh SQLite file per test, or — when
/// `DUBAN_TEST_DATABASE_URL` is set (scripts/test does this) — PostgreSQL, reverted and migrated anew.
enum TestApp {
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/"
    }()

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DUBAN_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` with a migrated application; with `demo`, the demo data is loaded first (with its
    /// 109 tasks only when `tasks`, its elevators only when `elevators`).
    static func run(demo: Bool = true, tasks: Bool = false, elevators: Bool = false,
                    adjust: (inout DubanSettings) -> Void = { _ in },
                    _ body: (Application) async throws -> Void) async throws {
        let sqlite = NSTemporaryDirectory() + "duban-test-\(UUID().uuidString).sqlite"
        var settings = DubanSettings(databaseURL: postgresURL, sqlitePath: sqlite, rootDirectory: root, bcryptCost: 4,
                                     secureCookies: true)
        adjust(&settings)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: settings)
            if postgresURL != nil { try await app.autoRevert() }
            try await DubanApp.migrate(app)
            if demo { _ = try await DemoData.load(into: app, tasks: tasks, elevators: elevators) }
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            cleanUp(sqlite)
            throw error
        }
        try await app.asyncShutdown()
        cleanUp(sqlite)
    }

    private static func cleanUp(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension Application {
    /// One request through the whole middleware stack.
    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, headers: HTTPHeaders = [:],
              body: ByteBuffer? = nil) async throws -> XCTHTTPResponse {
        var all = headers
        if let token { all.bearerAuthorization = .init(token: token) }
        var request = XCTHTTPRequest(method: method, url: .init(path: path), headers: all,
                                     body: body ?? ByteBufferAllocator().buffer(capacity: 0))
        if body != nil, all.contentType == nil { request.headers.contentType = .json }
        return try await performTest(request: request)
    }

    /// A request with a JSON body.
    func send<B: Encodable>(_ method: HTTPMethod, _ path: String, token: String? = nil, json: B) async throws -> XCTHTTPResponse {
        let data = try JSONEncoder().encode(json)
        return try await send(method, path, token: token, body: ByteBuffer(data: data))
    }

    /// Signs in through the API and returns a bearer token.
    func token(_ username: String, _ password: String? = nil) async throws -> String {
        let password = password ?? DemoData.users.first { $0.username == username }?.password ?? ""
        let res = try await send(.POST, "/api/v1/auth/token", json: ["username": username, "password": password])
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(TokenResponse.self).token
    }

    /// The id of the unit with this name or alias.
    func unitID(_ name: String) async throws -> UUID {
        let alias = try await UnitAlias.query(on: db).filter(\.$aliasKey == name).first()
        return try XCTUnwrap(alias?.$unit.id, "no unit \(name)")
    }
}

/// Decodes `{"error":{…}}`.
struct ErrorEnvelope: Decodable {
    struct Detail: Decodable { var code: String; var message: String; var field: String? }
    var error: Detail
}

extension TestingHTTPResponse {
    var errorBody: ErrorEnvelope.Detail? { try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(body.readableBytesView)).error }
}
