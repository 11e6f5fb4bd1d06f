/// Where a POSTed request is. GeoReport v2 POST Service Request requires "lat & long or
/// address_string or address_id"; several may be given together.
public struct Open311Location: Hashable, Sendable {
    /// `lat` and `long`.
    public let coordinate: Open311Coordinate?
    /// `address_string`: the address or a description of the place, as typed.
    public let addressString: String?
    /// `address_id`: the id of the place in the jurisdiction's address register.
    public let addressID: String?

    /// Nil when all three are absent.
    public init?(coordinate: Open311Coordinate?, addressString: String?, addressID: String?) {
        guard coordinate != nil || addressString != nil || addressID != nil else { return nil }
        self.coordinate = coordinate
        self.addressString = addressString
        self.addressID = addressID
    }
}

/// A WGS84 position (GeoReport v2: "using the (WGS84) projection").
public struct Open311Coordinate: Hashable, Sendable {
    /// `lat`, −90…90.
    public let latitude: Double
    /// `long`, −180…180.
    public let longitude: Double

    /// Nil unless both are finite and in range.
    public init?(latitude: Double, longitude: Double) {
        guard (-90.0...90.0).contains(latitude), (-180.0...180.0).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }
}
