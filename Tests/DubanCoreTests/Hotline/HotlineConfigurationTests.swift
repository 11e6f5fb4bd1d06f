@testable import DubanCore
import XCTest

final class HotlineConfigurationTests: XCTestCase {
    func testDefaults() throws {
        let standard = HotlineConfiguration.standard
        XCTAssertEqual(standard.timeLimits, .standard)
        XCTAssertEqual(standard.repeatWindow.days, 30)
        XCTAssertEqual(standard.submissionLimits, .standard)
        XCTAssertEqual(standard.knowledgeSearch, KnowledgeSearchPolicy(keywordWeight: 3, minimumScore: 2, limit: 10))
        XCTAssertEqual(standard.seriousCases.overdueWorkingDays, 5)
        XCTAssertEqual(standard.localAreaCode, "027")
        XCTAssertEqual(standard.dutyOffices, ["汉阳区人民政府应急管理办公室", "汉阳区人民政府值班室"])
        XCTAssertNoThrow(try standard.validated())
    }

    func testValidation() {
        var edited = HotlineConfiguration.standard
        edited.repeatWindow = RepeatWindow(days: 0)
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "repeatWindow.days", reason: "must be 1…3650, got 0")) {
            try edited.validated()
        }
        edited = .standard
        edited.submissionLimits.perPhone.count = 0
        XCTAssertThrowsError(try edited.validated()) { error in
            XCTAssertEqual((error as? HotlineError)?.field, "submissionLimits.perPhone")
        }
        edited = .standard
        edited.seriousCases.overdueWorkingDays = -1
        XCTAssertThrowsError(try edited.validated())
        edited = .standard
        edited.knowledgeSearch.minimumScore = 0
        XCTAssertThrowsError(try edited.validated())
    }

    func testJSONRoundTrip() throws {
        let data = try JSONEncoder().encode(HotlineConfiguration.standard)
        XCTAssertEqual(try JSONDecoder().decode(HotlineConfiguration.self, from: data), .standard)
        let categories = try JSONDecoder().decode([HotlineCategory].self, from: JSONEncoder().encode(HotlineCategory.defaults))
        XCTAssertEqual(categories, HotlineCategory.defaults)
    }

    func testErrorsHaveStableCodesFieldsAndBilingualMessages() {
        let errors: [HotlineError] = [
            .required(field: "phone"), .invalidValue(field: "x", chinese: "甲", english: "a"),
            .invalidConfiguration(field: "f", reason: "r"), .unknownCategory("c"),
            .contactTooSoon(previous: Date(timeIntervalSince1970: 0), earliest: Date(timeIntervalSince1970: 1_800)),
            .contactInFuture, .photosRequired(category: "园林绿化", minimum: 1), .leadUnitRequired, .leaderSignatureRequired,
            .noActiveEvaluator, .malformedTrackingCode, .trackingCodeCheckFailed,
            .calendar(.outOfRange(field: "start", reason: "r")),
        ]
        XCTAssertEqual(errors.map(\.code), ["required", "invalid_value", "invalid_configuration", "unknown_category",
                                            "contact_too_soon", "contact_in_future", "photos_required", "lead_unit_required",
                                            "leader_signature_required", "no_active_evaluator", "malformed_tracking_code",
                                            "tracking_code_check_failed", "out_of_range"])
        XCTAssertEqual(errors.map(\.field), ["phone", "x", "f", "category", "at", "at", "photos", "leadUnit", "leaderSigned",
                                             "evaluators", "trackingCode", "trackingCode", "start"])
        for error in errors {
            XCTAssertTrue(error.message.contains(" / "), error.message)
        }
        // 1970-01-01 00:30 UTC is 08:30 China time.
        XCTAssertTrue(HotlineError.contactTooSoon(previous: Date(timeIntervalSince1970: 0), earliest: Date(timeIntervalSince1970: 1_800))
            .message.contains("1970-01-01 08:30"))
        XCTAssertEqual(HotlineError.required(field: "phone").description, "required (phone): 必填项「phone」为空 / phone is required")
    }
}
