@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件4: same phone or same address, same category, within 30 days (Duban default).
final class RepeatComplaintTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try HotlineTestSupport.china(text) }

    func testPhoneFormatsGiveOneKey() {
        for written in ["13871112345", "+86 138-7111-2345", "+86 13871112345", "0086 13871112345", "008613871112345",
                        "8613871112345", "138-7111-2345", "138 7111 2345", "１３８７１１１２３４５", "（+86）138.7111.2345",
                        "17951 13871112345", "013871112345"] {
            XCTAssertEqual(RepeatComplaintKeys.phoneKey(written), "13871112345", written)
        }
    }

    func testLandlinesDropTheLocalAreaCode() {
        // 区消防大队 84842686 (000 阳政办(2017)45号), written with and without Wuhan's 027.
        for written in ["84842686", "027-84842686", "(027) 8484 2686", "02784842686", "+86 27 84842686", "0086-27-84842686"] {
            XCTAssertEqual(RepeatComplaintKeys.phoneKey(written), "84842686", written)
        }
        // Another city's area code stays; without a local code nothing is dropped.
        XCTAssertEqual(RepeatComplaintKeys.phoneKey("010-12345678"), "01012345678")
        XCTAssertEqual(RepeatComplaintKeys.phoneKey("027-84842686", localAreaCode: nil), "02784842686")
        XCTAssertNil(RepeatComplaintKeys.phoneKey("无"))
        XCTAssertNil(RepeatComplaintKeys.phoneKey(""))
        XCTAssertEqual(RepeatComplaintKeys.nationalDigits("+86 27 84842686"), "02784842686")
    }

    func testAddressNormalisation() {
        let key = RepeatComplaintKeys.addressKey("汉阳区建桥街12号")
        XCTAssertEqual(key, "汉阳区建桥街12号")
        for written in ["汉阳区 建桥街 12 号", "汉阳区　建桥街１２号", "汉阳区建桥街12号。", "汉阳区·建桥街（12号）", "汉阳区建桥街12号\n"] {
            XCTAssertEqual(RepeatComplaintKeys.addressKey(written), key, written)
        }
        XCTAssertEqual(RepeatComplaintKeys.addressKey("Ａ栋-3单元"), RepeatComplaintKeys.addressKey("a栋3单元"))
        // NFC: a decomposed "é" (e + U+0301) is the composed one.
        XCTAssertEqual(RepeatComplaintKeys.addressKey("Cafe\u{301}路1号"), RepeatComplaintKeys.addressKey("Café路1号"))
        XCTAssertNotEqual(RepeatComplaintKeys.addressKey("建桥街12号"), RepeatComplaintKeys.addressKey("建桥街13号"))
        XCTAssertNil(RepeatComplaintKeys.addressKey(" 、 "))
    }

    private func facts(_ id: String, phone: String? = "13871112345", address: String? = nil,
                       category: String = "municipal_facilities", at time: String, unit: String? = nil) throws -> RepeatCaseFacts {
        RepeatCaseFacts(id: id, phone: phone, address: address, categoryCode: category, receivedAt: try china(time), unitName: unit)
    }

    func testWindowEdgeIsInclusive() throws {
        // New case 31 Oct 10:00; 30 × 24 h earlier is 1 Oct 10:00 (China has no DST): that instant counts,
        // one second earlier does not.
        let new = try facts("new", at: "2026-10-31 10:00")
        XCTAssertEqual(RepeatWindow.standard.start(before: new.receivedAt), try china("2026-10-01 10:00"))
        let edge = try facts("edge", at: "2026-10-01 10:00")
        let outside = try facts("outside", at: "2026-10-01 09:59:59")
        XCTAssertEqual(RepeatComplaintDetector.matches(newCase: new, candidates: [edge, outside]).map(\.id), ["edge"])
        // A 31-day window takes both.
        XCTAssertEqual(RepeatComplaintDetector.matches(newCase: new, candidates: [edge, outside], window: RepeatWindow(days: 31)).map(\.id),
                       ["edge", "outside"])
    }

    func testSamePhoneOrSameAddressAndSameCategory() throws {
        let new = try facts("new", phone: "+86 138-7111-2345", address: "建桥街12号", at: "2026-10-31 10:00")
        let byPhone = try facts("byPhone", phone: "0086 13871112345", address: "别处", at: "2026-10-20 10:00")
        let byAddress = try facts("byAddress", phone: "13900000000", address: "建桥街 １２号", at: "2026-10-25 10:00")
        let otherCategory = try facts("otherCategory", category: "environment", at: "2026-10-26 10:00")
        let neither = try facts("neither", phone: "13900000000", address: "别处", at: "2026-10-27 10:00")
        let matches = RepeatComplaintDetector.matches(newCase: new, candidates: [byPhone, byAddress, otherCategory, neither])
        XCTAssertEqual(matches.map(\.id), ["byAddress", "byPhone"])   // newest first
    }

    func testOnlyEarlierCasesAndNoMatchOnMissingKeys() throws {
        let new = try facts("new", phone: nil, address: nil, at: "2026-10-31 10:00")
        let noKeys = try facts("noKeys", phone: nil, address: nil, at: "2026-10-30 10:00")
        XCTAssertEqual(RepeatComplaintDetector.matches(newCase: new, candidates: [noKeys]), [])
        let withPhone = try facts("new", at: "2026-10-31 10:00")
        let sameInstant = try facts("same", at: "2026-10-31 10:00")
        let later = try facts("later", at: "2026-10-31 10:01")
        XCTAssertEqual(RepeatComplaintDetector.matches(newCase: withPhone, candidates: [withPhone, sameInstant, later]), [])
    }

    func testSecondSupervisionAndFormalLetterThresholds() throws {
        let new = try facts("c4", at: "2026-10-31 10:00")
        let earlier = [try facts("c1", at: "2026-10-02 10:00", unit: "建桥街"),
                       try facts("c2", at: "2026-10-10 10:00", unit: "汉阳区城市管理委员会"),
                       try facts("c3", at: "2026-10-20 10:00")]
        XCTAssertFalse(RepeatComplaintDetector.assess(matches: []).isSecondSupervision)   // a first complaint
        // Second complaint (附件4 第二条 "两次(含两次)以上") → 二次督办件, sent to the first case's unit.
        let second = RepeatComplaintDetector.assess(matches: RepeatComplaintDetector.matches(newCase: new, candidates: [earlier[0]]))
        XCTAssertTrue(second.isSecondSupervision)
        XCTAssertEqual(second.complaintCount, 2)
        XCTAssertEqual(second.firstResponsibleUnit, "建桥街")
        XCTAssertFalse(second.triggersFormalLetter)
        // Three earlier + this = 4 complaints > 3 → 函告 (附件5 第四条(七)).
        let fourth = RepeatComplaintDetector.assess(matches: RepeatComplaintDetector.matches(newCase: new, candidates: earlier))
        XCTAssertEqual(fourth.linkedCaseIDs, ["c3", "c2", "c1"])
        XCTAssertEqual(fourth.complaintCount, 4)
        XCTAssertTrue(fourth.triggersFormalLetter)
        XCTAssertEqual(fourth.firstResponsibleUnit, "建桥街")
        XCTAssertFalse(RepeatAssessment(linkedCaseIDs: ["a", "b"], complaintCount: 3, firstResponsibleUnit: nil).triggersFormalLetter)
    }
}
