import FeedModel
import Foundation

/// Tells what zone a TZID means: an IANA zone, a calendar's own VTIMEZONE, or nothing known.
struct TZIDResolver {
    /// X-LIC-LOCATION (or a similar IANA hint) of each VTIMEZONE, by its TZID.
    var locations: [String: String] = [:]
    /// The STANDARD/DAYLIGHT blocks of each VTIMEZONE, by its TZID.
    var definitions: [String: [ZoneObservance]] = [:]

    enum Resolution: Equatable {
        case iana(String)
        case custom(ZoneRules)
        case unknown
    }

    /// Legacy names that no table lists, seen in old exports without a VTIMEZONE.
    private static let aliases: [String: String] = [
        "US-Eastern": "America/New_York",
        "US-Central": "America/Chicago",
        "US-Mountain": "America/Denver",
        "US-Pacific": "America/Los_Angeles",
        "Western/Central Europe": "Europe/Berlin",
        "Z": "UTC",
    ]

    static func isKnown(_ tzid: String) -> Bool { TimeZone(identifier: tzid) != nil }

    /// An IANA name when the TZID is one or names one (Windows names, X-LIC-LOCATION,
    /// `/mozilla.org/…/Europe/Berlin`); else the file's own VTIMEZONE rules; else unknown.
    func resolve(_ tzid: String) -> Resolution {
        let trimmed = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t"))
        if Self.isKnown(trimmed) { return .iana(trimmed) }
        if let iana = Self.windowsIANA(trimmed) { return .iana(iana) }
        if let location = locations[tzid], Self.isKnown(location) { return .iana(location) }
        // Globally unique TZIDs such as `/mozilla.org/20050126_1/Europe/Berlin` end in a name.
        let parts = trimmed.split(separator: "/").map(String.init)
        for length in [3, 2] where parts.count >= length {
            let candidate = parts.suffix(length).joined(separator: "/")
            if Self.isKnown(candidate) { return .iana(candidate) }
        }
        if let observances = definitions[tzid], let rules = ZoneRules(observances: observances) {
            return .custom(rules)
        }
        if let alias = Self.aliases[trimmed] { return .iana(alias) }
        return .unknown
    }

    /// The IANA zone of a Windows zone name or display name, as Outlook writes them:
    /// `W. Europe Standard Time`, `(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna`,
    /// the older `(GMT+01.00) Amsterdam / Berlin / …`, any letter case.
    static func windowsIANA(_ name: String) -> String? {
        let key = name.lowercased()
        if let windows = windowsNames[key] { return WindowsZones.ianaByWindowsName[windows] }
        // `W. Europe Daylight Time`, `… Standard Time 1`: the same zone.
        var simplified = key.replacingOccurrences(of: " daylight time", with: " standard time")
        while let last = simplified.last, last.isNumber || last == " " { simplified.removeLast() }
        if let windows = windowsNames[simplified] { return WindowsZones.ianaByWindowsName[windows] }
        guard key.hasPrefix("("), let close = key.firstIndex(of: ")") else { return nil }
        // An older or reworded display name: the entry that lists the most of the same places.
        let places = placeSet(key[key.index(after: close)...])
        guard !places.isEmpty else { return nil }
        var best: (count: Int, windows: String)?
        for (display, windows) in WindowsZones.windowsNameByDisplayName.sorted(by: { $0.key < $1.key }) {
            guard let c = display.firstIndex(of: ")") else { continue }
            let shared = places.intersection(placeSet(display.lowercased()[display.index(after: c)...])).count
            if shared > 0, shared > (best?.count ?? 0) { best = (shared, windows) }
        }
        return best.flatMap { WindowsZones.ianaByWindowsName[$0.windows] }
    }

    private static func placeSet(_ text: Substring) -> Set<String> {
        Set(
            text.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "&" }).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }.filter { !$0.isEmpty })
    }

    /// Windows names and display names, lower-cased, to the Windows name.
    private static let windowsNames: [String: String] = {
        var out: [String: String] = [:]
        for name in WindowsZones.ianaByWindowsName.keys { out[name.lowercased()] = name }
        for (display, name) in WindowsZones.windowsNameByDisplayName { out[display.lowercased()] = name }
        return out
    }()
}
