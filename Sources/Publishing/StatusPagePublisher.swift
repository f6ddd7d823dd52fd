import FeedModel
import Foundation
import Mustache
import Parsing
import Storage

/// Renders `status.html`: the same facts as `status.json` as a German page for the coordinator.
public enum StatusPagePublisher {
    public static func render(_ input: PublishInput) -> String {
        let zone = input.hub.timeZone
        // Most sources share their times (every success of a sync happened at its `now`), and a
        // calendar conversion per cell was the most expensive part of the page.
        var labels: [Date: String] = [:]
        func label(_ date: Date) -> String {
            if let known = labels[date] { return known }
            let local = CivilDateTime(date, in: zone)
            let d = local.date
            let text = "\(pad(d.day)).\(pad(d.month)).\(d.year), \(GermanDates.time(local)) Uhr"
            labels[date] = text
            return text
        }
        let memberNames = Dictionary(input.config.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var attention = 0
        var rows = ""
        rows.reserveCapacity(input.sources.count * 400)
        for record in input.sources {
            if record.state.needsAttention { attention += 1 }
            let row = StatusPageTemplate.Row(
                cssClass: cssClass(record.state), member: memberNames[record.member] ?? record.member,
                source: record.id, url: record.url,
                isWeb: record.url.hasPrefix("http://") || record.url.hasPrefix("https://"),
                stateLabel: stateLabel(record.state), lastSuccess: record.lastSuccess.map(label) ?? "noch nie",
                httpStatus: record.httpStatus.map(String.init) ?? "–", itemCount: record.itemCount,
                nextDue: record.nextDue.map { $0 > input.now ? label($0) : "beim nächsten Lauf" }
                    ?? "beim nächsten Lauf",
                problem: problem(record))
            StatusPageTemplate.append(row, to: &rows)
        }
        let count = input.sources.count
        var context: [String: Any] = [
            "title": input.hub.title, "rows": rows,
            "summary": attention == 0
                ? "Alle \(count) Quellen sind in Ordnung."
                : "\(attention) von \(count) Quellen brauchen Aufmerksamkeit.",
        ]
        if let last = input.sources.compactMap(\.lastAttempt).max() {
            context["lastSync"] = ["iso": FeedDate.rfc3339(last), "label": label(last)]
        }
        guard let template = Self.template else { return "" }
        return template.render(context)
    }

    private static let template = try? MustacheTemplate(string: StatusPageTemplate.page)

    /// What the coordinator should know about a source, in one cell; "–" when nothing.
    static func problem(_ record: SourceRecord) -> String {
        var problem = GermanProblemText.cause(of: record) ?? ""
        if let movedTo = record.movedTo {
            problem +=
                (problem.isEmpty ? "" : " ") + "Dauerhaft umgezogen nach \(movedTo): bitte federation.json anpassen."
        }
        if problem.isEmpty, !record.warnings.isEmpty {
            let more = record.warnings.count > 3 ? " (und \(record.warnings.count - 3) weitere)" : ""
            problem = "Warnungen: " + record.warnings.prefix(3).joined(separator: "; ") + more
        }
        return problem.isEmpty ? "–" : problem
    }

    static func stateLabel(_ state: SourceState) -> String {
        switch state {
        case .new: "neu, noch nicht abgerufen"
        case .ok: "in Ordnung"
        case .unchanged: "in Ordnung (unverändert)"
        case .failed: "Fehler, letzte gute Einträge bleiben"
        case .broken: "nicht mehr gefunden (404/410), letzte gute Einträge bleiben"
        case .held: "zurückgehalten, wartet auf Bestätigung"
        }
    }

    static func cssClass(_ state: SourceState) -> String {
        switch state {
        case .new, .ok, .unchanged: "state-ok"
        case .held: "state-warn"
        case .failed, .broken: "state-bad"
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
