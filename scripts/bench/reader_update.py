#!/usr/bin/env python3
"""The peer: python `reader` updating the same feeds (add them on first use, then update_feeds).
Usage: reader_update.py DB URLS_FILE WORKERS TIMEOUT"""
import sys

from reader import make_reader


def main():
    db, urls_file, workers, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    reader = make_reader(db, session_timeout=(timeout, timeout))
    with open(urls_file) as f:
        for url in f.read().split():
            reader.add_feed(url, exist_ok=True)
    ok = failed = 0
    # scheduled=False: update every feed now, as `labnetz sync --timeout` fetches every due source.
    for result in reader.update_feeds_iter(workers=workers, scheduled=False):
        if isinstance(result.value, Exception):
            failed += 1
        else:
            ok += 1
    print(f"reader: {ok} feeds ok, {failed} failed")


if __name__ == "__main__":
    main()
