/// The result of applying an event: the item's new facts, the timeline entry, and the effects the
/// server must carry out.
public struct ItemTransition: Hashable, Sendable {
    /// The facts to store.
    public var facts: ItemFacts
    /// What happened.
    public var entry: ItemTimelineEntry
    /// What to do next, in order.
    public var effects: [ItemEffect]

    /// A transition.
    public init(facts: ItemFacts, entry: ItemTimelineEntry, effects: [ItemEffect]) {
        self.facts = facts
        self.entry = entry
        self.effects = effects
    }
}
