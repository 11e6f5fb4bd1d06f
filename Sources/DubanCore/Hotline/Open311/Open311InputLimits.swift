/// Size limits applied to POSTed service requests. Only the description limit comes from
/// GeoReport v2; the others are Duban defaults that bound what one anonymous request can store.
public struct Open311InputLimits: Hashable, Sendable {
    /// Longest `description`, in Unicode scalars. GeoReport v2 POST Service Request: "free form text
    /// limited to 4,000 characters". Also the limit for one attribute value (a `text` attribute).
    public var descriptionMaxLength: Int
    /// Longest value of every other text field (names, phone, email, ids, address, codes).
    /// Duban default 200.
    public var fieldMaxLength: Int
    /// Longest `media_url`. Duban default 2,048, the URL length every browser and proxy supports.
    public var mediaURLMaxLength: Int
    /// Most distinct `attribute[…]` codes in one request. Duban default 100.
    public var maximumAttributes: Int
    /// Most values of one attribute (a `multivaluelist`). Duban default 50.
    public var maximumValuesPerAttribute: Int

    /// The limits documented above.
    public static let `default` = Open311InputLimits()

    /// Each parameter sets the property of the same name; the defaults are those documented above.
    public init(descriptionMaxLength: Int = 4000, fieldMaxLength: Int = 200, mediaURLMaxLength: Int = 2048,
                maximumAttributes: Int = 100, maximumValuesPerAttribute: Int = 50) {
        self.descriptionMaxLength = descriptionMaxLength
        self.fieldMaxLength = fieldMaxLength
        self.mediaURLMaxLength = mediaURLMaxLength
        self.maximumAttributes = maximumAttributes
        self.maximumValuesPerAttribute = maximumValuesPerAttribute
    }
}
