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

    /// Records one change. Must run inside the transaction that makes the change.
    static func record<B: Encodable, A: Encodable>(
        on db: any Database, actor: String, action: Action, entityType: String, entityID: String,
        before: B?, after: A?, at now: Date = Date()
    ) async throws {
        let head = try await lockHead(on: db)
        // Millisecond precision: what both databases store exactly.
        let at = now.wholeMilliseconds
        let record = AuditRecord(
            sequence: head.sequence + 1, at: at, actor: actor, action: action.rawValue,
            entityType: entityType, entityID: entityID,
            before: try canonical(before), after: try canonical(after))
        let hash = AuditChain.hash(previous: head.hash, record: record)
        let entry = AuditEntry()
        entry.id = record.sequence
        entry.at = record.at
        entry.actor = record.actor
        entry.action = record.action
        entry.entityType = record.entityType
        entry.entityID = record.entityID
        entry.before = record.before
        entry.after = record.after
        entry.previousHash = head.hash
        entry.hash = hash
        try await entry.create(on: db)
        head.sequence = record.sequence
        head.hash = hash
        try await head.update(on: db)
    }

    /// Reads the head row; on PostgreSQL with FOR UPDATE, so concurrent appenders queue here.
    private static func lockHead(on db: any Database) async throws -> AuditHead {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT id FROM audit_head WHERE id = 1 FOR UPDATE").run()
        }
        guard let head = try await AuditHead.query(on: db).filter(\.$id == 1).first() else {
            throw DubanError(.internalServerError, code: "audit_head_missing", message: "audit head row missing")
        }
        return head
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
