import Foundation

/// Part names inside the package (ECMA-376 Part 2, Open Packaging Conventions).
enum XLSXPartPath {
    /// The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`, the package
    /// itself (`""`) → `_rels/.rels`.
    static func relationships(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// Resolves a relationship `target` against the folder of `source` (`""` for the package). Targets may be
    /// absolute (`/xl/worksheets/sheet1.xml`), percent-encoded or use `\`. `nil` when `..` climbs out of the
    /// package.
    static func resolve(_ target: String, from source: String) -> String? {
        let decoded = (target.removingPercentEncoding ?? target).replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring] = []
        if !decoded.hasPrefix("/"), let slash = source.lastIndex(of: "/") {
            segments = source[..<slash].split(separator: "/")
        }
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
