import FeedModel
import Federation
import Foundation
import Parsing
import Storage

extension HubSync {
    /// One source: skip it when not due, otherwise load, parse, judge and store it in one transaction.
    /// Content that did not change is not written here: the returned `unchanged` fetch is for the
    /// caller to record together with others (`HubStore.recordUnchanged(_:now:)`).
    func sync(
        _ source: SourceSettings, of member: Member, previous: SourceRecord?, loader: SourceLoader, now: Date,
        force: Bool, accepted: Bool,
        progress: @escaping @Sendable (SyncProgress) -> Void
    ) async throws -> (result: SourceSyncResult, unchanged: UnchangedFetch?) {
        let identity = SourceIdentity(id: source.id, member: member.id, url: source.url, role: source.role.rawValue)
        var result = SourceSyncResult(
            member: member.id, source: source.id, url: source.url, state: .failed, message: "",
            itemCount: previous?.itemCount ?? 0, warnings: [])
        // Items read by an older parser are re-read, or a parser fix would wait for the feed to change.
        let parserChanged = previous.map { $0.parserVersion != DocumentParser.version } ?? false
        if let previous, !force, !accepted, !parserChanged, previous.url == source.url,
            let due = previous.nextDue, due > now + policy.dueTolerance.timeInterval
        {
            result.state = previous.state
            result.skipped = true
            result.nextDue = due
            result.httpStatus = previous.httpStatus
            result.movedTo = previous.movedTo
            result.message =
                "not due until \(FeedDate.rfc3339(due))" + (previous.lastError.map { "; last error: \($0)" } ?? "")
            return (result, nil)
        }
        progress(.started(member: member.id, source: source.id))
        let reread = force || accepted || parserChanged
        // The outcome's lease keeps its body counted against the fetch backlog until it is stored.
        let (memberID, sourceID) = (member.id, source.id)
        let outcome = await loader.load(
            source, previous: previous, force: reread, now: now,
            started: { progress(.fetching(member: memberID, source: sourceID)) },
            ended: { progress(.reading(member: memberID, source: sourceID)) })
        let unchanged = try settle(
            outcome, of: source, identity: identity, previous: previous, now: now, accepted: accepted, into: &result)
        return (result, unchanged)
    }

    /// Records what loading a source gave: a failure, or a body to parse and store. Unchanged content
    /// is returned for the caller to record in a batch.
    private func settle(
        _ outcome: SourceLoader.Outcome, of source: SourceSettings, identity: SourceIdentity, previous: SourceRecord?,
        now: Date, accepted: Bool, into result: inout SourceSyncResult
    ) throws -> UnchangedFetch? {
        switch outcome {
        case .failed(let failure):
            let failures = (previous?.failureCount ?? 0) + 1
            var delay = policy.backoff(failures: failures).timeInterval
            if let retryAfter = failure.retryAfter { delay = max(delay, min(retryAfter, policy.hintCap.timeInterval)) }
            let schedule = SourceSchedule(nextDue: now + delay, movedTo: failure.movedTo)
            result.state = failure.isGone ? .broken : .failed
            try store.recordFailure(
                identity, error: failure.message, httpStatus: failure.httpStatus, state: result.state,
                schedule: schedule, now: now)
            result.message = failure.message + keptNote(previous)
            result.httpStatus = failure.httpStatus
            result.nextDue = schedule.nextDue
        case .unchanged(let meta):
            let schedule = schedule(meta, now: now)
            result.state = .unchanged
            result.httpStatus = meta.httpStatus
            result.movedTo = meta.movedTo
            result.nextDue = schedule.nextDue
            result.message =
                "unchanged (\(meta.httpStatus == 304 ? "HTTP 304" : "same content")), \(result.itemCount) items"
            return UnchangedFetch(
                source: identity, httpStatus: meta.httpStatus, validators: meta.validators, schedule: schedule)
        case .body(let data, let meta):
            result.httpStatus = meta.httpStatus
            result.movedTo = meta.movedTo
            let parsed = DocumentParser.parse(
                data, baseURL: meta.baseURL, contentType: meta.contentType, hubZone: config.hub.timeZone)
            switch parsed {
            case .failure(let failure):
                let reason = "cannot parse \(source.url): \(failure)"
                let failures = (previous?.failureCount ?? 0) + 1
                let schedule = SourceSchedule(
                    nextDue: now + policy.backoff(failures: failures).timeInterval, movedTo: meta.movedTo)
                try store.recordFailure(
                    identity, error: reason, httpStatus: meta.httpStatus, schedule: schedule, now: now)
                result.message = reason + keptNote(previous)
                result.nextDue = schedule.nextDue
            case .success(let document):
                try store(
                    document, of: identity, meta: meta, previous: previous, accepted: accepted, now: now,
                    into: &result)
            }
        }
        return nil
    }

    /// Stores parsed content, or holds it back when it looks like an accident and was not accepted.
    private func store(
        _ document: ParseResult, of identity: SourceIdentity, meta: SourceLoader.LoadedMeta, previous: SourceRecord?,
        accepted: Bool, now: Date, into result: inout SourceSyncResult
    ) throws {
        let schedule = schedule(meta, now: now)
        let itemCount = document.events.count + document.articles.count
        if !accepted, let previous, previous.itemCount > 0 {
            let guardRule = ContentGuard(maxFutureEventLoss: policy.maxFutureEventLoss, hubZone: config.hub.timeZone)
            let stored = try store.events(sourceIDs: [identity.id]).map(\.payload)
            if let reason = guardRule.holdReason(
                storedEvents: stored, storedItemCount: previous.itemCount, newEvents: document.events,
                newItemCount: itemCount, now: now)
            {
                let held =
                    "held: \(reason); keeping the last \(previous.itemCount) good items "
                    + "(run `labnetz sync --accept \(identity.id)` if the change is right)"
                // Due again at once: the next sync looks at the content afresh.
                try store.recordHeld(
                    identity, reason: held, httpStatus: meta.httpStatus,
                    schedule: SourceSchedule(movedTo: meta.movedTo), now: now)
                result.state = .held
                result.message = held
                logger.warning("\(identity.id): \(held)")
                return
            }
        }
        let warnings = document.warnings.map(\.description)
        try store.recordSuccess(
            identity, events: document.events, articles: document.articles, format: document.version,
            warnings: warnings, httpStatus: meta.httpStatus, validators: meta.validators,
            parserVersion: DocumentParser.version, schedule: schedule, now: now)
        result.state = .ok
        result.itemCount = itemCount
        result.warnings = warnings
        result.nextDue = schedule.nextDue
        var parts = ["\(document.version)"]
        if !document.events.isEmpty { parts.append("\(document.events.count) events") }
        if !document.articles.isEmpty { parts.append("\(document.articles.count) articles") }
        if itemCount == 0 { parts.append("no items") }
        if !warnings.isEmpty { parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        if accepted { parts.append("accepted by the coordinator") }
        result.message = parts.joined(separator: ", ")
        for warning in warnings { logger.warning("\(identity.id): \(warning)") }
    }

    /// Next due time from the server's freshness hints, clamped by the policy; nil when there are none.
    private func schedule(_ meta: SourceLoader.LoadedMeta, now: Date) -> SourceSchedule {
        let fresh = meta.freshFor.map { min($0, policy.hintCap.timeInterval) }
        return SourceSchedule(nextDue: fresh.map { now + $0 }, movedTo: meta.movedTo)
    }

    private func keptNote(_ previous: SourceRecord?) -> String {
        guard let previous, previous.itemCount > 0 else { return "" }
        return "; keeping the last \(previous.itemCount) good items"
    }
}

extension Duration {
    /// Seconds as a floating-point interval, for `Date` arithmetic.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
