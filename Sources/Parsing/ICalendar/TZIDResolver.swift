import Foundation

/// Maps a TZID that is not an IANA name to one, where the file or common usage says which.
struct TZIDResolver {
    /// X-LIC-LOCATION (or a similar IANA hint) of each VTIMEZONE, by its TZID.
    var locations: [String: String] = [:]

    /// Windows and legacy names seen in Outlook/Exchange exports.
    private static let aliases: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "Pacific Standard Time": "America/Los_Angeles",
        "US-Eastern": "America/New_York",
        "US-Central": "America/Chicago",
        "US-Mountain": "America/Denver",
        "US-Pacific": "America/Los_Angeles",
        "Western/Central Europe": "Europe/Berlin",
        "Z": "UTC",
    ]

    static func isKnown(_ tzid: String) -> Bool { TimeZone(identifier: tzid) != nil }

    /// An IANA name for `tzid`, or nil when none can be told.
    func resolve(_ tzid: String) -> String? {
        if Self.isKnown(tzid) { return tzid }
        if let location = locations[tzid], Self.isKnown(location) { return location }
        if let alias = Self.aliases[tzid] { return alias }
        // Globally unique TZIDs such as `/mozilla.org/20050126_1/Europe/Berlin` end in a name.
        let parts = tzid.split(separator: "/").map(String.init)
        for length in [3, 2] where parts.count > length {
            let candidate = parts.suffix(length).joined(separator: "/")
            if Self.isKnown(candidate) { return candidate }
        }
        return nil
    }
}
