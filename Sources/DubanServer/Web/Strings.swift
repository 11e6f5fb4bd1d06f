import DubanCore
import Vapor

/// The interface language: Simplified Chinese first, English second (SPEC M0). Chosen with `?lang=en`
/// or `?lang=zh`, remembered in a cookie.
enum Language: String, Sendable {
    case zh, en

    static func of(_ req: Request) -> Language {
        if let query = req.query[String.self, at: "lang"], let lang = Language(rawValue: query) { return lang }
        if let cookie = req.cookies["lang"]?.string, let lang = Language(rawValue: cookie) { return lang }
        return .zh
    }

    var htmlLang: String { self == .zh ? "zh-CN" : "en" }
}

/// Interface strings by key.
enum Strings {
    static func table(_ lang: Language) -> [String: String] {
        var table: [String: String] = [:]
        for (key, zh, en) in entries + CreditPages.strings { table[key] = lang == .zh ? zh : en }
        return table
    }

    static func roleName(_ role: Role, _ lang: Language) -> String {
        let names: [Role: (String, String)] = [
            .admin: ("系统管理员", "Administrator"), .supervisor: ("督查人员", "Supervisor"),
            .dispatcher: ("派单员", "Dispatcher"), .unitOperator: ("承办单位经办人", "Unit operator"),
            .inspector: ("检查员", "Inspector"), .evaluator: ("第三方评价员", "Evaluator"),
            .enterprise: ("企业安全管理员", "Enterprise"), .leader: ("区领导", "Leader"),
        ]
        let pair = names[role] ?? (role.rawValue, role.rawValue)
        return lang == .zh ? pair.0 : pair.1
    }

    static func kindName(_ kind: UnitKind, _ lang: Language) -> String {
        let names: [UnitKind: (String, String)] = [
            .department: ("部门", "Department"), .street: ("街道", "Street"), .committee: ("管委会/社区", "Committee"),
            .enterprise: ("企业/社会单位", "Enterprise"), .other: ("其他", "Other"),
        ]
        let pair = names[kind] ?? (kind.rawValue, kind.rawValue)
        return lang == .zh ? pair.0 : pair.1
    }

    private static let entries: [(String, String, String)] = [
        ("app", "督办", "Duban"),
        ("tagline", "安全监管与督办问责平台", "Safety supervision and accountability"),
        ("home", "首页", "Home"),
        ("units", "单位名录", "Units"),
        ("people", "人员", "People"),
        ("bodies", "议事协调机构", "Coordination bodies"),
        ("login", "登录", "Sign in"),
        ("logout", "退出", "Sign out"),
        ("username", "用户名", "Username"),
        ("password", "密码", "Password"),
        ("wrongLogin", "用户名或密码错误", "Wrong username or password"),
        ("search", "搜索", "Search"),
        ("name", "名称", "Name"),
        ("kind", "类别", "Kind"),
        ("parent", "上级单位", "Parent unit"),
        ("aliases", "别名（每行一个）", "Aliases (one per line)"),
        ("aliasesShort", "别名", "Aliases"),
        ("creditCode", "统一社会信用代码", "Unified social credit code"),
        ("address", "地址", "Address"),
        ("phone", "电话", "Phone"),
        ("save", "保存", "Save"),
        ("create", "新增", "Create"),
        ("newUnit", "新增单位", "New unit"),
        ("next", "下一页", "Next page"),
        ("first", "第一页", "First page"),
        ("all", "全部", "All"),
        ("none", "无", "None"),
        ("edit", "编辑", "Edit"),
        ("saved", "已保存", "Saved"),
        ("posts", "任职经历", "Posts held"),
        ("title", "职务", "Post"),
        ("from", "起", "From"),
        ("to", "止", "To"),
        ("current", "至今", "present"),
        ("members", "组成人员", "Members"),
        ("role", "职务/角色", "Role"),
        ("hostUnit", "办公室设在", "Office hosted by"),
        ("officeDirector", "办公室主任", "Office director"),
        ("document", "文号", "Document"),
        ("signedInAs", "当前用户", "Signed in as"),
        ("welcome", "欢迎使用督办平台", "Welcome to Duban"),
        ("homeIntro", "从左侧菜单进入单位名录、人员和议事协调机构。", "Use the menu to open the directory of units, people and coordination bodies."),
        ("language", "English", "中文"),
        ("noResults", "没有符合条件的记录", "Nothing matches"),
        ("unitsCount", "本页单位", "Units on this page"),
        ("calendar", "工作日历", "Working calendar"),
        ("notifications", "通知", "Notifications"),
        ("holidays", "法定节假日（放假）", "Public holidays (days off)"),
        ("makeUpDays", "调休上班日", "Weekend days made working days (调休)"),
        ("workingHours", "工作时间", "Working hours"),
        ("year", "年份", "Year"),
        ("sourceShipped", "随版本发布（国务院办公厅通知）", "shipped (State Council notices)"),
        ("sourceAdmin", "管理员更正", "corrected by an administrator"),
        ("noData", "无数据：按周一至周五计算", "no data: Monday–Friday rule"),
        ("editYear", "更正本年数据（每行：日期 名称）", "Correct this year (one line each: date name)"),
        ("revert", "恢复随版本发布的数据", "Revert to shipped data"),
        ("workingHoursHint", "格式：09:00-12:00, 13:00-18:00", "Format: 09:00-12:00, 13:00-18:00"),
        ("deadlineCalc", "期限计算", "Deadline calculator"),
        ("start", "起算时间", "Start"),
        ("amount", "数量", "Amount"),
        ("unit", "单位", "Unit"),
        ("compute", "计算", "Compute"),
        ("due", "到期时间", "Due"),
        ("rule", "依据规则", "Rule"),
        ("date", "日期", "Date"),
        ("markRead", "标为已读", "Mark as read"),
        ("unreadOnly", "只看未读", "Unread only"),
        ("read", "已读", "Read"),
        ("receivedAt", "时间", "Received"),
        ("note", "备注", "Note"),
        ("ledger", "台账", "Ledger"),
        ("itemTitle", "事项", "Item"),
        ("listed", "挂牌督办", "Listed"),
        ("register", "登记", "Register"),
        ("registerItem", "登记隐患/事项", "Register an item"),
        ("listedHazards", "挂牌督办重大隐患", "Hazards under listed supervision"),
        ("overdueOnly", "只看超期", "Overdue only"),
        ("state", "状态", "State"),
        ("grade", "等级", "Grade"),
        ("deadline", "期限", "Deadline"),
        ("assignedUnit", "承办单位", "Handling unit"),
        ("supervisedUnit", "被监管单位", "Supervised unit"),
        ("findings", "检查发现", "Findings"),
        ("standard", "违反标准", "Standard"),
        ("clause", "条款", "Clause"),
        ("determination", "判定依据", "Determination"),
        ("fiveImplementations", "五落实", "Five implementations"),
        ("responsibility", "责任", "Responsibility"),
        ("measures", "措施", "Measures"),
        ("funds", "资金", "Funds"),
        ("timeLimit", "时限", "Time limit"),
        ("emergencyPlan", "预案", "Emergency plan"),
        ("missingFive", "尚缺", "Missing"),
        ("timeline", "办理过程", "Timeline"),
        ("actions", "可办理", "Actions"),
        ("reason", "理由", "Reason"),
        ("result", "整改结果", "Result"),
        ("evidenceHint", "报结前先在下方“附件”上传整改后照片或材料", "Upload photos or documents under Attachments before reporting"),
        ("attachments", "附件（照片、材料）", "Attachments (photos, documents)"),
        ("upload", "上传", "Upload"),
        ("uploadHint", "JPEG、PNG、WebP、PDF、DOCX、XLSX，单个不超过", "JPEG, PNG, WebP, PDF, DOCX, XLSX, each at most"),
        ("thread", "往来意见", "Messages"),
        ("send", "发送", "Send"),
        ("progress", "任务进展", "Progress reports"),
        ("reportProgress", "报送进展", "Report progress"),
        ("missedReports", "未按期报送", "Reports missed"),
        ("lookBack", "回头看", "Look-back"),
        ("scheduleLookBack", "安排回头看", "Schedule a look-back"),
        ("card", "督办牌", "Card"),
        ("deadlineText", "完成时限（原文）", "Deadline as written"),
        ("cadence", "报送周期", "Report cadence"),
        ("coUnits", "责任单位", "Responsible units"),
        ("coUnitsHint", "牵头单位之外的责任单位，每行一个", "Responsible units besides the lead, one per line"),
        ("taskOnly", "以下仅用于目标任务", "For tasks only"),
        ("listedOnly", "只看挂牌", "Listed only"),
        ("newDue", "延期至", "Extend to"),
        ("level", "督办层级", "Level"),
        ("target", "目标日期", "Target date"),
        ("suspend", "决定停产停业", "Suspend"),
        ("overdue", "超期", "Overdue"),
        ("late", "逾时", "late"),
        ("category", "类别", "Category"),
        ("location", "地点", "Location"),
        ("fixMode", "整改方式", "Fix mode"),
        ("source", "来源", "Source"),
        ("extensions", "已批延期", "Extensions approved"),
        ("reworks", "返工次数", "Reworks"),
        ("publicNotice", "本页依法公开挂牌督办的重大隐患", "Published as the law requires: hazards under listed supervision"),
        ("audit", "审计日志", "Audit log"),
        ("verifyChain", "校验审计链", "Verify the audit chain"),
        ("chainIntact", "审计链完整，已校验条目数", "Audit chain intact; entries checked"),
        ("chainBroken", "审计链断裂于第", "Audit chain broken at entry"),
        ("actor", "操作人", "Actor"),
        ("action", "操作", "Action"),
        ("entity", "对象", "Entity"),
        ("change", "变更后", "After"),
        ("warningLead", "到期前提醒（小时）", "Warn before a deadline (hours)"),
        ("defaultValue", "默认值，非法定", "Duban default, not law"),
        ("addPost", "登记任职", "Add a post"),
        ("addMember", "增加成员", "Add a member"),
        ("remove", "移除", "Remove"),
        ("unitByName", "单位（名称或简称）", "Unit (name or alias)"),
        ("newPerson", "登记人员", "New person"),
    ]
}
