import FeedModel
import Foundation
import Testing

@testable import Parsing

@Suite("OccurrenceExpander")
struct OccurrenceExpanderTests {
    let berlin = ICSFixture.berlin

    private func starts(_ file: String, from: Date, to: Date) throws -> [String] {
        ICSFixture.expand(try ICSFixture.events(file), from: from, to: to).map {
            ICSFixture.local($0.start, in: berlin)
        }
    }

    @Test func weeklyKeepsLocalTimeAcrossDSTAndHonoursEXDATE() throws {
        let got = try starts(
            "weekly_exdate_dst.ics", from: ICSFixture.instant(2025, 1, 1), to: ICSFixture.instant(2026, 1, 1))
        #expect(got == ["2025-03-17T10:00+01:00", "2025-03-31T10:00+02:00", "2025-04-07T10:00+02:00"])
    }

    @Test func endsFollowTheirInstance() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("weekly_exdate_dst.ics"), from: ICSFixture.instant(2025, 1, 1),
            to: ICSFixture.instant(2026, 1, 1))
        #expect(occ.compactMap { $0.end.map { ICSFixture.local($0, in: berlin) } }.last == "2025-04-07T11:30+02:00")
    }

    @Test func monthlyFirstThursdaySixTimes() throws {
        let got = try starts(
            "monthly_first_thursday.ics", from: ICSFixture.instant(2024, 1, 1), to: ICSFixture.instant(2030, 1, 1))
        #expect(
            got == [
                "2025-01-02T18:30+01:00", "2025-02-06T18:30+01:00", "2025-03-06T18:30+01:00",
                "2025-04-03T18:30+02:00", "2025-05-01T18:30+02:00", "2025-06-05T18:30+02:00",
            ])
    }

    @Test func movedInstanceAppearsOnceAtItsNewTime() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("moved_instance.ics"), from: ICSFixture.instant(2025, 5, 1),
            to: ICSFixture.instant(2025, 6, 1))
        #expect(
            occ.map { ICSFixture.local($0.start, in: berlin) } == [
                "2025-05-05T18:00+02:00", "2025-05-13T14:00+02:00", "2025-05-19T18:00+02:00",
            ])
        #expect(occ[1].event.title == "Sprechstunde (verschoben)")
        #expect(ICSFixture.local(occ[1].recurrenceID, in: berlin) == "2025-05-12T18:00+02:00")
    }

    @Test func cancelledOverrideKeepsItsStatus() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("cancelled_instance.ics"), from: ICSFixture.instant(2025, 6, 1),
            to: ICSFixture.instant(2025, 6, 30))
        #expect(occ.map(\.event.status) == [.confirmed, .cancelled, .confirmed])
    }

    @Test func cancelledEventIsListedAsCancelled() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("cancelled_event.ics"), from: ICSFixture.instant(2025, 1, 1),
            to: ICSFixture.instant(2026, 1, 1))
        #expect(occ.map(\.event.uid) == ["cancelled@test", "tentative@test"])
        #expect(occ[0].event.status == .cancelled)
    }

    @Test func overrideWithoutMasterStandsAlone() {
        let rid = EventTime.utc(CivilDateTime(year: 2025, month: 2, day: 1, hour: 9, minute: 0))
        let lone = Event(
            uid: "lone", recurrenceID: rid, title: "Allein",
            start: .utc(CivilDateTime(year: 2025, month: 2, day: 2, hour: 9, minute: 0)))
        let occ = ICSFixture.expand([lone], from: ICSFixture.instant(2025, 1, 1), to: ICSFixture.instant(2025, 12, 31))
        #expect(occ.count == 1)
        #expect(occ.first?.recurrenceID == rid)
    }

    @Test func allDayOverlapCountsAndDurationApplies() throws {
        let events = try ICSFixture.events("duration.ics")
        // The hackathon runs 12–13 April; a window starting on the 13th still sees it.
        let occ = ICSFixture.expand(events, from: ICSFixture.instant(2025, 4, 13), to: ICSFixture.instant(2025, 4, 20))
        #expect(occ.map(\.event.uid) == ["duration-day@test"])
    }

    @Test func endlessRuleTenYearsLaterIsFastAndRight() throws {
        let events = try ICSFixture.events("endless_weekly.ics")
        let clock = ContinuousClock()
        var occ: [Occurrence] = []
        let elapsed = clock.measure {
            occ = ICSFixture.expand(events, from: ICSFixture.instant(2035, 3, 1), to: ICSFixture.instant(2035, 4, 1))
        }
        #expect(
            occ.map { ICSFixture.local($0.start, in: berlin) } == [
                "2035-03-06T19:00+01:00", "2035-03-13T19:00+01:00", "2035-03-20T19:00+01:00",
                "2035-03-27T19:00+02:00",
            ])
        #expect(elapsed < .seconds(1))
    }

    @Test func limitKeepsTheFirstInstances() throws {
        let occ = ICSFixture.expand(
            try ICSFixture.events("endless_weekly.ics"), from: ICSFixture.instant(2025, 1, 1),
            to: ICSFixture.instant(2099, 1, 1), limit: 3)
        #expect(occ.count == 3)
        #expect(ICSFixture.local(occ[2].start, in: berlin) == "2025-01-21T19:00+01:00")
    }

    @Test func reversingTheEventsGivesTheSameOccurrences() throws {
        let events = try ICSFixture.events("mixed_series.ics")
        let from = ICSFixture.instant(2025, 1, 1)
        let to = ICSFixture.instant(2026, 1, 1)
        let forward = ICSFixture.expand(events, from: from, to: to)
        let backward = ICSFixture.expand(events.reversed(), from: from, to: to)
        #expect(forward == backward)
        #expect(forward.count == 8 - 1 + 1 + 5 + 1)
        #expect(!forward.contains { ICSFixture.local($0.start, in: berlin) == "2025-03-13T18:00+01:00" })
    }

    @Test func reversedDocumentGivesTheSameOccurrences() throws {
        // The same check one level up: reverse the VEVENT blocks in the text itself.
        let text = String(decoding: try ICSFixture.data("mixed_series.ics"), as: UTF8.self)
        let blocks = text.components(separatedBy: "BEGIN:VEVENT\n").dropFirst().map {
            "BEGIN:VEVENT\n" + $0.replacingOccurrences(of: "END:VCALENDAR\n", with: "")
        }
        let reversed = "BEGIN:VCALENDAR\n" + blocks.reversed().joined() + "END:VCALENDAR\n"
        let a = CalendarAdapter.normalize(try ICSFixture.raw(text: text), hubZone: ICSFixture.utc).events
        let b = CalendarAdapter.normalize(try ICSFixture.raw(text: reversed), hubZone: ICSFixture.utc).events
        #expect(b.count == a.count)
        let from = ICSFixture.instant(2025, 1, 1)
        let to = ICSFixture.instant(2026, 1, 1)
        #expect(ICSFixture.expand(a, from: from, to: to) == ICSFixture.expand(b, from: from, to: to))
    }

    @Test func unsupportedRuleYieldsOnlyDTSTART() {
        let start = EventTime.utc(CivilDateTime(year: 2025, month: 1, day: 1, hour: 9, minute: 0))
        let event = Event(
            uid: "u", title: "t", start: start, rrules: ["FREQ=FORTNIGHTLY", "FREQ=DAILY;RSCALE=CHINESE"])
        let occ = ICSFixture.expand([event], from: ICSFixture.instant(2024, 1, 1), to: ICSFixture.instant(2026, 1, 1))
        #expect(occ.count == 1)
    }

    @Test func ruleThatNeverMatchesStopsQuickly() {
        let start = EventTime.utc(CivilDateTime(year: 2025, month: 1, day: 1, hour: 9, minute: 0))
        let event = Event(uid: "u", title: "t", start: start, rrules: ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"])
        let occ = ICSFixture.expand([event], from: ICSFixture.instant(2024, 1, 1), to: ICSFixture.instant(9999, 1, 1))
        #expect(occ.count == 1)
    }

    @Test func exdateAsDateRemovesAllDayInstance() {
        let start = EventTime.allDay(CivilDate(year: 2025, month: 1, day: 1))
        let event = Event(
            uid: "u", title: "t", start: start, rrules: ["FREQ=DAILY;COUNT=3"],
            exdates: [.allDay(CivilDate(year: 2025, month: 1, day: 2))])
        let occ = ICSFixture.expand([event], from: ICSFixture.instant(2024, 1, 1), to: ICSFixture.instant(2026, 1, 1))
        #expect(
            occ.map { $0.start } == [
                .allDay(CivilDate(year: 2025, month: 1, day: 1)), .allDay(CivilDate(year: 2025, month: 1, day: 3)),
            ])
    }
}
