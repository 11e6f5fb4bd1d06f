/// 等级分数线 — the lowest score of grades A, B and C; below ``c`` is D (002 篇1: "设定不同分值的等级",
/// no numbers given; SPEC A3 defaults A ≥ 90, B ≥ 75, C ≥ 60).
public struct CreditGradeBands: Hashable, Codable, Sendable {
    /// Lowest score of grade A.
    public var a: Int
    /// Lowest score of grade B.
    public var b: Int
    /// Lowest score of grade C; anything lower is D.
    public var c: Int

    /// Bands with the given lower limits (each inclusive).
    public init(a: Int, b: Int, c: Int) {
        self.a = a
        self.b = b
        self.c = c
    }

    /// The grade of `score`: each band's lower limit belongs to it (exactly 90 is A by default).
    public func grade(for score: Int) -> CreditGrade {
        if score >= a { return .a }
        if score >= b { return .b }
        if score >= c { return .c }
        return .d
    }
}
