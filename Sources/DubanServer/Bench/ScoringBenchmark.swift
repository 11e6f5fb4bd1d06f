import DubanCore
import Foundation

/// SPEC §4 (e): the bi-monthly hotline score of `units` units over `cases` synthetic cases, in process
/// (the engine is a pure function; the database path only adds reading the cases).
enum ScoringBenchmark {
    struct Result: Encodable {
        var cases: Int
        var casesInPeriod: Int
        var units: Int
        var deductions: Int
        var period: String
        var runs: Int
        var bestMilliseconds: Double
        var medianMilliseconds: Double
        var target: String
        var cores: Int
        var memoryGiB: Double
    }

    static func run(cases count: Int, units: Int, runs: Int, calculator: DeadlineCalculator,
                    progress: (String) -> Void) throws -> Result {
        progress("generating \(count) cases for \(units) units…")
        let cases = HotlineSyntheticCases.make(count: count, units: units)
        let period = try AssessmentPeriod("2026-09/2026-10")
        let clock = ContinuousClock()
        var times: [Double] = []
        var assessment: HotlineAssessment?
        for run in 1...max(runs, 1) {
            let elapsed = try clock.measure {
                assessment = try HotlineScoring.score(cases: cases, units: [], period: period, calculator: calculator)
            }
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            times.append(ms)
            progress("run \(run)/\(runs): \(String(format: "%.1f", ms)) ms")
        }
        let sorted = times.sorted()
        return Result(cases: count, casesInPeriod: assessment?.units.reduce(0) { $0 + $1.cases } ?? 0, units: assessment?.units.count ?? 0,
                      deductions: assessment?.units.reduce(0) { $0 + $1.deductions.count } ?? 0, period: period.description,
                      runs: sorted.count, bestMilliseconds: sorted[0], medianMilliseconds: sorted[sorted.count / 2],
                      target: "≤ 1000 ms (SPEC §4)", cores: ProcessInfo.processInfo.activeProcessorCount,
                      memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
    }
}

/// `duban bench score`: the JSON result, on the shipped working calendar under `root`.
public enum ScoringBenchmarkCommand {
    public static func run(cases: Int, units: Int, runs: Int, root: String, progress: (String) -> Void) throws -> Data {
        let calendar = try CalendarStore.loadShipped(resourcesDirectory: root + "Resources/")
        let result = try ScoringBenchmark.run(cases: cases, units: units, runs: runs, calculator: DeadlineCalculator(calendar: calendar),
                                              progress: progress)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(result)
    }
}
