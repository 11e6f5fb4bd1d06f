/// 统一社会信用代码 — the unified social credit code of GB 32100-2015.
///
/// 18 characters: registration authority (1), organisation type (1), administrative division (6),
/// organisation code body (9) and a check character (1). Characters come from the 31-symbol set
/// of the standard (digits and capital letters without I, O, Z, S, V).
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// The 31 symbols of GB 32100-2015 Table 1, in the order of their numeric values 0…30.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Position weights W_i = 3^(i-1) mod 31 (GB 32100-2015 §5.2).
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Equatable, Sendable {
        case length(Int)
        case invalidCharacter(position: Int, character: Character)
        case checkDigit(expected: Character, found: Character)
    }

    /// Validates `text` (upper-cased, surrounding whitespace removed) and returns the code or the problem.
    public static func parse(_ text: String) -> Result<CreditCode, Problem> {
        let code = String(text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
        let chars = Array(code)
        guard chars.count == 18 else { return .failure(.length(chars.count)) }
        var sum = 0
        for (index, character) in chars.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else {
                return .failure(.invalidCharacter(position: index + 1, character: character))
            }
            if index < 17 { sum += value * weights[index] }
        }
        let expected = alphabet[(31 - sum % 31) % 31]
        guard chars[17] == expected else { return .failure(.checkDigit(expected: expected, found: chars[17])) }
        return .success(CreditCode(value: code))
    }

    /// The check character for the first 17 characters, or nil when one of them is not in the alphabet.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (index, character) in chars.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weights[index]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    private init(value: String) { self.value = value }

    public var description: String { value }
}

extension CreditCode.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .length(let count): "统一社会信用代码应为18位，实际为\(count)位"
        case .invalidCharacter(let position, let character): "第\(position)位字符“\(character)”不是合法字符"
        case .checkDigit(let expected, let found): "校验码错误：应为\(expected)，实际为\(found)"
        }
    }
}
