import Foundation

/// A line chart drawn on the server as SVG geometry for a Leaf template (no JavaScript; the page's
/// CSP allows no inline script or style, so the template uses presentation attributes only).
struct LineChart: Encodable {
    struct Guide: Encodable {
        var y: Double
        var label: String
    }

    struct Tick: Encodable {
        var x: Double
        var label: String
        /// `text-anchor`: the first label starts at its point, the last ends there, so neither is cut off.
        var anchor: String
    }

    struct Dot: Encodable {
        var x: Double
        var y: Double
        var title: String
    }

    var width: Double
    var height: Double
    /// The plotting area's left and right edges and its baseline, for axes.
    var left: Double
    var right: Double
    var bottom: Double
    /// The baseline of the tick labels under the axis.
    var tickY: Double
    /// `x,y x,y …` for a `<polyline points>`.
    var points: String
    var dots: [Dot]
    var guides: [Guide]
    var ticks: [Tick]
    /// What the chart shows, for `<title>` and `aria-label`.
    var label: String

    /// `values` evenly spaced left to right; `guides` are horizontal lines at given values (grade
    /// bands); the vertical range covers the values, the guides and `floor`…`ceiling`. Every
    /// `tickEvery`-th value (and the last) gets its label under the axis.
    init(label: String, values: [(label: String, value: Int)], guides: [(value: Int, label: String)], floor: Int = 0,
         ceiling: Int = 100, tickEvery: Int = 6, width: Double = 640, height: Double = 220) {
        self.label = label
        self.width = width
        self.height = height
        left = 44
        right = width - 12
        let top = 12.0
        bottom = height - 28
        tickY = height - 10
        let all = values.map(\.value) + guides.map(\.value) + [floor, ceiling]
        let low = Double(all.min() ?? 0), high = Double(all.max() ?? 100)
        let span = max(high - low, 1)
        let plotTop = top, plotBottom = bottom, plotLeft = left, plotRight = right
        func y(_ value: Int) -> Double { Self.round(plotBottom - (Double(value) - low) / span * (plotBottom - plotTop)) }
        let step = values.count > 1 ? (plotRight - plotLeft) / Double(values.count - 1) : 0
        func x(_ index: Int) -> Double { Self.round(values.count > 1 ? plotLeft + step * Double(index) : (plotLeft + plotRight) / 2) }
        points = values.enumerated().map { "\(x($0.offset)),\(y($0.element.value))" }.joined(separator: " ")
        dots = values.enumerated().map { Dot(x: x($0.offset), y: y($0.element.value), title: "\($0.element.label)：\($0.element.value)") }
        self.guides = guides.map { Guide(y: y($0.value), label: $0.label) }
        ticks = values.enumerated().compactMap { index, value in
            guard index % max(tickEvery, 1) == 0 || index == values.count - 1 else { return nil }
            let anchor = index == 0 ? "start" : index == values.count - 1 ? "end" : "middle"
            return Tick(x: x(index), label: value.label, anchor: anchor)
        }
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

/// A horizontal bar chart drawn on the server as SVG geometry for a Leaf template: one labelled bar
/// per row (a ranking), longest at the value `maximum`, each bar a link when `href` is given.
struct BarChart: Encodable {
    struct Bar: Encodable {
        var y: Double
        var width: Double
        var label: String
        var value: String
        var href: String?
        /// The bar's `<title>`, read by screen readers and shown on hover.
        var title: String
        var textY: Double
        var valueX: Double
    }

    var width: Double
    var height: Double
    /// Where the bars start (the labels sit left of it).
    var left: Double
    var barHeight: Double
    var bars: [Bar]
    var label: String
    /// A text alternative listing every bar, for `<desc>`.
    var description: String

    init(label: String, rows: [(label: String, value: Double, display: String, href: String?)], maximum: Double,
         width: Double = 640, labelWidth: Double = 190, barHeight: Double = 16, gap: Double = 6) {
        self.label = label
        description = rows.map { "\($0.label) \($0.display)" }.joined(separator: "，")
        self.width = width
        self.barHeight = barHeight
        left = labelWidth
        let span = width - labelWidth - 56
        let scale = maximum > 0 ? span / maximum : 0
        bars = rows.enumerated().map { index, row in
            let y = 4 + Double(index) * (barHeight + gap)
            let w = Self.round(max(0, min(row.value, maximum)) * scale)
            return Bar(y: y, width: w, label: row.label, value: row.display, href: row.href, title: "\(row.label)：\(row.display)",
                       textY: y + barHeight - 4, valueX: labelWidth + w + 4)
        }
        height = 8 + Double(rows.count) * (barHeight + gap)
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}

/// A line chart of several series over the same labels (e.g. items registered and closed per week),
/// drawn as SVG geometry for a Leaf template; each series has its own colour and legend entry.
struct TrendChart: Encodable {
    struct Series: Encodable {
        var name: String
        var color: String
        var points: String
        var dots: [LineChart.Dot]
        var legendX: Double
    }

    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var bottom: Double
    var tickY: Double
    var series: [Series]
    var ticks: [LineChart.Tick]
    var guides: [LineChart.Guide]
    var label: String
    /// A text alternative: every value, for screen readers and `<desc>`.
    var description: String

    init(label: String, labels: [String], series input: [(name: String, color: String, values: [Int])], tickEvery: Int = 2,
         width: Double = 640, height: Double = 220) {
        self.label = label
        self.width = width
        self.height = height
        left = 44
        right = width - 12
        let top = 26.0
        bottom = height - 28
        tickY = height - 10
        let high = Double(max(input.flatMap(\.values).max() ?? 0, 1))
        let plotBottom = bottom, plotLeft = left, plotRight = right
        func y(_ value: Int) -> Double { Self.round(plotBottom - Double(value) / high * (plotBottom - top)) }
        let count = labels.count
        let step = count > 1 ? (plotRight - plotLeft) / Double(count - 1) : 0
        func x(_ index: Int) -> Double { Self.round(count > 1 ? plotLeft + step * Double(index) : (plotLeft + plotRight) / 2) }
        series = input.enumerated().map { position, line in
            let values = Array(line.values.prefix(count))
            return Series(name: line.name, color: line.color,
                          points: values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " "),
                          dots: values.enumerated().map { LineChart.Dot(x: x($0.offset), y: y($0.element), title: "\(labels[$0.offset]) \(line.name)：\($0.element)") },
                          legendX: 44 + Double(position) * 120)
        }
        let highValue = Int(high)
        guides = [LineChart.Guide(y: y(highValue), label: "\(highValue)"), LineChart.Guide(y: y(0), label: "0")]
        ticks = labels.enumerated().compactMap { index, text in
            guard index % max(tickEvery, 1) == 0 || index == count - 1 else { return nil }
            return LineChart.Tick(x: x(index), label: text, anchor: index == 0 ? "start" : index == count - 1 ? "end" : "middle")
        }
        description = input.map { line in
            line.name + "：" + zip(labels, line.values).map { "\($0) \($1)" }.joined(separator: "，")
        }.joined(separator: "；")
    }

    private static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
