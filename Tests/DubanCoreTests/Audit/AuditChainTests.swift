import DubanCore
import XCTest

final class AuditChainTests: XCTestCase {
    func makeChain(_ count: Int) -> [AuditChain.StoredEntry] {
        var previous = AuditChain.genesis
        return (1...count).map { n in
            let record = AuditRecord(sequence: Int64(n), at: Date(timeIntervalSince1970: 1_790_000_000 + Double(n)),
                                     actor: "admin(admin)", action: "update", entityType: "unit", entityID: "u\(n)",
                                     before: #"{"name":"区安监局"}"#, after: #"{"name":"区应急管理局\#(n)"}"#)
            let hash = AuditChain.hash(previous: previous, record: record)
            defer { previous = hash }
            return AuditChain.StoredEntry(record: record, previousHash: previous, hash: hash)
        }
    }

    func verify(_ entries: [AuditChain.StoredEntry], head: (Int64, String)? = nil) -> AuditChain.Break? {
        var verifier = AuditChain.Verifier()
        entries.forEach { verifier.feed($0) }
        let last = entries.last
        verifier.finish(headSequence: head?.0 ?? last?.record.sequence ?? 0, headHash: head?.1 ?? last?.hash ?? AuditChain.genesis)
        return verifier.firstBreak
    }

    func testIntactChainVerifies() {
        XCTAssertNil(verify(makeChain(50)))
    }

    func testChangedContentIsNamed() {
        var chain = makeChain(10)
        chain[6].record.after = #"{"name":"篡改"}"#
        XCTAssertEqual(verify(chain), .contentChanged(sequence: 7))
        chain = makeChain(10)
        chain[2].record.actor = "someone-else"
        XCTAssertEqual(verify(chain)?.sequence, 3)
        chain = makeChain(10)
        chain[4].record.at = chain[4].record.at.addingTimeInterval(1)
        XCTAssertEqual(verify(chain)?.sequence, 5)
    }

    func testRehashedEntryBreaksTheNextLink() {
        // Someone edits entry 4 and recomputes its hash: entry 5 no longer links to it.
        var chain = makeChain(8)
        chain[3].record.after = #"{"name":"篡改"}"#
        chain[3].hash = AuditChain.hash(previous: chain[3].previousHash, record: chain[3].record)
        XCTAssertEqual(verify(chain), .linkBroken(sequence: 5))
    }

    func testRemovedEntriesAreFound() {
        var chain = makeChain(8)
        chain.remove(at: 3)
        XCTAssertEqual(verify(chain, head: (8, makeChain(8)[7].hash)), .gap(after: 3, found: 5))
        let full = makeChain(8)
        XCTAssertEqual(verify(Array(full.prefix(6)), head: (8, full[7].hash)), .truncated(lastSequence: 6, expectedHead: 8))
    }

    func testFieldBoundariesCannotBeShifted() {
        // Moving characters from one field into the next must change the hash (length prefixes).
        let a = AuditRecord(sequence: 1, at: Date(timeIntervalSince1970: 0), actor: "ab", action: "c", entityType: "t",
                            entityID: "1", before: nil, after: "")
        var b = a
        b.actor = "a"
        b.action = "bc"
        XCTAssertNotEqual(AuditChain.hash(previous: AuditChain.genesis, record: a), AuditChain.hash(previous: AuditChain.genesis, record: b))
        var c = a
        c.after = nil
        XCTAssertNotEqual(AuditChain.hash(previous: AuditChain.genesis, record: a), AuditChain.hash(previous: AuditChain.genesis, record: c))
    }
}
