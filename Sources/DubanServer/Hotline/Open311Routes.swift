import DubanCore
import Fluent
import Vapor

/// Open311 GeoReport v2 (SPEC §3, M4): `/open311/v2/{discovery,services,services/{code},requests,
/// requests/{id},tokens/{token},servicerequestupdates}` each as `.json` or `.xml`, with errors as the
/// spec renders them. Services are the hotline's categories; a request is a case, its id the tracking
/// code; `expected_datetime` is the deadline in official working time. POST needs an `api_key`.
enum Open311Routes {
    static func register(_ app: Application) {
        let v2 = app.grouped("open311", "v2")
        v2.get(":file", use: top)
        v2.get("services", ":file", use: service)
        v2.get("requests", ":file", use: request)
        v2.get("tokens", ":file", use: token)
        v2.post(":file", use: post)
    }

    /// `name.json` → (name, format); an unknown extension is a 400 in JSON.
    static func split(_ file: String) throws -> (String, Open311Format) {
        guard let dot = file.lastIndex(of: "."), let format = Open311Format(pathExtension: String(file[file.index(after: dot)...])) else {
            throw Open311Failure(format: .json, errors: Open311ErrorList(.invalid("format", chinese: "格式应为 .json 或 .xml",
                                                                                 english: "the format must be .json or .xml")))
        }
        return (String(file[..<dot]), format)
    }

    struct Open311Failure: Error {
        var format: Open311Format
        var errors: Open311ErrorList
    }

    static func document(_ data: Data, format: Open311Format, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.contentType)
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    /// Runs `body`; Open311 errors are answered in the spec's own error document and format.
    static func answer(_ file: String, _ body: (String, Open311Format) async throws -> Response) async throws -> Response {
        do {
            let (name, format) = try split(file)
            do {
                return try await body(name, format)
            } catch let errors as Open311ErrorList {
                throw Open311Failure(format: format, errors: errors)
            } catch let error as DubanError where error.status.code < 500 {
                throw Open311Failure(format: format, errors: Open311ErrorList(
                    Open311Error(kind: .invalidParameter, field: error.field ?? "request", description: error.message)))
            }
        } catch let failure as Open311Failure {
            let data = failure.format == .json ? Open311Encoding.json(failure.errors) : Open311Encoding.xml(failure.errors)
            return document(data, format: failure.format, status: HTTPResponseStatus(statusCode: failure.errors.httpStatus))
        }
    }

    static func services(on db: any Database) async throws -> [Open311Service] {
        try await HotlineService.categories(on: db).filter { $0.active && !$0.majorEvent }.map {
            Open311Service(serviceCode: $0.code, serviceName: $0.name, description: "\($0.name)类问题，默认\($0.defaultUrgency.chinese)时限",
                           keywords: $0.keywords, group: "汉阳区区长专线")
        }
    }

    @Sendable static func top(_ req: Request) async throws -> Response {
        try await answer(req.parameters.get("file") ?? "") { name, format in
            switch name {
            case "discovery":
                let base = "/open311/v2"
                let discovery = Open311Discovery(
                    changeset: Date(timeIntervalSince1970: 1_795_000_000), contact: "汉阳区区长专线 13871112345", keyService: "向热线管理员申请 API key",
                    endpoints: [Open311Endpoint(url: base, changeset: Date(timeIntervalSince1970: 1_795_000_000), type: .production,
                                                formats: ["application/json", "text/xml"])])
                return document(format == .json ? Open311Encoding.json(discovery) : Open311Encoding.xml(discovery), format: format)
            case "services":
                let list = try await services(on: req.db)
                return document(format == .json ? Open311Encoding.json(list) : Open311Encoding.xml(list), format: format)
            case "requests":
                let filter = try Open311RequestFilter.parse(query: query(req))
                let list = try await requests(filter, on: req.db)
                return document(format == .json ? Open311Encoding.json(list) : Open311Encoding.xml(list), format: format)
            case "servicerequestupdates":
                let filter = try Open311UpdateFilter.parse(query: query(req))
                let list = try await updates(filter, on: req.db)
                return document(format == .json ? Open311Encoding.json(list) : Open311Encoding.xml(list), format: format)
            default:
                throw Open311ErrorList(.notFound(name))
            }
        }
    }

    static func query(_ req: Request) -> [String: String] {
        var result: [String: String] = [:]
        for item in URLComponents(string: req.url.string)?.queryItems ?? [] { result[item.name] = item.value ?? "" }
        return result
    }

    @Sendable static func service(_ req: Request) async throws -> Response {
        try await answer(req.parameters.get("file") ?? "") { code, format in
            guard try await services(on: req.db).contains(where: { $0.serviceCode == code }) else { throw Open311ErrorList(.notFound("service_code")) }
            let definition = Open311ServiceDefinition(serviceCode: code, attributes: [
                Open311ServiceAttribute(code: "demand", datatype: .text, required: false, order: 1, description: "诉求（希望如何解决）"),
                Open311ServiceAttribute(code: "confidential", datatype: .singlevaluelist, required: false, order: 2,
                                        description: "是否要求对来电人信息保密",
                                        values: [Open311AttributeValue(key: "yes", name: "是"), Open311AttributeValue(key: "no", name: "否")]),
            ])
            return document(format == .json ? Open311Encoding.json(definition) : Open311Encoding.xml(definition), format: format)
        }
    }

    /// A case as Open311 shows it: never the caller; a confidential case's account is withheld.
    static func request(_ hotline: HotlineCase, item: LedgerItem, units: [UUID: String], categories: [HotlineCategory]) throws -> Open311Request {
        let facts = try LedgerService.facts(of: item)
        let progress = PublicHotlineRoutes.progress(hotline, facts)
        let mapping = Open311StatusMapping.standard
        return Open311Request(
            serviceRequestID: hotline.trackingCode, status: mapping.status(for: progress), statusNotes: mapping.statusNotes(for: progress),
            serviceName: categories.first { $0.code == hotline.categoryCode }?.name, serviceCode: hotline.categoryCode,
            description: hotline.confidential ? nil : item.details, agencyResponsible: item.assignedUnitID.flatMap { units[$0] },
            requestedDatetime: hotline.receivedAt, updatedDatetime: item.updatedAt,
            expectedDatetime: facts.state.isOpen ? facts.deadline : nil, address: hotline.confidential ? nil : hotline.address,
            latitude: hotline.confidential ? nil : hotline.latitude, longitude: hotline.confidential ? nil : hotline.longitude)
    }

    static func requests(_ filter: Open311RequestFilter, on db: any Database) async throws -> [Open311Request] {
        let query = HotlineCase.query(on: db)
        if filter.isLookupByID {
            query.filter(\.$trackingCode ~~ filter.serviceRequestIDs)
        } else {
            if let range = filter.dateRange(now: Date()) {
                query.filter(\.$receivedAt >= range.lowerBound).filter(\.$receivedAt <= range.upperBound)
            }
            if !filter.serviceCodes.isEmpty { query.filter(\.$categoryCode ~~ filter.serviceCodes) }
        }
        let rows = try await query.sort(\.$receivedAt, .descending).limit(1000).all()
        let items = Dictionary(uniqueKeysWithValues: try await LedgerItem.query(on: db).filter(\.$id ~~ rows.compactMap(\.id)).all()
            .compactMap { item in item.id.map { ($0, item) } })
        let units = try await LedgerPages.unitNames(items.values.compactMap(\.assignedUnitID), on: db)
        let categories = try await HotlineService.categories(on: db)
        return try rows.compactMap { row in
            guard let id = row.id, let item = items[id] else { return nil }
            let shown = try request(row, item: item, units: units, categories: categories)
            return filter.statuses.isEmpty || filter.statuses.contains(shown.status) ? shown : nil
        }
    }

    /// The status-history extension: each transition of a case as an update.
    static func updates(_ filter: Open311UpdateFilter, on db: any Database) async throws -> [Open311ServiceRequestUpdate] {
        let now = Date()
        let start = filter.startDate ?? now.addingTimeInterval(-90 * 86400)
        let events = try await LedgerEvent.query(on: db)
            .join(HotlineCase.self, on: \LedgerEvent.$itemID == \HotlineCase.$id)
            .filter(\.$at >= start).filter(\.$at <= (filter.endDate ?? now)).sort(\.$at).limit(1000).all()
        var result: [Open311ServiceRequestUpdate] = []
        for event in events {
            let hotline = try event.joined(HotlineCase.self)
            var facts = ItemFacts(kind: .hotline, registeringUnitID: "")
            facts.state = ItemState(rawValue: event.toState) ?? .registered
            let progress = PublicHotlineRoutes.progress(hotline, facts)
            let mapping = Open311StatusMapping.standard
            result.append(Open311ServiceRequestUpdate(
                updateID: try event.requireID().uuidString, serviceRequestID: hotline.trackingCode,
                status: mapping.extendedStatus(for: progress), updatedDatetime: event.at, description: mapping.statusNotes(for: progress),
                externalStatusCode: event.event))
        }
        return result
    }

    @Sendable static func request(_ req: Request) async throws -> Response {
        try await answer(req.parameters.get("file") ?? "") { id, format in
            let list = try await requests(Open311RequestFilter(serviceRequestIDs: [id]), on: req.db)
            guard !list.isEmpty else { throw Open311ErrorList(.notFound("service_request_id")) }
            return document(format == .json ? Open311Encoding.json(list) : Open311Encoding.xml(list), format: format)
        }
    }

    /// Duban answers POST with the service_request_id at once, so a token is the id itself.
    @Sendable static func token(_ req: Request) async throws -> Response {
        try await answer(req.parameters.get("file") ?? "") { token, format in
            guard try await HotlineCase.query(on: req.db).filter(\.$trackingCode == token).count() > 0 else {
                throw Open311ErrorList(.notFound("token"))
            }
            let found = Open311Token(token: token, serviceRequestID: token)
            return document(format == .json ? Open311Encoding.json(found) : Open311Encoding.xml(found), format: format)
        }
    }

    @Sendable static func post(_ req: Request) async throws -> Response {
        try await answer(req.parameters.get("file") ?? "") { name, format in
            guard name == "requests" else { throw Open311ErrorList(.notFound(name)) }
            let form = (try? req.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
            let keyHash = ActorMiddleware.tokenHash(form["api_key"] ?? "")
            guard try await Open311Client.query(on: req.db).filter(\.$keyHash == keyHash).filter(\.$active == true).count() > 0 else {
                throw Open311ErrorList(.invalidAPIKey)
            }
            let input = try Open311RequestInput.parse(form: form)
            guard try await services(on: req.db).contains(where: { $0.serviceCode == input.serviceCode }) else {
                throw Open311ErrorList(.notFound("service_code"))
            }
            let phone = input.phone ?? ""
            guard phone.filter(\.isNumber).count >= 7 else { throw Open311ErrorList(.missing("phone")) }
            let intake = HotlineIntakeInput(
                type: HotlineCaseType.complaint.rawValue, callerName: [input.lastName, input.firstName].compactMap { $0 }.joined(),
                callerPhone: phone, area: nil, confidential: input.attributes["confidential"]?.first == "yes", receivedAt: nil,
                place: input.location.addressString, whatHappened: input.description ?? "（未填写）", demand: input.attributes["demand"]?.first,
                categoryCode: input.serviceCode, latitude: input.location.coordinate?.latitude, longitude: input.location.coordinate?.longitude)
            let hotline = try await PublicHotlineRoutes.submitCase(intake, channel: "open311", ip: req.remoteAddress?.ipAddress ?? "unknown",
                                                                   phone: phone, req: req)
            let created = Open311RequestCreated(identifier: .serviceRequestID(hotline.trackingCode),
                                                serviceNotice: "已受理，凭受理编号查询进度")
            return document(format == .json ? Open311Encoding.json(created) : Open311Encoding.xml(created), format: format, status: .created)
        }
    }
}
