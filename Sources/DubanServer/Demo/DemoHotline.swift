import DubanCore
import Fluent
import Vapor

/// The demo's hotline reference data: two knowledge-base answers taken from 000 阳政办(2017)33号 (the
/// hotline's own number and hours, and what it takes), and one Open311 client key for trying the API.
enum DemoHotline {
    /// The demo Open311 API key (public, like the demo passwords).
    static let open311Key = "duban-open311-demo-2026"

    static func load(on db: any Database) async throws {
        let now = Date().wholeMilliseconds
        let answers: [(String, String, [String])] = [
            ("区长专线的电话是多少？几点可以打？", "区长专线 13871112345，实行24小时人工服务（000 阳政办(2017)33号）。", ["电话", "号码", "几点", "时间"]),
            ("区长专线受理哪些事情？", "受理投诉、求助、咨询、建议、表扬及其他六类来电（000 阳政办(2017)33号 附件1）。", ["受理", "范围", "哪些"]),
        ]
        for (question, answer, keywords) in answers {
            let row = HotlineKnowledge()
            row.question = question
            row.answer = answer
            row.keywords = String(decoding: try JSONEncoder().encode(keywords), as: UTF8.self)
            row.updatedAt = now
            row.updatedBy = "demo-loader"
            try await row.create(on: db)
        }
        let client = Open311Client()
        client.name = "演示客户端"
        client.keyHash = ActorMiddleware.tokenHash(open311Key)
        client.active = true
        client.createdAt = now
        try await client.create(on: db)
    }
}
