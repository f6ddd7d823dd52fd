#!/usr/bin/env python3
"""A threaded static file server for the e2e scripts: http.server with buffered writes (the stock
handler writes headers unbuffered, and Nagle + delayed ACK then cost 40 ms per response).
Usage: static_server.py PORT DIRECTORY"""
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    wbufsize = 1 << 16

    def log_message(self, *args):
        pass


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
