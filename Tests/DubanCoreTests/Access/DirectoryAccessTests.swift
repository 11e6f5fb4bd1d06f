import DubanCore
import XCTest

/// The directory access rule for every role, on a small tree: 区政府 → 建桥街 → 某社区, 区政府 → 永丰街.
final class DirectoryAccessTests: XCTestCase {
    let district = UnitPath(ids: ["gov"])
    let jianqiao = UnitPath(ids: ["gov", "jq"])
    let community = UnitPath(ids: ["gov", "jq", "sq"])
    let yongfeng = UnitPath(ids: ["gov", "yf"])

    func testPathEncodingRoundTrips() {
        XCTAssertEqual(community.encoded, "/gov/jq/sq/")
        XCTAssertEqual(UnitPath(encoded: "/gov/jq/sq/"), community)
        XCTAssertTrue(jianqiao.contains(community))
        XCTAssertTrue(jianqiao.contains(jianqiao))
        XCTAssertFalse(jianqiao.contains(yongfeng))
        XCTAssertFalse(community.contains(jianqiao))
        // "/gov/j/" is not a prefix-of-subtree of "/gov/jq/" even though the strings share a prefix.
        XCTAssertFalse(UnitPath(ids: ["gov", "j"]).contains(jianqiao))
    }

    func testReadTable() {
        for role in Role.allCases {
            let other = DirectoryAccess.read(role: role, actorUnit: jianqiao, target: yongfeng)
            let own = DirectoryAccess.read(role: role, actorUnit: jianqiao, target: community)
            XCTAssertEqual(own, .allow, "\(role) own subtree")
            XCTAssertEqual(other, role.isUnitScoped ? .notVisible : .allow, "\(role) other unit")
        }
    }

    func testUpdateTable() {
        let expected: [Role: (own: DirectoryAccess.Decision, other: DirectoryAccess.Decision)] = [
            .admin: (.allow, .allow), .unitOperator: (.allow, .notVisible), .enterprise: (.allow, .notVisible),
            .supervisor: (.forbidden, .forbidden), .dispatcher: (.forbidden, .forbidden), .inspector: (.forbidden, .forbidden),
            .evaluator: (.forbidden, .forbidden), .leader: (.forbidden, .forbidden),
        ]
        XCTAssertEqual(expected.count, Role.allCases.count)
        for role in Role.allCases {
            XCTAssertEqual(DirectoryAccess.update(role: role, actorUnit: jianqiao, target: jianqiao), expected[role]?.own, "\(role)")
            XCTAssertEqual(DirectoryAccess.update(role: role, actorUnit: jianqiao, target: yongfeng), expected[role]?.other, "\(role)")
        }
    }

    func testCreateTable() {
        for role in Role.allCases {
            for kind in UnitKind.allCases {
                let underOwn = DirectoryAccess.create(role: role, actorUnit: jianqiao, parent: jianqiao, kind: kind)
                let underOther = DirectoryAccess.create(role: role, actorUnit: jianqiao, parent: yongfeng, kind: kind)
                let atRoot = DirectoryAccess.create(role: role, actorUnit: jianqiao, parent: nil, kind: kind)
                switch role {
                case .admin:
                    XCTAssertEqual([underOwn, underOther, atRoot], [.allow, .allow, .allow])
                case .unitOperator:
                    XCTAssertEqual([underOwn, underOther, atRoot], [.allow, .notVisible, .forbidden])
                case .inspector:
                    let d: DirectoryAccess.Decision = kind == .enterprise ? .allow : .forbidden
                    XCTAssertEqual([underOwn, underOther, atRoot], [d, d, d])
                case .supervisor, .dispatcher, .evaluator, .leader, .enterprise:
                    XCTAssertEqual([underOwn, underOther, atRoot], [.forbidden, .forbidden, .forbidden], "\(role)")
                }
            }
        }
    }

    func testDeleteIsAdminOnly() {
        for role in Role.allCases {
            XCTAssertEqual(DirectoryAccess.delete(role: role), role == .admin ? .allow : .forbidden)
        }
    }
}
