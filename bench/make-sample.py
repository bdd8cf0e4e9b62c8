#!/usr/bin/env python3
# make-sample.py: builds Paperboy's bundled sample data (src/main/resources/sample/days/) from the
# raw Hugging Face daily-papers captures, with Hugging Face user data stripped.
#
# Run from anywhere (python3, standard library only):
#   python3 bench/make-sample.py                       # last 60 featured days from the default source
#   python3 bench/make-sample.py /path/to/days         # another source folder of YYYY-MM-DD.json files
#   python3 bench/make-sample.py --count 30            # a different number of days
#   python3 bench/make-sample.py --dates 2024-05-27,2026-08-21 --out src/test/resources/fixtures/hf-days
#                                                      # chosen days, elsewhere (used for the test fixtures)
# The source folder defaults to ../shared/datasets/hf-daily-papers/days relative to the repo root
# (or to the nearest ancestor folder that has shared/datasets/..., for git worktrees);
# relative --out paths are relative to the repo root. Files whose name is not YYYY-MM-DD.json or
# whose content is not a non-empty JSON array of objects are skipped (with a note on stderr).
# The output folder's *.json files are replaced, so a rerun gives exactly the same output.
import argparse
import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_SUFFIX = os.path.join("shared", "datasets", "hf-daily-papers", "days")
DEFAULT_OUT = os.path.join(REPO_ROOT, "src", "main", "resources", "sample", "days")
DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")

# Hugging Face user data: who submitted, which organisation, which HF account claimed an author.
ENTRY_DROP = ("submittedBy", "organization", "submitterOrganization", "isAuthorParticipating")
PAPER_DROP = ("submittedOnDailyBy", "organization", "githubRepoAddedBy")
AUTHOR_DROP = ("user", "status", "statusLastChangedAt")


def default_source():
    """../shared/datasets/hf-daily-papers/days from the repo root, or from the nearest ancestor that
    has it (a git worktree may sit one level deeper than the main checkout)."""
    d = os.path.dirname(REPO_ROOT)
    while True:
        candidate = os.path.join(d, SOURCE_SUFFIX)
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(d)
        if parent == d:
            return os.path.join(os.path.dirname(REPO_ROOT), SOURCE_SUFFIX)
        d = parent


def strip_entry(entry):
    """Returns a copy of one daily-papers entry without Hugging Face user data; key order is kept."""
    out = {k: v for k, v in entry.items() if k not in ENTRY_DROP}
    paper = entry.get("paper")
    if isinstance(paper, dict):
        p = {k: v for k, v in paper.items() if k not in PAPER_DROP}
        authors = paper.get("authors")
        if isinstance(authors, list):
            p["authors"] = [
                {k: v for k, v in a.items() if k not in AUTHOR_DROP} if isinstance(a, dict) else a
                for a in authors
            ]
        out["paper"] = p
    return out


def load_day(path):
    """The entries of one day file, or None (with the reason on stderr) when it is not usable."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"skip {os.path.basename(path)}: not JSON ({e})", file=sys.stderr)
        return None
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        print(f"skip {os.path.basename(path)}: not a JSON array of objects", file=sys.stderr)
        return None
    if not data:
        print(f"skip {os.path.basename(path)}: no featured papers", file=sys.stderr)
        return None
    return data


def main(argv):
    ap = argparse.ArgumentParser(description="Write stripped daily-papers day files for Paperboy.")
    ap.add_argument("source", nargs="?", default=None,
                    help="folder of YYYY-MM-DD.json files (default: ../shared/datasets/hf-daily-papers/days"
                         " from the repo root or its nearest ancestor that has it)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    ap.add_argument("--count", type=int, default=60, help="how many of the latest days (default: 60)")
    ap.add_argument("--dates", help="comma-separated YYYY-MM-DD list: write exactly these days instead")
    args = ap.parse_args(argv)

    source = args.source or default_source()
    out = args.out if os.path.isabs(args.out) else os.path.join(REPO_ROOT, args.out)
    if not os.path.isdir(source):
        print(f"error: source folder not found: {source}", file=sys.stderr)
        return 2

    names = sorted(n for n in os.listdir(source) if DAY_FILE.match(n))
    if args.dates:
        wanted = [d.strip() for d in args.dates.split(",") if d.strip()]
        missing = [d for d in wanted if f"{d}.json" not in names]
        if missing:
            print(f"error: no such day file(s) in {source}: {', '.join(missing)}", file=sys.stderr)
            return 2
        names = [f"{d}.json" for d in sorted(set(wanted))]

    chosen = []  # (name, entries), newest first while collecting
    for name in reversed(names):
        entries = load_day(os.path.join(source, name))
        if entries is None:
            if args.dates:
                print(f"error: {name} is not a usable day file", file=sys.stderr)
                return 2
            continue
        chosen.append((name, entries))
        if not args.dates and len(chosen) == args.count:
            break
    chosen.reverse()
    if not chosen:
        print("error: no usable day files found", file=sys.stderr)
        return 2

    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if DAY_FILE.match(old):
            os.remove(os.path.join(out, old))
    total = 0
    for name, entries in chosen:
        stripped = [strip_entry(e) for e in entries]
        text = json.dumps(stripped, ensure_ascii=False, separators=(",", ":"))
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.write("\n")
        total += len(stripped)
    # The server reads the sample from its jar, where a folder cannot be listed: name the files.
    with open(os.path.join(out, "INDEX"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(name + "\n" for name, _ in chosen))
    first, last = chosen[0][0][:10], chosen[-1][0][:10]
    print(f"wrote {len(chosen)} days ({first} .. {last}), {total} entries, to {os.path.relpath(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
