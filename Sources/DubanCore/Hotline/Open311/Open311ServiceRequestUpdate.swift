import Foundation

/// One `request_update` of mySociety's `servicerequestupdates` extension (FixMyStreet wiki "Open311
/// FMS — Proposed differences to Open311": GET Service Request Updates): one step of a request's
/// status history.
public struct Open311ServiceRequestUpdate: Hashable, Sendable {
    /// `update_id`: unique per update; clients use it to skip updates they already have.
    public var updateID: String
    /// `service_request_id`: the request this update belongs to.
    public var serviceRequestID: String
    /// `status`: the request's status after this update, extended values allowed.
    public var status: Open311ExtendedStatus
    /// `updated_datetime`: when the update happened.
    public var updatedDatetime: Date
    /// `description`: the text of the update (Duban: the Chinese progress text or the reply).
    public var description: String?
    /// `media_url`: a photo attached to the update.
    public var mediaURL: String?
    /// `external_status_code`: the back-office's own finer status code (optional field of
    /// mySociety's open311-adapter; FixMyStreet picks response templates by it). Duban passes its
    /// ``Open311CaseProgress`` raw value here.
    public var externalStatusCode: String?

    /// Each parameter sets the property of the same name.
    public init(updateID: String, serviceRequestID: String, status: Open311ExtendedStatus, updatedDatetime: Date,
                description: String? = nil, mediaURL: String? = nil, externalStatusCode: String? = nil) {
        self.updateID = updateID
        self.serviceRequestID = serviceRequestID
        self.status = status
        self.updatedDatetime = updatedDatetime
        self.description = description
        self.mediaURL = mediaURL
        self.externalStatusCode = externalStatusCode
    }
}
