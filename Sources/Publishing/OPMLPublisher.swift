import Foundation

/// Renders `sources.opml`: the hub's own feeds and every member's sources, for feed readers.
public enum OPMLPublisher {
    public static func render(_ input: PublishInput) -> String {
        let hub = input.hub
        let x = TextEscaping.xml
        var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        out += #"<opml version="2.0">"# + "\n"
        out += "  <head>\n    <title>\(x(hub.title))</title>\n"
        if let contact = hub.contact { out += "    <ownerEmail>\(x(contact))</ownerEmail>\n" }
        out += "  </head>\n  <body>\n"
        out += #"    <outline text="\#(x(hub.title))">"# + "\n"
        for (file, title, type) in [
            ("regional.ics", "Regionalkalender (iCalendar)", "link"), ("news.atom", "Neuigkeiten (Atom)", "rss"),
            ("news.rss", "Neuigkeiten (RSS)", "rss"), ("news.json", "Neuigkeiten (JSON Feed)", "rss"),
            ("regional.json", "Regionalkalender (JSON Feed)", "rss"),
        ] {
            out +=
                #"      <outline type="\#(type)" text="\#(x(title))" xmlUrl="\#(x(hub.baseURL + file))" htmlUrl="\#(x(hub.baseURL))"/>"#
            out += "\n"
        }
        out += "    </outline>\n"
        for member in input.config.members {
            out += #"    <outline text="\#(x(member.name))""#
            if let homepage = member.homepage { out += #" htmlUrl="\#(x(homepage))""# }
            out += ">\n"
            for source in member.sources {
                let text = source.title ?? "\(member.name): \(source.role == .events ? "Termine" : "Neuigkeiten")"
                // Local sample files are no use to a subscriber; only web sources get an xmlUrl.
                if case .http(let url) = source.location {
                    out += #"      <outline type="rss" text="\#(x(text))" xmlUrl="\#(x(url))""#
                } else {
                    out += #"      <outline type="text" text="\#(x(text))""#
                }
                if let homepage = member.homepage { out += #" htmlUrl="\#(x(homepage))""# }
                out += #" category="\#(source.role.rawValue)"/>"# + "\n"
            }
            out += "    </outline>\n"
        }
        out += "  </body>\n</opml>\n"
        return out
    }
}
