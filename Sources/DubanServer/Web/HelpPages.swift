import DubanCore
import Foundation
import Vapor

/// 使用帮助 (`/help`, issue #9): one Chinese page per role — its daily work in the system, the browser
/// suite's screenshots of that role (Public/help/<role>-*.png, when present), and the rules each of its
/// deadlines comes from, with the seed citation.
enum HelpPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("help", use: index)
        pages.get("help", ":role", use: page)
    }

    struct Rule: Encodable {
        var rule: String
        var citation: String
    }

    struct RoleHelp: Encodable {
        var role: String
        var name: String
        var summary: String
        var steps: [String]
        var rules: [Rule]
    }

    // Deadline rules, each with where it comes from.
    static let signFor = Rule(rule: "市长专线工单交办后 4 个工作小时内签收", citation: "000 阳政办(2017)33号 附件7 第(7)项；SPEC A2")
    static let completion = Rule(rule: "工单在办理时限内办结；超期每件扣1分", citation: "000 阳政办(2017)33号 附件7 第(8)项")
    static let extensionRule = Rule(rule: "延期须在到期前至少 1 个工作日申请，最多 2 次，由督查室批准",
                                    citation: "000 阳政办(2017)33号 附件2、附件7 第(8)项；SPEC M3")
    static let returnRule = Rule(rule: "不属本单位职责的工单，1 个工作日内退回并说明理由", citation: "000 阳政办(2017)33号 附件7 第(10)项")
    static let satisfaction = Rule(rule: "满意率双月考评：95% 以上不扣分，逐档扣分", citation: "000 阳政办(2017)33号 附件7 第(13)项；SPEC A2")
    static let weekly = Rule(rule: "每周四通报督办情况", citation: "001 阳政办(2018)12号「每周四通报」；阳政办(2018)11号")
    static let monthly = Rule(rule: "台账每月25日前报送", citation: "000 阳政办(2017)35号")
    static let quarterly = Rule(rule: "每季度通报目标任务排名，排名靠后单位跟踪督办", citation: "001 阳政办(2018)12号；阳政办(2018)10号")
    static let bimonthly = Rule(rule: "市长专线双月考评，排名末位提请约谈", citation: "000 阳政办(2017)33号 附件7、附件5 第五条(十)")
    static let fiveImplementations = Rule(rule: "重大隐患五落实（责任、措施、资金、时限、预案）齐全后方可交办", citation: "003 仙游「重大隐患100%落实」；SPEC M3")
    static let listing = Rule(rule: "挂牌督办的重大火灾隐患按计划整改完毕时间销号，逾期升级督办", citation: "000 阳政办(2017)45号 附件")
    static let suspension = Rule(rule: "消防机构提请停产停业的，政府在 7 日内作出决定", citation: "002 篇3；SPEC M3")
    static let publication = Rule(rule: "行政许可、处罚决定自作出之日起 7 个工作日内双公示", citation: "000 阳政办(2017)35号；SPEC A3")
    static let objection = Rule(rule: "拟列入严重失信名单前告知，5 个工作日内可陈述申辩", citation: "SPEC A3（应急管理部令第11号）")
    static let maintenance = Rule(rule: "电梯维保间隔不超过 15 日", citation: "004 成府发〔2015〕29号；SPEC A4")
    static let inspection = Rule(rule: "定期检验有效期届满前 1 个月申请检验", citation: "004 成府发〔2015〕29号；SPEC A4")
    static let rescue = Rule(rule: "困人故障 30 分钟内到达救援；事故 1 小时内报告", citation: "004 成府发〔2015〕29号；SPEC A4")

    static let roles: [Role: RoleHelp] = [
        .leader: RoleHelp(role: "leader", name: "区领导", summary: "查看全区督办态势、单位排名与考评结果，阅签定期通报。",
                          steps: ["登录后首页即为看板：超期、今日到期、挂牌督办数，每个数字可点开对应清单。",
                                  "看板下方是近12周登记与销号趋势、超期单位排名、热线考评排名、信用等级分布、电梯合规率。",
                                  "「定期报告」中阅读每周四通报、月度台账报告、双月热线考评、季度排名通报，可直接打印（A4）。",
                                  "「考评」中查看热线考评总分排名及每个单位的扣分明细。"],
                          rules: [weekly, monthly, bimonthly, quarterly]),
        .supervisor: RoleHelp(role: "supervisor", name: "督查室", summary: "交办、挂牌督办、审批延期、考评与问责。",
                              steps: ["首页看板显示超期和今日到期事项，点击数字进入已筛选的清单，可导出 CSV/XLSX。",
                                      "在「督办台账」中交办事项并设定期限；重大隐患可挂牌督办。",
                                      "审批承办单位的延期申请；对超期事项发督办牌、升级督办。",
                                      "「考评」录入考评员项目；系统按双月生成热线考评通报。"],
                              rules: [extensionRule, listing, fiveImplementations, weekly, monthly, bimonthly, quarterly]),
        .dispatcher: RoleHelp(role: "dispatcher", name: "区长专线派单员", summary: "受理来电、派单、回访、评价分派。",
                              steps: ["在「专线受理」登记来电：类型、来电人（可保密）、诉求、类别与办理时限。",
                                      "派单到首办责任单位；重大事件置顶并即时通知各单位。",
                                      "办结后回访来电人，登记满意度；不满意的分派第三方评价员。",
                                      "首页看板显示本期按时签收率、按期办结率和满意率。"],
                              rules: [signFor, completion, returnRule, satisfaction]),
        .unitOperator: RoleHelp(role: "unit_operator", name: "承办单位经办人", summary: "签收、办理、报结本单位及下属单位的督办事项与工单。",
                                steps: ["首页看板列出本单位超期和今日到期事项，以及本单位的考评排名与热线指标。",
                                        "在「督办台账」签收事项，不属本单位职责的及时退回并说明理由。",
                                        "办理完毕后报结，上传整改结果与照片；需要延期的提前申请。",
                                        "关注「责任追究」中的约谈、问责提醒。"],
                                rules: [signFor, returnRule, extensionRule, completion, monthly]),
        .inspector: RoleHelp(role: "inspector", name: "检查员", summary: "现场检查登记隐患，复查验收，电梯与信用记录。",
                             steps: ["在手机上打开「督办台账 → 登记」，现场登记隐患、发现的问题及依据条款。",
                                     "重大隐患须填齐五落实；验收承办单位报结的整改结果。",
                                     "电梯：扫描电梯标签二维码查看档案，登记检验与事故。",
                                     "首页看板显示挂牌隐患、信用等级分布和电梯合规率。"],
                             rules: [fiveImplementations, listing, suspension, publication, maintenance, inspection, rescue]),
        .enterprise: RoleHelp(role: "enterprise", name: "企业安全管理员", summary: "自查自报隐患，查看本企业信用与电梯。",
                              steps: ["自查发现的隐患在「督办台账 → 登记」中自报，按期整改。",
                                      "在「信用」中查看本企业信用得分、等级和记录，可对记录提出异议、申请修复。",
                                      "本单位电梯的维保与检验到期情况见首页看板。"],
                              rules: [fiveImplementations, objection, maintenance, inspection]),
        .evaluator: RoleHelp(role: "evaluator", name: "第三方评价员", summary: "对不满意工单作出第三方评价。",
                             steps: ["首页看板列出分派给您的工单。", "逐件查看办理过程与回复，作出「满意/不满意」评价。"],
                             rules: [satisfaction]),
        .admin: RoleHelp(role: "admin", name: "管理员", summary: "维护单位、用户、类别、日历与可调整的默认值。",
                         steps: ["「单位」「人员」维护名录；「工作日历」维护节假日与调休。",
                                 "设置中可调整系统默认值（如看板缓存秒数、月度报告生成日），每项注明来源或标明为默认值。"],
                         rules: [monthly, weekly]),
    ]

    struct IndexPage: Encodable {
        var roles: [RoleHelp]
        var own: String
    }

    @Sendable static func index(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(Role.allCases)
        let ordered: [Role] = [.leader, .supervisor, .dispatcher, .unitOperator, .inspector, .enterprise, .evaluator, .admin]
        return try await req.render("help", title: "使用帮助", IndexPage(roles: ordered.compactMap { roles[$0] }, own: actor.role.rawValue))
    }

    struct RolePage: Encodable {
        var help: RoleHelp
        var screenshots: [Shot]
    }

    struct Shot: Encodable {
        var src: String
        var caption: String
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        try req.requireRole(Role.allCases)
        guard let role = req.parameters.get("role").flatMap(Role.init(rawValue:)), let help = roles[role] else {
            throw DubanError.notFound("帮助 / help page")
        }
        // The browser suite's screenshots (scripts/e2e.py copies them to Public/help/).
        let directory = req.application.directory.publicDirectory + "help/"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix(role.rawValue + "-") && $0.hasSuffix(".png") }.sorted()
        let shots = files.map { Shot(src: "/help/" + $0, caption: caption(String($0.dropFirst(role.rawValue.count + 1).dropLast(4)))) }
        return try await req.render("help-role", title: "使用帮助：\(help.name)", RolePage(help: help, screenshots: shots))
    }

    static func caption(_ step: String) -> String {
        let names = ["1-dashboard": "首页看板", "2-action": "日常操作", "3-list": "清单", "dashboard": "首页看板", "action": "日常操作"]
        return names[step] ?? step
    }
}
