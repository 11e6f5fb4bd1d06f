import Foundation

/// Something the server must do after a transition, as a plain value; the core does none of it.
public enum ItemEffect: Hashable, Sendable {
    /// Start (or restart) watching a deadline. `rule` says how `due` was computed; nil when a
    /// person set it (the assigner's deadline, a listing's target date).
    case watchDeadline(ItemWatch, due: Date, rule: DeadlineRule?)
    /// Stop watching a deadline: it was met or no longer applies.
    case closeWatch(ItemWatch)
    /// Tell a unit what happened.
    case notifyUnit(String, about: ItemEventKind)
    /// Tell the supervisors (督查室), who decide extensions and suspensions.
    case notifySupervisors(about: ItemEventKind)
    /// Publish (or update) the public listing at this level (SPEC M3: "listing is public").
    case publishListing(ListingLevel)
    /// 销案 — take the public listing down; the item is closed or withdrawn.
    case endListing
}
