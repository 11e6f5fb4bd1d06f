extension HotlineCategory {
    /// Duban's starting category list for a district hotline — a documented default, not law; the
    /// seed names only the three photo categories and the kinds of major event.
    ///
    /// - `photoRequired` is true exactly for 城市管理, 市政设施, 园林绿化 (000 阳政办〔2017〕33号 附件2 第五条:
    ///   "对属于城市管理类、市政设施建设类和园林绿化类的群众投诉件…必须提供处置结果的现场照片作为佐证").
    /// - `majorEvent` is true for 自然灾害, 群体性事件, 疫情, 安全事故 (附件1 二(二)5: "突发自然灾害、恶劣天气、
    ///   突发群体事件、重大疾病疫情、突发医疗卫生事件、安全事故、暴恐威胁…列为'重大事件'"); these are
    ///   emergencies.
    /// - 供水供电供气 is `utilities` (12345: "水电气热等及时性诉求"); the rest are `general`.
    /// - Default units are the canonical names of the demo directory (seed rosters of 000 and 001);
    ///   其他 has none, so the dispatcher chooses.
    public static let defaults: [HotlineCategory] = [
        HotlineCategory(
            code: "urban_management", name: "城市管理", defaultUrgency: .general,
            defaultUnitName: "汉阳区城市管理委员会", photoRequired: true,
            keywords: ["城管", "占道经营", "占道", "摆摊", "摊贩", "流动摊", "违章建筑", "违建", "乱搭乱建", "渣土",
                       "垃圾", "清运", "乱扔", "小广告", "户外广告", "招牌", "露天烧烤", "夜市", "环卫", "公厕", "市容"]),
        HotlineCategory(
            code: "municipal_facilities", name: "市政设施", defaultUrgency: .general,
            defaultUnitName: "汉阳区城市管理委员会", photoRequired: true,
            keywords: ["路灯", "井盖", "窨井", "路面", "坑洼", "塌陷", "人行道", "盲道", "护栏", "下水道", "排水",
                       "积水", "渍水", "管网", "桥梁", "道路破损", "市政"]),
        HotlineCategory(
            code: "landscaping", name: "园林绿化", defaultUrgency: .general,
            defaultUnitName: "汉阳区园林局", photoRequired: true,
            keywords: ["绿化", "树木", "树枝", "大树", "行道树", "修剪", "砍树", "草坪", "绿地", "公园", "园林",
                       "花坛", "枯树", "倒伏"]),
        HotlineCategory(
            code: "environment", name: "环境保护", defaultUrgency: .general,
            defaultUnitName: "汉阳区环境保护局",
            keywords: ["油烟", "噪音", "噪声", "扰民", "污水", "排污", "废气", "异味", "臭味", "粉尘", "扬尘",
                       "污染", "环保", "黑臭", "偷排"]),
        HotlineCategory(
            code: "transport", name: "交通出行", defaultUrgency: .general,
            defaultUnitName: "汉阳区交通大队",
            keywords: ["公交", "公交车", "站台", "出租车", "拒载", "违停", "乱停", "停车", "红绿灯", "信号灯",
                       "交通", "堵车", "拥堵", "斑马线", "共享单车"]),
        HotlineCategory(
            code: "housing_property", name: "住房物业", defaultUrgency: .general,
            defaultUnitName: "汉阳区房产管理局",
            keywords: ["物业", "物业费", "业主", "业委会", "维修基金", "房屋", "漏水", "渗水", "房产证", "不动产",
                       "公租房", "廉租房", "租房", "中介", "开发商", "交房", "二次供水"]),
        HotlineCategory(
            code: "labour", name: "劳动保障", defaultUrgency: .general,
            defaultUnitName: "汉阳区人力资源局",
            keywords: ["工资", "欠薪", "拖欠", "讨薪", "社保", "养老保险", "医保", "劳动合同", "辞退", "加班",
                       "工伤", "失业", "农民工", "就业"]),
        HotlineCategory(
            code: "market_regulation", name: "市场监管", defaultUrgency: .general,
            defaultUnitName: "汉阳区工商和质监局",
            keywords: ["食品安全", "过期", "变质", "假冒", "伪劣", "缺斤少两", "价格", "乱收费", "虚假宣传",
                       "无证经营", "消费", "退款", "商家", "发票", "质量问题"]),
        HotlineCategory(
            code: "education", name: "教育", defaultUrgency: .general,
            defaultUnitName: "汉阳区教育局",
            keywords: ["学校", "老师", "教师", "学生", "入学", "招生", "学位", "补课", "培训机构", "幼儿园",
                       "学费", "校车", "择校"]),
        HotlineCategory(
            code: "health", name: "医疗卫生", defaultUrgency: .general,
            defaultUnitName: "汉阳区卫生和计划生育委员会",
            keywords: ["医院", "医生", "看病", "就医", "诊所", "卫生院", "药店", "疫苗", "接种", "计生", "医疗纠纷",
                       "挂号", "社区卫生"]),
        HotlineCategory(
            code: "public_security", name: "社会治安", defaultUrgency: .general,
            defaultUnitName: "武汉市公安局汉阳区分局",
            keywords: ["治安", "小偷", "盗窃", "被偷", "打架", "斗殴", "诈骗", "赌博", "传销", "吸毒", "派出所",
                       "报警", "户口", "身份证"]),
        HotlineCategory(
            code: "fire_safety", name: "消防安全", defaultUrgency: .general,
            defaultUnitName: "汉阳区消防大队",
            keywords: ["消防", "消防通道", "安全出口", "灭火器", "消火栓", "火灾隐患", "电动车充电", "飞线充电",
                       "堵塞通道"]),
        HotlineCategory(
            code: "work_safety", name: "安全生产", defaultUrgency: .general,
            defaultUnitName: "汉阳区安全生产监督管理局",
            keywords: ["安全生产", "安全隐患", "危险化学品", "危化品", "工地", "施工安全", "脚手架", "违规作业",
                       "液化气", "燃气罐", "特种设备"]),
        HotlineCategory(
            code: "utilities", name: "供水供电供气", defaultUrgency: .utilities,
            defaultUnitName: "汉阳区水务局",
            keywords: ["停水", "断水", "水压", "水管", "爆管", "自来水", "水质", "停电", "断电", "电压", "停气",
                       "燃气", "天然气", "供暖", "暖气"]),
        HotlineCategory(
            code: "natural_disaster", name: "自然灾害", defaultUrgency: .emergency,
            defaultUnitName: "汉阳区人民政府应急管理办公室", majorEvent: true,
            keywords: ["洪水", "内涝", "暴雨", "台风", "地震", "山体滑坡", "滑坡", "泥石流", "雷击", "冰雹",
                       "暴雪", "恶劣天气", "灾害", "险情"]),
        HotlineCategory(
            code: "mass_incident", name: "群体性事件", defaultUrgency: .emergency,
            defaultUnitName: "汉阳区维稳办", majorEvent: true,
            keywords: ["群体", "聚集", "围堵", "堵路", "拉横幅", "集体上访", "上访", "静坐", "闹事", "冲突"]),
        HotlineCategory(
            code: "epidemic", name: "疫情", defaultUrgency: .emergency,
            defaultUnitName: "汉阳区卫生和计划生育委员会", majorEvent: true,
            keywords: ["疫情", "传染病", "传染", "感染", "发热", "集体中毒", "食物中毒", "病例", "隔离", "疫点"]),
        HotlineCategory(
            code: "safety_accident", name: "安全事故", defaultUrgency: .emergency,
            defaultUnitName: "汉阳区安全生产监督管理局", majorEvent: true,
            keywords: ["事故", "爆炸", "着火", "起火", "失火", "坍塌", "倒塌", "伤亡", "受伤", "死亡", "泄漏",
                       "燃气泄漏", "困人", "暴恐"]),
        HotlineCategory(
            code: "other", name: "其他", defaultUrgency: .general, defaultUnitName: nil),
    ]
}
