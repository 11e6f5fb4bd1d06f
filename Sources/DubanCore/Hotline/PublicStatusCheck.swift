/// 进度查询 — the public status page shows a case to whoever gives its tracking code and the last 4
/// digits of the phone it was submitted with; nothing else identifies the asker. What the page shows
/// is ``PublicCaseStatus``: never the caller's name or phone, nor the case's free text.
public enum PublicStatusCheck {
    /// Whether `phoneLast4` (exactly 4 digits once spaces are dropped and full-width digits folded)
    /// equals the last 4 digits of `phone` (digits only). False for anything malformed or a phone with
    /// fewer than 4 digits. The comparison looks at every digit, whatever the first mismatch, so its
    /// time does not tell how many digits were right.
    public static func matches(phoneLast4: String, phone: String) -> Bool {
        let given = TextNormalization.nameKey(phoneLast4)
        let givenDigits = given.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard givenDigits.count == 4, given.count == 4 else { return false }
        let phoneDigits = TextNormalization.nameKey(phone).compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard phoneDigits.count >= 4 else { return false }
        let tail = Array(phoneDigits.suffix(4))
        var difference = 0
        for index in 0..<4 {
            difference |= tail[index] ^ givenDigits[index]
        }
        return difference == 0
    }
}

/// What the public status page may show of a case: its tracking code, type, category, progress and
/// dates, and the unit's published reply. It has no field for the caller's identity, the place or
/// the account, so none can leak (SPEC §4: "the public API exposes only published data").
public struct PublicCaseStatus: Hashable, Codable, Sendable {
    public var trackingCode: TrackingCode
    public var type: HotlineCaseType
    /// The category's name.
    public var categoryName: String
    /// The progress as shown ("已受理", "办理中", "已办结" …), set by the server from the ledger state.
    public var progress: String
    /// When received, `yyyy-mm-dd`.
    public var receivedOn: LocalDate
    /// When closed, if it is.
    public var closedOn: LocalDate?
    /// The reply text cleared for the public; nil when none is, or when the result may not be told
    /// (附件2 第三条(四): "除涉及国家机密、商业秘密、个人隐私等法律规定不宜公开的情形外").
    public var publicReply: String?

    public init(trackingCode: TrackingCode, type: HotlineCaseType, categoryName: String, progress: String,
                receivedOn: LocalDate, closedOn: LocalDate? = nil, publicReply: String? = nil) {
        self.trackingCode = trackingCode
        self.type = type
        self.categoryName = categoryName
        self.progress = progress
        self.receivedOn = receivedOn
        self.closedOn = closedOn
        self.publicReply = publicReply
    }
}
