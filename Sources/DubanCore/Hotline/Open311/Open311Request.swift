import Foundation

/// One GeoReport v2 service request as "GET Service Requests" and "GET Service Request" return it:
/// the public view of a hotline work order (工单). Only published data belongs here (SPEC §4
/// Security: "the public API exposes only published data") — never the caller's identity.
public struct Open311Request: Hashable, Sendable {
    /// `service_request_id`: Duban's public tracking code.
    public var serviceRequestID: String
    /// `status`: `open` or `closed` (see ``Open311StatusMapping``).
    public var status: Open311RequestStatus
    /// `status_notes`: why the status is what it is (Duban: the Chinese progress text).
    public var statusNotes: String?
    /// `service_name`.
    public var serviceName: String?
    /// `service_code`.
    public var serviceCode: String
    /// `description`: what the citizen reported, as published.
    public var description: String?
    /// `agency_responsible`: the handling unit (承办单位).
    public var agencyResponsible: String?
    /// `service_notice`: what the public can expect, e.g. the time limit.
    public var serviceNotice: String?
    /// `requested_datetime`: when the request was made.
    public var requestedDatetime: Date
    /// `updated_datetime`: the last change; for a closed request, when it closed.
    public var updatedDatetime: Date?
    /// `expected_datetime`: the deadline the unit is held to (办理时限).
    public var expectedDatetime: Date?
    /// `address`: the human-readable place.
    public var address: String?
    /// `address_id`: the id of the place in the jurisdiction's address register.
    public var addressID: String?
    /// `zipcode`: the postal code (邮政编码).
    public var zipcode: String?
    /// `lat`: WGS84 latitude.
    public var latitude: Double?
    /// `long`: WGS84 longitude.
    public var longitude: Double?
    /// `media_url`: a photo or other media of the request.
    public var mediaURL: String?

    /// Each parameter sets the property of the same name.
    public init(serviceRequestID: String, status: Open311RequestStatus, statusNotes: String? = nil,
                serviceName: String? = nil, serviceCode: String, description: String? = nil,
                agencyResponsible: String? = nil, serviceNotice: String? = nil, requestedDatetime: Date,
                updatedDatetime: Date? = nil, expectedDatetime: Date? = nil, address: String? = nil,
                addressID: String? = nil, zipcode: String? = nil, latitude: Double? = nil,
                longitude: Double? = nil, mediaURL: String? = nil) {
        self.serviceRequestID = serviceRequestID
        self.status = status
        self.statusNotes = statusNotes
        self.serviceName = serviceName
        self.serviceCode = serviceCode
        self.description = description
        self.agencyResponsible = agencyResponsible
        self.serviceNotice = serviceNotice
        self.requestedDatetime = requestedDatetime
        self.updatedDatetime = updatedDatetime
        self.expectedDatetime = expectedDatetime
        self.address = address
        self.addressID = addressID
        self.zipcode = zipcode
        self.latitude = latitude
        self.longitude = longitude
        self.mediaURL = mediaURL
    }
}

/// The two statuses of GeoReport v2 proper.
public enum Open311RequestStatus: String, CaseIterable, Codable, Hashable, Sendable {
    /// Reported and not yet resolved.
    case open
    /// Resolved, or closed for another reason.
    case closed
}
