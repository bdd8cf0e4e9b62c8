#!/usr/bin/env bash
# bench/trending.sh: requests/s of trending and of / for an anonymous visitor, with wrk
# (-t2 -c16, --duration each after a 3 s warm-up), on the whole days dataset plus 7 days of
# papers featured up to today (bench/make-recent-days.py: the last 7 real days under new ids), with
# embeddings off. Each address twice: as it is (the page cache answers) and with a new query
# parameter per request (bench/fresh-query.lua: every request computed, as for a visitor the
# shared cache cannot serve).
#   bench/trending.sh [--root CHECKOUT] [--port PORT] [--duration 10s] [--paths "/ /papers/trending"] [DAYS_DIR]
# --root runs another checkout's jar (say main's, for a before/after): its target/paperboy.jar is
# built when stale and imports its own data dir under this checkout's bench/out.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
HERE="$ROOT"

PORT=17731 DURATION=10s DAYS="" PATHS="/ /papers/trending /api/daily_papers?sort=trending&limit=50"
while (($#)); do
  case "$1" in
    --root) ROOT="$(cd "${2:?--root needs a dir}" && pwd -P)"; JAR="$ROOT/target/paperboy.jar"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs e.g. 10s}"; shift 2 ;;
    --paths) PATHS="${2:?--paths needs addresses}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) DAYS="$1"; shift ;;
  esac
done
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
find_jdk
ensure_jar
DAYS="${DAYS:-$(default_days_dir)}"
[[ -n "$DAYS" && -d "$DAYS" ]] || die "days dir not found; pass one"

mkdir -p "$OUT_DIR"
RECENT="$OUT_DIR/trending-recent-$(date -u +%F)"
[[ -d "$RECENT" ]] || note "made $("$HERE/bench/make-recent-days.py" "$DAYS" "$RECENT") recent entries in $RECENT"
DATA="$OUT_DIR/trending-data-$(echo "$ROOT" | md5sum | cut -c1-8)-$(date -u +%F)"
if [[ ! -f "$DATA/.prepared" || "$JAR" -nt "$DATA/.prepared" ]]; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  note "importing $DAYS and $RECENT into $DATA ..."
  "$JAVA" -jar "$JAR" import --data "$DATA" "$DAYS" "$RECENT" >"$OUT_DIR/trending-import.log" 2>&1 \
    || { tail -n 20 "$OUT_DIR/trending-import.log" >&2; die "import failed"; }
  touch "$DATA/.prepared"
fi

BASE="http://127.0.0.1:$PORT"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT"
trap stop_server EXIT
export PAPERBOY_EMBEDDINGS=off
start_server "$PORT" "$DATA" "$OUT_DIR/trending-server.log"
wait_http_200 "$BASE/" 120 || die "the server did not come up (log: $OUT_DIR/trending-server.log)"

machine_info
echo "== trending (jar: $JAR, data: $DATA)"
echo "load: wrk -t2 -c16 -d$DURATION --latency, after a 3 s warm-up per address"
printf '%-46s %-7s %10s %9s %9s %7s\n' address cache requests/s p50 p99 non-2xx
for path in $PATHS; do
  code="$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE$path" || true)"
  [[ "$code" == 200 ]] || { note "$path answers $code; skipped"; continue; }
  for mode in hit miss; do
    script=(); [[ "$mode" == miss ]] && script=(-s "$HERE/bench/fresh-query.lua")
    wrk -t2 -c16 -d3s "${script[@]}" "$BASE$path" >/dev/null
    out="$(wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency "${script[@]}" "$BASE$path")"
    printf '%-46s %-7s %10s %9s %9s %7s\n' "$path" "$mode" \
      "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")" "$(awk '/^ +50%/ {print $2}' <<<"$out")" \
      "$(awk '/^ +99%/ {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
