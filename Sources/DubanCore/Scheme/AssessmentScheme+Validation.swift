import Foundation

extension AssessmentScheme {
    /// Throws the first ``SchemeError`` found, naming its field:
    /// - `code`, `name`: not blank; `items`: not empty; `items[i].code`: not blank and unique;
    /// - `items[i].points` > 0; `totalPoints` equal to the sum of the items' points;
    /// - perOccurrence: a count metric and points > 0;
    /// - rateBands: a rate metric; bands not empty, `atLeastPercent` 0–100 and strictly descending
    ///   (so bands are ordered and cannot overlap), the last band at 0 % (every rate falls in a band),
    ///   deductions 0 … the item's points and never smaller for a lower band.
    public func validate() throws {
        if code.trimmingCharacters(in: .whitespaces).isEmpty { throw SchemeError.missingField("code") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw SchemeError.missingField("name") }
        if items.isEmpty { throw SchemeError.missingField("items") }
        var codes = Set<String>()
        var sum = ScorePoints.zero
        for (index, item) in items.enumerated() {
            let field = "items[\(index)]"
            if item.code.trimmingCharacters(in: .whitespaces).isEmpty { throw SchemeError.missingField("\(field).code") }
            if !codes.insert(item.code).inserted { throw SchemeError.duplicateCode(field: "\(field).code", code: item.code) }
            if item.points <= .zero {
                throw SchemeError.invalidValue(field: "\(field).points", chinese: "分值须大于 0", english: "points must be greater than 0")
            }
            sum += item.points
            try validate(item.rule, of: item, at: "\(field).rule")
        }
        if sum != totalPoints {
            throw SchemeError.invalidValue(
                field: "totalPoints", chinese: "总分 \(totalPoints) 与各项分值之和 \(sum) 不符",
                english: "totalPoints \(totalPoints) differs from the sum of the items' points, \(sum)")
        }
    }

    private func validate(_ rule: SchemeRule, of item: SchemeItem, at field: String) throws {
        switch rule {
        case .manual:
            return
        case .perOccurrence(let metric, let points):
            if metric.isRate {
                throw SchemeError.invalidValue(field: "\(field).metric", chinese: "按次扣分须用计数指标",
                                               english: "perOccurrence needs a count metric, not \(metric.rawValue)")
            }
            if points <= .zero {
                throw SchemeError.invalidValue(field: "\(field).points", chinese: "每次扣分须大于 0",
                                               english: "points per occurrence must be greater than 0")
            }
        case .rateBands(let metric, let bands):
            if !metric.isRate {
                throw SchemeError.invalidValue(field: "\(field).metric", chinese: "分档扣分须用比率指标",
                                               english: "rateBands needs a rate metric, not \(metric.rawValue)")
            }
            if bands.isEmpty { throw SchemeError.missingField("\(field).bands") }
            for (index, band) in bands.enumerated() {
                let bandField = "\(field).bands[\(index)]"
                if !(0...100).contains(band.atLeastPercent) {
                    throw SchemeError.invalidValue(field: "\(bandField).atLeastPercent", chinese: "下限须为 0–100",
                                                   english: "the lower bound must be 0–100")
                }
                if index > 0, band.atLeastPercent >= bands[index - 1].atLeastPercent {
                    throw SchemeError.invalidValue(field: "\(bandField).atLeastPercent", chinese: "分档须按下限从高到低排列且不重叠",
                                                   english: "bands must be ordered by lower bound, highest first, without overlap")
                }
                if band.deduction < .zero || band.deduction > item.points {
                    throw SchemeError.invalidValue(field: "\(bandField).deduction", chinese: "扣分须在 0 与该项分值之间",
                                                   english: "a deduction must be between 0 and the item's points")
                }
                if index > 0, band.deduction < bands[index - 1].deduction {
                    throw SchemeError.invalidValue(field: "\(bandField).deduction", chinese: "较低分档的扣分不能更少",
                                                   english: "a lower band cannot deduct less than a higher one")
                }
            }
            if bands.last?.atLeastPercent != 0 {
                throw SchemeError.invalidValue(field: "\(field).bands[\(bands.count - 1)].atLeastPercent",
                                               chinese: "最低一档的下限须为 0%", english: "the lowest band must start at 0 %")
            }
        }
    }
}
