import Foundation

/// The per-case rules of the hotline table (000 阳政办(2017)33号 附件7 items 7–10, 12–14; SPEC A2),
/// applied to one case of the period at a time.
struct HotlineCaseRules {
    let periodEnd: Date
    let calculator: DeadlineCalculator
    let policy: HotlineScoringPolicy
    /// Working time is never faster than elapsed time, so a deadline N working hours after a start
    /// is at least N hours after it: acts within N elapsed hours need no calendar work.
    private let signForSeconds: TimeInterval
    private let extensionLeadSeconds: TimeInterval

    init(period: AssessmentPeriod, calculator: DeadlineCalculator, policy: HotlineScoringPolicy) {
        periodEnd = period.end
        self.calculator = calculator
        self.policy = policy
        signForSeconds = TimeInterval(policy.signForWorkingHours) * 3600
        extensionLeadSeconds = TimeInterval(policy.extensionLeadWorkingHours) * 3600
    }

    func apply(_ item: HotlineCaseInput, to tally: inout HotlineUnitTally) throws {
        tally.cases += 1
        try signFor(item, &tally)
        try completion(item, &tally)
        replyQuality(item, &tally)
        try noShirking(item, &tally)
        tally.deduct(item.flags.secondSupervisionShirked, times: policy.secondSupervisionShirkedDeduction,
                     from: .secondSupervision, caseID: item.id, reason: .secondSupervisionShirked)
        satisfaction(item, &tally)
        if item.evaluatorDissatisfied {
            tally.deduct(policy.evaluatorDissatisfiedDeduction, from: .evaluator, caseID: item.id,
                         reason: .evaluatorDissatisfied)
        }
    }

    /// Item 7 — 000 附件7 (7): "市长专线案件在半个工作日(4小时)内签收,每超时签收一件扣0.1分"; SPEC A2: signed
    /// more than 4 working hours after `assignedAt`, or not signed by period end and more than 4
    /// working hours old. Signing at the due instant is on time.
    private func signFor(_ item: HotlineCaseInput, _ tally: inout HotlineUnitTally) throws {
        if let signed = item.signedAt {
            guard signed.timeIntervalSince(item.assignedAt) > signForSeconds,
                  signed > (try signForDue(item)) else { return }
            tally.deduct(policy.lateSignForDeduction, from: .signFor, caseID: item.id, reason: .signedLate)
        } else {
            guard periodEnd.timeIntervalSince(item.assignedAt) > signForSeconds,
                  periodEnd > (try signForDue(item)) else { return }
            tally.deduct(policy.lateSignForDeduction, from: .signFor, caseID: item.id, reason: .unsignedAtPeriodEnd)
        }
    }

    /// Item 8 — 000 附件7 (8): "超期案件每件扣1分;案件延期需提前1个工作日递交书面申请,未按要求对案件延期每件扣0.5分;
    /// 延期3次以上的(含3次),每件扣2分". Closing at the due instant is on time; an open case is overdue
    /// when its deadline is before the period end.
    private func completion(_ item: HotlineCaseInput, _ tally: inout HotlineUnitTally) throws {
        if let closed = item.closedAt {
            if closed > item.dueAt {
                tally.deduct(policy.overdueDeduction, from: .completion, caseID: item.id, reason: .closedLate)
            }
        } else if item.dueAt < periodEnd {
            tally.deduct(policy.overdueDeduction, from: .completion, caseID: item.id, reason: .openOverdue)
        }
        for (position, request) in item.extensions.enumerated() {
            if try isLate(request, item: item, position: position) {
                tally.deduct(policy.lateExtensionDeduction, from: .completion, caseID: item.id,
                             reason: .extensionRequestedLate)
            }
        }
        if item.extensions.count >= policy.excessiveExtensions {
            tally.deduct(policy.excessiveExtensionDeduction, from: .completion, caseID: item.id, reason: .tooManyExtensions)
        }
    }

    /// SPEC A2: late when 8 working hours (A1 `working_hours`) from `requestedAt` end after `previousDueAt`.
    private func isLate(_ request: HotlineExtension, item: HotlineCaseInput, position: Int) throws -> Bool {
        if request.previousDueAt.timeIntervalSince(request.requestedAt) < extensionLeadSeconds { return true }
        let due = try deadline(from: request.requestedAt, amount: policy.extensionLeadWorkingHours, unit: .workingHours,
                               caseID: item.id, field: "extensions[\(position)].requestedAt")
        return due > request.previousDueAt
    }

    /// Item 9 — 000 附件7 (9): "回复内容弄虚作假,每件扣1分;反馈内容过于简单…每件扣0.5分;答非所问,敷衍了事每件扣0.5分;
    /// 回复内容缺少回访时间、投诉人满意度的每件扣0.5分".
    private func replyQuality(_ item: HotlineCaseInput, _ tally: inout HotlineUnitTally) {
        let flags = item.flags
        tally.deduct(flags.falseReply, times: policy.falseReplyDeduction, from: .replyQuality, caseID: item.id,
                     reason: .falseReply)
        tally.deduct(flags.thinReply, times: policy.thinReplyDeduction, from: .replyQuality, caseID: item.id,
                     reason: .thinReply)
        tally.deduct(flags.offTopic, times: policy.offTopicDeduction, from: .replyQuality, caseID: item.id,
                     reason: .offTopic)
        tally.deduct(flags.missingFollowUpInfo, times: policy.missingFollowUpInfoDeduction, from: .replyQuality,
                     caseID: item.id, reason: .missingFollowUpInfo)
    }

    /// Item 10 — 000 附件7 (10): "案件退回需在1个工作日内,超期退回的,每件扣0.5分;对职责范围内的投诉件拖延、推诿…每件扣1分;
    /// 重点案件书面督办仍然推诿…每件扣1分". A return at the close of the first working day after the
    /// assignment day (A1 `working_days`) is on time.
    private func noShirking(_ item: HotlineCaseInput, _ tally: inout HotlineUnitTally) throws {
        if !item.returns.isEmpty {
            let due = try deadline(from: item.assignedAt, amount: policy.returnWorkingDays, unit: .workingDays,
                                   caseID: item.id, field: "assignedAt")
            for request in item.returns where request.at > due {
                tally.deduct(policy.lateReturnDeduction, from: .noShirking, caseID: item.id, reason: .returnedLate)
            }
        }
        tally.deduct(item.flags.shirked, times: policy.shirkedDeduction, from: .noShirking, caseID: item.id,
                     reason: .shirked)
        tally.deduct(item.flags.shirkedAfterWrittenSupervision, times: policy.shirkedAfterWrittenSupervisionDeduction,
                     from: .noShirking, caseID: item.id, reason: .shirkedAfterWrittenSupervision)
    }

    /// Item 13's counts: a case is eligible with a satisfaction value and not excluded (SPEC A2).
    private func satisfaction(_ item: HotlineCaseInput, _ tally: inout HotlineUnitTally) {
        guard let answer = item.satisfaction, !item.excludedFromRate else { return }
        tally.satisfaction.eligible += 1
        if answer.countsAsSatisfied {
            tally.satisfaction.satisfied += 1
        } else {
            tally.deduct(.zero, from: .satisfaction, caseID: item.id, reason: .dissatisfied)
        }
    }

    /// The 4-working-hour sign-for deadline of the case (SPEC A1 `working_hours`).
    private func signForDue(_ item: HotlineCaseInput) throws -> Date {
        try deadline(from: item.assignedAt, amount: policy.signForWorkingHours, unit: .workingHours,
                     caseID: item.id, field: "assignedAt")
    }

    private func deadline(from start: Date, amount: Int, unit: DeadlineUnit, caseID: String,
                          field: @autoclosure () -> String) throws -> Date {
        do {
            return try calculator.due(from: start, amount: amount, unit: unit).due
        } catch let error as CalendarError {
            throw AssessmentError.calendar(caseID: caseID, field: field(), error)
        }
    }
}
