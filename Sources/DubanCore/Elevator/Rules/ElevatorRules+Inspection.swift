import Foundation

/// 定期检验状态 — where an elevator's periodic inspection stands.
public enum InspectionStatus: String, Codable, CaseIterable, Sendable {
    /// 正常 — in validity, and either applied for or the application is not yet near.
    case ok
    /// 即将需申请 — not applied for, inside the warning window before the application deadline.
    case applicationDueSoon = "application_due_soon"
    /// 逾期未申请 — not applied for, past the application deadline, validity not yet ended.
    case applicationOverdue = "application_overdue"
    /// 超过检验有效期 — the validity has ended; the elevator may not be in service (SPEC A4).
    case expired

    /// "正常", "即将需申请", "逾期未申请", "超过检验有效期".
    public var chinese: String {
        switch self {
        case .ok: "正常"
        case .applicationDueSoon: "即将需申请"
        case .applicationOverdue: "逾期未申请"
        case .expired: "超过检验有效期"
        }
    }
}

/// The inspection check of one elevator at `now`.
public struct InspectionCheck: Hashable, Codable, Sendable {
    /// The last instant of the validity: 23:59:59 China time on the validity's last day.
    public let validityEndsAt: Date
    /// The last day on which the application is on time (China date).
    public let applicationDueDate: LocalDate
    /// The application duty: due 1 month before the validity ends; on time, late, pending or overdue.
    public let application: ElevatorDutyCheck
    /// The overall status at `now`.
    public let status: InspectionStatus
    /// Whether the elevator is past its validity at `now` and so may not be in service.
    public var isExpired: Bool { status == .expired }
}

extension ElevatorRules {
    /// The end of an inspection validity given as a date (检验合格有效期至 2026-03-31): the validity
    /// covers that whole China day, so it ends at its last whole second, 23:59:59 China time (the same
    /// end-of-day convention as ``PeriodicRule/deadline(for:)``). The elevator is expired once `now` is
    /// after this instant.
    public func inspectionValidityEnd(validUntil: LocalDate) -> Date {
        validUntil.chinaDate(hour: 23, minute: 59, second: 59)
    }

    /// Whether an elevator whose validity runs to `validUntil` is past it at `now` (SPEC A4: "an elevator
    /// past its validity may not be in service").
    public func isInspectionExpired(validUntil: LocalDate, now: Date) -> Bool {
        now > inspectionValidityEnd(validUntil: validUntil)
    }

    /// 定期检验申请 — the use unit applies for the periodic inspection 1 month before the validity ends
    /// (004 成府发〔2015〕29号 三(一)3: "在检验合格有效期届满前1个月向特种设备检验检测机构提出定期检验申请"; SPEC A4:
    /// A1 `months`, counted backwards with ``DeadlineCalculator/before(_:months:)``).
    ///
    /// The application is due at the validity's end instant minus 1 month, same China time of day,
    /// clamped to the month's last day: validity to 2026-03-31 → apply by 2026-02-28 23:59:59; to
    /// 2028-03-30 or 2028-03-31 → by 2028-02-29 23:59:59. `applicationMadeAt` is the application for
    /// the inspection that renews this validity (nil: none yet). Status, in order: expired when `now`
    /// is past the validity (applied or not); ok once applied; overdue when past the application
    /// deadline; due soon from ``ElevatorConfiguration/inspectionWarningDays`` before it; else ok.
    public func inspection(
        validUntil: LocalDate, applicationMadeAt: Date?, now: Date
    ) throws(ElevatorError) -> InspectionCheck {
        let validityEndsAt = inspectionValidityEnd(validUntil: validUntil)
        let applicationDue: Deadline
        do {
            applicationDue = try calculator.before(validityEndsAt, months: ElevatorLimits.inspectionApplicationLeadMonths)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "validUntil", reason: "\(error)"))
        }
        guard let dueDate = LocalDate(chinaTimeOf: applicationDue.due) else {
            throw .calendar(.outOfRange(field: "validUntil", reason: "the application deadline is outside years 1–9999"))
        }
        let application = ElevatorDutyCheck.judge(applicationDue, doneAt: applicationMadeAt, now: now)
        let warnFrom = applicationDue.due.addingTimeInterval(-TimeInterval(configuration.inspectionWarningDays) * 86_400)
        let status: InspectionStatus
        if now > validityEndsAt {
            status = .expired
        } else if applicationMadeAt != nil {
            status = .ok
        } else if application.outcome == .overdue {
            status = .applicationOverdue
        } else if now >= warnFrom {
            status = .applicationDueSoon
        } else {
            status = .ok
        }
        return InspectionCheck(validityEndsAt: validityEndsAt, applicationDueDate: dueDate, application: application, status: status)
    }
}
