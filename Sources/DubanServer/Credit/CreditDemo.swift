import DubanCore
import Fluent
import Vapor

/// A few credit records of the fictional demo enterprise (武汉汉阳示范商贸有限公司) for `duban demo`:
/// a licensing decision published on time, a minor fire-safety penalty published late (it shows in
/// the 双公示 late report), and a commendation. Decision numbers are invented and marked 演示.
enum CreditDemo {
    static func load(enterprise: UUID, actor: String, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> Int {
        guard let unit = try await Unit.find(enterprise, on: db), let today = LocalDate(chinaTimeOf: now) else { return 0 }
        let year = today.year
        func day(_ back: Int) -> LocalDate { today.adding(days: -back) ?? today }
        let entries: [(CreditRecordKind, CreditField, Int, String, String, String, String, Int)] = [
            (.licensingDecision, .fireSafety, 60, "汉消许字〔\(year)〕第0012号（演示）", "汉阳区消防救援大队",
             "《中华人民共和国消防法》第十五条", "公众聚集场所投入使用、营业前消防安全检查合格", 3),
            (.penaltyMinor, .fireSafety, 150, "汉消行罚决字〔\(year)〕0031号（演示）", "汉阳区消防救援大队",
             "《中华人民共和国消防法》第六十条第一款第（三）项", "占用、堵塞疏散通道", 20),
            (.commendation, .fireSafety, 30, "汉安委〔\(year)〕5号（演示）", "汉阳区安全生产委员会",
             "《汉阳区安全生产先进单位评选办法》", "消防安全标准化管理先进单位", 1),
        ]
        for (kind, field, back, number, authority, basis, summary, publishedAfter) in entries {
            let decided = day(back)
            let published = decided.adding(days: publishedAfter)?.chinaDate(hour: 10)
            let new = CreditService.NewRecord(
                kind: kind, field: field, decisionDate: decided, decisionNumber: number, authority: authority, legalBasis: basis,
                summary: summary, publishedAt: published.flatMap { $0 <= now ? $0 : nil }, source: "entry")
            try await CreditService.create(new, subject: unit, recordedBy: actor, recordingUnit: nil, now: now,
                                           calculator: calculator, on: db)
        }
        return entries.count
    }
}
