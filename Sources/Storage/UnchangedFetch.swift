/// A fetch that found nothing new (HTTP 304 or the same bytes), as `recordUnchanged` stores it.
public struct UnchangedFetch: Sendable, Hashable {
    public var source: SourceIdentity
    public var httpStatus: Int?
    public var validators: SourceValidators
    public var schedule: SourceSchedule

    public init(source: SourceIdentity, httpStatus: Int?, validators: SourceValidators, schedule: SourceSchedule) {
        self.source = source
        self.httpStatus = httpStatus
        self.validators = validators
        self.schedule = schedule
    }
}
