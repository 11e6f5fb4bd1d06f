@testable import DubanCore
import Foundation
import XCTest

/// The JSONL input of `duban assess hotline` (SPEC A2).
final class HotlineInputParsingTests: XCTestCase {
    private func cases(_ text: String) throws -> [HotlineCaseInput] {
        try HotlineAssessmentInput.parseCases(jsonl: Data(text.utf8))
    }

    private func units(_ text: String) throws -> [HotlineUnitInput] {
        try HotlineAssessmentInput.parseUnits(jsonl: Data(text.utf8))
    }

    /// Asserts that parsing fails with `code` at `line` and `field`.
    private func assertCaseError(_ text: String, code: String, line: Int?, field: String,
                                 file: StaticString = #filePath, at sourceLine: UInt = #line) {
        XCTAssertThrowsError(try cases(text), file: file, line: sourceLine) { error in
            guard let error = error as? AssessmentError else {
                return XCTFail("not an AssessmentError: \(error)", file: file, line: sourceLine)
            }
            XCTAssertEqual(error.code, code, "\(error)", file: file, line: sourceLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertEqual(error.field, field, "\(error)", file: file, line: sourceLine)
        }
    }

    private let minimal = #"{"id":"A1","unit":"建桥街","assignedAt":"2026-09-11T16:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#

    func testFullLineAsSpecShowsIt() throws {
        let line = #"{"id":"A1","unit":"建桥街","assignedAt":"2026-09-11T16:00:00+08:00","signedAt":"2026-09-14T11:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00","closedAt":null,"returns":[{"at":"2026-09-12T10:00:00+08:00"}],"extensions":[{"requestedAt":"2026-09-18T09:00:00+08:00","previousDueAt":"2026-09-19T18:00:00+08:00","newDueAt":"2026-09-21T18:00:00+08:00"}],"satisfaction":"基本满意","excludedFromRate":false,"evaluatorDissatisfied":true,"flags":{"falseReply":1,"thinReply":2,"offTopic":3,"missingFollowUpInfo":4,"shirked":5,"shirkedAfterWrittenSupervision":6,"secondSupervisionShirked":7}}"#
        let parsed = try cases(line)
        XCTAssertEqual(parsed.count, 1)
        let item = try XCTUnwrap(parsed.first)
        XCTAssertEqual(item.id, "A1")
        XCTAssertEqual(item.unit, "建桥街")
        XCTAssertEqual(item.assignedAt, try AssessmentTestSupport.at("2026-09-11 16:00"))
        XCTAssertEqual(item.signedAt, try AssessmentTestSupport.at("2026-09-14 11:00"))
        XCTAssertEqual(item.dueAt, try AssessmentTestSupport.at("2026-09-21 18:00"))
        XCTAssertNil(item.closedAt)
        XCTAssertEqual(item.returns, [HotlineReturn(at: try AssessmentTestSupport.at("2026-09-12 10:00"))])
        XCTAssertEqual(item.extensions, [HotlineExtension(
            requestedAt: try AssessmentTestSupport.at("2026-09-18 09:00"),
            previousDueAt: try AssessmentTestSupport.at("2026-09-19 18:00"),
            newDueAt: try AssessmentTestSupport.at("2026-09-21 18:00"))])
        XCTAssertEqual(item.satisfaction, .basicallySatisfied)
        XCTAssertFalse(item.excludedFromRate)
        XCTAssertTrue(item.evaluatorDissatisfied)
        XCTAssertEqual(item.flags, try HotlineCaseFlags(
            falseReply: 1, thinReply: 2, offTopic: 3, missingFollowUpInfo: 4, shirked: 5,
            shirkedAfterWrittenSupervision: 6, secondSupervisionShirked: 7))
    }

    func testAbsentOptionalFieldsDefault() throws {
        let item = try XCTUnwrap(try cases(minimal).first)
        XCTAssertNil(item.signedAt)
        XCTAssertNil(item.closedAt)
        XCTAssertEqual(item.returns, [])
        XCTAssertEqual(item.extensions, [])
        XCTAssertNil(item.satisfaction)
        XCTAssertFalse(item.excludedFromRate)
        XCTAssertFalse(item.evaluatorDissatisfied)
        XCTAssertEqual(item.flags, .noFindings)
        // A flags object with some fields: the others are 0.
        let partial = minimal.dropLast() + #","flags":{"thinReply":2},"satisfaction":null}"#
        let flags = try XCTUnwrap(try cases(String(partial)).first).flags
        XCTAssertEqual(flags, try HotlineCaseFlags(thinReply: 2))
    }

    func testTimesWithOffsetsFractionsAndZ() throws {
        let variants = [
            "2026-09-11T16:00:00+08:00", "2026-09-11T08:00:00Z", "2026-09-11T08:00:00.000Z", "2026-09-11T16:00+08:00",
            "2026-09-11T03:00:00-05:00", "2026-09-11T16:00:00+0800",
        ]
        let expected = try AssessmentTestSupport.at("2026-09-11 16:00")
        for text in variants {
            let line = #"{"id":"A","unit":"U","assignedAt":"\#(text)","dueAt":"2026-09-21T18:00:00+08:00"}"#
            XCTAssertEqual(try XCTUnwrap(try cases(line).first).assignedAt, expected, text)
        }
        // 16:00:00.25 is a quarter second after 16:00.
        let fractional = #"{"id":"A","unit":"U","assignedAt":"2026-09-11T16:00:00.25+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#
        XCTAssertEqual(try XCTUnwrap(try cases(fractional).first).assignedAt, expected.addingTimeInterval(0.25))
    }

    func testBlankLinesCRLFAndByteOrderMarkAreSkippedButCounted() throws {
        let text = "\u{FEFF}\n" + minimal + "\r\n   \n\t\n" + minimal.replacingOccurrences(of: "A1", with: "A2") + "\n"
        XCTAssertEqual(try cases(text).map(\.id), ["A1", "A2"])
        // The bad line is line 3 although lines 1 and 2 hold one case.
        assertCaseError("\n" + minimal + "\n{\"id\":1}", code: "invalid_type", line: 3, field: "id")
    }

    func testEmptyInputHasNoCases() throws {
        XCTAssertEqual(try cases(""), [])
        XCTAssertEqual(try cases("\n\n"), [])
    }

    func testBadLinesNameLineAndField() {
        assertCaseError("not json", code: "invalid_json", line: 1, field: "")
        assertCaseError("[1,2]", code: "invalid_json", line: 1, field: "")
        assertCaseError(minimal + "\n" + "{\"id\":\"A2\"", code: "invalid_json", line: 2, field: "")
        assertCaseError(#"{"unit":"U","assignedAt":"2026-09-11T16:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "missing_field", line: 1, field: "id")
        assertCaseError(#"{"id":"A","unit":"U","assignedAt":null,"dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "missing_field", line: 1, field: "assignedAt")
        assertCaseError(#"{"id":"A","unit":"U","assignedAt":"2026-09-11T16:00:00+08:00"}"#,
                        code: "missing_field", line: 1, field: "dueAt")
        assertCaseError(#"{"id":"A","unit":" ","assignedAt":"2026-09-11T16:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "invalid_value", line: 1, field: "unit")
        assertCaseError(minimal.dropLast() + #","excludedFromRate":0}"#, code: "invalid_type", line: 1, field: "excludedFromRate")
        assertCaseError(minimal.dropLast() + #","satisfaction":"很满意"}"#, code: "invalid_value", line: 1, field: "satisfaction")
        assertCaseError(minimal.dropLast() + #","flags":{"offTopic":-1}}"#, code: "invalid_value", line: 1, field: "flags.offTopic")
        assertCaseError(minimal.dropLast() + #","flags":{"offTopic":"1"}}"#, code: "invalid_type", line: 1, field: "flags.offTopic")
        assertCaseError(minimal.dropLast() + #","returns":{"at":"2026-09-12T10:00:00+08:00"}}"#,
                        code: "invalid_type", line: 1, field: "returns")
    }

    func testTypeErrorsNameTheJSONType() {
        let expectations: [(String, AssessmentError)] = [
            (#","returns":{"at":"2026-09-12T10:00:00+08:00"}}"#, .invalidType(line: 1, field: "returns", expected: "array")),
            (#","flags":[]}"#, .invalidType(line: 1, field: "flags", expected: "object")),
            (#","flags":{"shirked":true}}"#, .invalidType(line: 1, field: "flags.shirked", expected: "integer")),
            (#","evaluatorDissatisfied":"no"}"#, .invalidType(line: 1, field: "evaluatorDissatisfied", expected: "boolean")),
            (#","signedAt":20260911}"#, .invalidType(line: 1, field: "signedAt", expected: "string")),
        ]
        for (suffix, expected) in expectations {
            XCTAssertThrowsError(try cases(minimal.dropLast() + suffix), suffix) { error in
                XCTAssertEqual(error as? AssessmentError, expected, suffix)
            }
        }
    }

    func testBadTimesNameTheNestedField() {
        // Without an offset the zone would be a guess; a date that does not exist; a space for T.
        assertCaseError(#"{"id":"A","unit":"U","assignedAt":"2026-09-11T16:00:00","dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "invalid_time", line: 1, field: "assignedAt")
        assertCaseError(#"{"id":"A","unit":"U","assignedAt":"2026-09-31T16:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "invalid_time", line: 1, field: "assignedAt")
        assertCaseError(#"{"id":"A","unit":"U","assignedAt":"2026-09-11 16:00:00+08:00","dueAt":"2026-09-21T18:00:00+08:00"}"#,
                        code: "invalid_time", line: 1, field: "assignedAt")
        assertCaseError(minimal + "\n" + minimal.replacingOccurrences(of: "A1", with: "A2").dropLast()
                            + #","extensions":[{"requestedAt":"2026-09-18T09:00:00+08:00","previousDueAt":"2026-09-19T18:00:00+08:00","newDueAt":"2026-09-21T18:00:00+08:00"},{"requestedAt":"yesterday","previousDueAt":"2026-09-21T18:00:00+08:00","newDueAt":"2026-09-23T18:00:00+08:00"}]}"#,
                        code: "invalid_time", line: 2, field: "extensions[1].requestedAt")
        assertCaseError(minimal.dropLast() + #","returns":[{}]}"#, code: "missing_field", line: 1, field: "returns[0].at")
    }

    func testDuplicateCaseIDIsRefused() {
        XCTAssertThrowsError(try cases(minimal + "\n\n" + minimal)) { error in
            XCTAssertEqual(error as? AssessmentError, .duplicateCase(line: 3, id: "A1", firstLine: 1))
        }
    }

    func testErrorMessageIsBilingualWithLine() {
        XCTAssertThrowsError(try cases(minimal.dropLast() + #","flags":{"offTopic":-1}}"#)) { error in
            XCTAssertEqual((error as? AssessmentError)?.message,
                           "第 1 行：字段 flags.offTopic 的值无效：不能为负数 / line 1: flags.offTopic: must not be negative")
        }
    }

    func testUnitLinesDefaultToZero() throws {
        let parsed = try units(#"""
        {"unit":"建桥街","organisationDeductions":1.5,"cityDeductions":0,"bonusCases":2,"disciplineReferrals":0,"interviews":0}
        {"unit":"晴川街"}
        {"unit":"鹦鹉街","cityDeductions":0.25,"interviews":1}
        """#)
        XCTAssertEqual(parsed, [
            try HotlineUnitInput(unit: "建桥街", organisationDeductions: ScorePoints(hundredths: 150), bonusCases: 2),
            try HotlineUnitInput(unit: "晴川街"),
            try HotlineUnitInput(unit: "鹦鹉街", cityDeductions: ScorePoints(hundredths: 25), interviews: 1),
        ])
    }

    func testBadUnitLines() {
        func assertUnitError(_ text: String, code: String, line: Int, field: String, at sourceLine: UInt = #line) {
            XCTAssertThrowsError(try units(text), line: sourceLine) { error in
                let error = error as? AssessmentError
                XCTAssertEqual(error?.code, code, line: sourceLine)
                XCTAssertEqual(error?.line, line, line: sourceLine)
                XCTAssertEqual(error?.field, field, line: sourceLine)
            }
        }
        assertUnitError(#"{"organisationDeductions":1}"#, code: "missing_field", line: 1, field: "unit")
        assertUnitError("{\"unit\":\"A\"}\n{\"unit\":\"B\",\"organisationDeductions\":-0.5}", code: "invalid_value", line: 2,
                        field: "organisationDeductions")
        assertUnitError(#"{"unit":"A","cityDeductions":0.123456}"#, code: "invalid_value", line: 1, field: "cityDeductions")
        assertUnitError(#"{"unit":"A","bonusCases":-1}"#, code: "invalid_value", line: 1, field: "bonusCases")
        assertUnitError(#"{"unit":"A","interviews":true}"#, code: "invalid_type", line: 1, field: "interviews")
        assertUnitError("{\"unit\":\"A\"}\n{\"unit\":\"A\"}", code: "duplicate_unit", line: 2, field: "unit")
    }

    func testInitializersRefuseNegativeCounts() {
        XCTAssertThrowsError(try HotlineCaseFlags(shirked: -1)) { error in
            XCTAssertEqual((error as? AssessmentError)?.field, "flags.shirked")
        }
        XCTAssertThrowsError(try HotlineUnitInput(unit: "A", interviews: -1)) { error in
            XCTAssertEqual((error as? AssessmentError)?.field, "interviews")
        }
        XCTAssertThrowsError(try HotlineUnitInput(unit: ""))
    }

    func testCaseRoundTripsThroughItsJSONLine() throws {
        let original = try AssessmentTestSupport.hotlineCase(
            "A9", assigned: "2026-09-11 16:00", returns: ["2026-09-12 10:00"],
            extensions: [("2026-09-14 09:00", "2026-09-21 16:00", "2026-09-28 16:00")], satisfaction: .dissatisfied,
            flags: try HotlineCaseFlags(offTopic: 1))
        let line = try JSONEncoder().encode(original)
        XCTAssertTrue(String(decoding: line, as: UTF8.self).contains(#""assignedAt":"2026-09-11T16:00:00+08:00""#))
        XCTAssertEqual(try HotlineAssessmentInput.parseCases(jsonl: line), [original])
        let unit = try HotlineUnitInput(unit: "建桥街", organisationDeductions: ScorePoints(hundredths: 150), bonusCases: 2)
        XCTAssertEqual(try HotlineAssessmentInput.parseUnits(jsonl: try JSONEncoder().encode(unit)), [unit])
    }
}
