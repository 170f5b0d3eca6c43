#!/usr/bin/env python3
"""Why each false positive of ../shared/eval/quotes.py is one.

  python3 docs/quote-fp-reasons.py SPLIT_DIR OUT.jsonl [-v]

SPLIT_DIR and OUT.jsonl are what quotes.py score takes (the scorer is imported
from ../shared/eval, beside the repository, so the matching is the scorer's
own). Every predicted quotation left unmatched is put in the first group that
fits:

  marks     its own marks cannot be read by the scorer's pattern
            [“"]([^“”"]{1,2000}?)[”"]: opened or closed with a reversed mark
            (”Like this.”), left unclosed, or holding the marks of a
            quotation inside it; no gold quotation can ever match it
  content2  it lies in a second Content span of an attribution ("Q1," X
            said. "Q2."): the scorer reads only the first Content of each
            attribution, so the annotated Q2 never becomes gold
  inside    an annotated Content starts inside its marks (the annotator left
            the opening mark out), so the pattern finds no opening mark
  other     none of these: unannotated quotations, titles, scare quotes

It prints the counts, and quote F1 as scored, with the first group set aside,
and with the annotated quotations of the content2 and inside groups counted
as the matches they are. It reads the annotations; it changes nothing.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
import quotes as Q  # noqa: E402  (the scorer)

OPEN, CLOSE = "“\"", "”\""
MARKS = "“”\""


def annotations(path):
    """Content spans of every attribution: (first contents, later contents)."""
    T, E = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(parts) >= 3:
            _, rng = parts[1].split(" ", 1)
            segs = [tuple(map(int, r.split())) for r in rng.split(";")]
            T[parts[0]] = (min(s for s, _ in segs), max(e for _, e in segs))
        elif line.startswith("E") and len(parts) >= 2:
            E.append(dict(kv.split(":", 1) for kv in parts[1].split()))
    first, later = [], []
    for e in E:
        for k, v in e.items():
            if k.startswith("Content") and v in T:
                (first if k == "Content" else later).append(T[v])
    return first, later


def locate(text, q, at):
    """Where q starts in text from at, right after a quotation mark if it is
    anywhere (the same words may also stand unquoted), else anywhere."""
    found = [i + 1 for i in (text.find(m + q, at) for m in MARKS) if i >= 0]
    return min(found) if found else text.find(q, at)


def reason(text, s, e, first, later):
    before = text[:s].rstrip(" ")[-1:]
    after = text[e:].lstrip(" ,.;:!?")[:1]  # a quotation's text leaves out the comma before its closing mark
    if before not in OPEN or after not in CLOSE or any(c in MARKS for c in text[s:e]):
        return "marks"
    if any(lo - 2 <= s <= hi for lo, hi in later):
        return "content2"
    if any(s - 1 <= lo <= s + 3 and hi >= e - 2 and text[lo - 1:lo] in OPEN for lo, hi in first):
        return "inside"
    return "other"


def main():
    split, jsonl = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv[3:]
    texts = {os.path.basename(p)[:-4]: open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(split, "text", "*.txt"))}
    anns = {}
    for p in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        anns.setdefault(os.path.basename(p).rsplit("_", 1)[0], p)
    preds = {}
    for line in open(jsonl, encoding="utf-8"):
        if line.strip():
            a = json.loads(line)
            k = os.path.basename(a.get("source", ""))
            preds[k[:-4] if k.endswith(".txt") else k] = a
    tp = fn = 0
    count = {"marks": 0, "content2": 0, "inside": 0, "other": 0}
    for key, text in sorted(texts.items()):
        gold = Q.parse_ann(anns[key], text) if key in anns else []
        pq = [q for q in preds.get(key, {}).get("quotes", []) if Q.words(q.get("text", ""))]
        used = set()
        for g in gold:  # the scorer's matching, as in quotes.score
            best, bi = 0.0, -1
            for i, q in enumerate(pq):
                if i not in used:
                    o = Q.overlap(q["text"], g["text"])
                    if o > best:
                        best, bi = o, i
            if best >= 0.5:
                tp += 1
                used.add(bi)
            else:
                fn += 1
        first, later = annotations(anns[key]) if key in anns else ([], [])
        at = 0
        for i, q in enumerate(pq):
            # the quotation in the source text (the brief's body is cleaned, so find it again)
            s = locate(text, q["text"][:60], at)
            if s < 0:
                s = locate(text, q["text"][:60], 0)
            if s >= 0:
                at = s
            if i in used:
                continue
            r = reason(text, s, s + len(q["text"]), first, later) if s >= 0 else "other"
            count[r] += 1
            if verbose:
                print(f"{r:8s} {key[:40]} {q.get('speaker')!r}: {q['text'][:80]!r}")
    fp = sum(count.values())

    def f1(tp, fp, fn):
        return round(2 * tp / (2 * tp + fp + fn), 4)

    print(json.dumps({"tp": tp, "fp": fp, "fn": fn, "fp_reasons": count, "f1_as_scored": f1(tp, fp, fn),
                      "f1_marks_set_aside": f1(tp, fp - count["marks"], fn),
                      "f1_annotations_read_whole": f1(tp + count["content2"] + count["inside"], fp - count["marks"] - count["content2"] - count["inside"], fn)}))


if __name__ == "__main__":
    main()
