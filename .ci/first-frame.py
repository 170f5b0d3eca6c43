#!/usr/bin/env python3
"""Time from exec to the first frame of the reader, in a pseudo-terminal.

    python3 .ci/first-frame.py [--want TEXT] ./briefs [ARGS...]    (one JSON line; 10 runs, median)

The first frame is the first output that shows the list's header ("briefs" on the
screen); with --want, the first output that holds TEXT (say, a brief's title, to
time the list filled with the built-in briefs). The terminal answers no queries (like a terminal that ignores
colour queries), so a stall waiting for an answer would show up here.
"""
import json, os, pty, select, statistics, sys, time, signal

def once(argv, want=b"brief"):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "100", "30"
        os.execvp(argv[0], argv)
    t0 = time.monotonic()
    buf = b""
    first = None
    while time.monotonic() - t0 < 10:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            # look in the new output and the end of the old (a long load
            # redraws a lot: searching all of it each time would slow the
            # reading, and the reader with it)
            buf = buf[-len(want):] + chunk.lower()
            if want in buf:
                first = time.monotonic() - t0
                break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return first

def main():
    argv = sys.argv[1:]
    want = b"brief"
    if argv[:1] == ["--want"]:
        want, argv = argv[1].lower().encode(), argv[2:]
    runs = [once(argv, want) for _ in range(10)]
    ok = [r for r in runs if r is not None]
    print(json.dumps({"want": want.decode(), "runs": len(runs), "frames": len(ok),
                      "median_ms": round(statistics.median(ok) * 1000, 1) if ok else None,
                      "max_ms": round(max(ok) * 1000, 1) if ok else None}))

if __name__ == "__main__":
    main()
