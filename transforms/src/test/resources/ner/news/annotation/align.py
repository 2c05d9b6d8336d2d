"""Turns the annotation files (one mention per line, in text order: document index or doc_id|P/O/L|text|
canonical when not the text) into a gold CSV with character offsets, by finding each mention after the
one before in its document. A document index's parity gives its half (even: dev, odd: test); with
--half NAME every mention is in that half. Usage:
python3 align.py CORPUS.jsonl.gz a.txt ... > ../gold_mentions.csv
python3 align.py --half dev CORPUS.jsonl.gz brown/*.txt > ../brown_mentions.csv
python3 align.py --half test --no-header CORPUS.jsonl.gz brown-test/*.txt >> ../brown_mentions.csv"""
import json, re, sys, csv, gzip
args = sys.argv[1:]
half = None
header = True
while args[0].startswith('--'):
    if args[0] == '--half':
        half = args[1]
        args = args[2:]
    elif args[0] == '--no-header':
        header = False
        args = args[1:]
docs = sorted((json.loads(l) for l in gzip.open(args[0], 'rt', encoding='utf-8')), key=lambda d: d['doc_id'])
index_of = {d['doc_id']: i for i, d in enumerate(docs)}
types = {'P': 'person', 'O': 'organization', 'L': 'location'}
rows = []
errors = 0
by_doc = {}
for f in args[1:]:
    for line in open(f):
        line = line.rstrip('\n')
        if not line:
            continue
        i, t, surface, canonical = line.split('|')
        by_doc.setdefault(int(i) if i.isdigit() else index_of[i], []).append((t, surface, canonical or surface))
for i in sorted(by_doc):
    text = docs[i]['text']
    cursor = 0
    for t, surface, canonical in by_doc[i]:
        pattern = r'\s+'.join(re.escape(w) for w in surface.split(' '))
        m = None
        for cand in re.finditer(pattern, text[cursor:]):
            s = cursor + cand.start(); e = cursor + cand.end()
            before = text[s-1] if s > 0 else ' '
            after = text[e] if e < len(text) else ' '
            if (before.isalnum() and surface[0].isalnum()) or (after.isalnum() and surface[-1].isalnum()):
                continue
            if before == '-' or after == '-':  # a name inside a hyphenated compound is not a mention
                continue
            m = (s, e); break
        if m is None:
            print('NOT FOUND', i, docs[i]['doc_id'], surface, 'after', cursor, file=sys.stderr); errors += 1; continue
        s, e = m
        # code points = chars in Python
        rows.append([docs[i]['doc_id'], half or ('dev' if i % 2 == 0 else 'test'), s, e, text[s:e], types[t], canonical])
        cursor = e
print(len(rows), 'mentions,', errors, 'errors', file=sys.stderr)
w = csv.writer(sys.stdout, lineterminator='\n')
if header:
    w.writerow(['doc_id', 'half', 'start', 'end', 'text', 'type', 'entity'])
w.writerows(rows)
