import FeedModel
import Foundation
import Testing

@testable import Parsing

/// A few RFC 5545 §3.8.5.3 recurrence examples, restated: DTSTART is New York wall time, the
/// expected starts are New York wall times (dates listed as `MM-DD HH:MM` after the year).
@Suite("RRuleExamples")
struct RRuleExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var dtstart: String
        var rule: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "first Friday of each month, ten times", dtstart: "19970905T090000",
            rule: "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
            expected: [
                "1997-09-05T09:00", "1997-10-03T09:00", "1997-11-07T09:00", "1997-12-05T09:00", "1998-01-02T09:00",
                "1998-02-06T09:00", "1998-03-06T09:00", "1998-04-03T09:00", "1998-05-01T09:00", "1998-06-05T09:00",
            ]),
        Case(
            name: "first and last Sunday, every other month", dtstart: "19970907T090000",
            rule: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
            expected: [
                "1997-09-07T09:00", "1997-09-28T09:00", "1997-11-02T09:00", "1997-11-30T09:00", "1998-01-04T09:00",
                "1998-01-25T09:00", "1998-03-01T09:00", "1998-03-29T09:00", "1998-05-03T09:00", "1998-05-31T09:00",
            ]),
        Case(
            name: "second-to-last Monday, six months", dtstart: "19970922T090000",
            rule: "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
            expected: [
                "1997-09-22T09:00", "1997-10-20T09:00", "1997-11-17T09:00", "1997-12-22T09:00", "1998-01-19T09:00",
                "1998-02-16T09:00",
            ]),
        Case(
            name: "Monday of ISO week 20", dtstart: "19970512T090000", rule: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=4",
            expected: ["1997-05-12T09:00", "1998-05-11T09:00", "1999-05-17T09:00", "2000-05-15T09:00"]),
        Case(
            name: "US election day every four years", dtstart: "19961105T090000",
            rule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8;COUNT=4",
            expected: ["1996-11-05T09:00", "2000-11-07T09:00", "2004-11-02T09:00", "2008-11-04T09:00"]),
        Case(
            name: "second-to-last weekday via BYSETPOS", dtstart: "19970929T090000",
            rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;COUNT=4",
            expected: ["1997-09-29T09:00", "1997-10-30T09:00", "1997-11-27T09:00", "1997-12-30T09:00"]),
        Case(
            name: "WKST=MO groups Sunday with the week before", dtstart: "19970805T090000",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            expected: ["1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00"]),
        Case(
            name: "WKST=SU groups Sunday with the week after", dtstart: "19970805T090000",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            expected: ["1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00"]),
        Case(
            name: "30 February is skipped, not clamped", dtstart: "20070115T090000",
            rule: "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
            expected: [
                "2007-01-15T09:00", "2007-01-30T09:00", "2007-02-15T09:00", "2007-03-15T09:00", "2007-03-30T09:00",
            ]),
        Case(
            name: "every 3 hours until a UTC instant", dtstart: "19970902T090000",
            rule: "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
            expected: ["1997-09-02T09:00", "1997-09-02T12:00"]),
    ]

    @Test(arguments: cases)
    func expands(_ c: Case) throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:rfc
            DTSTART;TZID=America/New_York:\(c.dtstart)
            RRULE:\(c.rule)
            END:VEVENT
            END:VCALENDAR
            """
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let events = CalendarAdapter.normalize(try ICSFixture.raw(text: text), hubZone: ICSFixture.utc).events
        let occ = ICSFixture.expand(events, from: ICSFixture.instant(1990, 1, 1), to: ICSFixture.instant(2020, 1, 1))
        #expect(occ.map { String(ICSFixture.local($0.start, in: newYork).prefix(16)) } == c.expected)
    }
}
