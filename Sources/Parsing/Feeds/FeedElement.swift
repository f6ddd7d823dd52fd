/// The elements the feed builder acts on, by their key (`prefix:local`, see `XMLNames`):
/// resolved once per element with one hash lookup, so the handlers switch over an enum rather
/// than comparing the key with dozens of strings.
enum FeedElement: UInt8, Sendable {
    case abstract, atomAuthor, atomCategory, atomContent, atomContributor, atomEmail, atomEntry, atomEntrySource
    case atomFeed, atomId, atomImage, atomIssued, atomLink, atomModified, atomName, atomPublished, atomSource
    case atomSubtitle, atomSummary, atomTagline, atomTitle, atomUpdated, atomUri, atomUrl, author, body, category
    case channel, contentEncoded, dcAuthor, dcCreator, dcDate, dcDescription, dcLanguage, dcSubject, dcTitle
    case dctermsIssued, dctermsModified, description, enclosure, evEnddate, evLocation, evOrganizer, evStartdate
    case evType, fullitem, guid, id, image, item, itunesAuthor, itunesCategory, itunesEmail, itunesKeywords
    case itunesName, itunesOwner, itunesSubtitle, itunesSummary, language, lastBuildDate, link, managingEditor
    case mediaCategory, mediaContent, mediaDescription, mediaThumbnail, mediaTitle, pubDate, summary, textinput
    case title, updated, xhtmlBody

    /// The element for a key, or nil for one the builder does not use.
    static func named(_ key: String) -> FeedElement? { byKey[key] }

    private static let byKey: [String: FeedElement] = [
        "abstract": .abstract, "atom:author": .atomAuthor, "atom:category": .atomCategory,
        "atom:content": .atomContent, "atom:contributor": .atomContributor, "atom:email": .atomEmail,
        "atom:entry": .atomEntry, "atom:entry-source": .atomEntrySource, "atom:feed": .atomFeed, "atom:id": .atomId,
        "atom:image": .atomImage, "atom:issued": .atomIssued, "atom:link": .atomLink, "atom:modified": .atomModified,
        "atom:name": .atomName, "atom:published": .atomPublished, "atom:source": .atomSource,
        "atom:subtitle": .atomSubtitle, "atom:summary": .atomSummary, "atom:tagline": .atomTagline,
        "atom:title": .atomTitle, "atom:updated": .atomUpdated, "atom:uri": .atomUri, "atom:url": .atomUrl,
        "author": .author, "body": .body, "category": .category, "channel": .channel,
        "content:encoded": .contentEncoded, "dc:author": .dcAuthor, "dc:creator": .dcCreator, "dc:date": .dcDate,
        "dc:description": .dcDescription, "dc:language": .dcLanguage, "dc:subject": .dcSubject, "dc:title": .dcTitle,
        "dcterms:issued": .dctermsIssued, "dcterms:modified": .dctermsModified, "description": .description,
        "enclosure": .enclosure, "ev:enddate": .evEnddate, "ev:location": .evLocation, "ev:organizer": .evOrganizer,
        "ev:startdate": .evStartdate, "ev:type": .evType, "fullitem": .fullitem, "guid": .guid, "id": .id,
        "image": .image, "item": .item, "itunes:author": .itunesAuthor, "itunes:category": .itunesCategory,
        "itunes:email": .itunesEmail, "itunes:keywords": .itunesKeywords, "itunes:name": .itunesName,
        "itunes:owner": .itunesOwner, "itunes:subtitle": .itunesSubtitle, "itunes:summary": .itunesSummary,
        "language": .language, "lastBuildDate": .lastBuildDate, "link": .link, "managingEditor": .managingEditor,
        "media:category": .mediaCategory, "media:content": .mediaContent, "media:description": .mediaDescription,
        "media:thumbnail": .mediaThumbnail, "media:title": .mediaTitle, "pubDate": .pubDate, "summary": .summary,
        "textInput": .textinput, "textinput": .textinput, "title": .title, "updated": .updated,
        "xhtml:body": .xhtmlBody,
    ]
}
