/// An objection after a step, with the record it changed; the server stores both.
public struct CreditObjectionOutcome: Hashable, Sendable {
    /// The objection.
    public let objection: CreditObjection
    /// The record, with its state changed by the step.
    public let record: CreditRecord

    /// The outcome of a step.
    public init(objection: CreditObjection, record: CreditRecord) {
        self.objection = objection
        self.record = record
    }
}
