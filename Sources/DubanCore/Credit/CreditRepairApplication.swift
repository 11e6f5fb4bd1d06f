/// What a subject files to have a record repaired, as the national repair procedure asks: the wrong
/// corrected (纠正失信行为), a signed commitment letter (信用修复承诺书) and evidence of the correction.
public struct CreditRepairApplication: Hashable, Codable, Sendable {
    /// The subject declares the wrong corrected (penalty fulfilled, hazard fixed).
    public var wrongCorrected: Bool
    /// A signed commitment letter is attached.
    public var commitmentLetter: Bool
    /// References to the evidence files; at least one non-blank is required.
    public var evidence: [String]

    /// An application with the given declarations and evidence.
    public init(wrongCorrected: Bool, commitmentLetter: Bool, evidence: [String]) {
        self.wrongCorrected = wrongCorrected
        self.commitmentLetter = commitmentLetter
        self.evidence = evidence
    }
}
