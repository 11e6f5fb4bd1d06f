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
        // Inside the process's writer the batch keeps the head and the entries until just before COMMIT
        // (nothing reads the log inside a write); alone, the entry is written here.
        let batch = WriteGate.batch
        let head: Head
        if let cached = batch?.audit.withLockedValue({ $0.head }) { head = cached } else { head = try await lockHead(on: sql) }
        // Millisecond precision: what both databases store exactly.
        let record = AuditRecord(
            sequence: head.seq + 1, at: now.wholeMilliseconds, actor: actor, action: action.rawValue,
            entityType: entityType, entityID: entityID,
            before: try canonical(before), after: try canonical(after))
        let entry = Entry(record: record, previousHash: head.hash, hash: AuditChain.hash(previous: head.hash, record: record))
        if let batch {
            batch.audit.withLockedValue {
                $0.head = Head(seq: record.sequence, hash: entry.hash)
                $0.entries.append(entry)
            }
        } else {
            try await flush(Pending(head: Head(seq: record.sequence, hash: entry.hash), entries: [entry]), on: sql)
        }
    }

    /// The chain's head row: the last entry's sequence and hash.
    struct Head: Decodable, Sendable { var seq: Int64; var hash: String }

    struct Entry: Sendable {
        var record: AuditRecord
        var previousHash: String
        var hash: String
    }

    /// Entries not yet written, and the head after them.
    struct Pending: Sendable {
        var head: Head?
        var entries: [Entry] = []
    }

    /// Reads the head row; on PostgreSQL with FOR UPDATE, so concurrent appenders (other processes) queue here.
    private static func lockHead(on sql: any SQLDatabase) async throws -> Head {
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1" + lock).first(decoding: Head.self) else {
            throw DubanError(.internalServerError, code: "audit_head_missing", message: "audit head row missing")
        }
        return head
    }

    /// Writes the entries (500 rows a statement) and moves the head row to the last of them.
    static func flush(_ pending: Pending, on sql: any SQLDatabase) async throws {
        guard let head = pending.head, !pending.entries.isEmpty else { return }
        func text(_ value: String?) -> any SQLExpression { value.map { SQLBind($0) } ?? SQLLiteral.null }
        for chunk in pending.entries.chunked(500) {
            var insert = sql.insert(into: AuditEntry.schema)
                .columns("seq", "at", "actor", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash")
            for entry in chunk {
                let record = entry.record
                insert = insert.values(SQLBind(record.sequence), SQLBind(record.at), SQLBind(record.actor), SQLBind(record.action),
                                       SQLBind(record.entityType), SQLBind(record.entityID), text(record.before), text(record.after),
                                       SQLBind(entry.previousHash), SQLBind(entry.hash))
            }
            try await insert.run()
        }
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
