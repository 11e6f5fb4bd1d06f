@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// The printable label: its QR code, drawn by the core encoder as SVG, rendered to PNG by librsvg and
/// read back by zbarimg, is the address of the public page printed under it.
final class ElevatorLabelTests: XCTestCase {
    static func tool(_ name: String) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The text between `start` and the next `end` in `html`.
    static func between(_ html: String, _ start: String, _ end: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.upperBound..<to.lowerBound])
    }

    func testLabelQRCodeDecodesToThePublicPageURL() async throws {
        guard let rsvg = Self.tool("rsvg-convert") else { throw XCTSkip("rsvg-convert is not installed (Debian: librsvg2-bin)") }
        guard let zbarimg = Self.tool("zbarimg") else { throw XCTSkip("zbarimg is not installed (Debian: zbar-tools)") }
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            _ = try await ElevatorFixtures.determine(app, world)
            let host: HTTPHeaders = ["Host": "duban.hanyang.example.cn"]
            let res = try await app.send(.GET, world.path.replacingOccurrences(of: "/api/v1", with: "") + "/label", token: world.supervisor,
                                         headers: host)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let html = res.body.string
            XCTAssertTrue(html.contains("label-a6"), "printed on A6")
            // Without an icon link the browser asks for /favicon.ico (404), a console error in the browser check.
            XCTAssertTrue(html.contains(#"<link rel="icon" href="/favicon.svg""#), "the label page names its icon")
            XCTAssertTrue(html.contains(world.elevator.rescueCode))
            XCTAssertTrue(html.contains(ElevatorFixtures.emergencyPhone))
            let url = try XCTUnwrap(Self.between(html, "<p class=\"label-url\">", "</p>"))
            XCTAssertEqual(url, "http://duban.hanyang.example.cn/e/\(world.elevator.labelCode)")
            let src = try XCTUnwrap(Self.between(html, "<img class=\"label-qr\" src=\"", "\""))

            let svg = try await app.send(.GET, src, headers: host)
            XCTAssertEqual(svg.status, .ok)
            XCTAssertEqual(svg.headers.contentType?.subType, "svg+xml")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duban-label-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let svgFile = folder.appendingPathComponent("label.svg"), pngFile = folder.appendingPathComponent("label.png")
            try Data(svg.body.readableBytesView).write(to: svgFile)
            XCTAssertEqual(try Self.run(rsvg, [svgFile.path, "-o", pngFile.path]).status, 0, "rsvg-convert failed")
            let decoded = try Self.run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", pngFile.path])
            XCTAssertEqual(decoded.status, 0, "zbarimg found no QR code")
            XCTAssertEqual(decoded.output.trimmingCharacters(in: .newlines), url)

            // The address opens the public page of this elevator, without signing in.
            let page = try await app.send(.GET, String(url.dropFirst("http://duban.hanyang.example.cn".count)))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains(world.elevator.registrationCode))
        }
    }

    func testUnknownOrMalformedLabelCodesAreNotFound() async throws {
        try await TestApp.run { app in
            for code in ["ZZZZZZZZZZ", "%27%20OR%201", String(repeating: "A", count: 300)] {
                let api = try await app.send(.GET, "/api/v1/public/elevators/\(code)")
                XCTAssertEqual(api.status, .notFound, code)
                let page = try await app.send(.GET, "/e/\(code)")
                XCTAssertEqual(page.status, .notFound, code)
                let qr = try await app.send(.GET, "/e/\(code)/qr.svg")
                XCTAssertEqual(qr.status, .notFound, code)
            }
        }
    }

    func testReportFromTheLabelPageBecomesAHotlineCase() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            var res = try await app.send(.POST, "/api/v1/public/elevators/\(world.elevator.labelCode)/reports",
                                         json: ElevatorReportInput(phone: "13800138000", whatHappened: "电梯运行时异响，门关不严", name: nil))
            XCTAssertEqual(res.status, .created, res.body.string)
            let code = try res.content.decode(PublicSubmissionResult.self).trackingCode
            let hotline = try await HotlineCase.query(on: app.db).filter(\.$trackingCode == code).first()
            let item = try await LedgerItem.find(try XCTUnwrap(hotline?.id), on: app.db)
            XCTAssertTrue(item?.details?.contains(world.elevator.registrationCode) ?? false)
            XCTAssertTrue(item?.details?.contains(world.elevator.rescueCode) ?? false)
            XCTAssertEqual(item?.location, "测试花园小区3栋2单元")
            res = try await app.send(.POST, "/api/v1/public/elevators/\(world.elevator.labelCode)/reports",
                                     json: ElevatorReportInput(phone: "12", whatHappened: "异响", name: nil))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "phone")
        }
    }
}
