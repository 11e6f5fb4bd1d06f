/// How much of a caller's identity (name and phone) a viewer sees.
public enum CallerView: String, Codable, CaseIterable, Sendable {
    /// The name and phone as recorded.
    case full
    /// ``CallerPrivacy/mask(phone:)`` and ``CallerPrivacy/mask(name:)``.
    case masked
    /// Nothing: "来电人信息已隐藏".
    case hidden
}

/// 来电人信息可见范围 — who sees the caller's name and phone. The server renders every view through
/// this and audits each ``CallerView/full`` view outside the hotline roles (a "reveal").
///
/// | viewer | not confidential | confidential (信息保密) |
/// |---|---|---|
/// | admin, dispatcher, supervisor (hotline roles) | full | full |
/// | unit operator of the assigned unit, contact needed | full | hidden |
/// | unit operator of the assigned unit, no contact needed | masked | hidden |
/// | unit operator of another unit | hidden | hidden |
/// | evaluator | masked | hidden |
/// | leader | masked | hidden |
/// | inspector, enterprise | hidden | hidden |
/// | the public (no role) | hidden | hidden |
///
/// Sources: SPEC M4 ("a confidential caller's identity is visible to hotline staff only"); the unit
/// contacts the caller first (000 阳政办〔2017〕33号 附件2 第二条: "首办责任单位应第一时间向投诉人核实情况"),
/// so it sees the number when it must call and the caller did not ask for confidentiality
/// (附件1 二(二)4: "对于市民提出需要信息保密的在工单中予以注明"); evaluators must not disclose a confidential
/// caller's identity (附件6 第十三条: "对来电人要求保密的投诉件,不得泄露相关来电人身份信息"), so they see
/// none of it. `isAssignedUnit` matters only for unit operators; `contactNeeded` only for the assigned
/// unit's operator. Whether a viewer may open the case at all (an evaluator only their assignments) is
/// the server's access check.
public enum CallerVisibility {
    /// Whether `role` is one of the hotline's own roles, which always see the caller in full.
    public static func isHotlineRole(_ role: Role?) -> Bool {
        role == .admin || role == .dispatcher || role == .supervisor
    }

    /// The view of `role` (nil for the public) on a case whose caller asked for confidentiality when
    /// `confidential`.
    public static func view(role: Role?, confidential: Bool, isAssignedUnit: Bool, contactNeeded: Bool) -> CallerView {
        guard let role else { return .hidden }
        switch role {
        case .admin, .dispatcher, .supervisor:
            return .full
        case .unitOperator:
            // SPEC M4: a confidential caller's identity stays with the hotline; even a masked number
            // shows 7 of 11 digits to the unit that may be the one complained about.
            guard isAssignedUnit, !confidential else { return .hidden }
            return contactNeeded ? .full : .masked
        case .evaluator:
            return confidential ? .hidden : .masked
        case .leader:
            return confidential ? .hidden : .masked
        case .inspector, .enterprise:
            return .hidden
        }
    }

    /// Whether showing the caller to `role` in this view must be written to the audit log: every full
    /// view by someone outside the hotline roles.
    public static func isAuditedReveal(role: Role?, view: CallerView) -> Bool {
        view == .full && !isHotlineRole(role)
    }

    /// The name and phone as `view` shows them; nil for hidden.
    public static func render(name: String, phone: String, view: CallerView) -> (name: String, phone: String)? {
        switch view {
        case .full: (name, phone)
        case .masked: (CallerPrivacy.mask(name: name), CallerPrivacy.mask(phone: phone))
        case .hidden: nil
        }
    }
}
