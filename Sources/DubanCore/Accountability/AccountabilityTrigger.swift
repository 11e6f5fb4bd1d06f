/// 责任追究情形 — every clause of 000 阳政办(2017)33号 附件5 第四条 (函告, 8), 第五条 (约谈, 11) and
/// 第七条 (问责, 8). The raw value is a stable code `<article>.<item>` ("4.5" = 第四条(五)).
///
/// ``computable`` triggers are proposed by ``AccountabilityRules`` from data; the others are
/// proposed by a supervisor by hand.
public enum AccountabilityTrigger: String, Codable, CaseIterable, Sendable {
    /// 第四条(一) 无人接听: "投诉电话无人接听的".
    case phoneUnanswered = "4.1"
    /// 第四条(二) 未及时签收: "对群众投诉件不及时签收的".
    case lateSignFor = "4.2"
    /// 第四条(三) 未按时交办转办退回: "投诉件未在一个工作日内(重大紧急事件半小时内)交办、转办、退回的".
    case lateTransfer = "4.3"
    /// 第四条(四) 未及时回访: "投诉件处置后未及时回访投诉人的".
    case noFollowUp = "4.4"
    /// 第四条(五) 按期办结率未达100%: "当月群众投诉件按期办结率未达到100%的".
    case monthlyOnTimeBelow100 = "4.5"
    /// 第四条(六) 反馈不规范: "反馈内容不规范、不真实、敷衍了事的".
    case improperReply = "4.6"
    /// 第四条(七) 同一事项重复投诉: "群众合法诉求办理不及时不到位,导致同一投诉人同一事项重复投诉3次(不含3次)以上的".
    case repeatComplaints = "4.7"
    /// 第四条(八) 评价员不满意: "被市长专线、区长专线第三方评价员评为不满意的".
    case evaluatorDissatisfied = "4.8"
    /// 第五条(一) 未落实工作部署: "未按要求落实市长专线、区长专线有关工作部署的".
    case deploymentNotImplemented = "5.1"
    /// 第五条(二) 批示件超期: "对市、区领导批示件,区政府办转(交)办事项及其他重大、紧急问题、突发事件,超期办结或逾期未办结的".
    case leaderInstructionsLate = "5.2"
    /// 第五条(三) 专项整治未开展: "专项整治活动的相关责任单位未按规定时间、要求开展工作的".
    case campaignNotCarriedOut = "5.3"
    /// 第五条(四) 督办单未办理: "下达《督办单》、《督办通知》后,未按要求办理、回复的".
    case supervisionNoticeIgnored = "5.4"
    /// 第五条(五) 按期办结率未达98%或超期超5件: "当月群众投诉按期办结率未达到98%,或市长专线、区长专线一月内超期案件累计超过5件的".
    case monthlyOnTimeBelow98OrOverdue = "5.5"
    /// 第五条(六) 同类投诉居高不下: "市民对同一小类问题的投诉量居高不下,未采取有效措施解决的;对二次督办的投诉件,未在规定期限内办理或采取有效措施的".
    case persistentComplaints = "5.6"
    /// 第五条(七) 弄虚作假或态度恶劣: "在投诉件转办、督办过程中,工作人员弄虚作假、故意刁难、态度恶劣的;回复市民诉求答非所问、敷衍了事、推诿扯皮,造成不良社会影响的".
    case misconductInHandling = "5.7"
    /// 第五条(八) 故意拖延推诿: "对职责范围内的事项故意拖延、推诿,不按规定时限或者承诺事项办理的".
    case deliberateDelay = "5.8"
    /// 第五条(九) 引发个访群访: "因办理、回告市民投诉件不及时、不到位或有失公平,引发个访、群访等不稳定事件的".
    case petitionsTriggered = "5.9"
    /// 第五条(十) 双月考核排名末位: "双月考核排名末位的".
    case lastInBimonthlyRanking = "5.10"
    /// 第五条(十一) 其他需约谈情况: "有必要进行约谈的其他情况".
    case otherInterview = "5.11"
    /// 第七条(一) 督办件久拖不决: "对市、区领导批示件、督办部门的督办件,及其他重大、紧急问题和突发事件,在规定时间内不予答复,久拖不决,没有及时处理造成不良影响和后果的".
    case urgentMattersUnanswered = "7.1"
    /// 第七条(二) 被曝光或越级上访: "因办理群众投诉不及时、不到位,被上级督查暗访、市级以上新闻媒体曝光或引发越级个访、群访等不稳定事件的".
    case exposedOrEscalated = "7.2"
    /// 第七条(三) 自办件计零分: "在全市投诉电话办理质量绩效考核中区长专线自办件计为零分的".
    case selfHandledScoredZero = "7.3"
    /// 第七条(四) 弄虚作假瞒报: "投诉件办理过程中,弄虚作假,存在漏报、谎报或瞒报,造成不良影响和后果的".
    case falseReporting = "7.4"
    /// 第七条(五) 不牵头不配合: "涉及几个部门共同办理的投诉件,首办主责部门或牵头责任部门不主动牵头协调,协办部门不积极支持配合,致使工作延误的".
    case jointHandlingFailed = "7.5"
    /// 第七条(六) 工作失职: "投诉件办理中敷衍了事、推诿扯皮、处理不到位、工作失职造成不良影响和严重后果的".
    case dutyNeglect = "7.6"
    /// 第七条(七) 主要领导半年内多次被约谈: "单位主要领导半年内被约谈超过2次以上的".
    case principalInterviewedRepeatedly = "7.7"
    /// 第七条(八) 其他失职: "其他不履行或不正确履行工作职责,造成不良影响和后果的".
    case otherAccountability = "7.8"

    /// The rung the clause leads to: 第四条 函告, 第五条 约谈, 第七条 问责.
    public var level: AccountabilityLevel {
        if rawValue.hasPrefix("4.") { return .letter }
        if rawValue.hasPrefix("5.") { return .interview }
        return .accountability
    }

    /// Whether ``AccountabilityRules`` computes the clause from case and ranking data.
    public var computable: Bool {
        switch self {
        case .lateSignFor, .lateTransfer, .noFollowUp, .monthlyOnTimeBelow100, .repeatComplaints, .evaluatorDissatisfied, .monthlyOnTimeBelow98OrOverdue, .lastInBimonthlyRanking, .principalInterviewedRepeatedly:
            true
        default:
            false
        }
    }

    /// Where the clause is written: "000 阳政办(2017)33号 附件5 第四条(五)".
    public var citation: String {
        "000 阳政办(2017)33号 附件5 \(clause)"
    }

    /// The article and item: "第四条(五)".
    public var clause: String {
        switch self {
        case .phoneUnanswered: "第四条(一)"
        case .lateSignFor: "第四条(二)"
        case .lateTransfer: "第四条(三)"
        case .noFollowUp: "第四条(四)"
        case .monthlyOnTimeBelow100: "第四条(五)"
        case .improperReply: "第四条(六)"
        case .repeatComplaints: "第四条(七)"
        case .evaluatorDissatisfied: "第四条(八)"
        case .deploymentNotImplemented: "第五条(一)"
        case .leaderInstructionsLate: "第五条(二)"
        case .campaignNotCarriedOut: "第五条(三)"
        case .supervisionNoticeIgnored: "第五条(四)"
        case .monthlyOnTimeBelow98OrOverdue: "第五条(五)"
        case .persistentComplaints: "第五条(六)"
        case .misconductInHandling: "第五条(七)"
        case .deliberateDelay: "第五条(八)"
        case .petitionsTriggered: "第五条(九)"
        case .lastInBimonthlyRanking: "第五条(十)"
        case .otherInterview: "第五条(十一)"
        case .urgentMattersUnanswered: "第七条(一)"
        case .exposedOrEscalated: "第七条(二)"
        case .selfHandledScoredZero: "第七条(三)"
        case .falseReporting: "第七条(四)"
        case .jointHandlingFailed: "第七条(五)"
        case .dutyNeglect: "第七条(六)"
        case .principalInterviewedRepeatedly: "第七条(七)"
        case .otherAccountability: "第七条(八)"
        }
    }

    /// A short Chinese name for lists: "按期办结率未达100%".
    public var shortName: String {
        switch self {
        case .phoneUnanswered: "无人接听"
        case .lateSignFor: "未及时签收"
        case .lateTransfer: "未按时交办转办退回"
        case .noFollowUp: "未及时回访"
        case .monthlyOnTimeBelow100: "按期办结率未达100%"
        case .improperReply: "反馈不规范"
        case .repeatComplaints: "同一事项重复投诉"
        case .evaluatorDissatisfied: "评价员不满意"
        case .deploymentNotImplemented: "未落实工作部署"
        case .leaderInstructionsLate: "批示件超期"
        case .campaignNotCarriedOut: "专项整治未开展"
        case .supervisionNoticeIgnored: "督办单未办理"
        case .monthlyOnTimeBelow98OrOverdue: "按期办结率未达98%或超期超5件"
        case .persistentComplaints: "同类投诉居高不下"
        case .misconductInHandling: "弄虚作假或态度恶劣"
        case .deliberateDelay: "故意拖延推诿"
        case .petitionsTriggered: "引发个访群访"
        case .lastInBimonthlyRanking: "双月考核排名末位"
        case .otherInterview: "其他需约谈情况"
        case .urgentMattersUnanswered: "督办件久拖不决"
        case .exposedOrEscalated: "被曝光或越级上访"
        case .selfHandledScoredZero: "自办件计零分"
        case .falseReporting: "弄虚作假瞒报"
        case .jointHandlingFailed: "不牵头不配合"
        case .dutyNeglect: "工作失职"
        case .principalInterviewedRepeatedly: "主要领导半年内多次被约谈"
        case .otherAccountability: "其他失职"
        }
    }

    /// The clause text as written in 附件5.
    public var clauseText: String {
        switch self {
        case .phoneUnanswered: "投诉电话无人接听的"
        case .lateSignFor: "对群众投诉件不及时签收的"
        case .lateTransfer: "投诉件未在一个工作日内(重大紧急事件半小时内)交办、转办、退回的"
        case .noFollowUp: "投诉件处置后未及时回访投诉人的"
        case .monthlyOnTimeBelow100: "当月群众投诉件按期办结率未达到100%的"
        case .improperReply: "反馈内容不规范、不真实、敷衍了事的"
        case .repeatComplaints: "群众合法诉求办理不及时不到位,导致同一投诉人同一事项重复投诉3次(不含3次)以上的"
        case .evaluatorDissatisfied: "被市长专线、区长专线第三方评价员评为不满意的"
        case .deploymentNotImplemented: "未按要求落实市长专线、区长专线有关工作部署的"
        case .leaderInstructionsLate: "对市、区领导批示件,区政府办转(交)办事项及其他重大、紧急问题、突发事件,超期办结或逾期未办结的"
        case .campaignNotCarriedOut: "专项整治活动的相关责任单位未按规定时间、要求开展工作的"
        case .supervisionNoticeIgnored: "下达《督办单》、《督办通知》后,未按要求办理、回复的"
        case .monthlyOnTimeBelow98OrOverdue: "当月群众投诉按期办结率未达到98%,或市长专线、区长专线一月内超期案件累计超过5件的"
        case .persistentComplaints: "市民对同一小类问题的投诉量居高不下,未采取有效措施解决的;对二次督办的投诉件,未在规定期限内办理或采取有效措施的"
        case .misconductInHandling: "在投诉件转办、督办过程中,工作人员弄虚作假、故意刁难、态度恶劣的;回复市民诉求答非所问、敷衍了事、推诿扯皮,造成不良社会影响的"
        case .deliberateDelay: "对职责范围内的事项故意拖延、推诿,不按规定时限或者承诺事项办理的"
        case .petitionsTriggered: "因办理、回告市民投诉件不及时、不到位或有失公平,引发个访、群访等不稳定事件的"
        case .lastInBimonthlyRanking: "双月考核排名末位的"
        case .otherInterview: "有必要进行约谈的其他情况"
        case .urgentMattersUnanswered: "对市、区领导批示件、督办部门的督办件,及其他重大、紧急问题和突发事件,在规定时间内不予答复,久拖不决,没有及时处理造成不良影响和后果的"
        case .exposedOrEscalated: "因办理群众投诉不及时、不到位,被上级督查暗访、市级以上新闻媒体曝光或引发越级个访、群访等不稳定事件的"
        case .selfHandledScoredZero: "在全市投诉电话办理质量绩效考核中区长专线自办件计为零分的"
        case .falseReporting: "投诉件办理过程中,弄虚作假,存在漏报、谎报或瞒报,造成不良影响和后果的"
        case .jointHandlingFailed: "涉及几个部门共同办理的投诉件,首办主责部门或牵头责任部门不主动牵头协调,协办部门不积极支持配合,致使工作延误的"
        case .dutyNeglect: "投诉件办理中敷衍了事、推诿扯皮、处理不到位、工作失职造成不良影响和严重后果的"
        case .principalInterviewedRepeatedly: "单位主要领导半年内被约谈超过2次以上的"
        case .otherAccountability: "其他不履行或不正确履行工作职责,造成不良影响和后果的"
        }
    }
}
