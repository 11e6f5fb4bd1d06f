/// The GeoReport v2 document tree of each value type, members in the order of the spec's tables.
/// Every member the spec lists is always present (absent values are JSON `null` / empty XML
/// elements), so strict clients find every key they expect.
extension Open311Service {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([
            .field("service_code", .text(serviceCode)),
            .field("service_name", .text(serviceName)),
            .field("description", .text(description)),
            .field("metadata", .boolean(metadata)),
            .field("type", .text(type.rawValue)),
            .field("keywords", .text(keywords.isEmpty ? nil : keywords.joined(separator: ", "))),
            .field("group", .text(group)),
        ])
    }
}

extension Open311ServiceDefinition {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([
            .field("service_code", .text(serviceCode)),
            .field("attributes", .list(item: "attribute", attributes.map { $0.node(options) })),
        ])
    }
}

extension Open311ServiceAttribute {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([
            .field("variable", .boolean(variable)),
            .field("code", .text(code)),
            .field("datatype", .text(datatype.rawValue)),
            .field("required", .boolean(required)),
            .field("datatype_description", .text(datatypeDescription)),
            .field("order", .integer(order)),
            .field("description", .text(description)),
            .field("values", .list(item: "value", values.map {
                .object([.field("key", .text($0.key)), .field("name", .text($0.name))])
            })),
        ])
    }
}

extension Open311Request {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([
            .field("service_request_id", .text(serviceRequestID)),
            .field("status", .text(status.rawValue)),
            .field("status_notes", .text(statusNotes)),
            .field("service_name", .text(serviceName)),
            .field("service_code", .text(serviceCode)),
            .field("description", .text(description)),
            .field("agency_responsible", .text(agencyResponsible)),
            .field("service_notice", .text(serviceNotice)),
            .field("requested_datetime", .datetime(requestedDatetime, options)),
            .field("updated_datetime", .datetime(updatedDatetime, options)),
            .field("expected_datetime", .datetime(expectedDatetime, options)),
            .field("address", .text(address)),
            .field("address_id", .text(addressID)),
            .field("zipcode", .text(zipcode)),
            .field("lat", .coordinate(latitude, options)),
            .field("long", .coordinate(longitude, options)),
            .field("media_url", .text(mediaURL)),
        ])
    }
}

extension Open311RequestCreated {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        let id: Open311Node.Field
        switch identifier {
        case .serviceRequestID(let value): id = .field("service_request_id", .text(value))
        case .token(let value): id = .field("token", .text(value))
        }
        return .object([id, .field("service_notice", .text(serviceNotice)), .field("account_id", .text(accountID))])
    }
}

extension Open311Token {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([.field("service_request_id", .text(serviceRequestID)), .field("token", .text(token))])
    }
}

extension Open311ServiceRequestUpdate {
    /// The extension's schema (mySociety open311-adapter) types `description` and `media_url` as
    /// required strings, so absent ones are written `""` rather than `null`; the optional
    /// `external_status_code` is written only when set.
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        var fields: [Open311Node.Field] = [
            .field("update_id", .text(updateID)),
            .field("service_request_id", .text(serviceRequestID)),
            .field("status", .text(status.wireValue(options.extendedStatusCase))),
            .field("updated_datetime", .datetime(updatedDatetime, options)),
            .field("description", .text(description ?? "")),
            .field("media_url", .text(mediaURL ?? "")),
        ]
        if let externalStatusCode {
            fields.append(.field("external_status_code", .text(externalStatusCode)))
        }
        return .object(fields)
    }
}

extension Open311Discovery {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([
            .field("changeset", .datetime(changeset, options)),
            .field("contact", .text(contact)),
            .field("key_service", .text(keyService)),
            .field("endpoints", .list(item: "endpoint", endpoints.map { endpoint in
                .object([
                    .field("specification", .text(endpoint.specification)),
                    .field("url", .text(endpoint.url)),
                    .field("changeset", .datetime(endpoint.changeset, options)),
                    .field("type", .text(endpoint.type.rawValue)),
                    .field("formats", .list(item: "format", endpoint.formats.map { .text($0) })),
                ])
            })),
        ])
    }
}

extension Open311Error {
    func node(_ options: Open311EncodingOptions) -> Open311Node {
        .object([.field("code", .integer(code)), .field("description", .text(description))])
    }
}
