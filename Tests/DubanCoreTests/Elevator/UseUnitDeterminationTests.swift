import DubanCore
import XCTest

/// 004 成府发〔2015〕29号 二 (确定电梯使用单位), branch by branch.
final class UseUnitDeterminationTests: XCTestCase {
    private let owners = ["张三", "李四", "王五"]

    func testPublicRentalHousingWithoutPropertyCompanyIsItsProjectOwner() {
        // 二(四): 未委托物业服务企业管理的公共租赁住房,住宅小区的项目业主单位为电梯使用单位.
        let decision = UseUnitDetermination.determine(
            UseUnitFacts(housing: .publicRental, projectOwnerUnit: "成都市公共租赁住房投资有限公司", owners: owners))
        XCTAssertEqual(decision.useUnit, "成都市公共租赁住房投资有限公司")
        XCTAssertEqual(decision.basis, .publicRentalProjectOwner)
        XCTAssertEqual(decision.jointlyLiable, [])
        XCTAssertTrue(decision.citation.contains("项目业主单位为电梯使用单位"), decision.citation)
        XCTAssertTrue(decision.isDetermined)
    }

    func testPublicRentalHousingWithoutProjectOwnerIsUndetermined() {
        let decision = UseUnitDetermination.determine(UseUnitFacts(housing: .publicRental, owners: owners))
        XCTAssertNil(decision.useUnit)
        XCTAssertEqual(decision.basis, .undetermined)
        XCTAssertEqual(decision.missing, [.propertyServiceCompany, .projectOwnerUnit])
        XCTAssertTrue(decision.citation.contains("不得投入使用"))
    }

    func testPublicRentalHousingWithPropertyCompanyIsTheCompany() {
        // 二(四) is limited to 未委托物业服务企业管理的公共租赁住房; with a company, 二(一) applies.
        let decision = UseUnitDetermination.determine(
            UseUnitFacts(housing: .publicRental, propertyServiceCompany: "某某物业", projectOwnerUnit: "项目公司"))
        XCTAssertEqual(decision.useUnit, "某某物业")
        XCTAssertEqual(decision.basis, .propertyServiceCompany)
    }

    func testPropertyServiceCompanyComesBeforeTheOwners() {
        // 二(一): 委托物业服务企业管理的住宅小区,物业服务企业为电梯使用单位.
        let decision = UseUnitDetermination.determine(
            UseUnitFacts(propertyServiceCompany: "  成都某某物业服务有限公司 ", owners: owners, agreedUseUnit: "李四"))
        XCTAssertEqual(decision.useUnit, "成都某某物业服务有限公司")
        XCTAssertEqual(decision.basis, .propertyServiceCompany)
        XCTAssertEqual(decision.jointlyLiable, [])
        XCTAssertTrue(decision.citation.hasPrefix("成府发〔2015〕29号 二(一)"))
    }

    func testBlankCompanyCountsAsNone() {
        let decision = UseUnitDetermination.determine(UseUnitFacts(propertyServiceCompany: " \u{3000}", owners: ["张三"]))
        XCTAssertEqual(decision.basis, .singleOwner)
    }

    func testResettlementCompoundFollowsTheDistrictRule() {
        // 二(四): 政府建设的集中居住小区,由各区(市)县政府…制定办法明确电梯使用单位.
        let named = UseUnitDetermination.determine(
            UseUnitFacts(housing: .governmentResettlement, owners: owners, districtDesignatedUseUnit: "某某社区居委会"))
        XCTAssertEqual(named.useUnit, "某某社区居委会")
        XCTAssertEqual(named.basis, .districtRule)
        let unnamed = UseUnitDetermination.determine(UseUnitFacts(housing: .governmentResettlement, owners: ["张三"]))
        XCTAssertEqual(unnamed.basis, .undetermined)
        XCTAssertEqual(unnamed.missing, [.propertyServiceCompany, .districtDesignatedUseUnit])
    }

    func testSingleOwnerIsTheUseUnit() {
        // 二(三): 只有1个所有权人的,该所有权人为电梯使用单位. The same name twice is one owner.
        let decision = UseUnitDetermination.determine(UseUnitFacts(owners: ["张三", " 张三 ", ""], agreedUseUnit: "李四"))
        XCTAssertEqual(decision.useUnit, "张三")
        XCTAssertEqual(decision.basis, .singleOwner)
        XCTAssertEqual(decision.jointlyLiable, [])
    }

    func testOwnersAgreementNamesTheUseUnitOthersShareLiability() {
        // 二(三): 有多个所有权人的,应当共同协商确定电梯使用单位.
        let decision = UseUnitDetermination.determine(UseUnitFacts(owners: owners, agreedUseUnit: "李四", streetDesignatedOwner: "王五"))
        XCTAssertEqual(decision.useUnit, "李四")
        XCTAssertEqual(decision.basis, .ownersAgreement)
        XCTAssertEqual(decision.jointlyLiable, ["张三", "王五"])
        // The agreed use unit may be a de-facto manager who is not an owner: all owners share liability.
        let manager = UseUnitDetermination.determine(UseUnitFacts(owners: owners, agreedUseUnit: "某某小区业主委员会"))
        XCTAssertEqual(manager.useUnit, "某某小区业主委员会")
        XCTAssertEqual(manager.jointlyLiable, owners)
    }

    func testStreetDesignatesOneOwnerOthersJointlyLiable() {
        // 二(三): 经协商无法确定的,由所在地乡镇政府(街道办事处)协调确定其中1个所有权人…其他所有权人承担连带责任.
        let decision = UseUnitDetermination.determine(UseUnitFacts(owners: owners, streetDesignatedOwner: "王五"))
        XCTAssertEqual(decision.useUnit, "王五")
        XCTAssertEqual(decision.basis, .streetDesignation)
        XCTAssertEqual(decision.jointlyLiable, ["张三", "李四"])
        XCTAssertTrue(decision.citation.contains("其他所有权人承担连带责任"))
    }

    func testStreetMayDesignateOnlyAnOwner() {
        let decision = UseUnitDetermination.determine(UseUnitFacts(owners: owners, streetDesignatedOwner: "赵六"))
        XCTAssertNil(decision.useUnit)
        XCTAssertEqual(decision.basis, .undetermined)
        XCTAssertEqual(decision.rejected, [.streetDesignatedOwner])
        XCTAssertEqual(decision.missing, [.agreedUseUnit, .streetDesignatedOwner])
    }

    func testSeveralOwnersWithoutAgreementOrDesignationAreUndetermined() {
        let decision = UseUnitDetermination.determine(UseUnitFacts(owners: owners))
        XCTAssertFalse(decision.isDetermined)
        XCTAssertEqual(decision.missing, [.agreedUseUnit, .streetDesignatedOwner])
        XCTAssertEqual(decision.rejected, [])
    }

    func testNoBasisAtAllIsUndetermined() {
        let decision = UseUnitDetermination.determine(UseUnitFacts())
        XCTAssertEqual(decision.basis, .undetermined)
        XCTAssertEqual(decision.missing, [.propertyServiceCompany, .owners])
        XCTAssertEqual(decision.missing.map(\.chinese), ["物业服务企业", "所有权人"])
    }

    func testEveryBasisCitesTheSeed() {
        for basis in UseUnitBasis.allCases {
            XCTAssertTrue(basis.citation.hasPrefix("成府发〔2015〕29号 二"), "\(basis)")
        }
    }
}
