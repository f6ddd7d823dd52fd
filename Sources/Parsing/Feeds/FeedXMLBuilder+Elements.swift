import FeedModel
import Foundation

/// What each known element means, per format family.
extension FeedXMLBuilder {
    mutating func startRoot(prefix: String, namespace: String?, local: String, attributes: [XMLAttribute]) {
        switch local {
        case "rss":
            family = .rss
            let version = (Self.attribute(attributes, "version") ?? "").trimmedBlanks
            switch version {
            case "0.91": feed.format = "rss091u"
            case "0.92": feed.format = "rss092"
            case "0.93": feed.format = "rss093"
            case "0.94": feed.format = "rss094"
            case "": feed.format = "rss"
            default: feed.format = version.hasPrefix("2") ? "rss20" : "rss"
            }
        case "CHANNEL",
            "channel" where prefix == "":
            // Microsoft's Channel Definition Format: the RSS reader with attributes for link and date.
            family = .rss
            feed.format = "cdf"
            if let cdfBase = attributes.first(where: { $0.local.lowercased() == "base" && ($0.namespace ?? "").isEmpty }
            ),
                !stack.isEmpty
            {
                // CDF's BASE plays the part of xml:base for every relative HREF below.
                stack[stack.count - 1].base = URLResolver.resolve(cdfBase.value.trimmed, against: base)
            }
            cdfAttributes(attributes, line: 1)
        case "RDF" where prefix == "rdf":
            family = .rss
            feed.format = "rss10"
        case "feed":
            family = .atom
            switch namespace {
            case XMLNames.atom10: feed.format = "atom10"
            case XMLNames.atom03: feed.format = "atom03"
            default: feed.format = "atom"
            }
            stack[0].key = "atom:feed"
            stack[0].element = .atomFeed
            atomNamespace = namespace
            if let lang = stack.last?.lang { feed.language = lang }
        default:
            rootName = local
        }
    }

    mutating func handleStart(
        element: FeedElement?, namespace: String?, attributes: [XMLAttribute], line: Int
    ) {
        if namespace == XMLNames.rss090 { feed.format = "rss090" }
        guard let element else { return }
        switch element {
        case .channel, .atomFeed:
            return
        case .item, .atomEntry:
            guard !inEntry else { return }
            entry = RawEntry()
            inEntry = true
            entry.line = line
            if let about = attributes.first(where: { $0.namespace == XMLNames.rdf && $0.local == "about" }) {
                entry.id = about.value
            }
            if feed.format == "cdf" { cdfAttributes(attributes, line: line) }
            guidIsLink = false
            titleFromMedia = false
            eventStart = nil
            eventEnd = nil
            eventLocation = nil
            eventOrganizer = nil
            rssDescription = nil
            rssSummary = nil
            eventType = nil
        case .image, .textinput, .atomImage, .atomSource, .atomContributor, .atomEntrySource:
            skipDepth = depth
        case .itunesOwner where person == nil, .atomAuthor where person == nil:
            person = RawPerson()
            personDepth = depth
        case .atomLink:
            startAtomLink(attributes)
        case .enclosure:
            guard let url = Self.attribute(attributes, "url"), !url.isEmpty else { return }
            let href = URLResolver.resolve(url, against: base)
            let type = Self.attribute(attributes, "type")
            if inEntry {
                entry.enclosures.append(
                    RawEnclosure(href: href, type: type, length: Self.attribute(attributes, "length")))
                entry.links.append(RawLink(rel: "enclosure", type: type, href: href))
            }
        case .mediaThumbnail:
            guard inEntry, let url = Self.attribute(attributes, "url"), !url.isEmpty else { return }
            let href = URLResolver.resolve(url, against: base)
            entry.thumbnails.append(href)
        case .mediaContent:
            guard inEntry, let url = Self.attribute(attributes, "url"), !url.isEmpty else { return }
            let href = URLResolver.resolve(url, against: base)
            guard entry.enclosures.contains(where: { $0.href == href }) == false else { return }
            var type = Self.attribute(attributes, "type")
            if type == nil, Self.attribute(attributes, "medium") == "image" {
                type = Self.imageType(for: href)
            }
            entry.enclosures.append(
                RawEnclosure(href: href, type: type, length: Self.attribute(attributes, "fileSize")))
        case .atomCategory where Self.attribute(attributes, "term") != nil:
            addCategory(
                RawCategory(
                    term: Self.attribute(attributes, "term") ?? "", scheme: Self.attribute(attributes, "scheme"),
                    label: Self.attribute(attributes, "label")))
        case .itunesCategory:
            if let text = Self.attribute(attributes, "text") {
                addCategory(RawCategory(term: text, scheme: "http://www.itunes.com/"))
            }
        default:
            if let mode = fieldMode(element, attributes) {
                beginCapture(element, mode: mode, attributes: attributes)
            }
        }
    }

    /// The capture mode for a field element, or nil for elements this reader does not use.
    private func fieldMode(_ element: FeedElement, _ attributes: [XMLAttribute]) -> TextMode? {
        switch element {
        case .title, .description, .contentEncoded, .fullitem, .body, .summary, .abstract:
            return family == .rss ? .html : nil
        case .dcTitle, .dcDescription, .itunesSummary, .itunesSubtitle, .mediaTitle, .mediaDescription:
            return Self.textMode(attributes) == .xhtml ? .xhtml : .html
        case .dcAuthor, .itunesKeywords, .mediaCategory, .itunesName, .itunesEmail:
            return .text
        case .xhtmlBody:
            return inEntry ? .xhtml : nil
        case .atomTitle, .atomSubtitle, .atomTagline, .atomSummary, .atomContent:
            return family == .atom ? Self.textMode(attributes) : nil
        case .link, .guid, .pubDate, .lastBuildDate, .author, .managingEditor, .category, .language,
            .id, .updated:
            // `id` and `updated` without a namespace: Atom habits in hand-written RSS.
            return family == .rss ? .text : nil
        case .atomId, .atomUpdated, .atomModified, .atomPublished, .atomIssued, .atomCategory:
            return family == .atom ? .text : nil
        case .atomName, .atomEmail, .atomUri, .atomUrl:
            return person != nil ? .text : nil
        case .dcDate, .dctermsModified, .dctermsIssued, .dcCreator, .dcSubject, .dcLanguage,
            .itunesAuthor, .evStartdate, .evEnddate, .evLocation, .evOrganizer, .evType:
            return .text
        default:
            return nil
        }
    }

    /// Atom text construct modes: 1.0 `type` (`text`/`html`/`xhtml`), 0.3 MIME types and `mode`.
    static func textMode(_ attributes: [XMLAttribute]) -> TextMode {
        let type = (attribute(attributes, "type") ?? "text").lowercasedIfNeeded
        let mode = attribute(attributes, "mode")?.lowercasedIfNeeded
        if mode == "escaped" { return type.containsASCII("html") ? .html : .text }
        switch type {
        case "text", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return type.hasSuffix("xml") ? .xhtml : .text
        }
    }

    mutating func startAtomLink(_ attributes: [XMLAttribute]) {
        guard let raw = Self.attribute(attributes, "href") else { return }
        let href = URLResolver.resolve(raw, against: base)
        let rel = Self.attribute(attributes, "rel")?.trimmedBlanks ?? "alternate"
        let link = RawLink(
            rel: rel.isEmpty ? "alternate" : rel, type: Self.attribute(attributes, "type"), href: href,
            title: Self.attribute(attributes, "title"))
        // In RSS an atom:link is an extra (usually rel="self"); the RSS <link> stays the main one.
        addLink(link)
        if link.rel == "enclosure", let length = Self.attribute(attributes, "length"), inEntry,
            let last = entry.enclosures.indices.last
        {
            entry.enclosures[last].length = length
        }
    }

    mutating func finishField(_ c: consuming Capture, line: Int) {
        if Self.isBase64(c.attributes, atom: family == .atom),
            let data = Data(
                base64Encoded: Self.text(plainBytes.bytes).trimmed,
                options: .ignoreUnknownCharacters)
        {
            c.decoded = String(decoding: data, as: UTF8.self)
            c.hadChildren = false
        }
        // Dates are read from the bytes: their text is needed only to name one that cannot be read.
        if let published = Self.datePublished(c.element), c.decoded == nil {
            setDate(bytes: plainBytes.bytes, published: published, line: line)
            return
        }
        // Fields read as HTML are sanitized from the bytes: only text fields need the text as a string.
        let trimmed = Self.readsValue(c.element) ? "" : plainText(c).trimmed
        switch c.element {
        case .title, .atomTitle:
            let v = value(of: c).trimmed
            if inEntry {
                if entry.title == nil || titleFromMedia { entry.title = v }
                titleFromMedia = false
            } else {
                feed.title = feed.title ?? v
            }
        case .link:
            // `<link href="…"/>` is Atom written into RSS; the address (or enclosure) is just as good.
            if trimmed.isEmpty, Self.attribute(c.attributes, "href") != nil {
                startAtomLink(c.attributes)
                return
            }
            guard !trimmed.isEmpty else { return }
            let href = URLResolver.resolve(trimmed, against: c.base)
            let link = RawLink(rel: "alternate", type: "text/html", href: href)
            if inEntry {
                guard entry.link == nil || entry.links.contains(where: { $0.rel == "alternate" }) == false else {
                    return
                }
                entry.link = href
                entry.links.append(link)
            } else if feed.link == nil || !feed.links.contains(where: { $0.rel == "alternate" }) {
                feed.link = href
                feed.links.append(link)
            }
        case .description, .atomSummary, .abstract:
            let v = value(of: c)
            if inEntry, c.element == .description { rssDescription = v }
            if inEntry { if entry.summary == nil { entry.summary = v } } else { feed.subtitle = feed.subtitle ?? v }
        case .atomSubtitle, .atomTagline:
            if !inEntry { feed.subtitle = feed.subtitle ?? value(of: c) }
        case .contentEncoded, .atomContent, .xhtmlBody:
            guard inEntry, Self.attribute(c.attributes, "src") == nil else { return }
            let type: String
            switch c.mode {
            case .text: type = "text/plain"
            case .html: type = "text/html"
            case .xhtml: type = "application/xhtml+xml"
            }
            let body = RawContent(type: type, language: c.lang, base: c.base, value: value(of: c))
            entry.content.append(body)
        case .guid:
            guard inEntry, !trimmed.isEmpty else { return }
            entry.id = trimmed
            guidIsLink = Self.attribute(c.attributes, "isPermaLink")?.lowercasedIfNeeded != "false"
        case .id:
            guard !trimmed.isEmpty else { return }
            if inEntry {
                if entry.id == nil { entry.id = trimmed }
            } else if feed.id == nil {
                feed.id = trimmed
            }
        case .updated:
            setDate(trimmed, published: false, line: line)
        case .atomId:
            guard !trimmed.isEmpty else { return }
            // A path as id names a resource of the feed's site: resolved like any relative URI.
            let trimmed = trimmed.hasPrefix("/") ? URLResolver.resolve(trimmed, against: c.base) : trimmed
            if inEntry { entry.id = trimmed } else { feed.id = feed.id ?? trimmed }
        case .pubDate, .atomPublished, .atomIssued, .dctermsIssued:
            setDate(trimmed, published: true, line: line)
        case .lastBuildDate, .atomUpdated, .atomModified, .dcDate, .dctermsModified:
            setDate(trimmed, published: false, line: line)
        case .author, .managingEditor, .dcCreator, .itunesAuthor:
            if let p = Self.person(trimmed) { addAuthor(p) }
        case .category:
            addCategory(RawCategory(term: trimmed, scheme: Self.attribute(c.attributes, "domain")))
        case .dcSubject, .atomCategory:
            addCategory(RawCategory(term: trimmed))
        case .language, .dcLanguage:
            if !inEntry, !trimmed.isEmpty { feed.language = feed.language ?? trimmed }
        case .dcTitle, .mediaTitle:
            let v = value(of: c).trimmed
            if inEntry {
                if entry.title == nil {
                    entry.title = v
                    titleFromMedia = c.element == .mediaTitle
                }
            } else if feed.title == nil {
                feed.title = v
            }
        case .dcDescription, .itunesSummary, .mediaDescription:
            let v = value(of: c)
            if inEntry { if entry.summary == nil { entry.summary = v } } else { feed.subtitle = feed.subtitle ?? v }
        case .itunesSubtitle:
            if !inEntry { feed.subtitle = feed.subtitle ?? value(of: c) }
        case .summary:
            // With both, the first of description and summary is the summary, the other the content.
            guard inEntry else { return }
            let v = value(of: c)
            if rssDescription == nil {
                rssSummary = v
            } else {
                entry.content.append(RawContent(type: "text/html", value: v))
            }
        case .fullitem, .body,
            .xhtmlBody where family == .rss:
            guard inEntry else { return }
            let body = RawContent(type: "text/html", language: c.lang, base: c.base, value: value(of: c))
            entry.content.append(body)
        case .dcAuthor:
            if let p = Self.person(trimmed) { addAuthor(p) }
        case .itunesKeywords:
            for word in trimmed.split(separator: ",") {
                addCategory(
                    RawCategory(term: word.trimmingCharacters(in: .whitespaces), scheme: "http://www.itunes.com/"))
            }
        case .mediaCategory:
            addCategory(RawCategory(term: trimmed, scheme: Self.attribute(c.attributes, "scheme")))
        case .evStartdate: eventStart = trimmed
        case .evEnddate: eventEnd = trimmed
        case .evLocation: eventLocation = trimmed.isEmpty ? nil : trimmed
        case .evOrganizer: eventOrganizer = trimmed.isEmpty ? nil : trimmed
        case .evType: eventType = trimmed.isEmpty ? nil : trimmed
        case .atomName, .itunesName: person?.name = trimmed
        case .atomEmail, .itunesEmail: person?.email = trimmed
        case .atomUri, .atomUrl: person?.href = URLResolver.resolve(trimmed, against: c.base)
        default:
            break
        }
    }

    /// For a date element, whether it dates publication (or else the last update); nil for others.
    static func datePublished(_ element: FeedElement) -> Bool? {
        switch element {
        case .pubDate, .atomPublished, .atomIssued, .dctermsIssued: return true
        case .updated, .lastBuildDate, .atomUpdated, .atomModified, .dcDate, .dctermsModified: return false
        default: return nil
        }
    }

    /// The fields `finishField` reads through `value(of:)` alone, never as trimmed text.
    static func readsValue(_ element: FeedElement) -> Bool {
        switch element {
        case .title, .atomTitle, .description, .atomSummary, .abstract, .atomSubtitle, .atomTagline, .contentEncoded,
            .atomContent, .xhtmlBody, .dcTitle, .mediaTitle, .dcDescription, .itunesSummary, .mediaDescription,
            .itunesSubtitle, .summary, .fullitem, .body:
            return true
        default:
            return false
        }
    }

    /// CDF's `HREF` (the link) and `LASTMOD` (updated) of a CHANNEL or ITEM.
    mutating func cdfAttributes(_ attributes: [XMLAttribute], line: Int) {
        for a in attributes where a.namespace == nil || a.namespace == "" {
            switch a.local.lowercasedIfNeeded {
            case "href":
                let href = URLResolver.resolve(a.value.trimmedBlanks, against: base)
                if inEntry {
                    entry.link = href
                    entry.links.append(RawLink(rel: "alternate", type: "text/html", href: href))
                } else {
                    feed.link = href
                    feed.links.append(RawLink(rel: "alternate", type: "text/html", href: href))
                }
            case "lastmod":
                setDate(a.value, published: false, line: line)
            default:
                break
            }
        }
    }

    /// Atom 0.3 says so with `mode`; Atom 1.0 base64-encodes any type that is neither text nor XML.
    static func isBase64(_ attributes: [XMLAttribute], atom: Bool) -> Bool {
        if attribute(attributes, "mode")?.lowercasedIfNeeded == "base64" { return true }
        guard atom, let type = attribute(attributes, "type")?.lowercasedIfNeeded else { return false }
        if ["text", "html", "xhtml"].contains(type) || type.hasPrefix("text/") { return false }
        return type.containsASCII("/") && !type.hasSuffix("xml")
    }

    /// An Atom feed whose id is a web address and that names no alternate link is reached there.
    mutating func finishFeed() {
        if family == .atom, feed.link == nil, let id = feed.id, id.hasPrefix("http://") || id.hasPrefix("https://") {
            feed.link = id
        }
    }

    static func imageType(for href: String) -> String? {
        let path = href.split(separator: "?").first.map { $0.lowercased() } ?? ""
        if path.hasSuffix(".jpg") || path.hasSuffix(".jpeg") { return "image/jpeg" }
        if path.hasSuffix(".png") { return "image/png" }
        if path.hasSuffix(".gif") { return "image/gif" }
        if path.hasSuffix(".webp") { return "image/webp" }
        return nil
    }
}
