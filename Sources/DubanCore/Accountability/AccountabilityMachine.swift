import Foundation

/// The one state machine of an accountability action (000 阳政办(2017)33号 附件5; SPEC M5):
///
///     proposed ─confirm─▶ confirmed ─submit_plan─▶ plan_submitted ─accept_plan─▶ plan_accepted
///        │                  │    ▲                       │
///        │                  │    └──────return_plan──────┘
///        └─dismiss─▶ dismissed    └─appeal─▶ appealed ─uphold_appeal─▶ confirmed
///                                                  └──grant_appeal──▶ withdrawn
///
/// Decisions where the seed is silent (documented, not configurable):
/// - A returned plan does not move the deadline: the 7 working days of 第六条 run once from the
///   interview; a new plan may still be submitted after it, and is then reported late.
/// - An appeal is made from `confirmed` only: submitting a plan accepts the action. An appeal does not
///   pause the plan deadline (第九条 says nothing of it); if the appeal is upheld the plan is still due.
/// - The appeal window counts from the confirmation, the moment the unit learns of the decision.
public enum AccountabilityMachine {
    /// The state `kind` leads to from `state`, or nil when it is not allowed there (role, unit, level
    /// and deadlines are checked by ``apply(_:to:by:at:calculator:config:)``).
    public static func target(of kind: AccountabilityEventKind, from state: AccountabilityState) -> AccountabilityState? {
        switch (kind, state) {
        case (.confirm, .proposed): .confirmed
        case (.dismiss, .proposed): .dismissed
        case (.submitPlan, .confirmed): .planSubmitted
        case (.acceptPlan, .planSubmitted): .planAccepted
        case (.returnPlan, .planSubmitted): .confirmed
        case (.appeal, .confirmed): .appealed
        case (.upholdAppeal, .appealed): .confirmed
        case (.grantAppeal, .appealed): .withdrawn
        default: nil
        }
    }

    /// `action` after `event` by `actor` at `at`. Checks, in order, throwing ``AccountabilityError``:
    /// the role (`forbidden`), the state (`invalid_state`), a unit operator's unit (`forbidden_unit`),
    /// the level for plan events (`not_an_interview`), the time against the last step (`invalid_time`),
    /// required notes and the interview date (`missing_field`), and the appeal window
    /// (`appeal_window_closed`: an appeal at exactly the end of the window is on time).
    public static func apply(
        _ event: AccountabilityEvent, to action: AccountabilityAction, by actor: AccountabilityActor, at: Date,
        calculator: DeadlineCalculator, config: AccountabilityConfig = .standard
    ) throws -> AccountabilityAction {
        let kind = event.kind
        guard actor.role == kind.role else {
            throw AccountabilityError.forbidden(role: actor.role, event: kind)
        }
        guard let next = target(of: kind, from: action.state) else {
            throw AccountabilityError.invalidState(state: action.state, event: kind)
        }
        if actor.role == .unitOperator, actor.unit != action.unit {
            throw AccountabilityError.wrongUnit(actorUnit: actor.unit, actionUnit: action.unit)
        }
        if [.submitPlan, .acceptPlan, .returnPlan].contains(kind), action.level != .interview {
            throw AccountabilityError.notAnInterview(level: action.level)
        }
        if let last = action.steps.last?.at, at < last {
            throw AccountabilityError.timeBeforeLastStep(last: last)
        }
        let text = event.text?.trimmingCharacters(in: .whitespacesAndNewlines)
        if ![.confirm, .acceptPlan].contains(kind), text?.isEmpty ?? true {
            throw AccountabilityError.missingField(kind == .submitPlan ? "document" : "note")
        }
        var result = action
        switch event {
        case .confirm(_, let interviewDate, let principalLeader):
            if action.level == .interview {
                guard let interviewDate else { throw AccountabilityError.missingField("interviewDate") }
                // 附件5 第六条: "约谈结束后7个工作日内将整改方案以书面形式报区治庸办".
                result.planDue = try due(from: interviewDate.chinaDate(), config.rectificationPlanWorkingDays, calculator)
                result.interviewDate = interviewDate
                result.principalLeaderInterviewed = principalLeader
            } else if interviewDate != nil {
                throw AccountabilityError.invalidValue(
                    field: "interviewDate", chinese: "仅约谈有约谈日期", english: "only an interview has an interview date")
            }
            result.confirmedAt = at
            // 附件5 第九条: "可在五个工作日内提出复议申请".
            result.appealDue = try due(from: at, config.appealWorkingDays, calculator)
        case .appeal:
            if let due = action.appealDue, at > due {
                throw AccountabilityError.appealWindowClosed(due: due)
            }
        case .submitPlan:
            result.planSubmittedAt = at
        case .returnPlan:
            result.planSubmittedAt = nil
            result.planReturns += 1
        case .dismiss, .acceptPlan, .upholdAppeal, .grantAppeal:
            break
        }
        result.state = next
        result.steps.append(AccountabilityStep(event: kind, state: next, at: at, actor: actor,
                                               text: text?.isEmpty == false ? text : nil))
        return result
    }

    /// The deadline facts of `action` at `at`: a missing or late plan, a closed appeal window.
    public static func facts(of action: AccountabilityAction, at: Date) -> AccountabilityDeadlineFacts {
        let planPending = [.confirmed, .appealed].contains(action.state)
        var late = false
        if let due = action.planDue, let submitted = action.planSubmittedAt { late = submitted > due }
        return AccountabilityDeadlineFacts(
            planDue: action.planDue,
            planOverdue: planPending && action.planDue.map { at > $0 } == true,
            planSubmittedLate: late,
            appealDue: action.appealDue,
            appealWindowClosed: action.appealDue.map { at > $0 } == true)
    }

    /// 18:00 of the `days`-th working day after the day of `start` (SPEC A1 `working_days`).
    private static func due(from start: Date, _ days: Int, _ calculator: DeadlineCalculator) throws -> Date {
        do {
            return try calculator.due(from: start, amount: days, unit: .workingDays).due
        } catch let error as CalendarError {
            throw AccountabilityError.calendar(error)
        }
    }
}
