import Foundation

/// Choices for ``XLSXWriter``. The defaults make the output depend on the cells alone: the same sheets give
/// the same bytes.
public struct XLSXWriteOptions: Sendable, Hashable {
    /// 1980-01-01 00:00:00 UTC, the earliest time a ZIP entry can carry (MS-DOS date epoch).
    public static let zipEpoch = Date(timeIntervalSince1970: 315_532_800)

    /// The modification time stamped on every ZIP entry (ZIP keeps it to 2 seconds, read as UTC by
    /// ZIPFoundation). Default ``zipEpoch``; pass the export's time to stamp it — never the wall clock
    /// implicitly.
    public var modificationDate: Date
    /// What replaces a character XML 1.0 cannot carry (controls U+0000–U+001F other than tab, line feed and
    /// carriage return, and U+FFFE/U+FFFF). Default `""`: such characters are dropped. They only arrive by
    /// copy-paste accidents (a vertical tab from Word) and neither Excel nor LibreOffice can show them.
    public var illegalCharacterReplacement: String

    public init(modificationDate: Date = XLSXWriteOptions.zipEpoch, illegalCharacterReplacement: String = "") {
        self.modificationDate = modificationDate
        self.illegalCharacterReplacement = illegalCharacterReplacement
    }
}
