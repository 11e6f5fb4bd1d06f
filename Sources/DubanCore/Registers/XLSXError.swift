/// Why a workbook could not be written or read. Each case has a stable `code`, the `field` at fault and a
/// bilingual message, ready for the API's `{"error":{"code","message","field"}}`. Writing errors name the
/// input (`sheets[0].name`, `sheets[1].rows[4][2]`); every reading error names the uploaded `file`.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Writing

    /// A workbook needs at least one sheet.
    case noSheets
    /// A sheet name is empty, longer than 31 characters, holds one of `[]:*?/\` or a control character,
    /// starts or ends with `'`, or is Excel's reserved name `History`.
    case invalidSheetName(field: String, name: String, reason: String)
    /// Two sheets share a name (Excel compares names without case).
    case duplicateSheetName(field: String, name: String)
    /// A column-width hint is not a finite number in 0–255.
    case invalidColumnWidth(field: String, width: Double)
    /// More rows or columns than an Excel sheet holds (see ``XLSXFormat``).
    case sheetTooLarge(field: String, count: Int, maximum: Int)
    /// A cell holds more characters (UTF-16 units) than an Excel cell holds.
    case cellTooLong(field: String, length: Int, maximum: Int)
    /// The ZIP library refused to build the package (not expected; reported rather than trapped).
    case writeFailed(reason: String)

    // MARK: Reading (field "file")

    /// The bytes are not a ZIP package at all.
    case notXLSX(reason: String)
    /// An old binary `.xls` workbook or a password-protected workbook (both are OLE compound files).
    case legacyOrEncrypted
    /// The ZIP structure or an entry's compressed data is damaged (bad offsets, CRC, sizes, truncation).
    case corrupt(reason: String)
    /// A valid ZIP feature this reader does not handle (ZIP64, multi-disk, encryption, other compression).
    case unsupported(reason: String)
    /// An entry name is absolute or climbs out of the package with `..`.
    case unsafeEntryPath(String)
    /// Two entries have the same name (part names compare without case).
    case duplicateEntry(String)
    /// A configured limit of ``XLSXReadLimits`` was passed.
    case limitExceeded(XLSXReadLimits.Limit, actual: Int, maximum: Int)
    /// The package has no spreadsheet workbook part (for example a `.docx`).
    case missingWorkbook
    /// A part named by a relationship is not in the package.
    case missingPart(String)
    /// A part is not well-formed XML, or carries a DOCTYPE (refused: entity expansion attacks).
    case malformedXML(part: String, line: Int, reason: String)
    /// Well-formed XML whose content breaks the sheet format (bad cell reference, unknown string index,
    /// rows out of order).
    case malformedSheet(sheet: String, reason: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .noSheets: return "no_sheets"
        case .invalidSheetName: return "invalid_sheet_name"
        case .duplicateSheetName: return "duplicate_sheet_name"
        case .invalidColumnWidth: return "invalid_column_width"
        case .sheetTooLarge: return "sheet_too_large"
        case .cellTooLong: return "cell_too_long"
        case .writeFailed: return "xlsx_write_failed"
        case .notXLSX: return "not_xlsx"
        case .legacyOrEncrypted: return "xls_or_encrypted"
        case .corrupt: return "corrupt_xlsx"
        case .unsupported: return "unsupported_xlsx"
        case .unsafeEntryPath: return "unsafe_entry_path"
        case .duplicateEntry: return "duplicate_entry"
        case .limitExceeded: return "xlsx_limit_exceeded"
        case .missingWorkbook: return "missing_workbook"
        case .missingPart: return "missing_part"
        case .malformedXML: return "malformed_xml"
        case .malformedSheet: return "malformed_sheet"
        }
    }

    /// The input field at fault: a path into the sheets for writing, `file` for reading.
    public var field: String {
        switch self {
        case .noSheets: return "sheets"
        case .invalidSheetName(let field, _, _), .duplicateSheetName(let field, _), .invalidColumnWidth(let field, _),
             .sheetTooLarge(let field, _, _), .cellTooLong(let field, _, _):
            return field
        default: return "file"
        }
    }

    /// `中文 / English`, for people.
    public var message: String {
        switch self {
        case .noSheets:
            return "工作簿至少需要一个工作表 / a workbook needs at least one sheet"
        case .invalidSheetName(_, let name, let reason):
            return "工作表名称无效 / invalid sheet name \"\(name)\": \(reason)"
        case .duplicateSheetName(_, let name):
            return "工作表名称「\(name)」重复 / duplicate sheet name \"\(name)\""
        case .invalidColumnWidth(_, let width):
            return "列宽 \(width) 应在 0–255 之间 / column width \(width) must be within 0–255"
        case .sheetTooLarge(_, let count, let maximum):
            return "工作表有 \(count) 行（列），超过 Excel 上限 \(maximum) / \(count) rows (columns) exceed Excel's \(maximum)"
        case .cellTooLong(_, let length, let maximum):
            return "单元格有 \(length) 个字符，超过 Excel 上限 \(maximum) / a cell of \(length) characters exceeds Excel's \(maximum)"
        case .writeFailed(let reason):
            return "无法生成 XLSX 文件 / could not build the XLSX package: \(reason)"
        case .notXLSX(let reason):
            return "不是有效的 XLSX 文件 / not an XLSX file: \(reason)"
        case .legacyOrEncrypted:
            return "文件是旧版 .xls 或已加密，请另存为不加密的 .xlsx / an old .xls or password-protected workbook: save it as an unprotected .xlsx"
        case .corrupt(let reason):
            return "XLSX 文件已损坏 / damaged XLSX file: \(reason)"
        case .unsupported(let reason):
            return "不支持的 XLSX 文件 / unsupported XLSX file: \(reason)"
        case .unsafeEntryPath(let path):
            return "压缩包含不安全的路径「\(path)」/ unsafe entry path \"\(path)\""
        case .duplicateEntry(let path):
            return "压缩包中「\(path)」重复 / duplicate entry \"\(path)\""
        case .limitExceeded(let limit, let actual, let maximum):
            return "\(limit.chineseName)为 \(actual)，超过上限 \(maximum) / \(limit.rawValue) \(actual) exceeds the limit \(maximum)"
        case .missingWorkbook:
            return "文件中没有 Excel 工作簿 / the package holds no spreadsheet workbook"
        case .missingPart(let path):
            return "文件缺少「\(path)」/ missing part \"\(path)\""
        case .malformedXML(let part, let line, let reason):
            return "「\(part)」第\(line)行 XML 格式错误 / malformed XML in \"\(part)\" line \(line): \(reason)"
        case .malformedSheet(let sheet, let reason):
            return "工作表「\(sheet)」格式错误 / malformed sheet \"\(sheet)\": \(reason)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
