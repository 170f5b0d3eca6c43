#!/usr/bin/python3
"""Write, for each feed under FEEDS_DIR, the items feedparser 6 reads that have a
title or some text (JSON Feeds: items with title, content_html, content_text or
summary; RSS-in-JSON: rss.channel.item). usage: fpcounts.py FEEDS_DIR > counts.tsv"""
import json, os, re, sys
import feedparser
root = sys.argv[1]
def text(s): return re.sub(r'<[^>]*>', '', s or '').strip()
def has_text(e):
    if text(e.get('title')): return True
    if any(text(c.get('value')) for c in e.get('content', []) or []): return True
    return any(text(e.get(k)) for k in ('summary', 'description', 'media_description'))
print('# feed\titems with a title or text, as feedparser %s reads them' % feedparser.__version__)
for d, _, fs in sorted(os.walk(root)):
    for f in sorted(fs):
        p = os.path.join(d, f)
        data = open(p, 'rb').read()
        if f.endswith('.json'):
            try:
                doc = json.loads(data)
                items = doc.get('items')
                if items is None and 'rss' in doc:
                    items = doc['rss']['channel'].get('item', [])
                n = sum(1 for it in items or [] if any(text(str(it.get(k) or '')) for k in ('title', 'content_html', 'content_text', 'summary', 'description')))
            except Exception:
                n = 0
        else:
            n = sum(1 for e in feedparser.parse(data).entries if has_text(e))
        print('%s\t%d' % (os.path.relpath(p, root), n))
