/// Why an assessment input or request was refused. Each case has a stable `code`, names the
/// offending `field` (a JSON path such as `extensions[1].requestedAt`) and, for a line of a JSONL
/// file, its 1-based `line`; ready for the API's `{"error":{"code","message","field"}}` and for the
/// command line.
public enum AssessmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The period is not `yyyy-mm/yyyy-mm`, runs backwards, or spans more than
    /// ``AssessmentPeriod/maximumMonths`` months.
    case invalidPeriod(String, chinese: String, english: String)
    /// The line is not a JSON object.
    case invalidJSON(line: Int)
    /// A required field is absent or null.
    case missingField(line: Int?, field: String)
    /// A field has the wrong JSON type; `expected` names the right one (`string`, `integer` …).
    case invalidType(line: Int?, field: String, expected: String)
    /// A time is not ISO 8601 with an offset (SPEC A2: "All times ISO 8601 with offset").
    case invalidTime(line: Int?, field: String, value: String)
    /// A value of the right type is not allowed, for the reason given in both languages.
    case invalidValue(line: Int?, field: String, chinese: String, english: String)
    /// Two cases have the same `id`.
    case duplicateCase(line: Int?, id: String, firstLine: Int?)
    /// Two unit lines name the same unit.
    case duplicateUnit(line: Int?, unit: String, firstLine: Int?)
    /// A working-time deadline of a case could not be computed (an instant outside years 1–9999).
    case calendar(caseID: String, field: String, CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidPeriod: "invalid_period"
        case .invalidJSON: "invalid_json"
        case .missingField: "missing_field"
        case .invalidType: "invalid_type"
        case .invalidTime: "invalid_time"
        case .invalidValue: "invalid_value"
        case .duplicateCase: "duplicate_case"
        case .duplicateUnit: "duplicate_unit"
        case .calendar(_, _, let error): error.code
        }
    }

    /// The field at fault, as the input file names it.
    public var field: String {
        switch self {
        case .invalidPeriod: "period"
        case .invalidJSON: ""
        case .missingField(_, let field), .invalidType(_, let field, _), .invalidTime(_, let field, _),
             .invalidValue(_, let field, _, _), .calendar(_, let field, _):
            field
        case .duplicateCase: "id"
        case .duplicateUnit: "unit"
        }
    }

    /// The 1-based line of the JSONL file at fault, when the error comes from a file.
    public var line: Int? {
        switch self {
        case .invalidPeriod, .calendar: nil
        case .invalidJSON(let line): line
        case .missingField(let line, _), .invalidType(let line, _, _), .invalidTime(let line, _, _),
             .invalidValue(let line, _, _, _), .duplicateCase(let line, _, _), .duplicateUnit(let line, _, _):
            line
        }
    }

    /// A bilingual message for people, `中文 / English`, starting with the line when there is one.
    public var message: String {
        let prefix = line.map { ("第 \($0) 行：", "line \($0): ") } ?? ("", "")
        let (chinese, english) = texts
        return "\(prefix.0)\(chinese) / \(prefix.1)\(english)"
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }

    private var texts: (String, String) {
        switch self {
        case .invalidPeriod(let value, let chinese, let english):
            ("考核周期“\(value)”无效：\(chinese)", "invalid period \"\(value)\": \(english)")
        case .invalidJSON:
            ("不是一个 JSON 对象", "not a JSON object")
        case .missingField(_, let field):
            ("缺少必填字段 \(field)", "required field \(field) is missing or null")
        case .invalidType(_, let field, let expected):
            ("字段 \(field) 类型错误，应为 \(expected)", "\(field) must be a JSON \(expected)")
        case .invalidTime(_, let field, let value):
            ("字段 \(field) 的时间“\(value)”不是带时区偏移的 ISO 8601 时间",
             "\(field) \"\(value)\" is not an ISO 8601 time with an offset, e.g. 2026-09-11T16:00:00+08:00")
        case .invalidValue(_, let field, let chinese, let english):
            ("字段 \(field) 的值无效：\(chinese)", "\(field): \(english)")
        case .duplicateCase(_, let id, let firstLine):
            ("案件编号“\(id)”重复\(firstLine.map { "（首次出现在第 \($0) 行）" } ?? "")",
             "case id \"\(id)\" appears twice\(firstLine.map { " (first on line \($0))" } ?? "")")
        case .duplicateUnit(_, let unit, let firstLine):
            ("单位“\(unit)”重复\(firstLine.map { "（首次出现在第 \($0) 行）" } ?? "")",
             "unit \"\(unit)\" appears twice\(firstLine.map { " (first on line \($0))" } ?? "")")
        case .calendar(let caseID, let field, let error):
            ("案件“\(caseID)”的工作时间期限无法计算", "case \"\(caseID)\": \(field): \(error.message)")
        }
    }
}
