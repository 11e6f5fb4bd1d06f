import Foundation

/// Synthetic hotline cases for the scoring benchmark (SPEC §4: "bi-monthly hotline scoring of 100
/// units over 500,000 cases"): deterministic (SplitMix64), so every run and machine scores the same
/// cases. Used by `duban bench score` and the core's performance test.
public enum HotlineSyntheticCases {
    /// SplitMix64: the same sequence on every run and machine.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// `count` cases for `units` units, assigned over 25 August – 31 October 2026 (so part falls outside
    /// the period 2026-09/2026-10), with late sign-fors, overdue and open cases, returns, extensions,
    /// answers and reply findings.
    public static func make(count: Int, units unitCount: Int = 100, seed: UInt64 = 2026) -> [HotlineCaseInput] {
        var random = Generator(state: seed)
        let units = (0..<max(unitCount, 1)).map { String(format: "单位%03d", $0) }
        // A valid date: the force unwrap cannot fail.
        let august = LocalDate(year: 2026, month: 8, day: 25)!.chinaDate()
        let answers: [HotlineSatisfaction?] = [nil, .verySatisfied, .satisfied, .satisfied, .basicallySatisfied,
                                               .satisfied, .verySatisfied, .satisfied, .satisfied, .dissatisfied]
        // Valid counts: the initialiser throws only for negative numbers.
        let flagged = try! HotlineCaseFlags(thinReply: 1, shirked: 1)
        var cases: [HotlineCaseInput] = []
        cases.reserveCapacity(count)
        for index in 0..<count {
            let assigned = august.addingTimeInterval(TimeInterval(random.next(68 * 86_400 / 60) * 60))
            let roll = random.next(100)
            let signed: Date? = roll < 2 ? nil
                : assigned.addingTimeInterval(TimeInterval(roll < 12 ? random.next(3 * 86_400) : random.next(3 * 3600)))
            let due = assigned.addingTimeInterval(7 * 86_400)
            let closeRoll = random.next(100)
            let closed: Date? = closeRoll < 5 ? nil
                : assigned.addingTimeInterval(TimeInterval(closeRoll < 10 ? 8 * 86_400 : random.next(6 * 86_400)))
            var returns: [HotlineReturn] = []
            if random.next(100) < 3 {
                returns = [HotlineReturn(at: assigned.addingTimeInterval(TimeInterval(random.next(3 * 86_400))))]
            }
            var extensions: [HotlineExtension] = []
            if random.next(100) < 5 {
                for step in 0...random.next(3) {
                    let previous = due.addingTimeInterval(TimeInterval(step) * 86_400)
                    extensions.append(HotlineExtension(
                        requestedAt: previous.addingTimeInterval(-TimeInterval(random.next(3 * 86_400))),
                        previousDueAt: previous, newDueAt: previous.addingTimeInterval(86_400)))
                }
            }
            cases.append(HotlineCaseInput(
                id: "C\(index)", unit: units[random.next(units.count)], assignedAt: assigned, signedAt: signed,
                dueAt: extensions.last?.newDueAt ?? due, closedAt: closed, returns: returns, extensions: extensions,
                satisfaction: answers[random.next(answers.count)], excludedFromRate: random.next(100) < 2,
                evaluatorDissatisfied: random.next(100) < 1, flags: random.next(100) < 1 ? flagged : .noFindings))
        }
        return cases
    }
}
