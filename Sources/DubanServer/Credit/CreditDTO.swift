import DubanCore
import Vapor

/// A code with its Chinese name: `{"code":"low_grade","name":"信用等级过低"}`.
struct NamedCode: Content, Equatable {
    var code: String
    var name: String

    static let schema = Schema.object([("code", Schema.string()), ("name", Schema.string())], required: ["code", "name"])
}

/// A credit record as signed-in users see it (the subject, supervisors, inspectors).
struct CreditRecordDTO: Content {
    var id: UUID
    var subjectId: UUID
    var kind: CreditRecordKind
    var kindName: String
    var field: CreditField
    var fieldName: String
    var points: Int
    var decisionDate: String
    /// The first day the record no longer counts.
    var expiresOn: String
    var status: CreditRecordStatus
    var statusName: String
    var decisionNumber: String?
    var authority: String?
    var legalBasis: String?
    var summary: String?
    /// "ledger" (arose from a ledger item), "entry" (entered by a department) or "elevator" (an elevator penalty).
    var source: String
    var ledgerItemId: UUID?
    var requiresPublication: Bool
    var publicationDueAt: String?
    var publicationRule: String?
    var publishedAt: String?
    /// Published after the deadline, or still unpublished after it.
    var publicationLate: Bool
    /// Shown to the public now.
    var publiclyVisible: Bool
    var repairEligibleFrom: String?
    var recordedBy: String
    var createdAt: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("subjectId", Schema.uuid),
        ("kind", Schema.enumeration(CreditRecordKind.allCases.map(\.rawValue))), ("kindName", Schema.string()),
        ("field", Schema.enumeration(CreditField.allCases.map(\.rawValue))), ("fieldName", Schema.string()),
        ("points", Schema.integer()), ("decisionDate", Schema.date), ("expiresOn", Schema.date),
        ("status", Schema.enumeration(CreditRecordStatus.allCases.map(\.rawValue))), ("statusName", Schema.string()),
        ("decisionNumber", Schema.string()), ("authority", Schema.string()), ("legalBasis", Schema.string()),
        ("summary", Schema.string()), ("source", Schema.enumeration(["ledger", "entry", "elevator"])), ("ledgerItemId", Schema.uuid),
        ("requiresPublication", Schema.boolean), ("publicationDueAt", Schema.dateTime), ("publicationRule", Schema.string()),
        ("publishedAt", Schema.dateTime), ("publicationLate", Schema.boolean), ("publiclyVisible", Schema.boolean),
        ("repairEligibleFrom", Schema.date), ("recordedBy", Schema.string()), ("createdAt", Schema.dateTime),
    ], required: ["id", "subjectId", "kind", "kindName", "field", "fieldName", "points", "decisionDate", "expiresOn", "status",
                  "statusName", "source", "requiresPublication", "publicationLate", "publiclyVisible", "recordedBy", "createdAt"])
}

/// A record as the public sees it: published, in effect, and only what publication discloses.
struct PublicCreditRecordDTO: Content {
    var kind: CreditRecordKind
    var kindName: String
    var points: Int
    var decisionDate: String
    var decisionNumber: String?
    var authority: String?
    var legalBasis: String?
    var summary: String?
    var publishedAt: String
    /// On the list of decisions only.
    var subjectName: String?
    var creditCode: String?

    static let schema = Schema.object([
        ("kind", Schema.enumeration(CreditRecordKind.allCases.map(\.rawValue))), ("kindName", Schema.string()),
        ("points", Schema.integer()), ("decisionDate", Schema.date), ("decisionNumber", Schema.string()),
        ("authority", Schema.string()), ("legalBasis", Schema.string()), ("summary", Schema.string()),
        ("publishedAt", Schema.dateTime), ("subjectName", Schema.string()), ("creditCode", Schema.string()),
    ], required: ["kind", "kindName", "points", "decisionDate", "publishedAt"])
}

/// Score, grade, list conditions and measures on one day (the core's `CreditStanding`).
struct CreditStandingDTO: Content {
    var day: String
    var score: Int
    var grade: CreditGrade
    var gradeName: String
    var deductions: Int
    var commendationPoints: Int
    var redListed: Bool
    var blackListed: Bool
    /// Black-list entry conditions that hold now (entry itself needs the procedure).
    var blackListReasons: [NamedCode]
    var measures: [NamedCode]

    init(_ standing: CreditStanding, blackListed: Bool) {
        day = standing.day.description
        score = standing.score
        grade = standing.grade
        gradeName = standing.grade.chinese
        deductions = standing.deductions
        commendationPoints = standing.commendationPoints
        redListed = standing.isRedListEligible && !blackListed
        self.blackListed = blackListed
        blackListReasons = standing.blackListReasons.map { NamedCode(code: $0.rawValue, name: $0.chinese) }
        measures = standing.measures.map { NamedCode(code: $0.rawValue, name: $0.chinese) }
    }

    static let schema = Schema.object([
        ("day", Schema.date), ("score", Schema.integer()), ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))),
        ("gradeName", Schema.string()), ("deductions", Schema.integer()), ("commendationPoints", Schema.integer()),
        ("redListed", Schema.boolean), ("blackListed", Schema.boolean),
        ("blackListReasons", Schema.array(Schema.ref("NamedCode"))), ("measures", Schema.array(Schema.ref("NamedCode"))),
    ], required: ["day", "score", "grade", "gradeName", "deductions", "commendationPoints", "redListed", "blackListed",
                  "blackListReasons", "measures"])
}

/// The score at one month's end (the current month: now).
struct CreditHistoryPointDTO: Content {
    var month: String
    var score: Int
    var grade: CreditGrade

    static let schema = Schema.object([
        ("month", Schema.string(pattern: "^[0-9]{4}-[0-9]{2}$")), ("score", Schema.integer()),
        ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))),
    ], required: ["month", "score", "grade"])
}

struct BlackListCaseDTO: Content {
    var id: UUID
    var subjectId: UUID
    var state: BlackListState
    var stateName: String
    var listed: Bool
    var reasons: [NamedCode]
    var proposedAt: String
    var notifiedAt: String?
    var statementDue: String?
    var statementRule: String?
    var statement: String?
    var statementAt: String?
    var decisionDocument: String?
    var listedAt: String?
    var listedOn: String?
    var listingEndsOn: String?
    var earlyRemovalFrom: String?
    var removalAppliedAt: String?
    var removalRefusalReason: String?
    var removedAt: String?
    var removal: BlackListRemoval?
    var dismissedAt: String?
    var dismissalReason: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("subjectId", Schema.uuid), ("state", Schema.enumeration(BlackListState.allCases.map(\.rawValue))),
        ("stateName", Schema.string()), ("listed", Schema.boolean), ("reasons", Schema.array(Schema.ref("NamedCode"))),
        ("proposedAt", Schema.dateTime), ("notifiedAt", Schema.dateTime), ("statementDue", Schema.dateTime),
        ("statementRule", Schema.string()), ("statement", Schema.string()), ("statementAt", Schema.dateTime),
        ("decisionDocument", Schema.string()), ("listedAt", Schema.dateTime), ("listedOn", Schema.date),
        ("listingEndsOn", Schema.date), ("earlyRemovalFrom", Schema.date), ("removalAppliedAt", Schema.dateTime),
        ("removalRefusalReason", Schema.string()), ("removedAt", Schema.dateTime),
        ("removal", Schema.enumeration(BlackListRemoval.allCases.map(\.rawValue))), ("dismissedAt", Schema.dateTime),
        ("dismissalReason", Schema.string()),
    ], required: ["id", "subjectId", "state", "stateName", "listed", "reasons", "proposedAt"])
}

struct CreditObjectionDTO: Content {
    var id: UUID
    var recordId: UUID
    var state: CreditObjectionState
    var stateName: String
    var reason: String
    var evidence: [String]
    var filedAt: String
    var filedBy: String
    var reviewDueAt: String
    var reviewRule: String
    var reviewOverdue: Bool
    var decidedAt: String?
    var decidedBy: String?
    var finding: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("recordId", Schema.uuid), ("state", Schema.enumeration(CreditObjectionState.allCases.map(\.rawValue))),
        ("stateName", Schema.string()), ("reason", Schema.string()), ("evidence", Schema.array(Schema.string())),
        ("filedAt", Schema.dateTime), ("filedBy", Schema.string()), ("reviewDueAt", Schema.dateTime), ("reviewRule", Schema.string()),
        ("reviewOverdue", Schema.boolean), ("decidedAt", Schema.dateTime), ("decidedBy", Schema.string()), ("finding", Schema.string()),
    ], required: ["id", "recordId", "state", "stateName", "reason", "evidence", "filedAt", "filedBy", "reviewDueAt", "reviewRule",
                  "reviewOverdue"])
}

struct CreditRepairDTO: Content {
    var id: UUID
    var recordId: UUID
    var state: CreditRepairState
    var stateName: String
    var wrongCorrected: Bool
    var commitmentLetter: Bool
    var evidence: [String]
    var appliedAt: String
    var appliedBy: String
    var reviewDueAt: String
    var reviewRule: String
    var reviewOverdue: Bool
    var decidedAt: String?
    var decidedBy: String?
    var finding: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("recordId", Schema.uuid), ("state", Schema.enumeration(CreditRepairState.allCases.map(\.rawValue))),
        ("stateName", Schema.string()), ("wrongCorrected", Schema.boolean), ("commitmentLetter", Schema.boolean),
        ("evidence", Schema.array(Schema.string())), ("appliedAt", Schema.dateTime), ("appliedBy", Schema.string()),
        ("reviewDueAt", Schema.dateTime), ("reviewRule", Schema.string()), ("reviewOverdue", Schema.boolean),
        ("decidedAt", Schema.dateTime), ("decidedBy", Schema.string()), ("finding", Schema.string()),
    ], required: ["id", "recordId", "state", "stateName", "wrongCorrected", "commitmentLetter", "evidence", "appliedAt", "appliedBy",
                  "reviewDueAt", "reviewRule", "reviewOverdue"])
}

struct CreditMeasureDTO: Content {
    var id: UUID
    var measure: CreditMeasure
    var measureName: String
    var grade: CreditGrade
    var previousGrade: CreditGrade
    var score: Int
    var notifiedUnitId: UUID?
    var notice: String
    var at: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("measure", Schema.enumeration(CreditMeasure.allCases.map(\.rawValue))), ("measureName", Schema.string()),
        ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))),
        ("previousGrade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))), ("score", Schema.integer()),
        ("notifiedUnitId", Schema.uuid), ("notice", Schema.string()), ("at", Schema.dateTime),
    ], required: ["id", "measure", "measureName", "grade", "previousGrade", "score", "notice", "at"])
}

/// 执行反馈 — what a partner agency did, as the subject's page shows it.
struct JointFeedbackDTO: Content {
    var id: UUID
    var agency: String
    var agencyKind: String
    var stage: String
    var stageName: String
    var measure: String
    var detail: String?
    var takenOn: String?
    var changeId: UUID?
    var at: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("agency", Schema.string()), ("agencyKind", Schema.enumeration(CreditAgency.Kind.allCases.map(\.rawValue))),
        ("stage", Schema.enumeration(JointRoutes.Stage.allCases.map(\.rawValue))), ("stageName", Schema.string()),
        ("measure", Schema.string()), ("detail", Schema.string()), ("takenOn", Schema.date), ("changeId", Schema.uuid),
        ("at", Schema.dateTime),
    ], required: ["id", "agency", "agencyKind", "stage", "stageName", "measure", "at"])
}

/// One audit entry about the subject's credit, shown to the subject and its reviewers.
struct CreditAuditLineDTO: Content {
    var at: String
    var actor: String
    var action: String
    var entityType: String
    var entityId: String

    static let schema = Schema.object([
        ("at", Schema.dateTime), ("actor", Schema.string()), ("action", Schema.string()), ("entityType", Schema.string()),
        ("entityId", Schema.string()),
    ], required: ["at", "actor", "action", "entityType", "entityId"])
}

/// Everything about one subject's credit (the subject page).
struct CreditSubjectDTO: Content {
    var id: UUID
    var name: String
    var creditCode: String?
    var supervisingUnitId: UUID?
    var supervisingUnit: String?
    var standing: CreditStandingDTO
    var history: [CreditHistoryPointDTO]
    var records: [CreditRecordDTO]
    var blackListCases: [BlackListCaseDTO]
    var objections: [CreditObjectionDTO]
    var repairs: [CreditRepairDTO]
    var measures: [CreditMeasureDTO]
    var feedback: [JointFeedbackDTO]
    var audit: [CreditAuditLineDTO]

    static let schema = Schema.object([
        ("id", Schema.uuid), ("name", Schema.string()), ("creditCode", Schema.string()), ("supervisingUnitId", Schema.uuid),
        ("supervisingUnit", Schema.string()), ("standing", Schema.ref("CreditStanding")),
        ("history", Schema.array(Schema.ref("CreditHistoryPoint"))), ("records", Schema.array(Schema.ref("CreditRecord"))),
        ("blackListCases", Schema.array(Schema.ref("BlackListCase"))), ("objections", Schema.array(Schema.ref("CreditObjection"))),
        ("repairs", Schema.array(Schema.ref("CreditRepair"))), ("measures", Schema.array(Schema.ref("CreditMeasure"))),
        ("feedback", Schema.array(Schema.ref("JointFeedback"))), ("audit", Schema.array(Schema.ref("CreditAuditLine"))),
    ], required: ["id", "name", "standing", "history", "records", "blackListCases", "objections", "repairs", "measures",
                  "feedback", "audit"])
}

/// A row of the subject list, from the last evaluated standing.
struct CreditSubjectSummaryDTO: Content {
    var id: UUID
    var name: String
    var creditCode: String?
    var score: Int
    var grade: CreditGrade
    var redListed: Bool
    var blackListed: Bool

    static let schema = Schema.object([
        ("id", Schema.uuid), ("name", Schema.string()), ("creditCode", Schema.string()), ("score", Schema.integer()),
        ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))), ("redListed", Schema.boolean),
        ("blackListed", Schema.boolean),
    ], required: ["id", "name", "score", "grade", "redListed", "blackListed"])
}

/// A published black-listing.
struct PublicBlackListEntryDTO: Content {
    var name: String
    var creditCode: String?
    var reasons: [NamedCode]
    var decisionDocument: String?
    var listedOn: String?
    var listingEndsOn: String?

    static let schema = Schema.object([
        ("name", Schema.string()), ("creditCode", Schema.string()), ("reasons", Schema.array(Schema.ref("NamedCode"))),
        ("decisionDocument", Schema.string()), ("listedOn", Schema.date), ("listingEndsOn", Schema.date),
    ], required: ["name", "reasons"])
}

struct PublicRedListEntryDTO: Content {
    var name: String
    var creditCode: String?
    var grade: CreditGrade

    static let schema = Schema.object([
        ("name", Schema.string()), ("creditCode", Schema.string()), ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))),
    ], required: ["name", "grade"])
}

/// The public credit query's answer: grade, list status and the published records only.
struct PublicCreditDTO: Content {
    var name: String
    var creditCode: String?
    var day: String
    var grade: CreditGrade
    var gradeName: String
    /// 曝光 is one of the measures of the grade (002 篇1).
    var exposed: Bool
    var redListed: Bool
    var blackListed: Bool
    var blackList: PublicBlackListEntryDTO?
    var records: [PublicCreditRecordDTO]

    static let schema = Schema.object([
        ("name", Schema.string()), ("creditCode", Schema.string()), ("day", Schema.date),
        ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))), ("gradeName", Schema.string()),
        ("exposed", Schema.boolean), ("redListed", Schema.boolean), ("blackListed", Schema.boolean),
        ("blackList", Schema.ref("PublicBlackListEntry")), ("records", Schema.array(Schema.ref("PublicCreditRecord"))),
    ], required: ["name", "day", "grade", "gradeName", "exposed", "redListed", "blackListed", "records"])
}

/// What a partner agency reads about one subject.
struct JointSubjectDTO: Content {
    var name: String
    var creditCode: String?
    var day: String
    var score: Int
    var grade: CreditGrade
    var gradeName: String
    var redListed: Bool
    var blackListed: Bool
    var blackList: PublicBlackListEntryDTO?
    var measures: [NamedCode]
    var records: [PublicCreditRecordDTO]

    static let schema = Schema.object([
        ("name", Schema.string()), ("creditCode", Schema.string()), ("day", Schema.date), ("score", Schema.integer()),
        ("grade", Schema.enumeration(CreditGrade.allCases.map(\.rawValue))), ("gradeName", Schema.string()),
        ("redListed", Schema.boolean), ("blackListed", Schema.boolean), ("blackList", Schema.ref("PublicBlackListEntry")),
        ("measures", Schema.array(Schema.ref("NamedCode"))), ("records", Schema.array(Schema.ref("PublicCreditRecord"))),
    ], required: ["name", "day", "score", "grade", "gradeName", "redListed", "blackListed", "measures", "records"])
}

/// One change of list status in the partners' feed.
struct CreditListChangeDTO: Content {
    var id: UUID
    var at: String
    var subjectName: String
    var creditCode: String?
    var list: CreditListChange.List
    var change: CreditListChange.Change
    var decisionDocument: String?
    var note: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("at", Schema.dateTime), ("subjectName", Schema.string()), ("creditCode", Schema.string()),
        ("list", Schema.enumeration(CreditListChange.List.allCases.map(\.rawValue))),
        ("change", Schema.enumeration(CreditListChange.Change.allCases.map(\.rawValue))),
        ("decisionDocument", Schema.string()), ("note", Schema.string()),
    ], required: ["id", "at", "subjectName", "list", "change"])
}

struct CreditAgencyDTO: Content {
    var id: UUID
    var name: String
    var kind: CreditAgency.Kind
    var keyHint: String
    var active: Bool
    var createdAt: String

    init(_ row: CreditAgency) {
        id = row.id ?? UUID()
        name = row.name
        kind = CreditAgency.Kind(rawValue: row.kind) ?? .other
        keyHint = row.keyHint
        active = row.active
        createdAt = ChinaTimeFormat.string(row.createdAt)
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("name", Schema.string()), ("kind", Schema.enumeration(CreditAgency.Kind.allCases.map(\.rawValue))),
        ("keyHint", Schema.string()), ("active", Schema.boolean), ("createdAt", Schema.dateTime),
    ], required: ["id", "name", "kind", "keyHint", "active", "createdAt"])
}

/// A new agency and its key, shown this once.
struct CreditAgencyCreated: Content {
    var agency: CreditAgencyDTO
    var key: String

    static let schema = Schema.object([("agency", Schema.ref("CreditAgency")), ("key", Schema.string())], required: ["agency", "key"])
}

struct CreditRulesDTO: Content {
    var rules: CreditRules
    var isDefault: Bool
    /// Values an administrator changed (the rest are Duban's documented defaults, SPEC A3).
    var changes: [CreditRuleChange]

    init(_ rules: CreditRules) {
        self.rules = rules
        isDefault = rules.isDefault
        changes = rules.changesFromDefaults()
    }

    static let schema = Schema.object([
        ("rules", Schema.ref("CreditRules")), ("isDefault", Schema.boolean),
        ("changes", Schema.array(Schema.object([("path", Schema.string()), ("value", Schema.string()), ("defaultValue", Schema.string())],
                                               required: ["path", "value", "defaultValue"]))),
    ], required: ["rules", "isDefault", "changes"])

    /// `CreditRules` as encoded (SPEC A3 defaults documented in `CreditRules.defaults`).
    static let rulesSchema: JSON = {
        let int = Schema.integer()
        let kind = Schema.object([("points", int), ("validityMonths", int)], required: ["points", "validityMonths"])
        let kindKeys = ["general_hazard", "major_hazard", "listed_supervision", "hazard_overdue", "penalty_minor", "penalty_serious",
                        "penalty_very_serious", "commendation", "licensing_decision", "accident_responsibility"]
        let grades = Schema.array(Schema.enumeration(CreditGrade.allCases.map(\.rawValue)))
        let measures = Schema.array(Schema.enumeration(CreditMeasure.allCases.map(\.rawValue)))
        return Schema.object([
            ("baseScore", int),
            ("kinds", Schema.object(kindKeys.map { ($0, kind) }, required: kindKeys)),
            ("commendationCap", int),
            ("gradeBands", Schema.object([("a", int), ("b", int), ("c", int)], required: ["a", "b", "c"])),
            ("measures", Schema.object([("a", measures), ("b", measures), ("c", measures), ("d", measures)], required: ["a", "b", "c", "d"])),
            ("publication", Schema.object([("workingDays", int)], required: ["workingDays"])),
            ("objection", Schema.object([("reviewWorkingDays", int)], required: ["reviewWorkingDays"])),
            ("repair", Schema.object([
                ("strictFields", Schema.array(Schema.enumeration(CreditField.allCases.map(\.rawValue)))),
                ("penaltyMonthsInStrictFields", int), ("penaltyMonthsInOtherFields", int), ("hazardMonths", int),
                ("accidentMonths", int), ("reviewWorkingDays", int),
            ], required: ["strictFields", "penaltyMonthsInStrictFields", "penaltyMonthsInOtherFields", "hazardMonths",
                          "accidentMonths", "reviewWorkingDays"])),
            ("blackList", Schema.object([
                ("entryGrades", grades), ("penaltyCount", int), ("penaltyWindowMonths", int), ("entersOnAccident", Schema.boolean),
                ("statementWorkingDays", int), ("listingMonths", int), ("earlyRemovalAfterMonths", int),
            ], required: ["entryGrades", "penaltyCount", "penaltyWindowMonths", "entersOnAccident", "statementWorkingDays",
                          "listingMonths", "earlyRemovalAfterMonths"])),
            ("redList", Schema.object([("grades", grades), ("penaltyFreeMonths", int)], required: ["grades", "penaltyFreeMonths"])),
        ], required: ["baseScore", "kinds", "commendationCap", "gradeBands", "measures", "publication", "objection", "repair",
                      "blackList", "redList"])
    }()
}
