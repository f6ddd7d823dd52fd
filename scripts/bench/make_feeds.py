#!/usr/bin/env python3
"""Generates a federation of fake lab feeds for the sync benchmark and the kill test.

Writes DIR/www/ok/NNNN.{xml,atom,json} (RSS 2.0, Atom, JSON Feed 1.1; mixed sizes),
DIR/federation.json for labnetz and DIR/urls.txt (one URL per line) for peers.
A share of the sources point at failing paths (/fail/ answers 500, /gone/ 404), at a
trickling path (/slow/, served at a few bytes per second) and at a tarpit port that
accepts connections and never answers. Deterministic for a given seed.
"""
import argparse
import json
import os
import random
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

WORDS = ("Repair Café Werkstatt Lesung Stadtlabor Offenes Treffen Maker Nachbarschaft Energie Klima "
         "Daten Karte Workshop Vortrag Führung Mobilität Garten Schule Kultur Bürgerdialog").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def items(rng, source, count, now):
    for i in range(count):
        day = now + timedelta(days=rng.randint(-60, 120), hours=rng.randint(0, 23))
        yield {
            "id": f"https://lab{source}.example/p/{i}",
            "title": f"{sentence(rng, 4)} {source}-{i}",
            "body": "<p>" + sentence(rng, rng.randint(20, 80)) + "</p>",
            "date": day,
        }


def rss(source, entries):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0"><channel>',
           f"<title>Lab {source}</title><link>https://lab{source}.example/</link><description>Feed</description>"]
    for e in entries:
        out.append(f"<item><title>{escape(e['title'])}</title><link>{e['id']}</link><guid>{e['id']}</guid>"
                   f"<pubDate>{e['date'].strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
                   f"<description>{escape(e['body'])}</description></item>")
    out.append("</channel></rss>")
    return "\n".join(out)


def atom(source, entries):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>Lab {source}</title><id>urn:lab:{source}</id><updated>2026-11-21T10:00:00Z</updated>",
           f'<link href="https://lab{source}.example/"/>']
    for e in entries:
        stamp = e['date'].strftime('%Y-%m-%dT%H:%M:%SZ')
        out.append(f"<entry><title>{escape(e['title'])}</title><id>{e['id']}</id><link href=\"{e['id']}\"/>"
                   f"<updated>{stamp}</updated><author><name>Lab</name></author>"
                   f"<content type=\"html\">{escape(e['body'])}</content></entry>")
    out.append("</feed>")
    return "\n".join(out)


def jsonfeed(source, entries):
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": f"Lab {source}",
        "home_page_url": f"https://lab{source}.example/",
        "items": [{"id": e["id"], "url": e["id"], "title": e["title"], "content_html": e["body"],
                   "date_published": e["date"].strftime('%Y-%m-%dT%H:%M:%SZ')} for e in entries]},
        ensure_ascii=False)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--sources", type=int, default=1000)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--tarpit-port", type=int, default=0)
    p.add_argument("--fail", type=float, default=0.0, help="share of /fail/ (500) and /gone/ (404) sources")
    p.add_argument("--slow", type=float, default=0.0, help="share of trickling and tarpit sources")
    p.add_argument("--seed", type=int, default=6)
    a = p.parse_args()
    rng = random.Random(a.seed)
    now = datetime(2026, 11, 21, 12, tzinfo=timezone.utc)
    os.makedirs(f"{a.dir}/www/ok", exist_ok=True)
    os.makedirs(f"{a.dir}/www/slow", exist_ok=True)
    members, urls = [], []
    for n in range(a.sources):
        size = rng.random()
        count = rng.randint(3, 15) if size < 0.7 else rng.randint(15, 60) if size < 0.95 else rng.randint(100, 300)
        kind = rng.choice(["xml", "xml", "atom", "json"])
        render = {"xml": rss, "atom": atom, "json": jsonfeed}[kind]
        name = f"{n:04d}.{kind}"
        roll = rng.random()
        if a.fail + a.slow / 2 > roll >= a.fail:
            count = min(count, 4)  # trickled at 1 KB/s: a few seconds, below the 5 s limit
        text = render(n, list(items(rng, n, count, now)))
        if roll < a.fail / 2:
            url = f"http://127.0.0.1:{a.port}/fail/{name}"
        elif roll < a.fail:
            url = f"http://127.0.0.1:{a.port}/gone/{name}"
        elif roll < a.fail + a.slow / 2:
            with open(f"{a.dir}/www/slow/{name}", "w", encoding="utf-8") as f:
                f.write(text)
            url = f"http://127.0.0.1:{a.port}/slow/{name}"
        elif roll < a.fail + a.slow and a.tarpit_port:
            url = f"http://127.0.0.1:{a.tarpit_port}/{name}"
        else:
            with open(f"{a.dir}/www/ok/{name}", "w", encoding="utf-8") as f:
                f.write(text)
            url = f"http://127.0.0.1:{a.port}/ok/{name}"
        urls.append(url)
        members.append({"id": f"lab{n:04d}", "name": f"Labor {n}", "city": "Soest",
                        "homepage": f"https://lab{n}.example/",
                        "sources": [{"id": f"lab{n:04d}-news", "url": url, "role": "news"}]})
    config = {"version": 1, "hub": {"id": "bench", "title": "Benchmark", "baseURL": "http://127.0.0.1:9/",
                                   "timeZone": "Europe/Berlin", "publishDir": "public",
                                   "database": "data/hub.sqlite", "contact": "bench@example.org",
                                   "language": "de"}, "members": members}
    with open(f"{a.dir}/federation.json", "w", encoding="utf-8") as f:
        json.dump(config, f, indent=1)
    with open(f"{a.dir}/urls.txt", "w") as f:
        f.write("\n".join(urls) + "\n")


if __name__ == "__main__":
    main()
