extension QRMatrix {
    /// The mask penalty score (ISO/IEC 18004 §7.8.3.1), lower is better:
    /// - N1 = 3 (+1 per module beyond 5) for each run of 5 or more same-coloured modules in a row or column;
    /// - N2 = 3 for each 2 × 2 block of one colour (overlapping blocks counted separately);
    /// - N3 = 40 for each finder-like 1:1:3:1:1 (dark, light, dark, light, dark) pattern in a row or
    ///   column with a light run of at least 4 units on one side (the area outside the symbol counts as
    ///   light, being quiet zone);
    /// - N4 = 10 for each full 5 % step the share of dark modules lies away from 50 %.
    var penalty: Int {
        var score = 0
        for line in 0..<size {
            score += linePenalty { self[$0, line] } // row
            score += linePenalty { self[line, $0] } // column
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = self[x, y]
                if colour == self[x + 1, y], colour == self[x, y + 1], colour == self[x + 1, y + 1] { score += 3 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        let total = size * size
        // k = the number of whole 5 % steps |dark/total − 1/2| exceeds (0 for 45 %…55 %), in integers:
        // ⌈|20·dark − 10·total| / total⌉ − 1 (never below 0).
        let steps = max(0, (abs(darkCount * 20 - total * 10) + total - 1) / total - 1)
        score += steps * 10
        return score
    }

    /// N1 and N3 for one row or column, `module(i)` giving its i-th module.
    private func linePenalty(_ module: (Int) -> Bool) -> Int {
        var score = 0
        var runColour = false
        var runLength = 0
        var history = FinderRunHistory(border: size)
        for index in 0..<size {
            let colour = module(index)
            if colour == runColour {
                runLength += 1
                if runLength == 5 { score += 3 } else if runLength > 5 { score += 1 }
            } else {
                history.push(runLength)
                if !runColour { score += history.finderLikePatterns * 40 }
                runColour = colour
                runLength = 1
            }
        }
        // Close the last run and add the light border after the symbol.
        if runColour {
            history.push(runLength)
            runLength = 0
        }
        history.push(runLength + size)
        score += history.finderLikePatterns * 40
        return score
    }
}

/// The lengths of the last seven runs of a row or column, newest first, alternating light and dark,
/// for finding 1:1:3:1:1 patterns; the first light run includes the border before the symbol.
private struct FinderRunHistory {
    private var runs = [Int](repeating: 0, count: 7)
    private let border: Int

    init(border: Int) {
        self.border = border
    }

    mutating func push(_ length: Int) {
        // An empty history means this is the first run, a light one after the light border.
        let length = runs[0] == 0 ? length + border : length
        runs.removeLast()
        runs.insert(length, at: 0)
    }

    /// 0, 1 or 2: whether the newest light run ends a dark 1:1:3:1:1 core (runs 1…5) with a light
    /// run of 4 units after it and at least 1 before, and/or 4 before and at least 1 after.
    var finderLikePatterns: Int {
        let unit = runs[1]
        let core = unit > 0 && runs[2] == unit && runs[3] == unit * 3 && runs[4] == unit && runs[5] == unit
        return (core && runs[0] >= unit * 4 && runs[6] >= unit ? 1 : 0)
            + (core && runs[6] >= unit * 4 && runs[0] >= unit ? 1 : 0)
    }
}
