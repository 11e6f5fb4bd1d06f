extension ItemPolicy {
    /// Duban's shipped values for `kind`.
    ///
    /// From the seeds, for every kind:
    /// - at most 2 extensions (000 阳政办(2017)33号 附件2: "延期次数不得超过二次");
    /// - extension requested 1 working day = 8 working hours ahead
    ///   (000 阳政办(2017)33号 附件7: "案件延期需提前1个工作日递交书面申请"; SPEC A2 item 8);
    /// - return within 1 working day (000 阳政办(2017)33号 附件2: "应在一个工作日内…提供…退回申请单");
    /// - suspension decided within 7 days (002 篇3: "当地政府要在接报后7日内作出决定").
    ///
    /// Duban defaults, not law:
    /// - sign-for within 4 working hours: the hotline rule (000 阳政办(2017)33号 附件7:
    ///   "半个工作日(4小时)内签收") applied to every ledger item, as M3 names no other;
    /// - a submitted major hazard checked within 10 days: not in the seeds; modelled on the national
    ///   rule for resuming work after a major hazard (安全生产事故隐患排查治理暂行规定, 原国家安监总局令
    ///   第16号, 第二十三条: 收到申请 "10日内进行现场审查"), which provincial major-hazard 核销 rules follow;
    /// - verification by another unit for every kind (separation of duties);
    /// - at least 1 evidence file for hazards and problems (SPEC M3 "报结: result, evidence photos"),
    ///   none for referrals and tasks, whose result may be a decision or a report.
    public static func standard(for kind: ItemKind) -> ItemPolicy {
        ItemPolicy(
            kind: kind,
            hasMajorGrade: kind == .hazard,
            // 003 仙游: "重大隐患100%落實整改責任、措施、資金、時限、預案"
            fiveImplementationsRequiredForMajor: kind == .hazard,
            // 001 阳政办(2018)10号: a task may run all year without a date ("长期坚持")
            deadlineRequired: kind != .task,
            verificationByOtherUnit: true,
            maxExtensions: 2,
            extensionLeadWorkingHours: 8,
            signForWorkingHours: 4,
            returnWorkingDays: 1,
            majorAcceptanceDays: kind == .hazard ? 10 : nil,
            suspensionDecisionDays: 7,
            minimumEvidence: kind == .hazard || kind == .problem ? 1 : 0,
            // 002 篇1: the receiving department "反馈至消防部门"
            reportsBackToSender: kind == .referral,
            // 002 篇1: the department that found the violation refers it itself
            senderDispatches: kind == .referral,
            // 000 阳政办(2017)33号 附件1: 回访 by the hotline; dissatisfied cases go to third-party evaluators
            verifierRoles: kind == .hotline ? [.dispatcher, .supervisor, .evaluator] : [.inspector, .supervisor],
            closesAtIntake: kind == .hotline
        )
    }
}
