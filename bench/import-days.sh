#!/usr/bin/env bash
# bench/import-days.sh: times a full import of the Hugging Face daily-papers days into a fresh
# data dir: wall-clock seconds, entries per second and (with GNU time) peak RSS.
#   bench/import-days.sh [DAYS_DIR]        default: ../shared/datasets/hf-daily-papers/days
#   RUNS=3 bench/import-days.sh            repeat (a fresh data dir each time)
# Extra JVM options: PAPERBOY_JAVA_OPTS. Logs go to bench/out/.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DAYS="${1:-$(default_days_dir)}"
[[ -n "$DAYS" && -d "$DAYS" ]] || die "days dir not found (pass it as the first argument): ${DAYS:-../shared/datasets/hf-daily-papers/days}"
DAYS="$(cd "$DAYS" && pwd -P)"
RUNS="${RUNS:-1}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

find_jdk
ensure_jar
mkdir -p "$OUT_DIR"

FILES="$(find "$DAYS" -maxdepth 1 -name '*.json' | wc -l)"
ENTRIES="$(count_entries "$DAYS")"
TIME_BIN=""
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 && TIME_BIN=/usr/bin/time

machine_info
echo "== import-days"
echo "source:   $DAYS ($FILES files, $ENTRIES entries in valid day files)"
echo "command:  ./paperboy import --data <fresh tmp dir> $DAYS"
[[ -n "$TIME_BIN" ]] || echo "note:     /usr/bin/time -v not available: no peak RSS"

TMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/paperboy-bench-import.XXXXXX")"
trap 'rm -rf "$TMP_ROOT"' EXIT

printf '%-4s %10s %12s %14s %s\n' run wall_s entries/s peak_rss_MiB exit
for ((run = 1; run <= RUNS; run++)); do
  data="$TMP_ROOT/data-$run"
  log="$OUT_DIR/import-days-run$run.log"
  tv="$TMP_ROOT/time-$run.txt"
  start="$(now_ms)"
  rc=0
  if [[ -n "$TIME_BIN" ]]; then
    "$TIME_BIN" -v -o "$tv" "$ROOT/paperboy" import --data "$data" "$DAYS" >"$log" 2>&1 || rc=$?
  else
    "$ROOT/paperboy" import --data "$data" "$DAYS" >"$log" 2>&1 || rc=$?
  fi
  end="$(now_ms)"
  wall_ms=$((end - start))
  rss="-"
  if [[ -f "$tv" ]]; then
    rss_kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$tv")"
    [[ -n "$rss_kb" ]] && rss="$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f", k / 1024}')"
  fi
  wall_s="$(awk -v m="$wall_ms" 'BEGIN {printf "%.2f", m / 1000}')"
  rate="$(awk -v n="$ENTRIES" -v m="$wall_ms" 'BEGIN {printf "%.0f", (m > 0 ? n * 1000 / m : 0)}')"
  printf '%-4s %10s %12s %14s %s\n' "$run" "$wall_s" "$rate" "$rss" "$rc"
  if ((rc != 0)); then
    echo "import failed (exit $rc); last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  echo "     data dir size: $(du -sh "$data" | cut -f1); log: $log"
done
