/// A repair application after a decision, with the record it changed; the server stores both.
public struct CreditRepairOutcome: Hashable, Sendable {
    /// The application.
    public let repair: CreditRepair
    /// The record, repaired when approved.
    public let record: CreditRecord

    /// The outcome of a decision.
    public init(repair: CreditRepair, record: CreditRecord) {
        self.repair = repair
        self.record = record
    }
}
