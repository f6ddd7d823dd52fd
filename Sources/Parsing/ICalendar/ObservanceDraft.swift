import FeedModel
import Foundation

/// A STANDARD or DAYLIGHT block of a VTIMEZONE while its lines are read.
struct ObservanceDraft {
    var isDaylight: Bool
    var start: CivilDateTime?
    var offsetFrom: Int?
    var offsetTo: Int?
    var rrules: [String] = []
    var rdates: [EventTime] = []
    var name: String?

    init(isDaylight: Bool) { self.isDaylight = isDaylight }

    mutating func read(_ line: ContentLine) {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        switch line.name {
        case "DTSTART": start = EventTime(iCalendar: value, tzid: nil)?.civil
        case "TZOFFSETFROM": offsetFrom = ZoneObservance.offset(value)
        case "TZOFFSETTO": offsetTo = ZoneObservance.offset(value)
        case "RRULE": if !value.isEmpty { rrules.append(value) }
        case "RDATE":
            for item in value.split(separator: ",") {
                // A PERIOD's start is the onset.
                let text = item.split(separator: "/").first.map(String.init) ?? ""
                if let t = EventTime(iCalendar: text, tzid: nil) { rdates.append(t) }
            }
        case "TZNAME": name = value
        default: break
        }
    }

    /// The observance, or nil when DTSTART or TZOFFSETTO is missing. A missing TZOFFSETFROM
    /// (some producers leave it out) is taken to be TZOFFSETTO.
    var observance: ZoneObservance? {
        guard let start, let offsetTo else { return nil }
        return ZoneObservance(
            isDaylight: isDaylight, start: start, offsetFrom: offsetFrom ?? offsetTo, offsetTo: offsetTo,
            rrules: rrules, rdates: rdates, name: name)
    }
}
