/// 退回 — a handling unit's request to send a case back as outside its remit. The ledger enforces the
/// window (``HotlineLimits/returnWorkingDays``); this adds what a hotline return must carry.
public enum HotlineReturnRule {
    /// Whether the return needs the principal or responsible leader's signature: a second return, or
    /// any return of a second-supervision case (000 阳政办〔2017〕33号 附件2 第二条: "对于二次督办案件或二次
    /// 退回案件,除上述书面申请外,还需主要领导或分管领导签字,否则不予批准"). `previousReturns` counts the
    /// case's earlier returns.
    public static func leaderSignatureRequired(previousReturns: Int, secondSupervision: Bool) -> Bool {
        previousReturns >= 1 || secondSupervision
    }

    /// Checks a return request (附件2 第二条: "提供加盖公章的退回申请单,申请内容应说明调查情况并提出其他科学
    /// 合理的工作建议或转办意见。否则,退回申请不予批准"): the findings, a suggested handler, the sealed
    /// form attached, and the leader's signature when ``leaderSignatureRequired(previousReturns:secondSupervision:)``.
    public static func validate(findings: String, suggestion: String, sealedFormAttached: Bool, leaderSigned: Bool,
                                previousReturns: Int, secondSupervision: Bool) throws(HotlineError) {
        guard !TextNormalization.clean(findings).isEmpty else { throw .required(field: "findings") }
        guard !TextNormalization.clean(suggestion).isEmpty else { throw .required(field: "suggestion") }
        guard sealedFormAttached else { throw .required(field: "sealedForm") }
        if leaderSignatureRequired(previousReturns: previousReturns, secondSupervision: secondSupervision), !leaderSigned {
            throw .leaderSignatureRequired
        }
    }
}
