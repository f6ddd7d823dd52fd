"""Feed parsing benchmark driver for bench-feeds.sh (run inside .build/bench-venv).

Every tool reads the same files in the same run. labnetz and xmllint are timed as whole
processes (start-up included); the Python peers are timed around their parse calls only, with
every file already read into memory before their clock starts. labnetz reports its own figures
with `--timing`: for several files (the corpus) it too reads every file into memory first and
prints that reading on a line of its own, then times the parsing alone (the peers' scope); for
one file (streamed from disk, never held whole) its figure covers reading and parsing. Every
ratio is printed against each labnetz figure: process, read+parse, and parse (files in memory)
where there is one. Each figure is the best of --runs runs (feedparser: one run, it is slow).
"""
import argparse, glob, os, re, resource, subprocess, sys, time

ITEM_TEXT = ("<p>Das Stadtlabor lädt ein: <strong>Reparieren</strong>, Löten &amp; Programmieren. "
             "Mit <a href=\"/anmeldung\">Anmeldung</a> und Kaffee.</p>")


def write_feed(path, megabytes, head, item, tail):
    """Writes `head`, then `item(i)` for i = 0, 1, … until the file reaches `megabytes`, then `tail`."""
    target = megabytes * 1_000_000
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        i = 0
        while f.tell() < target:
            f.write(item(i))
            i += 1
        f.write(tail)


def generate_rss(path, megabytes):
    write_feed(
        path, megabytes,
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        '<title>Benchmark &amp; Co</title><link>https://lab.example.org/</link>'
        '<description>generated</description>\n',
        lambda i: (f'<item><title>Beitrag {i}: Werkstatt &amp; Treffen</title>'
                   f'<link>https://lab.example.org/p/{i}</link>'
                   f'<guid isPermaLink="false">bench-{i}</guid>'
                   f'<pubDate>Mon, {1 + i % 28:02d} Sep 2025 {i % 24:02d}:15:00 +0200</pubDate>'
                   f'<dc:creator>Autor {i % 17}</dc:creator><category>Kategorie {i % 9}</category>'
                   f'<description><![CDATA[{ITEM_TEXT}]]></description>'
                   f'<content:encoded><![CDATA[{ITEM_TEXT * 3}]]></content:encoded></item>\n'),
        '</channel>\n</rss>\n')


def generate_atom(path, megabytes):
    escaped = ITEM_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    write_feed(
        path, megabytes,
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:base="https://lab.example.org/">\n<title>Benchmark</title>'
        '<id>tag:lab.example.org,2025:bench</id><updated>2025-09-01T00:00:00Z</updated>\n',
        lambda i: (f'<entry><title type="html">Beitrag {i}: Werkstatt &amp;amp; Treffen</title>'
                   f'<id>tag:lab.example.org,2025:{i}</id><link href="p/{i}"/>'
                   f'<updated>2025-09-{1 + i % 28:02d}T{i % 24:02d}:15:00+02:00</updated>'
                   f'<author><name>Autor {i % 17}</name></author><category term="k{i % 9}"/>'
                   f'<summary type="html">{escaped}</summary>'
                   f'<content type="html">{escaped * 3}</content></entry>\n'),
        '</feed>\n')


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd, keep_errors=False):
    """Wall seconds, CPU seconds (user+sys of the child) and the child's output and (when asked
    for) error output; otherwise errors go to /dev/null (xmllint reports every corpus error)."""
    start, cpu = time.perf_counter(), children_cpu()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE if keep_errors else subprocess.DEVNULL,
                         text=True, errors="replace")
    return time.perf_counter() - start, children_cpu() - cpu, out.stdout, out.stderr or ""


def best(a, b):
    return b if a is None else min(a, b)


def labnetz(binary, files, runs, data):
    """Whole process (wall, cpu), items, then what the binary reports itself with --timing, start-up
    left out: read+parse (wall, cpu) and parse alone (wall, cpu; None for one streamed file). With
    several files the binary reads them all first (`timing: read wall … cpu …`) and then times the
    parsing (`timing: wall … cpu …`), so read+parse is the sum of its two lines in one run."""
    if len(files) > 1:
        # Thousands of paths as arguments cost ArgumentParser quadratic time: pass them as a list
        # file (same files, same work; the list is written before the clock starts).
        listing = os.path.join(data, "files.txt")
        with open(listing, "w") as f:
            f.write("\n".join(files) + "\n")
        cmd = [binary, "inspect", "--summary", "--timing", "--files-from", listing]
    else:
        cmd = [binary, "inspect", "--summary", "--timing", *files]
    wall, cpu, items = None, None, 0
    scoped_wall, scoped_cpu, parse_wall, parse_cpu = None, None, None, None
    for _ in range(runs):
        seconds, used, out, err = timed(cmd, keep_errors=True)
        items = sum(int(m) for m in re.findall(r'"items":(\d+)', out))
        wall, cpu = best(wall, seconds), best(cpu, used)
        m = re.search(r"timing: wall ([0-9.e-]+) cpu ([0-9.e-]+)", err)
        if not m:
            continue
        w, c = float(m.group(1)), float(m.group(2))
        r = re.search(r"timing: read wall ([0-9.e-]+) cpu ([0-9.e-]+)", err)
        if r:
            parse_wall, parse_cpu = best(parse_wall, w), best(parse_cpu, c)
            w, c = w + float(r.group(1)), c + float(r.group(2))
        scoped_wall, scoped_cpu = best(scoped_wall, w), best(scoped_cpu, c)
    return wall, cpu, items, (scoped_wall, scoped_cpu), (parse_wall, parse_cpu)


def xmllint(files, runs):
    wall, cpu = None, None
    for _ in range(runs):
        seconds, used, _, _ = timed(["xmllint", "--stream", "--noout", *files])
        wall, cpu = best(wall, seconds), best(cpu, used)
    return wall, cpu, None


def python_peer(module, files, runs):
    if module == "feedparser":
        import feedparser
        parse = feedparser.parse
    else:
        import feedparser_rs
        # Its defaults stop at 10,000 entries: lift them so it reads what the others read (it preallocates
        # per allowed entry, so not unbounded).
        limits = feedparser_rs.ParserLimits(max_feed_size_bytes=1 << 30, max_entries=50_000)
        parse = lambda blob: feedparser_rs.parse_with_limits(blob, limits=limits)
    blobs = [open(f, "rb").read() for f in files]
    wall, cpu, items = None, None, 0
    for _ in range(runs):
        count = 0
        start, used = time.perf_counter(), time.process_time()
        for blob in blobs:
            try:
                count += len(parse(blob).entries)
            except Exception:
                pass
        wall, cpu = best(wall, time.perf_counter() - start), best(cpu, time.process_time() - used)
        items = count
    return wall, cpu, items


def peak_rss(cmd):
    out = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return int(m.group(1)) / 1024 if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    rss, atom, big = (os.path.join(args.data, n) for n in ("rss-20mb.xml", "atom-20mb.xml", "rss-100mb.xml"))
    for path, make, mb in ((rss, generate_rss, 20), (atom, generate_atom, 20), (big, generate_rss, 100)):
        if not os.path.exists(path):
            make(path, mb)

    inputs = [("RSS 2.0, 20 MB", [rss]), ("Atom 1.0, 20 MB", [atom])]
    corpus_root = os.path.join(args.shared, "conformance", "corpora", "feedparser")
    if os.path.isdir(corpus_root):
        corpus = sorted(glob.glob(os.path.join(corpus_root, "**", "*.xml"), recursive=True))
        corpus = [f for f in corpus if "/golden/" not in f]
        inputs.append((f"feedparser corpus, {len(corpus)} files", corpus))
    else:
        print(f"bench-feeds: {corpus_root} not found, the corpus row is skipped")

    # MB/s and items/s are by wall time; "cpu s" is user+sys, steadier when the machine is busy.
    # Each ratio is given by wall time, then by CPU time, against each labnetz figure:
    #   process:    labnetz as a whole process (start-up, argument parsing, reading, output included);
    #   read+parse: the seconds labnetz spends reading and parsing the files (its own --timing; the
    #               loop over the files, summary lines included);
    #   parse:      (several files only) the same loop with every file already in memory: labnetz
    #               reads them all before its clock starts, as the Python peers' files are read
    #               before theirs (the peers are timed around their parse calls only).
    # xmllint is always a whole process: `xmllint --stream --noout FILE...`, one process for all
    # files. The goals are read against parse (else read+parse) for the Python peers (same scope)
    # and against process for xmllint (both whole processes).
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    print(f"{'input':<32} {'tool':<21} {'MB/s':>7} {'items/s':>9} {'items':>6} {'cpu s':>6}"
          f"   labnetz is (wall, cpu) faster, by labnetz process | read+parse | parse")
    for name, files in inputs:
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        ours, our_cpu, our_items, scoped, parsed = labnetz(args.bin, files, args.runs, args.data)
        figures = [(ours, our_cpu)] + [f for f in (scoped, parsed) if f[0] is not None]
        rows = [("labnetz (process)", ours, our_cpu, our_items)]
        if scoped[0] is not None:
            rows.append(("labnetz (read+parse)", *scoped, our_items))
        if parsed[0] is not None:
            rows.append(("labnetz (parse)", *parsed, our_items))
        rows.append(("feedparser", *python_peer("feedparser", files, 1)))
        rows.append(("feedparser-rs", *python_peer("feedparser_rs", files, args.runs)))
        rows.append(("xmllint", *xmllint(files, args.runs)))
        for tool, seconds, cpu, items in rows:
            ratio = ""
            if not tool.startswith("labnetz"):
                ratio = " | ".join(f"{seconds / w:6.2f}x {cpu / c:6.2f}x" for w, c in figures) + f"  {tool}"
            shown = items if items is not None else our_items
            print(f"{name:<32} {tool:<21} {mb / seconds:7.1f} {shown / seconds:9.0f} "
                  f"{items if items is not None else '-':>6} {cpu:6.2f}   {ratio}")
        python_scope = "parse" if parsed[0] is not None else "read+parse"
        print(f"  goals: >=30x feedparser, >=1.0x feedparser-rs (read against {python_scope}), "
              ">=0.5x xmllint (read against process)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")

    print()
    mb100 = os.path.getsize(big) / 1e6
    print(f"peak RSS, {mb100:.0f} MB RSS feed (streamed, items counted and dropped):")
    small = os.path.join(args.data, "rss-1mb.xml")
    if not os.path.exists(small):
        generate_rss(small, 1)
    for label, cmd in (("labnetz, 1 MB feed", [args.bin, "inspect", "--summary", small]),
                       ("labnetz, 20 MB feed", [args.bin, "inspect", "--summary", rss]),
                       ("labnetz, 100 MB feed", [args.bin, "inspect", "--summary", big]),
                       ("xmllint --stream, 100 MB", ["xmllint", "--stream", "--noout", big])):
        print(f"  {label:<28} {peak_rss(cmd):8.1f} MiB")
    print("  goal: the 100 MB figure stays near the 1 MB one (streaming), far below the file size")


if __name__ == "__main__":
    main()
