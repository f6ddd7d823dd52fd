import FeedModel
import Foundation
import Testing

@testable import Parsing

struct FeedDateTests {
    static let table: [(String, String)] = [
        ("Sat, 07 Jun 2025 10:00:00 +0200", "2025-06-07T08:00:00Z"),
        ("07 Jun 2025 10:00:00 +0200", "2025-06-07T08:00:00Z"),
        ("Sat, 7 Jun 2025 10:00 GMT", "2025-06-07T10:00:00Z"),
        ("Sat, 07 Jun 25 10:00:00 UT", "2025-06-07T10:00:00Z"),
        ("Thu, 01 Jan 70 00:00:00 Z", "1970-01-01T00:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 UTC", "2025-06-03T12:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 EST", "2025-06-03T17:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 EDT", "2025-06-03T16:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 CST", "2025-06-03T18:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 CDT", "2025-06-03T17:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 MST", "2025-06-03T19:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 MDT", "2025-06-03T18:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 PST", "2025-06-03T20:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 PDT", "2025-06-03T19:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 CET", "2025-06-03T11:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 CEST", "2025-06-03T10:00:00Z"),
        ("Di, 03 Jun 2025 12:00:00 MESZ", "2025-06-03T10:00:00Z"),
        ("Mo, 03 Mär 2025 10:00:00 MEZ", "2025-03-03T09:00:00Z"),
        ("15 Okt 2024 08:00:00 +0000", "2024-10-15T08:00:00Z"),
        ("24 Dez 2024 18:00 +0100", "2024-12-24T17:00:00Z"),
        ("Tue, 03 Jun 2025 12:00:00 -0430", "2025-06-03T16:30:00Z"),
        ("2026-11-03", "2026-11-03T00:00:00Z"),
        ("2026-11-03T09:15Z", "2026-11-03T09:15:00Z"),
        ("2026-11-03T09:15:30Z", "2026-11-03T09:15:30Z"),
        ("2026-11-03T09:15:30.250Z", "2026-11-03T09:15:30Z"),
        ("2026-11-03T09:15:30+01:00", "2026-11-03T08:15:30Z"),
        ("2026-11-03T09:15:30+0100", "2026-11-03T08:15:30Z"),
        ("2026-11-03T09:15:30-05:00", "2026-11-03T14:15:30Z"),
        ("2026-11-03 09:15:30", "2026-11-03T09:15:30Z"),
        ("  2024-02-29T23:59:59Z  ", "2024-02-29T23:59:59Z"),
        ("20261103T091530Z", "2026-11-03T09:15:30Z"),
    ]

    @Test(arguments: table)
    func parsesToUTC(_ input: String, _ expected: String) throws {
        let date = try #require(FeedDate.parse(input), "could not parse \(input)")
        #expect(FeedDate.rfc3339(date) == expected)
    }

    @Test(arguments: [
        "", "   ", "yesterday", "2025-13-01", "2025-02-30", "2023-02-29T00:00:00Z", "Sat, 32 Jun 2025 10:00:00 GMT",
        "Sat, 07 Foo 2025 10:00:00 GMT", "2025-06-07T25:00:00Z", "2025-06-07T10:61Z", "2025-06-07Tjunk",
    ])
    func rejectsInvalid(_ input: String) {
        #expect(FeedDate.parse(input) == nil)
    }

    @Test func formatsRFC822AndRFC3339() throws {
        let date = try #require(FeedDate.parse("2025-06-07T08:00:00Z"))
        #expect(FeedDate.rfc822(date) == "Sat, 07 Jun 2025 08:00:00 +0000")
        #expect(FeedDate.rfc3339(date) == "2025-06-07T08:00:00Z")
        let epoch = Date(timeIntervalSince1970: 0)
        #expect(FeedDate.rfc822(epoch) == "Thu, 01 Jan 1970 00:00:00 +0000")
        let before = Date(timeIntervalSince1970: -1)
        #expect(FeedDate.rfc3339(before) == "1969-12-31T23:59:59Z")
    }

    @Test func roundTripsThroughRFC822() throws {
        for seconds in stride(from: -2_000_000_000, to: 4_000_000_000, by: 123_456_789) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let parsed = try #require(FeedDate.parse(FeedDate.rfc822(date)))
            #expect(parsed == date)
        }
    }

    @Test func eventTimesKeepTheirKind() {
        #expect(FeedDate.eventTime("2025-07-01") == .allDay(.init(year: 2025, month: 7, day: 1)))
        #expect(
            FeedDate.eventTime("2025-06-07T10:00:00+02:00")
                == .utc(.init(year: 2025, month: 6, day: 7, hour: 8, minute: 0)))
        #expect(
            FeedDate.eventTime("2025-06-07T10:00:00")
                == .floating(.init(year: 2025, month: 6, day: 7, hour: 10, minute: 0)))
        #expect(FeedDate.eventTime("soon") == nil)
    }

    /// Month and zone words are matched as packed ASCII bytes; every spelling must read as the
    /// word-based lookups (`month`, `zoneOffset`) read it, long names and unknown words included.
    @Test func packedMonthAndZoneWordsReadAsTheWordLookups() throws {
        let months = [
            "Jan", "feb", "MAR", "Mrz", "apr", "May", "Mai", "jun", "July", "August", "Sept", "September", "oct",
            "Okt", "Oktober", "nov", "Dec", "Dezember", "Dez", "Xyz", "Ma", "Jaguar", "Decemberish",
        ]
        let zones = [
            "GMT", "ut", "UTC", "Z", "wet", "EST", "edt", "Cst", "CDT", "mst", "MDT", "pst", "PDT", "cet", "MEZ",
            "west", "BST", "CEST", "mesz", "EET", "eest", "XYZ", "Utcx", "Gmtfoo", "A", "pacific",
        ]
        for month in months {
            for zone in zones {
                let text = "Tue, 03 \(month) 2025 12:00:00 \(zone)"
                let expected = RFC822DateScanner.month(month.lowercased()).map { m in
                    let offset = RFC822DateScanner.zoneOffset(zone) ?? 0
                    let utc = CivilDateTime(year: 2025, month: m, day: 3, hour: 12, minute: 0, second: 0)
                    return Date(timeIntervalSince1970: Double(utc.secondsSince1970 - offset))
                }
                #expect(FeedDate.parse(text) == expected, "\(text)")
            }
        }
    }
}
