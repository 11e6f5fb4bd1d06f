/// 回复审核 — what a unit's reply must carry before it is accepted.
public enum ReplyCheck {
    /// The fewest site photos a reply in a photo category carries. The seed requires "现场照片" without a
    /// number; Duban requires at least 1.
    public static let minimumPhotos = 1

    /// Every problem with a reply, empty when it may be accepted:
    /// - a result text (附件2 第三条(四): "应先向来电人告知办理结果并征求满意度,再向区信息网络中心报送最终
    ///   办理结果"; 第四条: "不得答非所问、敷衍了事");
    /// - at least ``minimumPhotos`` photo attachments when the category requires them
    ///   (附件2 第五条: "对属于城市管理类、市政设施建设类和园林绿化类的群众投诉件,各承办单位在回复中,必须
    ///   提供处置结果的现场照片作为佐证,照片上传到平台系统的投诉件附件中"). `photoCount` is the server's
    ///   count of the reply's photo attachments (``AttachmentType/isPhoto``).
    public static func problems(resultText: String, category: HotlineCategory, photoCount: Int) -> [HotlineError] {
        var problems: [HotlineError] = []
        if TextNormalization.clean(resultText).isEmpty {
            problems.append(.required(field: "result"))
        }
        if category.photoRequired, photoCount < minimumPhotos {
            problems.append(.photosRequired(category: category.name, minimum: minimumPhotos))
        }
        return problems
    }
}
