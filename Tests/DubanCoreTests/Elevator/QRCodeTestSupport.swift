@testable import DubanCore
import Foundation
import XCTest

/// Test-only rendering and decoding of QR codes: a binary PGM writer and a runner for Debian's
/// `zbarimg` (package zbar-tools) and ImageMagick's `convert`.
enum QRCodeTestSupport {
    /// An executable on the usual paths, or nil.
    static func tool(_ name: String) -> URL? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `zbarimg`, or an `XCTSkip` saying it is missing.
    static func zbarimg() throws -> URL {
        guard let url = tool("zbarimg") else {
            throw XCTSkip("zbarimg is not installed (Debian: apt-get install -y zbar-tools); QR decoding round trips skipped")
        }
        return url
    }

    /// The symbol as an 8-bit binary PGM (P5): `scale` pixels per module, `quietZone` light modules
    /// around it, dark = 0, light = 255.
    static func pgm(_ code: QRCode, scale: Int = 4, quietZone: Int = 4) -> Data {
        let side = (code.size + 2 * quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for row in 0..<code.size {
            for column in 0..<code.size where code.modules[row][column] {
                for dy in 0..<scale {
                    let y = (row + quietZone) * scale + dy
                    for dx in 0..<scale { pixels[y * side + (column + quietZone) * scale + dx] = 0 }
                }
            }
        }
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `tool` with `arguments`; returns its exit status and standard output.
    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Decodes the image at `file` with zbarimg, QR only. `binary` (`-Sbinary`) returns the payload
    /// bytes exactly, with no character-set guessing; without it zbarimg converts the text as a
    /// phone's reader would. The one newline zbarimg writes after each symbol is removed.
    static func decode(_ file: URL, binary: Bool = true) throws -> [UInt8] {
        let options = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"] + (binary ? ["-Sqrcode.binary"] : [])
        let result = try run(try zbarimg(), options + [file.path])
        XCTAssertEqual(result.status, 0, "zbarimg found no QR code in \(file.lastPathComponent)")
        var bytes = Array(result.output)
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    /// Writes `code` as a PGM and decodes it.
    static func roundTrip(_ code: QRCode, in directory: URL, name: String, binary: Bool = true) throws -> [UInt8] {
        let file = directory.appendingPathComponent("\(name).pgm")
        try pgm(code).write(to: file)
        return try decode(file, binary: binary)
    }
}
