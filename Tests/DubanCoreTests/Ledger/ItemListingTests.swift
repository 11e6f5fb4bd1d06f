import DubanCore
import XCTest

/// 挂牌督办, 升级督办 and the 7-day suspension decision (002 篇3).
final class ItemListingTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    private func apply(_ event: ItemEvent, to item: ItemFacts, by actor: ActorFacts, at now: Date? = nil) throws
        -> Result<ItemTransition, ItemTransitionError> {
        ItemMachine.apply(event, to: item, by: actor, at: try now ?? Support.now(), calculator: try Support.calculator())
    }

    func testListingLevelsEscalateOneStep() {
        XCTAssertEqual(ListingLevel.district.escalated, .city)
        XCTAssertEqual(ListingLevel.city.escalated, .province)
        XCTAssertNil(ListingLevel.province.escalated)
        XCTAssertEqual(ListingLevel.allCases.sorted(), [.district, .city, .province])
        XCTAssertEqual(ListingLevel.allCases.map(\.chinese), ["区级", "市级", "省级"])
    }

    func testSupervisorListsAMajorHazard() throws {
        let target = try Support.deadline()
        let transition = try Support.success(try apply(
            .list(level: .district, targetDate: target), to: try Support.item(in: .inProgress), by: Support.supervisor))
        XCTAssertEqual(transition.facts.listingLevel, .district)
        XCTAssertEqual(transition.facts.listingTarget, target)
        XCTAssertEqual(transition.facts.state, .inProgress)
        XCTAssertEqual(transition.entry.note, "区级")
        XCTAssertEqual(transition.effects, [
            .publishListing(.district), .watchDeadline(.listingTarget, due: target, rule: nil),
            .notifyUnit(Support.street, about: .list),
        ])
    }

    func testOnlyMajorHazardsAreListed() throws {
        var general = try Support.item(in: .inProgress)
        general.grade = .general
        XCTAssertEqual(Support.failure(try apply(try Support.event(.list), to: general, by: Support.supervisor)), .notMajorHazard)
        var task = try Support.item(in: .inProgress)
        task.kind = .task
        XCTAssertEqual(Support.failure(try apply(try Support.event(.list), to: task, by: Support.supervisor)), .notMajorHazard)
    }

    func testListingRules() throws {
        var listed = try Support.item(in: .inProgress)
        listed.listingLevel = .district
        listed.listingTarget = try Support.deadline()
        XCTAssertEqual(Support.failure(try apply(try Support.event(.list), to: listed, by: Support.supervisor)), .alreadyListed)
        let past = try apply(
            .list(level: .city, targetDate: try Support.now()), to: try Support.item(in: .inProgress), by: Support.supervisor)
        XCTAssertEqual(Support.failure(past), .notInFuture(field: "targetDate"))
    }

    /// 000 阳政办(2017)45号: "按期销案、升级督办" — only a late listing goes up.
    func testEscalationOfALateListing() throws {
        let item = try Support.prepared(try Support.item(in: .inProgress), for: .escalateListing)
        let target = try Support.china("2026-12-31 18:00")
        let transition = try Support.success(try apply(.escalateListing(targetDate: target), to: item, by: Support.supervisor))
        XCTAssertEqual(transition.facts.listingLevel, .city)
        XCTAssertEqual(transition.facts.listingTarget, target)
        XCTAssertEqual(transition.effects, [
            .publishListing(.city), .watchDeadline(.listingTarget, due: target, rule: nil),
            .notifyUnit(Support.street, about: .escalateListing),
        ])
    }

    func testEscalationRules() throws {
        let now = try Support.now()
        var item = try Support.item(in: .inProgress)
        XCTAssertEqual(Support.failure(try apply(try Support.event(.escalateListing), to: item, by: Support.supervisor)), .notListed)
        item.listingLevel = .district
        item.listingTarget = now
        let notLate = try XCTUnwrap(Support.failure(try apply(try Support.event(.escalateListing), to: item, by: Support.supervisor)))
        XCTAssertEqual(notLate, .listingNotLate)
        XCTAssertEqual(notLate.field, "listingTarget")
        item.listingTarget = now.addingTimeInterval(-1)
        item.listingLevel = .province
        XCTAssertEqual(Support.failure(try apply(try Support.event(.escalateListing), to: item, by: Support.supervisor)), .listingAtTop)
        item.listingLevel = .city
        let past = try apply(.escalateListing(targetDate: now), to: item, by: Support.supervisor)
        XCTAssertEqual(Support.failure(past), .notInFuture(field: "targetDate"))
    }

    /// 002 篇3: "当地政府要在接报后7日内作出决定".
    func testSuspensionRequestStartsTheSevenDayWatch() throws {
        let now = try Support.now()
        let transition = try Support.success(try apply(
            .requestSuspension(reason: "整改期间人员密集"), to: try Support.item(in: .assigned), by: Support.inspector))
        XCTAssertEqual(transition.facts.suspensionRequestedAt, now)
        XCTAssertEqual(transition.effects, [
            .watchDeadline(.suspensionDecision, due: try Support.china("2026-09-21 10:00"),
                           rule: .after(amount: 7, unit: .days, start: now)),
            .notifySupervisors(about: .requestSuspension),
        ])
    }

    func testSuspensionRules() throws {
        var general = try Support.item(in: .inProgress)
        general.grade = .general
        XCTAssertEqual(
            Support.failure(try apply(try Support.event(.requestSuspension), to: general, by: Support.inspector)), .notMajorHazard)
        let pending = try Support.prepared(try Support.item(in: .inProgress), for: .decideSuspension)
        XCTAssertEqual(
            Support.failure(try apply(try Support.event(.requestSuspension), to: pending, by: Support.inspector)), .suspensionPending)
        XCTAssertEqual(
            Support.failure(try apply(.requestSuspension(reason: ""), to: try Support.item(in: .inProgress), by: Support.inspector)),
            .required(field: "reason"))
        XCTAssertEqual(
            Support.failure(try apply(.decideSuspension(suspend: false), to: try Support.item(in: .inProgress), by: Support.leader)),
            .noSuspensionRequest)
    }

    func testSuspensionDecisionOnTimeAndLate() throws {
        var item = try Support.item(in: .inProgress)
        let requestedAt = try Support.china("2026-09-14 10:00")
        item.suspensionRequestedAt = requestedAt
        let onTime = try Support.success(try apply(
            .decideSuspension(suspend: true), to: item, by: Support.leader, at: try Support.china("2026-09-21 10:00")))
        XCTAssertFalse(onTime.entry.late)
        XCTAssertEqual(onTime.entry.note, "停产停业")
        XCTAssertNil(onTime.facts.suspensionRequestedAt)
        XCTAssertEqual(onTime.effects, [
            .closeWatch(.suspensionDecision), .notifyUnit(Support.street, about: .decideSuspension),
        ])
        let late = try Support.success(try apply(
            .decideSuspension(suspend: false), to: item, by: Support.supervisor, at: try Support.china("2026-09-21 10:01")))
        XCTAssertTrue(late.entry.late)
        XCTAssertEqual(late.entry.note, "不停产停业")
    }
}
