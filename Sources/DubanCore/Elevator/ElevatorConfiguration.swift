/// 电梯规则默认参数 — the numbers the seed and SPEC do not give. Each is a documented default an
/// administrator may change; none is law. The legal numbers are ``ElevatorLimits``.
public struct ElevatorConfiguration: Hashable, Codable, Sendable {
    /// Maintenance is "due soon" from this many days before it is due. Default 3: a fifth of the
    /// 15-day cycle, enough to book a visit.
    public var maintenanceWarningDays: Int
    /// The inspection application is "due soon" from this many days before it is due. Default 15:
    /// half a month ahead of the 1-month application deadline.
    public var inspectionWarningDays: Int
    /// Rescue dispatch: a maintenance unit that has not acknowledged the call within this many
    /// minutes is passed over for the next step. Default 5: the seed requires the emergency phone to
    /// be answered around the clock ("应急救援电话全天候有效应答"), so a call not taken within minutes is
    /// a failed response.
    public var rescueAcknowledgeMinutes: Int
    /// Rescue dispatch: a maintenance unit that has acknowledged but is not on site within this many
    /// minutes of its dispatch is passed over. Default 30, the seed's arrival limit for the
    /// contracted unit (``ElevatorLimits/rescueArrivalMinutes``), applied to the second unit too.
    public var rescueArrivalMinutes: Int
    /// Drills: whether the half year in which a maintenance unit started is checked although the unit
    /// served only part of it. Default true: the seed says "每半年至少…一次" without exception.
    public var drillCountsFirstPartialHalfYear: Bool
    /// Rescue codes: digits of the sequence number before the check digit. Default 5, giving 6-digit
    /// codes for up to 99,999 elevators, as short as the 96333 platforms' codes; raise it for more.
    public var rescueCodeSerialDigits: Int

    /// The documented defaults.
    public static let standard = ElevatorConfiguration()

    public init(
        maintenanceWarningDays: Int = 3, inspectionWarningDays: Int = 15, rescueAcknowledgeMinutes: Int = 5,
        rescueArrivalMinutes: Int = 30, drillCountsFirstPartialHalfYear: Bool = true, rescueCodeSerialDigits: Int = 5
    ) {
        self.maintenanceWarningDays = maintenanceWarningDays
        self.inspectionWarningDays = inspectionWarningDays
        self.rescueAcknowledgeMinutes = rescueAcknowledgeMinutes
        self.rescueArrivalMinutes = rescueArrivalMinutes
        self.drillCountsFirstPartialHalfYear = drillCountsFirstPartialHalfYear
        self.rescueCodeSerialDigits = rescueCodeSerialDigits
    }

    /// Throws ``ElevatorError/invalidConfiguration(field:reason:)`` when a value is out of range;
    /// call it on configurations that come from administrators.
    public func validated() throws(ElevatorError) -> ElevatorConfiguration {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String) throws(ElevatorError) {
            guard range.contains(value) else {
                throw .invalidConfiguration(field: field, reason: "must be \(range.lowerBound)…\(range.upperBound), got \(value)")
            }
        }
        try check(maintenanceWarningDays, 0...14, "maintenanceWarningDays")
        try check(inspectionWarningDays, 0...365, "inspectionWarningDays")
        try check(rescueAcknowledgeMinutes, 1...60, "rescueAcknowledgeMinutes")
        try check(rescueArrivalMinutes, 1...240, "rescueArrivalMinutes")
        try check(rescueCodeSerialDigits, RescueCode.serialDigitRange, "rescueCodeSerialDigits")
        return self
    }
}
