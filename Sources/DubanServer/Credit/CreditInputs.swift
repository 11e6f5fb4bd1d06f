import DubanCore
import Vapor

/// A decision entered by a department: a penalty, a licence, a commendation or an accident finding,
/// with its document number, date, authority and legal basis (SPEC M6; 000 阳政办(2017)35号 双公示).
struct CreditRecordInput: Content {
    var subjectId: String
    var kind: String
    /// Defaults to "other"; decides a penalty's repair period (SPEC A3).
    var field: String?
    var decisionNumber: String
    var decisionDate: String
    var authority: String
    var legalBasis: String
    var summary: String?
    /// When it was published (双公示), if it already was; ISO 8601.
    var publishedAt: String?

    /// The kinds a department enters; hazard records arise from the ledger only.
    static let enteredKinds: [CreditRecordKind] = [.penaltyMinor, .penaltySerious, .penaltyVerySerious, .licensingDecision,
                                                   .commendation, .accidentResponsibility]

    static let schema = Schema.object([
        ("subjectId", Schema.uuid), ("kind", Schema.enumeration(enteredKinds.map(\.rawValue))),
        ("field", Schema.enumeration(CreditField.allCases.map(\.rawValue))),
        ("decisionNumber", Schema.string(maxLength: 100, minLength: 1)), ("decisionDate", Schema.date),
        ("authority", Schema.string(maxLength: 200, minLength: 1)), ("legalBasis", Schema.string(maxLength: 500, minLength: 1)),
        ("summary", Schema.string(maxLength: 2000)), ("publishedAt", Schema.dateTime),
    ], required: ["subjectId", "kind", "decisionNumber", "decisionDate", "authority", "legalBasis"])
}

/// 异议 — what the subject says is wrong, with references to its evidence.
struct CreditObjectionInput: Content {
    var reason: String
    var evidence: [String]?

    static let schema = Schema.object([
        ("reason", Schema.string(maxLength: 2000, minLength: 1)), ("evidence", Schema.array(Schema.string(maxLength: 500), maxItems: 20)),
    ], required: ["reason"])
}

/// 信用修复申请 — the wrong corrected, the commitment letter, the evidence.
struct CreditRepairInput: Content {
    var wrongCorrected: Bool
    var commitmentLetter: Bool
    var evidence: [String]

    static let schema = Schema.object([
        ("wrongCorrected", Schema.boolean), ("commitmentLetter", Schema.boolean),
        ("evidence", Schema.array(Schema.string(maxLength: 500), maxItems: 20)),
    ], required: ["wrongCorrected", "commitmentLetter", "evidence"])
}

/// A reviewer's decision: uphold/reject an objection, approve/refuse a repair, with the written finding.
struct CreditDecisionInput: Content {
    var decision: String
    var finding: String

    static let schema = Schema.object([
        ("decision", Schema.enumeration(["uphold", "reject", "approve", "refuse"])),
        ("finding", Schema.string(maxLength: 2000, minLength: 1)),
    ], required: ["decision", "finding"])
}

/// A step of the black-list procedure (the scheduler alone ends a listing at its term).
struct BlackListEventInput: Content {
    var event: String
    /// The statement (陈述申辩) for `submit_statement`.
    var statement: String?
    /// The written decision's number for `list`.
    var decisionDocument: String?
    /// Why, for `dismiss` and `refuse_removal`.
    var reason: String?

    static let events: [BlackListEventKind] = [.notify, .submitStatement, .list, .dismiss, .applyForRemoval, .approveRemoval, .refuseRemoval]

    static let schema = Schema.object([
        ("event", Schema.enumeration(events.map(\.rawValue))), ("statement", Schema.string(maxLength: 4000)),
        ("decisionDocument", Schema.string(maxLength: 100)), ("reason", Schema.string(maxLength: 2000)),
    ], required: ["event"])
}

struct CreditAgencyInput: Content {
    var name: String
    var kind: String

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 200, minLength: 1)), ("kind", Schema.enumeration(CreditAgency.Kind.allCases.map(\.rawValue))),
    ], required: ["name", "kind"])
}

/// 执行反馈 — an agency reports the measure it took about a subject.
struct JointFeedbackInput: Content {
    var creditCode: String
    /// The list change it responds to, from the feed.
    var changeId: String?
    /// "responded" (发起响应) or "executed" (执行反馈, the default).
    var stage: String?
    var measure: String
    var detail: String?
    /// yyyy-mm-dd.
    var takenOn: String?

    static let schema = Schema.object([
        ("creditCode", Schema.string(maxLength: 18, minLength: 18)), ("changeId", Schema.uuid),
        ("stage", Schema.enumeration(JointRoutes.Stage.allCases.map(\.rawValue))),
        ("measure", Schema.string(maxLength: 200, minLength: 1)), ("detail", Schema.string(maxLength: 2000)),
        ("takenOn", Schema.date),
    ], required: ["creditCode", "measure"])
}
