import Foundation

/// How far back an earlier complaint counts as the same matter. Default 30 days: a Duban default (the
/// seed sets no window); long enough to cover a 15-working-day case and its follow-up call, short
/// enough that a new, unrelated problem at the same place months later is not linked.
public struct RepeatWindow: Hashable, Codable, Sendable {
    /// Days of 24 hours (A1 `days`).
    public var days: Int

    public init(days: Int) {
        self.days = days
    }

    /// The documented default, 30 days.
    public static let standard = RepeatWindow(days: 30)

    /// The earliest receipt that still counts for a case received at `receivedAt` (the lower bound of
    /// the server's index query); a case received exactly then counts.
    public func start(before receivedAt: Date) -> Date {
        receivedAt.addingTimeInterval(-TimeInterval(max(0, days)) * 86_400)
    }
}

/// 重复投诉件发现 — finds the earlier complaints about the same matter as a new case (000 阳政办〔2017〕33号
/// 附件4 第二条: "投诉同一事项两次(含两次)以上的,认定为重复投诉件"; 第四条: "对群众重复投诉件应详细记录,并形成
/// 重复投诉事件类型工单(二次督办件)"). "The same matter" is read, as a documented Duban rule, as: the same
/// caller phone or the same address, and the same category, within the window.
public enum RepeatComplaintDetector {
    /// The earlier cases about the same matter as `newCase`, newest first (ties by id): each has the
    /// same phone key or the same address key (nil keys never match), the same category, and was
    /// received strictly before `newCase` and no earlier than `window` before it (exactly 30 days
    /// before counts).
    public static func matches(newCase: RepeatCaseFacts, candidates: [RepeatCaseFacts],
                               window: RepeatWindow = .standard) -> [RepeatCaseFacts] {
        let earliest = window.start(before: newCase.receivedAt)
        return candidates.filter { candidate in
            guard candidate.id != newCase.id, candidate.categoryCode == newCase.categoryCode,
                  candidate.receivedAt < newCase.receivedAt, candidate.receivedAt >= earliest else { return false }
            let samePhone = newCase.phoneKey != nil && candidate.phoneKey == newCase.phoneKey
            let sameAddress = newCase.addressKey != nil && candidate.addressKey == newCase.addressKey
            return samePhone || sameAddress
        }
        .sorted { $0.receivedAt != $1.receivedAt ? $0.receivedAt > $1.receivedAt : $0.id < $1.id }
    }

    /// The verdict on a new case given its ``matches(newCase:candidates:window:)``.
    public static func assess(matches: [RepeatCaseFacts]) -> RepeatAssessment {
        // 附件4 第五条: "派单员依据相关工作要求派发给首办单位" — the unit of the earliest linked case.
        let firstUnit = matches.reversed().first { !(TextNormalization.clean($0.unitName ?? "")).isEmpty }?.unitName
        return RepeatAssessment(linkedCaseIDs: matches.map(\.id), complaintCount: matches.count + 1,
                                firstResponsibleUnit: firstUnit)
    }
}

/// What repeat detection concludes for a new case.
public struct RepeatAssessment: Hashable, Codable, Sendable {
    /// The earlier cases linked, newest first.
    public let linkedCaseIDs: [String]
    /// Complaints about the matter, the new one included.
    public let complaintCount: Int
    /// The unit to send the second-supervision case to: the earliest linked case's unit, if known.
    public let firstResponsibleUnit: String?

    public init(linkedCaseIDs: [String], complaintCount: Int, firstResponsibleUnit: String?) {
        self.linkedCaseIDs = linkedCaseIDs
        self.complaintCount = complaintCount
        self.firstResponsibleUnit = firstResponsibleUnit
    }

    /// 二次督办件 — two or more complaints about the matter (附件4 第二条 "两次(含两次)以上"; 第四条, 第五条).
    public var isSecondSupervision: Bool {
        complaintCount >= HotlineLimits.repeatComplaintCount
    }

    /// More than 3 complaints about the matter: a formal letter (函告) to the unit's principal leader
    /// (附件5 第四条(七): "导致同一投诉人同一事项重复投诉3次(不含3次)以上的"). "重复投诉3次" is read as
    /// "complained 3 times" (every complaint counted), so this holds from the fourth complaint on.
    public var triggersFormalLetter: Bool {
        complaintCount > HotlineLimits.repeatsBeforeFormalLetter
    }
}
