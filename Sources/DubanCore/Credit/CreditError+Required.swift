import Foundation

extension CreditError {
    /// `text` without surrounding white space; throws ``required(field:)`` when nothing is left.
    static func requireText(_ text: String?, field: String) throws(CreditError) -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .required(field: field) }
        return trimmed
    }
}
