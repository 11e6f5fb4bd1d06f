import Crypto
import Foundation

/// The fields of one audit entry that its hash covers.
public struct AuditRecord: Equatable, Sendable {
    public var sequence: Int64
    /// UTC, whole milliseconds.
    public var at: Date
    public var actor: String
    public var action: String
    public var entityType: String
    public var entityID: String
    /// Canonical JSON (sorted keys) of the entity before the change, or nil on create.
    public var before: String?
    /// Canonical JSON of the entity after the change, or nil on delete.
    public var after: String?

    public init(sequence: Int64, at: Date, actor: String, action: String, entityType: String,
                entityID: String, before: String?, after: String?) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}

/// The append-only audit chain (SPEC M0): each entry's hash is SHA-256 over the previous entry's hash
/// and the entry's own fields, so changing, removing or reordering any stored entry breaks every hash
/// after it.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(previous: String, record: AuditRecord) -> String {
        // Length-prefixed fields: no choice of field contents can make two different records collide
        // on the same byte string.
        var bytes = Data()
        func field(_ text: String?) {
            guard let text else { bytes.append(contentsOf: Array("-1:".utf8)); return }
            let utf8 = Array(text.utf8)
            bytes.append(contentsOf: Array("\(utf8.count):".utf8))
            bytes.append(contentsOf: utf8)
        }
        field(previous)
        field(String(record.sequence))
        field(String(Int64((record.at.timeIntervalSince1970 * 1000).rounded())))
        field(record.actor)
        field(record.action)
        field(record.entityType)
        field(record.entityID)
        field(record.before)
        field(record.after)
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    public struct StoredEntry: Sendable {
        public var record: AuditRecord
        public var previousHash: String
        public var hash: String

        public init(record: AuditRecord, previousHash: String, hash: String) {
            self.record = record
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    public enum Break: Equatable, Sendable {
        /// The entry's stored hash does not match its contents.
        case contentChanged(sequence: Int64)
        /// The entry does not point at the hash of the entry before it (an entry was removed or reordered).
        case linkBroken(sequence: Int64)
        /// Sequence numbers are not consecutive (an entry was removed).
        case gap(after: Int64, found: Int64)
        /// The chain ends before the recorded head (entries were cut from the end).
        case truncated(lastSequence: Int64, expectedHead: Int64)
    }

    /// Incremental verifier: feed entries in sequence order; the first break is kept.
    public struct Verifier: Sendable {
        public private(set) var lastHash = AuditChain.genesis
        public private(set) var lastSequence: Int64 = 0
        public private(set) var checked = 0
        public private(set) var firstBreak: Break?

        public init() {}

        public mutating func feed(_ entry: StoredEntry) {
            guard firstBreak == nil else { return }
            checked += 1
            if entry.record.sequence != lastSequence + 1 {
                firstBreak = .gap(after: lastSequence, found: entry.record.sequence)
            } else if entry.previousHash != lastHash {
                firstBreak = .linkBroken(sequence: entry.record.sequence)
            } else if AuditChain.hash(previous: entry.previousHash, record: entry.record) != entry.hash {
                firstBreak = .contentChanged(sequence: entry.record.sequence)
            }
            lastHash = entry.hash
            lastSequence = entry.record.sequence
        }

        /// Compares the end of the chain with the head recorded separately.
        public mutating func finish(headSequence: Int64, headHash: String) {
            guard firstBreak == nil else { return }
            if lastSequence < headSequence || (lastSequence == headSequence && lastHash != headHash) {
                firstBreak = .truncated(lastSequence: lastSequence, expectedHead: headSequence)
            }
        }
    }
}

extension AuditChain.Break: CustomStringConvertible {
    public var description: String {
        switch self {
        case .contentChanged(let s): "entry \(s): contents do not match its hash (changed after it was written)"
        case .linkBroken(let s): "entry \(s): does not link to the entry before it (an entry was removed or altered)"
        case .gap(let a, let f): "entry \(f): follows entry \(a) (entries \(a + 1)…\(f - 1) are missing)"
        case .truncated(let l, let h): "chain ends at entry \(l) but the head records entry \(h) (entries removed from the end)"
        }
    }

    /// The first entry that fails.
    public var sequence: Int64 {
        switch self {
        case .contentChanged(let s), .linkBroken(let s): s
        case .gap(_, let f): f
        case .truncated(let l, _): l + 1
        }
    }
}
