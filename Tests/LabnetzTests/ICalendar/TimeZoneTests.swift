import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite("iCalendar time zones")
struct TimeZoneTests {
    /// `start` of every occurrence that `inspect --json` prints for `file` in 2025.
    private func starts(_ file: String, uid: String? = nil) throws -> [String] {
        let json = try ICSFixture.inspect(
            try ICSFixture.raw(file),
            window: InspectWindow(
                from: CivilDate(year: 2025, month: 1, day: 1), to: CivilDate(year: 2025, month: 12, day: 31)))
        let rows = try #require(json["occurrences"] as? [[String: Any]])
        return rows.filter { uid == nil || $0["uid"] as? String == uid }.compactMap { $0["start"] as? String }
    }

    @Test func outlookWindowsZoneNamesMapToTheirIANAZone() throws {
        let raw = try ICSFixture.raw("outlook_windows_zone.ics")
        #expect(raw.warnings.allSatisfy { !$0.description.contains("unknown TZID") }, "\(raw.warnings)")
        #expect(raw.events.compactMap { $0.dtstart?.tzidIfZoned } == Array(repeating: "Europe/Berlin", count: 3))
        #expect(
            try starts("outlook_windows_zone.ics") == [
                "2025-03-24T18:00:00+01:00", "2025-03-31T18:00:00+02:00", "2025-04-07T18:00:00+02:00",
                "2025-07-04T15:00:00+02:00", "2025-12-03T19:00:00+01:00",
            ])
    }

    @Test(arguments: [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("w. europe standard time", "Europe/Berlin"),
        ("W. Europe Daylight Time", "Europe/Berlin"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Eastern Standard Time", "America/New_York"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
        ("(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna", "Europe/Berlin"),
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
    ])
    func windowsNames(name: String, iana: String) {
        #expect(TZIDResolver.windowsIANA(name) == iana)
    }

    @Test func unknownNamesAreNotGuessed() {
        #expect(TZIDResolver.windowsIANA("Customized Time Zone") == nil)
        #expect(TZIDResolver().resolve("Customized Time Zone") == .unknown)
    }

    @Test func customVTimezoneIsAppliedByItsOwnRules() throws {
        // "Lab Island Time" switches to +03:30 on the first Sunday of May at 02:00; no IANA zone does.
        #expect(
            try starts("custom_vtimezone.ics", uid: "island@test") == [
                "2025-04-27T10:00:00+03:00", "2025-05-04T10:00:00+03:30", "2025-05-11T10:00:00+03:30",
            ])
        #expect(
            try starts("custom_vtimezone.ics", uid: "custom-berlin@test") == [
                "2025-03-24T18:00:00+01:00", "2025-03-31T18:00:00+02:00", "2025-04-07T18:00:00+02:00",
            ])
    }

    @Test func storedEventsGetAnIANAZoneOrTheHubZone() throws {
        let result = CalendarAdapter.normalize(try ICSFixture.raw("custom_vtimezone.ics"), hubZone: ICSFixture.berlin)
        let byUID = Dictionary(uniqueKeysWithValues: result.events.map { ($0.uid, $0) })
        let berlinLike = try #require(byUID["custom-berlin@test"])
        #expect(
            berlinLike.start == .zoned(.init(year: 2025, month: 3, day: 24, hour: 18, minute: 0), tzid: "Europe/Berlin")
        )
        let island = try #require(byUID["island@test"])
        // 10:00 at +03:00 is 08:00 in Berlin (CEST); the instant is kept.
        #expect(island.start == .zoned(.init(year: 2025, month: 4, day: 27, hour: 9, minute: 0), tzid: "Europe/Berlin"))
        #expect(result.warnings.contains { $0.description.contains("Lab Island Time") })
    }

    @Test func gapMovesForwardAndOverlapTakesTheFirstOccurrence() throws {
        let berlin = ZoneBook(hub: ICSFixture.utc).rules(
            for: .zoned(.init(year: 2025, month: 1, day: 1, hour: 0, minute: 0), tzid: "Europe/Berlin"))
        let custom = try #require(ICSFixture.raw("custom_vtimezone.ics").zones["Customized Time Zone"])
        for rules in [berlin, custom] {
            // 02:30 on 30 March 2025 does not exist: it is read as 03:30 CEST (01:30 UTC).
            let gap = CivilDateTime(year: 2025, month: 3, day: 30, hour: 2, minute: 30).secondsSince1970
            #expect(
                rules.utcSeconds(forLocal: gap)
                    == CivilDateTime(year: 2025, month: 3, day: 30, hour: 1, minute: 30).secondsSince1970)
            // 02:30 on 26 October 2025 happens twice: the first one, still CEST (00:30 UTC).
            let overlap = CivilDateTime(year: 2025, month: 10, day: 26, hour: 2, minute: 30).secondsSince1970
            #expect(
                rules.utcSeconds(forLocal: overlap)
                    == CivilDateTime(year: 2025, month: 10, day: 26, hour: 0, minute: 30).secondsSince1970)
        }
    }

    @Test(arguments: [
        "Europe/Berlin", "America/New_York", "Pacific/Chatham", "Australia/Lord_Howe", "Europe/Moscow",
        "Pacific/Kiritimati", "America/Sao_Paulo", "Asia/Kolkata",
    ])
    func transitionTablesAgreeWithFoundation(zone identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        let rules = ZoneRules(zone, years: 1900...2100)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Instants between 1950 and 2060.
            let seconds = -631_152_000 + Int(state >> 33) % 3_471_292_800
            let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(rules.offset(atUTC: seconds) == expected, "\(identifier) at \(seconds)")
            // And back: a wall-clock time that exists once maps to its instant.
            let local = seconds + expected
            let back = rules.utcSeconds(forLocal: local)
            #expect(back + rules.offset(atUTC: back) == local || back == seconds)
        }
    }

    @Test func exdatesInOtherZonesRemoveTheSameInstant() throws {
        #expect(
            try starts("exdate_other_zone.ics") == ["2025-05-05T18:00:00+02:00", "2025-05-26T18:00:00+02:00"])
    }

    @Test func movedInstanceWithUTCRecurrenceIDAppearsOnce() throws {
        #expect(
            try starts("moved_instance_utc_rid.ics") == [
                "2025-05-05T18:00:00+02:00", "2025-05-14T16:00:00+00:00", "2025-05-19T18:00:00+02:00",
            ])
    }

    @Test func thisAndFutureMovesEveryLaterInstance() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("this_and_future.ics"), from: ICSFixture.instant(2025, 6, 1),
            to: ICSFixture.instant(2025, 7, 31))
        #expect(
            occ.map { ICSFixture.local($0.start, in: ICSFixture.berlin) } == [
                "2025-06-02T17:00+02:00", "2025-06-09T17:00+02:00", "2025-06-16T19:00+02:00",
                "2025-06-23T19:00+02:00", "2025-06-30T19:00+02:00",
            ])
        #expect(occ.map(\.event.title).suffix(3) == Array(repeating: "Lauftreff (neue Zeit)", count: 3))
        #expect(occ.last.flatMap(\.end).map { ICSFixture.local($0, in: ICSFixture.berlin) } == "2025-06-30T20:30+02:00")
        #expect(ICSFixture.local(occ[3].recurrenceID, in: ICSFixture.berlin) == "2025-06-23T17:00+02:00")
    }
}
