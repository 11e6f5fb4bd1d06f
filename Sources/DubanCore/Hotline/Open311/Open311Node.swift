/// The neutral tree both renderers walk: every GeoReport document is built once as a tree and
/// written as JSON or XML from it, so the two formats cannot drift apart.
indirect enum Open311Node {
    /// A named member of an object.
    struct Field {
        let name: String
        let value: Open311Node

        /// A member `name` holding `value`.
        static func field(_ name: String, _ value: Open311Node) -> Field {
            Field(name: name, value: value)
        }
    }

    /// Text; nil is JSON `null` and an empty XML element.
    case text(String?)
    /// A numeric literal, already formatted; nil as for text.
    case number(String?)
    /// `true` / `false`; nil as for text.
    case boolean(Bool?)
    /// An object: JSON `{…}`; XML child elements in order.
    case object([Field])
    /// A list: JSON `[…]`; XML one `<item>` element per entry.
    case list(item: String, [Open311Node])
}
