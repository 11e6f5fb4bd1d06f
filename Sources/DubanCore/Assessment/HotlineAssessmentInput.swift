import Foundation

/// Reads the input files of `duban assess hotline` (SPEC A2; format in docs/assess-hotline.md):
/// UTF-8 JSONL, one JSON object per line, blank lines skipped, `\n` or `\r\n` line ends.
///
/// Reading the file from disk is the caller's job. The first bad line stops the reading with an
/// ``AssessmentError`` naming its 1-based line number and field.
public enum HotlineAssessmentInput {
    /// The cases of `--input`, one ``HotlineCaseInput`` per line; a repeated `id` is an error.
    public static func parseCases(jsonl: Data) throws -> [HotlineCaseInput] {
        var firstLines: [String: Int] = [:]
        return try parseLines(jsonl, as: HotlineCaseInput.self) { item, line in
            if let first = firstLines.updateValue(line, forKey: item.id) {
                throw AssessmentError.duplicateCase(line: line, id: item.id, firstLine: first)
            }
        }
    }

    /// The per-unit facts of `--unit-input`, one ``HotlineUnitInput`` per line; a repeated unit is
    /// an error.
    public static func parseUnits(jsonl: Data) throws -> [HotlineUnitInput] {
        var firstLines: [String: Int] = [:]
        return try parseLines(jsonl, as: HotlineUnitInput.self) { item, line in
            if let first = firstLines.updateValue(line, forKey: item.unit) {
                throw AssessmentError.duplicateUnit(line: line, unit: item.unit, firstLine: first)
            }
        }
    }

    private static func parseLines<Item: Decodable>(
        _ data: Data, as type: Item.Type, check: (Item, Int) throws -> Void
    ) throws -> [Item] {
        let decoder = JSONDecoder()
        var items: [Item] = []
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var lineNumber = 0
            var lineStart = 0
            // A UTF-8 byte-order mark is not part of the first line.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
            while lineStart < bytes.count {
                let newline = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                lineNumber += 1
                let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<newline])
                lineStart = newline + 1
                guard line.contains(where: { !isJSONWhitespace($0) }) else { continue }
                let item: Item
                do {
                    item = try decoder.decode(Item.self, from: Data(line))
                } catch let error as DecodingError {
                    throw AssessmentError(decodingError: error, line: lineNumber)
                }
                try check(item, lineNumber)
                items.append(item)
            }
        }
        return items
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
