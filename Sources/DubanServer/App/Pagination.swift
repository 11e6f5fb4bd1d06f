import Fluent
import Foundation
import Vapor

/// A page of a keyset-paginated list: `nextCursor` is nil on the last page.
struct ListPage<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

/// The position after the last row of a page: its sort key and id. Opaque to clients (base64url JSON).
struct Cursor: Codable, Equatable {
    var key: String
    var id: UUID

    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws -> Cursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 500, let data = Data(base64Encoded: base64),
              let cursor = try? JSONDecoder().decode(Cursor.self, from: data) else {
            throw DubanError.invalid("cursor", "分页游标无效 / invalid cursor")
        }
        return cursor
    }
}

/// Reads `limit` and `cursor` from the query string.
struct PageRequest {
    var limit: Int
    var cursor: Cursor?

    static let defaultLimit = 50
    static let maxLimit = 200

    init(_ req: Request) throws {
        if let raw = req.query[String.self, at: "limit"] {
            guard let value = Int(raw), (1...Self.maxLimit).contains(value) else {
                throw DubanError.invalid("limit", "limit 应为 1–\(Self.maxLimit) 的整数 / limit must be 1–\(Self.maxLimit)")
            }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
        cursor = try req.query[String.self, at: "cursor"].map(Cursor.decode)
    }
}

extension Date {
    /// The instant rounded to whole milliseconds: what both databases store exactly enough to page by.
    var wholeMilliseconds: Date { Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000) }
}

extension PageRequest {
    /// One page of `query` in (`key`, id) order, starting after the cursor: the keyset form every
    /// name-ordered list uses, so a deep page costs what the first does.
    func fetch<M: Model>(_ query: QueryBuilder<M>, orderedBy key: KeyPath<M, FieldProperty<M, String>>,
                         id: KeyPath<M, IDProperty<M, UUID>>) async throws -> (rows: [M], nextCursor: String?) {
        if let cursor {
            query.group(.or) { or in
                or.filter(key > cursor.key)
                or.group(.and) { and in and.filter(key == cursor.key).filter(id > cursor.id) }
            }
        }
        let rows = try await query.sort(key).sort(id).limit(limit + 1).all()
        let shown = Array(rows.prefix(limit))
        guard rows.count > limit, let last = shown.last, let lastID = last[keyPath: id].wrappedValue else { return (shown, nil) }
        return (shown, Cursor(key: last[keyPath: key].wrappedValue, id: lastID).encoded)
    }
}

/// Keyset pages ordered by a timestamp column and the id. Timestamps are stored in whole milliseconds
/// (`Date.wholeMilliseconds`); the cursor carries the millisecond and matches it within half a
/// millisecond, because a driver may hand a stored instant back one floating-point step off.
enum DateKeyset {
    static func page<M: Model>(_ query: QueryBuilder<M>, field: FieldKey, ascending: Bool, cursor: String?, limit: Int,
                               value: (M) -> Date?) async throws -> (rows: [M], nextCursor: String?) where M.IDValue == UUID {
        if let cursor {
            let position = try Cursor.decode(cursor)
            guard let millis = Int64(position.key) else { throw DubanError.invalid("cursor", "分页游标无效 / invalid cursor") }
            let at = Date(timeIntervalSince1970: Double(millis) / 1000)
            let low = at.addingTimeInterval(-0.0005), high = at.addingTimeInterval(0.0005)
            query.group(.or) { or in
                if ascending { or.filter(field, .greaterThanOrEqual, high) } else { or.filter(field, .lessThan, low) }
                or.group(.and) { and in
                    and.filter(field, .greaterThanOrEqual, low).filter(field, .lessThan, high)
                        .filter(.id, ascending ? .greaterThan : .lessThan, position.id)
                }
            }
        }
        let direction: DatabaseQuery.Sort.Direction = ascending ? .ascending : .descending
        let rows = try await query.sort(field, direction).sort(.id, direction).limit(limit + 1).all()
        let shown = Array(rows.prefix(limit))
        guard rows.count > limit, let last = shown.last, let id = last.id, let time = value(last) else { return (shown, nil) }
        return (shown, Cursor(key: String(Int64((time.timeIntervalSince1970 * 1000).rounded())), id: id).encoded)
    }
}
