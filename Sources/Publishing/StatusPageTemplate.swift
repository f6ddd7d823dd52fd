import Parsing

/// The coordinator's status page: German, a real table with header cells, no JavaScript,
/// state shown in words (never by colour alone), the agenda's colours and focus style.
///
/// The table rows are written by `append` rather than a Mustache section: a hub has up to thousands of
/// sources, and Mustache's dynamic lookup per cell was a quarter of the CPU of a sync where every
/// source answered 304. The page around them is still rendered by Mustache.
enum StatusPageTemplate {
    /// The cells of one table row; every text is plain (not yet escaped).
    struct Row {
        var cssClass: String
        var member: String
        var source: String
        var url: String
        var isWeb: Bool
        var stateLabel: String
        var lastSuccess: String
        var httpStatus: String
        var itemCount: Int
        var nextDue: String
        var problem: String
    }

    /// Appends one `<tr>` (ending in a newline), every text escaped by the project's one escaper.
    static func append(_ row: Row, to out: inout String) {
        let e = HTMLEscape.attribute
        out += "<tr>\n<th scope=\"row\" class=\"\(e(row.cssClass))\">\(e(row.member)) / \(e(row.source))<br>"
        out += row.isWeb ? "<a href=\"\(e(row.url))\">\(e(row.url))</a>" : e(row.url)
        out += "</th>\n<td>\(e(row.stateLabel))</td>\n<td>\(e(row.lastSuccess))</td>\n<td>\(e(row.httpStatus))</td>\n"
        out += "<td>\(row.itemCount)</td>\n<td>\(e(row.nextDue))</td>\n"
        out += "<td class=\"problem\">\(e(row.problem))</td>\n</tr>\n"
    }

    static let page = #"""
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Zustand der Quellen – {{title}}</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
        .wrap{max-width:72rem;margin:0 auto;padding:0 1rem 2rem}
        header{background:#0b4f6c;color:#fff;padding:1.5rem 1rem}
        header h1{margin:0 0 .5rem;font-size:1.75rem}
        header p{margin:0}
        a{color:#0b4f6c;text-decoration:underline}
        header a{color:#fff}
        a:focus,a:hover{outline:3px solid #f2a900;outline-offset:2px}
        .skip{position:absolute;left:-999rem}
        .skip:focus{left:1rem;top:1rem;background:#fff;color:#0b4f6c;padding:.5rem;z-index:1}
        table{border-collapse:collapse;width:100%;margin-top:1rem}
        caption{text-align:left;font-weight:bold;padding:.5rem 0}
        th,td{border:1px solid #555;padding:.4rem .5rem;text-align:left;vertical-align:top}
        th{background:#e8eef2}
        td.problem{word-break:break-word}
        .state-ok{border-left:6px solid #1e6b30}
        .state-warn{border-left:6px solid #a66300}
        .state-bad{border-left:6px solid #a61b1b}
        .summary{font-weight:bold}
        footer{border-top:1px solid #555;margin-top:2rem;padding-top:1rem;font-size:1rem;color:#333}
        </style>
        </head>
        <body>
        <a class="skip" href="#inhalt">Zum Inhalt springen</a>
        <header><div class="wrap">
        <h1>Zustand der Quellen</h1>
        <p>{{title}}{{#lastSync}}, letzter Abruf: <time datetime="{{iso}}">{{label}}</time>{{/lastSync}}</p>
        </div></header>
        <main id="inhalt" class="wrap">
        <p class="summary">{{summary}}</p>
        <table>
        <caption>Alle Quellen der Mitglieder</caption>
        <thead><tr>
        <th scope="col">Quelle</th><th scope="col">Zustand</th><th scope="col">Letzter Erfolg</th>
        <th scope="col">HTTP</th><th scope="col">Einträge</th><th scope="col">Nächster Abruf</th>
        <th scope="col">Problem</th>
        </tr></thead>
        <tbody>
        {{{rows}}}</tbody>
        </table>
        </main>
        <footer><div class="wrap">
        <p>Maschinenlesbar: <a href="status.json">status.json</a>. Zurück zum <a href="index.html">Kalender</a>.</p>
        </div></footer>
        </body>
        </html>

        """#
}
