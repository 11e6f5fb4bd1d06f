/// Where a supervised item is in its life cycle (SPEC M3): 登记 → 交办 → 签收 (or 退回) → 整改中 →
/// 报结 → 验收 → 销号. The allowed moves are ``ItemMachine/target(of:from:)``.
public enum ItemState: String, Codable, CaseIterable, Sendable {
    /// 登记 — recorded, not yet sent to a unit.
    case registered
    /// 交办 — sent to a unit with a deadline, waiting for it to sign for it.
    case assigned
    /// 签收 — the unit has accepted it.
    case signedFor = "signed_for"
    /// 退回 — the unit sent it back as outside its remit; the dispatcher must reassign it.
    case returned
    /// 整改中 — being fixed (again, after a failed verification or look-back).
    case inProgress = "in_progress"
    /// 报结 — the unit reports it fixed, with result and evidence.
    case submitted
    /// 验收 — another unit checked the fix and accepted it.
    case verified
    /// 销号 — closed; a look-back (回头看) may still reopen it.
    case closed
    /// 撤销 — withdrawn before any unit accepted it (a duplicate or an entry made in error).
    /// Once a unit has signed for an item, only verification takes it off the ledger
    /// (003 A: 回頭看 "銷號『清零』" counts only verified closures).
    case cancelled

    /// Whether the item still needs work or a check: every state but closed and cancelled.
    public var isOpen: Bool {
        switch self {
        case .closed, .cancelled: false
        case .registered, .assigned, .signedFor, .returned, .inProgress, .submitted, .verified: true
        }
    }

    /// "登记", "交办", "签收", "退回", "整改中", "报结", "验收", "销号", "撤销".
    public var chinese: String {
        switch self {
        case .registered: "登记"
        case .assigned: "交办"
        case .signedFor: "签收"
        case .returned: "退回"
        case .inProgress: "整改中"
        case .submitted: "报结"
        case .verified: "验收"
        case .closed: "销号"
        case .cancelled: "撤销"
        }
    }
}
