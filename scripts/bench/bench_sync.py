#!/usr/bin/env python3
"""Runs one measured step of bench-sync.sh: a command, its wall time and peak memory (RSS of the
process tree's largest member, from wait4), printed as one JSON line."""
import json
import os
import subprocess
import sys
import time


def main():
    label, cwd, *command = sys.argv[1:]
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    tail = output.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    print(json.dumps({"label": label, "wall": round(wall, 3), "peak_mb": round(usage.ru_maxrss / 1024, 1),
                      "exit": code, "last_line": tail[0][:160]}))


if __name__ == "__main__":
    main()
