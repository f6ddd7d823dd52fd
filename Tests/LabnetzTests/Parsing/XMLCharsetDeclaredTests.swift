import Foundation
import Testing

@testable import Parsing

/// The hand-written scan of the XML declaration reads what the regular expression it replaced read.
@Suite struct XMLCharsetDeclaredTests {
    static func byRegex(_ head: String) -> String? {
        guard head.hasPrefix("<?xml"), let close = head.firstIndex(of: ">") else { return nil }
        let decl = String(head[..<close])
        guard let range = decl.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else {
            return nil
        }
        let value = decl[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first
        return value.map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    @Test func agreesWithTheRegularExpression() {
        let samples = [
            #"<?xml version="1.0" encoding="utf-8"?>"#, #"<?xml version='1.0' encoding='ISO-8859-1'?>"#,
            #"<?xml version="1.0" encoding = "windows-1252" ?>"#, "<?xml version=\"1.0\" encoding\t=\n\"koi8-r\"?>",
            #"<?xml version="1.0" encoding=" utf-8 "?>"#, #"<?xml version="1.0" encoding=""?>"#,
            #"<?xml version="1.0" encoding="utf-8'?>"#, #"<?xml version="1.0" encoding=utf-8?>"#,
            #"<?xml version="1.0"?>"#, #"<?xml encodingx encoding="big5"?>"#, #"<?xml ENCODING="utf-8"?>"#,
            #"<?xml version="1.0" encoding="utf-8"#, #"<?xml version="1.0" encoding="iso-8859-1"?><rss encoding="x">"#,
            #"<?xml version="1.0" standalone="yes" encoding='macgreek'?>"#, #"<rss version="2.0">"#,
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-16\"?>", #"<?xml encoding="é-ü"?>"#,
        ]
        for sample in samples {
            let head = Array(sample.utf8)[...]
            let expected = Self.byRegex(sample.hasPrefix("\u{FEFF}") ? String(sample.dropFirst()) : sample)
            #expect(XMLCharset.declared(in: head) == expected, "\(sample)")
        }
        #expect(XMLCharset.declared(in: Array(samples[0].utf8)[...]) == "utf-8")
    }
}
