@testable import DubanCore
import XCTest

final class CallerPrivacyTests: XCTestCase {
    func testPhoneMasks() {
        let cases: [(String, String)] = [
            ("13871112345", "138****2345"),         // the hotline's own number, 000 阳政办〔2017〕33号 附件1
            ("+86 138-7111-2345", "138****2345"),
            ("0086 13871112345", "138****2345"),
            ("027-84466029", "027****6029"),        // 区信息网络中心, area code 3 digits (02x)
            ("0710-3456789", "0710****6789"),       // a 4-digit area code
            ("010-12345678", "010****5678"),
            ("84842686", "****2686"),               // 区消防大队, no area code
            ("+86 27 84842686", "027****2686"),
            ("95598", "****98"),
            ("110", "****10"),
            ("12", "****"),
            ("", "****"),
        ]
        for (phone, masked) in cases {
            XCTAssertEqual(CallerPrivacy.mask(phone: phone), masked, phone)
        }
    }

    func testNameMasks() {
        XCTAssertEqual(CallerPrivacy.mask(name: "张三"), "张*")
        XCTAssertEqual(CallerPrivacy.mask(name: "张三丰"), "张**")
        XCTAssertEqual(CallerPrivacy.mask(name: "欧阳娜娜"), "欧***")
        XCTAssertEqual(CallerPrivacy.mask(name: " 张 "), "*")
        XCTAssertEqual(CallerPrivacy.mask(name: "  "), "")
        XCTAssertEqual(CallerPrivacy.mask(name: "John Smith"), "J********")   // 9 letters, space dropped
    }

    /// The whole table, every role (and the public) × confidential × assigned unit × contact needed,
    /// written out independently of the code.
    func testVisibilityTableExhaustively() {
        // (confidential, assignedUnit, contactNeeded) → view
        func unitOperator(_ confidential: Bool, _ assigned: Bool, _ contact: Bool) -> CallerView {
            switch (confidential, assigned, contact) {
            case (false, true, true): .full
            case (false, true, false): .masked
            case (true, true, true): .hidden
            case (true, true, false): .hidden
            case (_, false, _): .hidden
            }
        }
        let roles: [Role?] = Role.allCases + [nil]
        XCTAssertEqual(roles.count, 9)
        var checked = 0
        for role in roles {
            for confidential in [false, true] {
                for assigned in [false, true] {
                    for contact in [false, true] {
                        let expected: CallerView = switch role {
                        case .admin, .dispatcher, .supervisor: .full
                        case .unitOperator: unitOperator(confidential, assigned, contact)
                        case .evaluator: confidential ? .hidden : .masked
                        case .leader: confidential ? .hidden : .masked
                        case .inspector, .enterprise, nil: .hidden
                        }
                        XCTAssertEqual(CallerVisibility.view(role: role, confidential: confidential, isAssignedUnit: assigned,
                                                             contactNeeded: contact), expected,
                                       "\(role?.rawValue ?? "public") confidential=\(confidential) assigned=\(assigned) contact=\(contact)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertEqual(checked, 72)
    }

    func testRevealsOutsideTheHotlineAreAudited() {
        XCTAssertTrue(CallerVisibility.isAuditedReveal(role: .unitOperator, view: .full))
        XCTAssertFalse(CallerVisibility.isAuditedReveal(role: .unitOperator, view: .masked))
        XCTAssertFalse(CallerVisibility.isAuditedReveal(role: .dispatcher, view: .full))
        XCTAssertEqual(Role.allCases.filter(CallerVisibility.isHotlineRole), [.admin, .supervisor, .dispatcher])
    }

    func testRendering() throws {
        let full = try XCTUnwrap(CallerVisibility.render(name: "张三", phone: "13871112345", view: .full))
        XCTAssertEqual(full.name, "张三")
        XCTAssertEqual(full.phone, "13871112345")
        let masked = try XCTUnwrap(CallerVisibility.render(name: "张三", phone: "13871112345", view: .masked))
        XCTAssertEqual(masked.name, "张*")
        XCTAssertEqual(masked.phone, "138****2345")
        XCTAssertNil(CallerVisibility.render(name: "张三", phone: "13871112345", view: .hidden))
    }
}
