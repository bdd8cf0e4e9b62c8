#!/usr/bin/env python3
"""bench/make-recent-days.py: day files featured in the last days, for benchmarks of trending.

Copies the last DAYS day files of SRC into OUT, one for each of the DAYS days up to today (UTC),
each entry under a new arXiv id (2612.9xxxx, which no real day file uses) and featured that day
at 08:00 UTC plus a minute per entry, so that the papers are first featured within trending's
window. Upvotes, titles and abstracts stay as they were.
    bench/make-recent-days.py SRC OUT [DAYS]
"""
import datetime
import json
import os
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    days = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    names = sorted(n for n in os.listdir(src) if n.endswith(".json"))[-days:]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    os.makedirs(out, exist_ok=True)
    serial = 90000
    for back, name in zip(range(days - 1, -1, -1), names):
        day = today - datetime.timedelta(days=back)
        with open(os.path.join(src, name), encoding="utf-8") as f:
            entries = json.load(f)
        for minute, entry in enumerate(entries):
            at = datetime.datetime.combine(day, datetime.time(8, 0), datetime.timezone.utc) + datetime.timedelta(minutes=minute)
            stamp = at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
            entry["paper"]["id"] = "2612.%05d" % serial
            entry["paper"]["submittedOnDailyAt"] = stamp
            entry["publishedAt"] = stamp
            serial += 1
        with open(os.path.join(out, day.isoformat() + ".json"), "w", encoding="utf-8") as f:
            json.dump(entries, f, ensure_ascii=False)
    print(serial - 90000)


if __name__ == "__main__":
    main()
