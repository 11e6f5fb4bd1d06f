import Foundation
import ZIPFoundation

/// The central directory of an uploaded ZIP, checked byte by byte before anything is inflated.
///
/// Why not `Archive(data:accessMode: .read)` and `Archive.extract(_:consumer:)`: on hostile input
/// ZIPFoundation 0.9.20's in-memory reader traps when the directory points past the end of the data
/// (its memory file computes a negative read length), scans the whole file byte by byte for the end
/// record, and on Linux its `extract` loops forever on a truncated deflate stream (the inflate loop waits
/// for `Z_STREAM_END` while the file provider returns empty chunks). So this type parses the directory
/// itself, bounds every offset, and inflates each entry through ZIPFoundation's public
/// `Data.decompress(size:bufferSize:skipCRC32:provider:consumer:)` with a provider that serves only that
/// entry's bytes and throws when they run out. Formats: APPNOTE.TXT 4.3 (local header, central directory,
/// end of central directory record).
struct XLSXZipDirectory {
    struct Entry {
        /// The name as stored (`xl/worksheets/sheet1.xml`).
        var path: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the entry's compressed bytes start in the file.
        var dataOffset: Int
    }

    let data: Data
    /// Entries by lower-cased path (OPC part names compare without case).
    private(set) var entries: [String: Entry] = [:]

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50
    /// The first bytes of an OLE compound file: `.xls` and every password-protected Office file.
    private static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(data: Data, limits: XLSXReadLimits) throws(XLSXError) {
        self.data = data
        try XLSXReadLimits.check(.fileSize, data.count, limits.maximumFileSize)
        let bytes = [UInt8](data)
        if bytes.starts(with: Self.compoundFileMagic) { throw .legacyOrEncrypted }
        let looksLikeZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        guard bytes.count >= 22 else {
            throw looksLikeZip ? .corrupt(reason: "truncated / 文件被截断") : .notXLSX(reason: "too short / 文件过短")
        }
        // The end record is the last 22 bytes, or sits before a comment of at most 65,535 bytes.
        var end: Int?
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 22 - 65_535) {
            if Self.uint32(bytes, position) == Self.endRecordSignature { end = position; break }
            position -= 1
        }
        guard let end else {
            throw looksLikeZip ? .corrupt(reason: "end of central directory missing (truncated) / 缺少中央目录结尾，文件可能被截断")
                : .notXLSX(reason: "no ZIP end record / 不是 ZIP 压缩包")
        }
        let disk = Self.uint16(bytes, end + 4), directoryDisk = Self.uint16(bytes, end + 6)
        let entriesOnDisk = Int(Self.uint16(bytes, end + 8)), count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Self.uint32(bytes, end + 12), directoryOffset = Self.uint32(bytes, end + 16)
        guard disk == 0, directoryDisk == 0, entriesOnDisk == count else {
            throw .unsupported(reason: "multi-disk ZIP / 分卷压缩包")
        }
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw .unsupported(reason: "ZIP64 / ZIP64 格式")
        }
        try XLSXReadLimits.check(.entries, count, limits.maximumEntries)
        let start = Int(directoryOffset)
        guard start + Int(directorySize) <= end else {
            throw .corrupt(reason: "central directory out of range / 中央目录越界")
        }
        var cursor = start
        for _ in 0..<count {
            guard cursor + 46 <= start + Int(directorySize), Self.uint32(bytes, cursor) == Self.centralSignature else {
                throw .corrupt(reason: "bad central directory entry / 中央目录条目损坏")
            }
            let nameLength = Int(Self.uint16(bytes, cursor + 28))
            let extraLength = Int(Self.uint16(bytes, cursor + 30)), commentLength = Int(Self.uint16(bytes, cursor + 32))
            let next = cursor + 46 + nameLength + extraLength + commentLength
            guard next <= start + Int(directorySize) else {
                throw .corrupt(reason: "bad central directory entry / 中央目录条目损坏")
            }
            let path = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let compressed = Self.uint32(bytes, cursor + 20), uncompressed = Self.uint32(bytes, cursor + 24)
            let localOffset = Self.uint32(bytes, cursor + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF else {
                throw .unsupported(reason: "ZIP64 / ZIP64 格式")
            }
            if !Self.isSafe(path) { throw .unsafeEntryPath(path) }
            // The local header repeats the name; its own name and extra lengths place the data.
            let local = Int(localOffset)
            guard local + 30 <= start, Self.uint32(bytes, local) == Self.localSignature else {
                throw .corrupt(reason: "bad local header for \(path) / 条目头损坏")
            }
            let dataOffset = local + 30 + Int(Self.uint16(bytes, local + 26)) + Int(Self.uint16(bytes, local + 28))
            guard dataOffset + Int(compressed) <= start else {
                throw .corrupt(reason: "entry data out of range for \(path) / 条目数据越界")
            }
            let entry = Entry(path: path, flags: Self.uint16(bytes, cursor + 8), method: Self.uint16(bytes, cursor + 10),
                              crc32: Self.uint32(bytes, cursor + 16), compressedSize: Int(compressed),
                              uncompressedSize: Int(uncompressed), dataOffset: dataOffset)
            let key = path.lowercased()
            guard entries[key] == nil else { throw .duplicateEntry(path) }
            entries[key] = entry
            cursor = next
        }
    }

    /// The entry named `path` (without case).
    func entry(_ path: String) -> Entry? { entries[path.lowercased()] }

    /// Inflates `entry`, refusing it past the entry limit or past `budget` (what is left of the total
    /// limit), and checking its size and CRC-32 against the directory.
    func contents(of entry: Entry, limits: XLSXReadLimits, budget: Int) throws(XLSXError) -> Data {
        guard entry.flags & 1 == 0 else { throw .unsupported(reason: "encrypted entry \(entry.path) / 加密条目") }
        try XLSXReadLimits.check(.entrySize, entry.uncompressedSize, limits.maximumEntrySize)
        if entry.uncompressedSize > budget {
            throw .limitExceeded(.totalSize, actual: limits.maximumTotalSize - budget + entry.uncompressedSize,
                                 maximum: limits.maximumTotalSize)
        }
        let base = data.startIndex + entry.dataOffset
        let compressed = data.subdata(in: base..<(base + entry.compressedSize))
        let output: Data
        let checksum: CRC32
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .corrupt(reason: "stored size mismatch in \(entry.path) / 条目大小不符")
            }
            output = compressed
            checksum = compressed.crc32(checksum: 0)
        case 8:
            (output, checksum) = try Self.inflate(compressed, declaredSize: entry.uncompressedSize, path: entry.path)
        default:
            throw .unsupported(reason: "compression method \(entry.method) in \(entry.path) / 不支持的压缩方式")
        }
        guard output.count == entry.uncompressedSize, checksum == entry.crc32 else {
            throw .corrupt(reason: "size or CRC mismatch in \(entry.path) / 条目校验失败")
        }
        return output
    }

    /// Raw deflate through ZIPFoundation, fed only `compressed`. On Linux ZIPFoundation asks for whole
    /// buffers and hands zlib the full buffer length, so the last chunk is padded with zeros; a stream that
    /// still wants input after the entry's bytes is truncated and the provider throws. Output beyond
    /// `declaredSize` (a lying header) stops the inflation at once.
    private static func inflate(_ compressed: Data, declaredSize: Int, path: String) throws(XLSXError) -> (Data, CRC32) {
        struct Overflow: Error {}
        struct Truncated: Error {}
        var output = Data()
        output.reserveCapacity(declaredSize)
        do {
            let checksum = try Data.decompress(size: Int64(compressed.count), bufferSize: 64 * 1024, skipCRC32: false,
                                               provider: { position, size in
                                                   let start = Int(position)
                                                   guard start < compressed.count, size > 0 else { throw Truncated() }
                                                   var chunk = compressed.subdata(in: start..<min(start + size, compressed.count))
                                                   if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                                                   return chunk
                                               }, consumer: { piece in
                                                   guard output.count + piece.count <= declaredSize else { throw Overflow() }
                                                   output.append(piece)
                                               })
            return (output, checksum)
        } catch is Overflow {
            throw .corrupt(reason: "\(path) inflates past its declared size / 解压后超过声明大小")
        } catch is Truncated {
            throw .corrupt(reason: "\(path) compressed data truncated / 压缩数据不完整")
        } catch {
            throw .corrupt(reason: "\(path) compressed data damaged / 压缩数据损坏")
        }
    }

    /// A name that stays inside the package: not absolute, no drive letter, no `..` component, no NUL.
    static func isSafe(_ path: String) -> Bool {
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\0") { return false }
        let scalars = Array(path.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":" { return false }
        return !path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
