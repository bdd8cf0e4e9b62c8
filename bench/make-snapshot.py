#!/usr/bin/env python3
"""bench/make-snapshot.py: writes a synthetic arXiv snapshot (Kaggle JSON Lines format) made from
real records, for the bulk-import benchmark (bench/import-snapshot.sh).

    python3 bench/make-snapshot.py --source ../shared/datasets/arxiv/kaggle-snapshot/*.jsonl \
        --lines 1000000 --out bench/out/arxiv-metadata-oai-snapshot.json

Every output line is one of the real source records (arXiv metadata, CC0) with, so that no two
lines are the same paper or the same text:
  - a new id: YYMM.NNNNN, 99,999 a month from 2001 on (2001.00001, 2001.00002, ...);
  - the title with one word of the shared vocabulary appended and the record's ordinal;
  - about one word in eight of the abstract replaced by a word drawn from the vocabulary of all
    source abstracts (so the index sees realistic words at realistic frequencies, not noise);
  - the authors of another source record (authors and authors_parsed stay consistent).
Everything else (versions, dates, categories, DOI, licence, ...) is the source record's. The
random choices are seeded, so a given --lines and --seed always write the same bytes.
"""
import argparse
import json
import random
import sys

PER_MONTH = 99_999


def arxiv_id(n):
    """The n-th (0-based) id: 2001.00001 ... 2001.99999, 2002.00001, ..."""
    month_index, number = divmod(n, PER_MONTH)
    year, month = divmod(month_index, 12)
    return "%02d%02d.%05d" % (20 + year, month + 1, number + 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", nargs="+", required=True, help="Kaggle snapshot JSON Lines files with real records")
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=20070402)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    records = []
    for path in args.source:
        with open(path, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    if not records:
        sys.exit("no records in " + " ".join(args.source))
    vocabulary = sorted({w for r in records for w in (r.get("abstract") or "").split() if w.isalpha()})
    rng = random.Random(args.seed)

    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.lines):
            source = records[n % len(records)]
            other = records[rng.randrange(len(records))]
            r = dict(source)
            r["id"] = arxiv_id(n)
            r["title"] = "%s %s %d" % (source["title"], rng.choice(vocabulary), n)
            words = (source.get("abstract") or "").split(" ")
            for i in range(len(words)):
                if rng.random() < 0.125:
                    words[i] = rng.choice(vocabulary)
            r["abstract"] = " ".join(words)
            r["authors"] = other.get("authors")
            r["authors_parsed"] = other.get("authors_parsed")
            out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    print("wrote %d lines made from %d real records to %s" % (args.lines, len(records), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
