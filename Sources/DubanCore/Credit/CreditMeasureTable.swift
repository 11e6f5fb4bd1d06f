/// The measures due at each grade (002 篇1: 表彰 for high credit; "根据信用级次" 提示、警示、曝光, and
/// 向其主管部门通报 for low credit). The seed names the measures but not the grades they go with;
/// Duban's default maps one graded measure per grade, A 表彰, B 提示, C 警示, D 曝光 plus the notice
/// to the supervising department.
public struct CreditMeasureTable: Hashable, Codable, Sendable {
    /// Measures for grade A.
    public var a: [CreditMeasure]
    /// Measures for grade B.
    public var b: [CreditMeasure]
    /// Measures for grade C.
    public var c: [CreditMeasure]
    /// Measures for grade D.
    public var d: [CreditMeasure]

    /// A table with the given measures per grade.
    public init(a: [CreditMeasure], b: [CreditMeasure], c: [CreditMeasure], d: [CreditMeasure]) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// The measures of `grade`.
    public subscript(grade: CreditGrade) -> [CreditMeasure] {
        get {
            switch grade {
            case .a: a
            case .b: b
            case .c: c
            case .d: d
            }
        }
        set {
            switch grade {
            case .a: a = newValue
            case .b: b = newValue
            case .c: c = newValue
            case .d: d = newValue
            }
        }
    }
}
