#!/usr/bin/env python3
"""Time from exec to the first frame of the reader, in a pseudo-terminal.

    python3 .ci/first-frame.py [--want TEXT] [--runs 10] [--timeout 10] ./briefs [ARGS...]
    (one JSON line: median and max over the runs)

With --want "search ready" it times a whole load (the status line says "Loaded N briefs in ...;
search ready." once the list and the search index are complete). peak_rss_mb is the largest
resident set of the runs (each run is killed once TEXT shows).

The first frame is the first output that shows the list's header ("briefs" on the
screen); with --want, the first output that holds TEXT (say, a brief's title, to
time the list filled with the built-in briefs). The terminal answers no queries (like a terminal that ignores
colour queries), so a stall waiting for an answer would show up here.
"""
import json, os, pty, select, statistics, sys, time, signal

def once(argv, want=b"brief", timeout=10.0):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "100", "30"
        os.execvp(argv[0], argv)
    t0 = time.monotonic()
    buf = b""
    first = None
    while time.monotonic() - t0 < timeout:
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
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    return first, usage.ru_maxrss / 1024

def main():
    argv = sys.argv[1:]
    want, n, timeout = b"brief", 10, 10.0
    while argv[:1] and argv[0] in ("--want", "--runs", "--timeout"):
        if argv[0] == "--want":
            want = argv[1].lower().encode()
        elif argv[0] == "--runs":
            n = int(argv[1])
        else:
            timeout = float(argv[1])
        argv = argv[2:]
    runs = [once(argv, want, timeout) for _ in range(n)]
    ok = [t for t, _ in runs if t is not None]
    print(json.dumps({"want": want.decode(), "runs": len(runs), "frames": len(ok),
                      "median_ms": round(statistics.median(ok) * 1000, 1) if ok else None,
                      "max_ms": round(max(ok) * 1000, 1) if ok else None,
                      "peak_rss_mb": round(max(r for _, r in runs))}))

if __name__ == "__main__":
    main()
