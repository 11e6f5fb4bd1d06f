import Fluent
import SQLKit

extension Database {
    /// Creates a named index through SQLKit (same statement on SQLite and PostgreSQL).
    func createIndex(_ name: String, on table: String, columns: [String], unique: Bool = false) async throws {
        guard let sql = self as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        var builder = sql.create(index: SQLIdentifier(name)).on(SQLIdentifier(table))
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(SQLIdentifier(column)) }
        try await builder.run()
    }
}
