import FeedModel
import Federation
import Foundation
import Merging

// Merge benchmark: generates N events from 100 sources (a fifth of them re-posted by one or two
// other sources with reworded titles, other time forms and shortened addresses), merges them
// once to warm up and then `runs` times, and prints one JSON line: events in, events out, the
// best merge time, and the process's peak resident memory. One size per process, so the peak
// belongs to that size alone. Usage: MergeBench EVENTS [RUNS] [--dump FILE]

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ list: [T]) -> T { list[Int(next() % UInt64(list.count))] }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let topics = [
    "Repair-Café", "Open-Data-Stammtisch", "Netzwerktreffen", "Kreativ-Coding", "3D-Druck", "Lötkurs",
    "Smart Home", "Klimadaten", "Mapping-Party", "Wikipedia-Schreibwerkstatt", "Podcast-Werkstatt",
    "Bürgerdialog", "Zukunftswerkstatt", "Datenspaziergang", "Fotowalk", "Balkonkraftwerk", "Freifunk",
    "LoRaWAN", "Sensorbau", "Hackathon", "Barcamp", "Lesung", "Filmabend", "Sprechstunde", "Nähcafé",
]
let details = [
    "für Kinder", "für Senior:innen", "für Vereine", "für Einsteiger:innen", "mit Expert:innen", "im Quartier",
    "in der Innenstadt", "für Schulen", "mit Praxisbeispielen", "zum Mitmachen", "für Familien", "am Abend",
    "für Fortgeschrittene", "mit Stadtverwaltung", "und Austausch", "Teil 1", "Teil 2", "Spezial", "kompakt",
]
let extras = ["Energie", "Mobilität", "Wald", "Wasser", "Daten", "Kultur", "Nachbarschaft", "Schule", "Handwerk"]
let streets = ["Markt", "Neumarkt", "Bahnhofstraße", "Hauptstraße", "Kirchplatz", "Rathausplatz", "Ringstraße"]

let arguments = CommandLine.arguments
let count = Int(arguments.count > 1 ? arguments[1] : "10000") ?? 10000
let runs = Int(arguments.count > 2 ? arguments[2] : "3") ?? 3
let berlin = TimeZone(identifier: "Europe/Berlin")!
let seen = Date(timeIntervalSince1970: 1_790_000_000)
let cities = (0..<40).map { "Stadt\(Character(UnicodeScalar(65 + $0 % 26)!))\($0)" }

var g = Generator(state: 2026)
var items: [SourcedItem<Event>] = []
items.reserveCapacity(count)
var serial = 0
while items.count < count {
    let source = g.below(100)
    let city = cities[source % cities.count]
    let day = CivilDate(dayNumber: CivilDate(year: 2027, month: 1, day: 1).dayNumber + g.below(365))
    let hour = 9 + g.below(11)
    let start = CivilDateTime(date: day, hour: hour, minute: g.pick([0, 0, 15, 30]), second: 0)
    let title = "\(g.pick(topics)) \(g.pick(details)): \(g.pick(extras)) \(g.pick(extras))"
    let location = "Lab \(city), \(g.pick(streets)) \(1 + g.below(40)), \(10000 + source * 37) \(city)"
    serial += 1
    func item(_ src: Int, _ uid: String, _ title: String, _ time: EventTime, _ location: String) -> SourcedItem<Event> {
        SourcedItem(
            ref: SourceItemRef(member: "m\(src)", source: "s\(src)", uid: uid),
            payload: Event(
                uid: uid, title: title, url: "https://s\(src).example/e/\(uid)", location: location, start: time,
                categories: ["Bench"]),
            rank: src, memberCity: cities[src % cities.count], firstSeen: seen, lastChanged: seen)
    }
    items.append(item(source, "e\(serial)", title, .zoned(start, tzid: "Europe/Berlin"), location))
    // A fifth are re-posted by one or two other sources, reworded, in UTC, with a shorter address.
    if g.below(5) == 0 {
        for _ in 0..<(1 + g.below(2)) where items.count < count {
            let other = (source + 1 + g.below(99)) % 100
            let reworded =
                g.below(2) == 0 ? title.uppercased() : "\(city): " + title.replacingOccurrences(of: ":", with: " –")
            let utc = EventTime.utc(CivilDateTime(start.instant(in: berlin), in: TimeZone(identifier: "UTC")!))
            serial += 1
            items.append(item(other, "r\(serial)", reworded, utc, "\(g.pick(streets)), \(city)"))
        }
    }
}

if let dump = arguments.firstIndex(of: "--dump").map({ arguments[$0 + 1] }) {
    // The same events as JSON lines, for peers measured on identical input.
    var out = ""
    for item in items {
        let e = item.payload
        let object: [String: Any] = [
            "source": item.ref.source, "uid": e.uid, "title": e.title, "location": e.location ?? "",
            "start": Int(e.start.instant(hub: berlin).timeIntervalSince1970), "url": e.url ?? "",
        ]
        out += String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        out += "\n"
    }
    try out.write(toFile: dump, atomically: true, encoding: .utf8)
}

let merger = EventMerger(hubID: "bench", hubZone: berlin, settings: DedupSettings(), memberCities: cities)
let now = Date(timeIntervalSince1970: 1_795_262_400)
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// FNV-1a over every cluster (UID and item keys), every published event's UID, title, content hash
/// and sources, and the number of joins: equal digests mean a change to the merger left its output
/// as it was. The near misses (what `labnetz explain` reports) are counted apart.
func digest(_ result: EventMergeResult) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        h ^= 0xFF
        h = h &* 0x100_0000_01b3
    }
    for (uid, group) in result.clusters {
        mix(uid)
        for i in group { mix(result.trace.itemKeys[i]) }
    }
    for event in result.events {
        mix(event.uid)
        mix(event.event.title)
        mix(event.contentHash)
        for ref in event.sources { mix(ref.key) }
    }
    mix("\(result.trace.joins.count)")
    return String(h, radix: 16)
}

var best = Double.infinity
var bestCPU = Double.infinity
var merged = 0
var checksum = ""
var nearMisses = 0
for run in 0...runs {
    let clock = ContinuousClock()
    var result: EventMergeResult?
    let cpuBefore = cpuSeconds()
    let elapsed = clock.measure { result = merger.merge(items, now: now) }
    let cpu = cpuSeconds() - cpuBefore
    merged = result?.events.count ?? 0
    if run == 0, let result {
        checksum = digest(result)
        nearMisses = result.trace.nearMisses.count
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if run > 0 {  // run 0 warms up
        best = min(best, seconds)
        bestCPU = min(bestCPU, cpu)
    }
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(
    "{\"events\": \(items.count), \"merged\": \(merged), \"seconds\": \(String(format: "%.4f", best)), "
        + "\"cpuSeconds\": \(String(format: "%.4f", bestCPU)), "
        + "\"peakMB\": \(String(format: "%.1f", Double(usage.ru_maxrss) / 1024)), \"digest\": \"\(checksum)\", "
        + "\"nearMisses\": \(nearMisses)}")
