import Foundation

extension Open311RequestInput {
    /// Parses POSTed form fields given as a dictionary (one value per name; a `multivaluelist` needs
    /// ``parse(fields:limits:)`` to keep repeated names).
    public static func parse(form: [String: String], limits: Open311InputLimits = .default)
        throws(Open311ErrorList) -> Open311RequestInput {
        try parse(fields: form.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }, limits: limits)
    }

    /// Parses POSTed form fields in the order sent, checking every field GeoReport v2 POST Service
    /// Request defines; throws every problem found (each a 400 naming its field).
    public static func parse(fields: [(name: String, value: String)], limits: Open311InputLimits = .default)
        throws(Open311ErrorList) -> Open311RequestInput {
        var reader = Open311FormReader(fields: fields)
        let apiKey = reader.text("api_key", maxLength: limits.fieldMaxLength)
        let jurisdictionID = reader.text("jurisdiction_id", maxLength: limits.fieldMaxLength)
        let serviceCode = reader.text("service_code", maxLength: limits.fieldMaxLength)
        if !reader.has("service_code") {
            reader.fail(.missing("service_code"))
        }
        let location = readLocation(&reader, limits: limits)
        let attributes = readAttributes(&reader, limits: limits)
        let email = reader.text("email", maxLength: limits.fieldMaxLength)
        if let email, !isPlausibleEmail(email) {
            reader.fail(.invalid("email", chinese: "不是有效的电子邮件地址", english: "is not an e-mail address"))
        }
        let deviceID = reader.text("device_id", maxLength: limits.fieldMaxLength)
        let accountID = reader.text("account_id", maxLength: limits.fieldMaxLength)
        let firstName = reader.text("first_name", maxLength: limits.fieldMaxLength)
        let lastName = reader.text("last_name", maxLength: limits.fieldMaxLength)
        let phone = reader.text("phone", maxLength: limits.fieldMaxLength)
        let description = reader.text("description", maxLength: limits.descriptionMaxLength)
        let mediaURL = reader.text("media_url", maxLength: limits.mediaURLMaxLength)
        if let mediaURL, !isWebURL(mediaURL) {
            reader.fail(.invalid("media_url", chinese: "须为 http 或 https 网址", english: "must be an http or https URL"))
        }
        if let errors = Open311ErrorList(collected: reader.errors) { throw errors }
        guard let serviceCode else { throw Open311ErrorList(.missing("service_code")) }
        guard let location else { throw Open311ErrorList(.missingLocation) }
        return Open311RequestInput(
            apiKey: apiKey, jurisdictionID: jurisdictionID, serviceCode: serviceCode, location: location,
            attributes: attributes, email: email, deviceID: deviceID, accountID: accountID, firstName: firstName,
            lastName: lastName, phone: phone, description: description, mediaURL: mediaURL)
    }

    /// `lat` and `long` (both or neither, each a finite decimal in range), `address_string`, `address_id`;
    /// records ``Open311Error/missingLocation`` when none of the four was sent.
    private static func readLocation(_ reader: inout Open311FormReader, limits: Open311InputLimits)
        -> Open311Location? {
        let latitude = reader.text("lat", maxLength: 64).flatMap { decimal($0, field: "lat", bound: 90, &reader) }
        let longitude = reader.text("long", maxLength: 64).flatMap {
            decimal($0, field: "long", bound: 180, &reader)
        }
        if reader.has("lat"), !reader.has("long") {
            reader.fail(Open311Error(kind: .missingParameter, field: "long",
                                     description: "提供 lat 时须同时提供 long / long is required together with lat"))
        }
        if reader.has("long"), !reader.has("lat") {
            reader.fail(Open311Error(kind: .missingParameter, field: "lat",
                                     description: "提供 long 时须同时提供 lat / lat is required together with long"))
        }
        var coordinate: Open311Coordinate?
        if let latitude, let longitude { coordinate = Open311Coordinate(latitude: latitude, longitude: longitude) }
        let addressString = reader.text("address_string", maxLength: limits.fieldMaxLength)
        let addressID = reader.text("address_id", maxLength: limits.fieldMaxLength)
        if !["lat", "long", "address_string", "address_id"].contains(where: reader.has) {
            reader.fail(.missingLocation)
        }
        return Open311Location(coordinate: coordinate, addressString: addressString, addressID: addressID)
    }

    /// A WGS84 degree value within ±`bound`, written as a plain decimal (`26.5`, `-0.25`, `1.2e1`).
    private static func decimal(_ text: String, field: String, bound: Double, _ reader: inout Open311FormReader)
        -> Double? {
        guard let value = plainDecimal(text) else {
            reader.fail(.invalid(field, chinese: "须为十进制数", english: "must be a decimal number"))
            return nil
        }
        let limit = Int(bound)
        guard (-bound...bound).contains(value) else {
            reader.fail(.invalid(field, chinese: "须在 -\(limit) 到 \(limit) 之间",
                                 english: "must be between -\(limit) and \(limit)"))
            return nil
        }
        return value
    }

    /// The `attribute[…]` values, empty values dropped, codes and values checked against the limits.
    private static func readAttributes(_ reader: inout Open311FormReader, limits: Open311InputLimits)
        -> [String: [String]] {
        guard reader.attributes.count <= limits.maximumAttributes else {
            reader.fail(.invalid("attribute", chinese: "属性超过 \(limits.maximumAttributes) 项",
                                 english: "more than \(limits.maximumAttributes) attributes were sent"))
            return [:]
        }
        var result: [String: [String]] = [:]
        for (code, rawValues) in reader.attributes.sorted(by: { $0.key < $1.key }) {
            let field = "attribute[\(code)]"
            guard reader.checked(code, field: field, maxLength: limits.fieldMaxLength) != nil else { continue }
            let values = rawValues.map(Open311FormReader.trimmed).filter { !$0.isEmpty }
            guard values.count <= limits.maximumValuesPerAttribute else {
                reader.fail(.invalid(field, chinese: "取值超过 \(limits.maximumValuesPerAttribute) 个",
                                     english: "has more than \(limits.maximumValuesPerAttribute) values"))
                continue
            }
            let checked = values.compactMap { reader.checked($0, field: field, maxLength: limits.descriptionMaxLength) }
            if !checked.isEmpty, checked.count == values.count { result[code] = checked }
        }
        return result
    }

    /// A finite number in decimal notation (`26.5`, `-3`, `1.2e1`); nil for `nan`, `inf`, hex and the rest.
    static func plainDecimal(_ text: String) -> Double? {
        let allowed = "0123456789+-.eE".unicodeScalars
        guard text.unicodeScalars.allSatisfy(allowed.contains), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// A shape check only: one `@`, a non-empty local part, a dotted domain, no white space.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// An absolute `http` or `https` URL with a host (no `javascript:` or `data:` links reach pages).
    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
