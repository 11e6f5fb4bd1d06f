import Foundation

/// What repeat detection needs to know of a case.
public struct RepeatCaseFacts: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    /// ``RepeatComplaintKeys/phoneKey(_:localAreaCode:)`` of the caller's phone.
    public var phoneKey: String?
    /// ``RepeatComplaintKeys/addressKey(_:)`` of the place.
    public var addressKey: String?
    /// The category code.
    public var categoryCode: String
    /// When the case was received.
    public var receivedAt: Date
    /// The unit the case was dispatched to, when it has been.
    public var unitName: String?

    /// Facts with keys already computed (as stored).
    public init(id: String, phoneKey: String?, addressKey: String?, categoryCode: String, receivedAt: Date,
                unitName: String? = nil) {
        self.id = id
        self.phoneKey = phoneKey
        self.addressKey = addressKey
        self.categoryCode = categoryCode
        self.receivedAt = receivedAt
        self.unitName = unitName
    }

    /// Facts from the phone and place as written; the keys are computed here.
    public init(id: String, phone: String?, address: String?, categoryCode: String, receivedAt: Date,
                unitName: String? = nil, localAreaCode: String? = RepeatComplaintKeys.defaultLocalAreaCode) {
        self.init(id: id, phoneKey: phone.flatMap { RepeatComplaintKeys.phoneKey($0, localAreaCode: localAreaCode) },
                  addressKey: address.flatMap(RepeatComplaintKeys.addressKey), categoryCode: categoryCode,
                  receivedAt: receivedAt, unitName: unitName)
    }
}
