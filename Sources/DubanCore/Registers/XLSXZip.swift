import Foundation
import ZIPFoundation

/// The ZIP container of a workbook, built in memory with ZIPFoundation.
enum XLSXZip {
    /// A ZIP holding `entries` in the given order, each deflated and stamped with `modificationDate`.
    /// ZIPFoundation writes no other varying field (permissions are its fixed 0644), so equal input gives
    /// equal bytes on the same platform (zlib on Linux, Compression on Apple systems).
    static func archive(_ entries: [(path: String, data: Data)], modificationDate: Date) throws(XLSXError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let data = entry.data
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: modificationDate, compressionMethod: .deflate,
                                     provider: { position, size in
                                         let start = data.startIndex + Int(position)
                                         return data.subdata(in: start..<min(start + size, data.endIndex))
                                     })
            }
            guard let data = archive.data else { throw XLSXError.writeFailed(reason: "no archive data") }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .writeFailed(reason: String(describing: error))
        }
    }
}
