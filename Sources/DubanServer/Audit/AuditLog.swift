import DubanCore
import Fluent
import Foundation
import SQLKit

/// Appends entries to the audit chain inside the caller's transaction.
enum AuditLog {
    enum Action: String, Sendable {
        case create, update, delete, login, transition
        /// A person outside the hotline saw a caller's identity in full.
        case reveal
    }

    /// JSON with sorted keys, so the same state always has the same text (and hash).
    static func canonical<T: Encodable>(_ value: T?) throws -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Records one change. Must run inside the transaction that makes the change. Every write of the
    /// application comes here, so it speaks SQL directly (three statements, no model reflection).
    static func record<B: Encodable, A: Encodable>(
        on db: any Database, actor: String, action: Action, entityType: String, entityID: String,
        before: B?, after: A?, at now: Date = Date()
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        // Inside the process's writer the batch keeps the head; alone, it is read and written here.
        let batch = WriteGate.batch
        let head: Head
        if let cached = batch?.auditHead { head = cached } else { head = try await lockHead(on: sql) }
        // Millisecond precision: what both databases store exactly.
        let at = now.wholeMilliseconds
        let record = AuditRecord(
            sequence: head.seq + 1, at: at, actor: actor, action: action.rawValue,
            entityType: entityType, entityID: entityID,
            before: try canonical(before), after: try canonical(after))
        let hash = AuditChain.hash(previous: head.hash, record: record)
        func text(_ value: String?) -> any SQLExpression { value.map { SQLBind($0) } ?? SQLLiteral.null }
        try await sql.insert(into: AuditEntry.schema)
            .columns("seq", "at", "actor", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash")
            .values(SQLBind(record.sequence), SQLBind(record.at), SQLBind(record.actor), SQLBind(record.action),
                    SQLBind(record.entityType), SQLBind(record.entityID), text(record.before), text(record.after),
                    SQLBind(head.hash), SQLBind(hash))
            .run()
        let next = Head(seq: record.sequence, hash: hash)
        if let batch { batch.auditHead = next } else { try await storeHead(next, on: sql) }
    }

    /// The chain's head row: the last entry's sequence and hash.
    struct Head: Decodable, Sendable { var seq: Int64; var hash: String }

    /// Reads the head row; on PostgreSQL with FOR UPDATE, so concurrent appenders (other processes) queue here.
    private static func lockHead(on sql: any SQLDatabase) async throws -> Head {
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1" + lock).first(decoding: Head.self) else {
            throw DubanError(.internalServerError, code: "audit_head_missing", message: "audit head row missing")
        }
        return head
    }

    static func storeHead(_ head: Head, on sql: any SQLDatabase) async throws {
        try await sql.update(AuditHead.schema).set("seq", to: head.seq).set("hash", to: head.hash).where("id", .equal, 1).run()
    }

    /// Verifies the whole chain in sequence order, in batches (constant memory).
    static func verify(on db: any Database, batchSize: Int = 1000,
                       progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditChain.Verifier {
        var verifier = AuditChain.Verifier()
        var after: Int64 = 0
        while true {
            let batch = try await AuditEntry.query(on: db)
                .filter(\.$id > after).sort(\.$id).limit(batchSize).all()
            for entry in batch {
                verifier.feed(AuditChain.StoredEntry(
                    record: AuditRecord(sequence: entry.id ?? 0, at: entry.at, actor: entry.actor, action: entry.action,
                                        entityType: entry.entityType, entityID: entry.entityID,
                                        before: entry.before, after: entry.after),
                    previousHash: entry.previousHash, hash: entry.hash))
            }
            progress?(verifier.checked)
            guard let last = batch.last?.id, batch.count == batchSize, verifier.firstBreak == nil else { break }
            after = last
        }
        if let head = try await AuditHead.query(on: db).filter(\.$id == 1).first() {
            verifier.finish(headSequence: head.sequence, headHash: head.hash)
        }
        return verifier
    }
}
