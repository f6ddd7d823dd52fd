/// The citizen agenda page: German, semantic HTML, no JavaScript, contrast and focus for WCAG 2.1 AA.
enum AgendaTemplate {
    static let page = #"""
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <link rel="alternate" type="text/calendar" href="regional.ics" title="Regionalkalender (iCalendar)">
        <link rel="alternate" type="application/feed+json" href="regional.json" title="Regionalkalender (JSON Feed)">
        <link rel="alternate" type="application/atom+xml" href="news.atom" title="Neuigkeiten (Atom)">
        <link rel="alternate" type="application/rss+xml" href="news.rss" title="Neuigkeiten (RSS)">
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff;margin:0}
        .wrap{max-width:48rem;margin:0 auto;padding:0 1rem 2rem}
        header{background:#0b4f6c;color:#fff;padding:1.5rem 1rem}
        header .wrap{padding-bottom:0}
        header h1{margin:0 0 .5rem;font-size:1.75rem}
        header p{margin:0}
        a{color:#0b4f6c;text-decoration:underline}
        header a{color:#fff}
        a:focus,a:hover{outline:3px solid #f2a900;outline-offset:2px}
        .skip{position:absolute;left:-999rem}
        .skip:focus{left:1rem;top:1rem;background:#fff;color:#0b4f6c;padding:.5rem;z-index:1}
        h2{font-size:1.5rem;margin-top:2rem;border-bottom:2px solid #0b4f6c}
        h3{font-size:1.25rem;margin:1.5rem 0 .5rem}
        h4{font-size:1.125rem;margin:0}
        ul.events,ul.news,ul.feeds{list-style:none;padding:0;margin:0}
        ul.events li{border-left:4px solid #0b4f6c;padding:.5rem .75rem;margin:0 0 .75rem;background:#f4f7f9}
        ul.events li.cancelled{border-left-color:#a61b1b}
        ul.events p{margin:.25rem 0}
        .status{color:#a61b1b;font-weight:bold}
        .cancelled h4{text-decoration:line-through}
        ul.news li{margin:0 0 .75rem}
        footer{border-top:1px solid #555;margin-top:2rem;padding-top:1rem;font-size:1rem;color:#333}
        </style>
        </head>
        <body>
        <a class="skip" href="#inhalt">Zum Inhalt springen</a>
        <header><div class="wrap">
        <h1>{{title}}</h1>
        <p>Termine und Neuigkeiten der Stadtlabore. Alle Angebote sind offen für alle und kostenlos; Vorwissen ist nicht nötig.</p>
        </div></header>
        <main id="inhalt" class="wrap">
        <h2 id="termine">Kommende Termine</h2>
        {{#days}}
        <section aria-labelledby="tag-{{id}}">
        <h3 id="tag-{{id}}"><time datetime="{{iso}}">{{label}}</time></h3>
        <ul class="events">
        {{#events}}
        <li class="{{cssClass}}"><article>
        <h4>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</h4>
        {{#cancelled}}<p class="status">Abgesagt: Dieser Termin findet nicht statt.</p>{{/cancelled}}
        <p>Zeit: <time datetime="{{startISO}}">{{timeLabel}}</time></p>
        {{#location}}<p>Ort: {{location}}</p>{{/location}}
        <p>Veranstaltet von: {{organisers}}</p>
        {{#description}}<p>{{description}}</p>{{/description}}
        </article></li>
        {{/events}}
        </ul>
        </section>
        {{/days}}
        {{^days}}
        <p>Zurzeit sind keine kommenden Termine eingetragen.</p>
        {{/days}}
        <h2 id="neuigkeiten">Neuigkeiten</h2>
        {{#news}}
        <ul class="news">
        {{#items}}
        <li>{{#link}}<a href="{{link}}">{{title}}</a>{{/link}}{{^link}}{{title}}{{/link}} <span>({{member}}{{#date}}, <time datetime="{{iso}}">{{label}}</time>{{/date}})</span></li>
        {{/items}}
        </ul>
        {{/news}}
        {{^news}}
        <p>Zurzeit gibt es keine Neuigkeiten.</p>
        {{/news}}
        <h2 id="abonnieren">Abonnieren</h2>
        <ul class="feeds">
        <li><a href="regional.ics">Regionalkalender als iCalendar-Datei</a> (für Thunderbird, Outlook, Google, Apple oder Nextcloud)</li>
        <li><a href="regional.json">Regionalkalender als JSON Feed</a></li>
        <li><a href="news.atom">Neuigkeiten als Atom-Feed</a>, <a href="news.rss">als RSS-Feed</a> oder <a href="news.json">als JSON Feed</a></li>
        <li><a href="sources.opml">Alle Quellen als OPML-Liste</a></li>
        </ul>
        </main>
        <footer><div class="wrap">
        <p>Ein gemeinsamer Kalender von: {{members}}.</p>
        <p>Zusammengestellt mit labnetz. <a href="status.html">Zustand der Quellen</a>.</p>
        </div></footer>
        </body>
        </html>

        """#
}
