import Federation
import Testing

@testable import Merging

@Suite("match vocabulary")
struct MatchVocabularyTests {
    let vocabulary = MatchVocabulary(settings: DedupSettings(), memberCities: ["Soest", "Arnsberg"])

    @Test func titleWordsAreFoldedAndSplitWithoutTheGenderSuffix() {
        #expect(
            MatchVocabulary.rawTokens("Repair-Café für Bürger:innen  –  GROSSE Straße!")
                == ["repair", "café", "fuer", "buerger", "grosse", "strasse"])
        #expect(MatchVocabulary.rawTokens("  ::  ").isEmpty)
        #expect(MatchVocabulary.rawTokens("Innen und Außen") == ["und", "aussen"])
    }

    @Test func streetSpellingsMeetAndLocationWordsAreLeftOut() {
        var buffer: [UInt8] = []
        #expect(
            vocabulary.locationTokens("Ort: Bahnhofstr. 5, 59494 Soest", buffer: &buffer)
                == ["bahnhofstrasse", "5", "59494", "soest"])
        #expect(vocabulary.locationTokens("Alte Str. 1", buffer: &buffer) == ["alte", "strasse", "1"])
        #expect(vocabulary.locationTokens("Bahnhofstraße 5", buffer: &buffer) == ["bahnhofstrasse", "5"])
        // Five letters or fewer stay as they are: "Westr" is no street.
        #expect(vocabulary.locationTokens("Westr", buffer: &buffer) == ["westr"])
        #expect(vocabulary.locationTokens("Treffpunkt: Markt, Markt", buffer: &buffer) == ["markt"])
    }
}
