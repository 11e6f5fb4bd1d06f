extension QRCode {
    /// The symbol as a standalone SVG document: a white background, the dark modules as black `rect`s,
    /// one per run of dark modules in a row (runs merged to keep the file small), on a grid of whole
    /// modules (`viewBox` in modules, `width`/`height` in pixels) with `shape-rendering="crispEdges"`
    /// so edges stay sharp at any scale.
    ///
    /// - Parameters:
    ///   - moduleSize: pixels per module for `width` and `height`; values below 1 count as 1.
    ///   - quietZone: light modules around the symbol; the standard asks for 4. Negative counts as 0.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let scale = max(1, moduleSize)
        let quiet = max(0, quietZone)
        let side = size + 2 * quiet
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(side * scale)\" height=\"\(side * scale)\""
        svg += " viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
        svg += "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><g fill=\"#000\">"
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < size {
                guard line[column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, line[column] { column += 1 }
                svg += "<rect x=\"\(start + quiet)\" y=\"\(row + quiet)\" width=\"\(column - start)\" height=\"1\"/>"
            }
        }
        svg += "</g></svg>"
        return svg
    }
}
