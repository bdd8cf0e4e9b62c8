#!/usr/bin/env bash
# bench/import-snapshot.sh: bulk import of an arXiv snapshot (Kaggle JSON Lines format) into a fresh
# SQLite data dir with a 512 MB heap: parse, store and keyword index, end to end. Prints records/s,
# peak RSS, store and index size, then two re-runs: the same file again (passed over) and an import
# killed with SIGKILL part-way and then resumed.
#   bench/import-snapshot.sh                  1,000,000 lines (made once into bench/out/, ~1.5 GB)
#   LINES=200000 bench/import-snapshot.sh     a smaller file
#   KILL_AFTER=60 bench/import-snapshot.sh    kill the interrupted run after 60 s (default: a quarter of
#                                             run 1, while the file is still being read)
#   RESUME=0 bench/import-snapshot.sh         skip the kill-and-resume run
# The file is GENERATED from the 200 real records of ../shared/datasets/arxiv/kaggle-snapshot by
# bench/make-snapshot.py (new ids, varied titles, abstracts and authors; see that script), so it has
# the snapshot's format and the real records' shape, not arXiv's whole vocabulary.
# Extra JVM options: PAPERBOY_JAVA_OPTS (after -Xmx512m). Logs go to bench/out/.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

LINES="${LINES:-1000000}"
HEAP="${HEAP:--Xmx512m}"
[[ "$LINES" =~ ^[1-9][0-9]*$ ]] || die "LINES must be a positive integer"

find_jdk
ensure_jar
mkdir -p "$OUT_DIR"
command -v python3 >/dev/null || die "python3 is needed to generate the snapshot"
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is needed for peak RSS"

# The real records: ../shared/datasets/arxiv/kaggle-snapshot from the nearest ancestor that has it.
source_dir() {
  local d
  d="$(dirname "$ROOT")"
  while [[ "$d" != / ]]; do
    [[ -d "$d/shared/datasets/arxiv/kaggle-snapshot" ]] && { echo "$d/shared/datasets/arxiv/kaggle-snapshot"; return 0; }
    d="$(dirname "$d")"
  done
  return 1
}

# Named as Kaggle publishes it (.json although it is JSON Lines): the import must tell by content.
SNAPSHOT="$OUT_DIR/snapshot-$LINES/arxiv-metadata-oai-snapshot.json"
if [[ ! -f "$SNAPSHOT" ]]; then
  SRC="$(source_dir)" || die "../shared/datasets/arxiv/kaggle-snapshot not found"
  mkdir -p "$(dirname "$SNAPSHOT")"
  note "generating $SNAPSHOT ($LINES lines) from $SRC ..."
  python3 "$ROOT/bench/make-snapshot.py" --source "$SRC"/*.jsonl --lines "$LINES" --out "$SNAPSHOT.part"
  mv "$SNAPSHOT.part" "$SNAPSHOT"
fi

machine_info
if [[ "${CALIBRATE:-1}" == 1 ]]; then
  "$JAVA" "$ROOT/bench/Calibrate.java" | sed 's/^/calibrate: /'    # seconds a round; CALIBRATE=0 skips it
fi
echo "== import-snapshot"
echo "file:     $SNAPSHOT ($LINES lines, $(du -h "$SNAPSHOT" | cut -f1); generated from real records, see bench/make-snapshot.py)"
echo "command:  $JAVA $HEAP ${PAPERBOY_JAVA_OPTS:-} -jar target/paperboy.jar import --data <fresh dir> $SNAPSHOT"

TMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/paperboy-bench-snapshot.XXXXXX")"
trap 'rm -rf "$TMP_ROOT"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# Usage: timed NAME DATA_DIR; sets WALL_MS, RSS_MIB, RC; log in bench/out/import-snapshot-NAME.log
timed() {
  local name="$1" data="$2" tv="$TMP_ROOT/time-$1.txt" start end kb
  LOG="$OUT_DIR/import-snapshot-$name.log"
  start="$(now_ms)"
  RC=0
  # shellcheck disable=SC2086  # PAPERBOY_JAVA_OPTS holds several options on purpose
  /usr/bin/time -v -o "$tv" "$JAVA" $HEAP ${PAPERBOY_JAVA_OPTS:-} -jar "$JAR" import --data "$data" "$SNAPSHOT" \
    >"$LOG" 2>&1 || RC=$?
  end="$(now_ms)"
  WALL_MS=$((end - start))
  kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$tv")"
  RSS_MIB="$(mib "${kb:-0}")"
}

seconds() { awk -v m="$1" 'BEGIN {printf "%.1f", m / 1000}'; }
rate() { awk -v n="$1" -v m="$2" 'BEGIN {printf "%.0f", (m > 0 ? n * 1000 / m : 0)}'; }
summary() { grep -E '^imported ' "$LOG" | tail -n 1; }
indexed() { sed -n 's/^search index: \([0-9]*\) papers$/\1/p' "$LOG" | tail -n 1; }
check() { ((RC == 0)) || { tail -n 20 "$LOG" >&2; die "import exited $RC (log: $LOG)"; }; }

echo
echo "== run 1: fresh data dir (load before: $(load))"
DATA="$TMP_ROOT/data"
timed fresh "$DATA"
check
echo "wall:     $(seconds "$WALL_MS") s   records/s: $(rate "$LINES" "$WALL_MS")   peak RSS: $RSS_MIB MiB"
echo "result:   $(summary); search index: $(indexed) papers"
echo "store:    $(du -ch "$DATA"/paperboy.db* | tail -n 1 | cut -f1) (paperboy.db + WAL)   index: $(du -sh "$DATA/index" | cut -f1)"
echo "load after: $(load)"
FRESH_MS="$WALL_MS"

echo
echo "== run 2: the same file again (load before: $(load))"
timed again "$DATA"
check
echo "wall:     $(seconds "$WALL_MS") s   peak RSS: $RSS_MIB MiB   ($(grep -o 'passed over' "$LOG" | head -n 1 || echo 'NOT passed over'))"
echo "result:   $(summary)"

if [[ "${RESUME:-1}" == 1 ]]; then
  KILL_AFTER="${KILL_AFTER:-$((FRESH_MS / 4000))}"
  echo
  echo "== run 3: killed with SIGKILL after ${KILL_AFTER}s, then run again (load before: $(load))"
  DATA3="$TMP_ROOT/data3"
  # shellcheck disable=SC2086
  "$JAVA" $HEAP ${PAPERBOY_JAVA_OPTS:-} -jar "$JAR" import --data "$DATA3" "$SNAPSHOT" >"$OUT_DIR/import-snapshot-killed.log" 2>&1 &
  pid=$!
  sleep "$KILL_AFTER"
  kill -9 "$pid" 2>/dev/null || note "the import ended before it was killed"
  wait "$pid" 2>/dev/null || true
  timed resumed "$DATA3"
  check
  echo "wall:     $(seconds "$WALL_MS") s   peak RSS: $RSS_MIB MiB   ($(grep -o 'resuming after line [0-9,]*' "$LOG" | head -n 1 || echo 'did NOT resume'))"
  echo "result:   $(summary); search index: $(indexed) papers"
fi
