#!/usr/bin/env bash
# bench/http.sh: HTTP throughput and latency with wrk (-t2 -c16 -d20s --latency) against
#   /                                  the home page (latest day's list)
#   /api/daily_papers?date=DATE        the JSON list of the latest featured day
# on a server started on a prepared data dir, after a 5 s warm-up per endpoint. Prints
# requests/s, p50 and p99 per endpoint. Loopback only.
#   bench/http.sh [--data DIR] [--port PORT] [--date YYYY-MM-DD] [--duration 20s] [DAYS_DIR]
# Without --data, the whole days dataset is imported once into bench/out/data-days (reused).
# Needs wrk (installed with apt-get when missing). Extra JVM options: PAPERBOY_JAVA_OPTS.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DATA="" PORT="${PORT:-17072}" DATE="" DAYS="" DURATION=20s WARMUP=5s THREADS=2 CONNECTIONS=16
while (($#)); do
  case "$1" in
    --data) DATA="${2:?--data needs a dir}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --date) DATE="${2:?--date needs YYYY-MM-DD}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs e.g. 20s}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) DAYS="$1"; shift ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
[[ -z "$DATE" || "$DATE" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "--date must be YYYY-MM-DD"
[[ "$DURATION" =~ ^[1-9][0-9]*[sm]?$ ]] || die "--duration must look like 20s or 1m"

if ! command -v wrk >/dev/null; then
  note "wrk not found; installing it with apt-get (Debian package wrk)"
  command -v apt-get >/dev/null || die "wrk is needed and apt-get is not available; install wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } \
    || die "could not install wrk with apt-get"
fi
command -v curl >/dev/null || die "curl is needed"

find_jdk
ensure_jar
mkdir -p "$OUT_DIR"
if [[ -z "$DATA" ]]; then
  DAYS="${DAYS:-$(default_days_dir)}"
  [[ -n "$DAYS" && -d "$DAYS" ]] || die "days dir not found; pass --data DIR or a days dir"
  DATA="$(prepare_data "$DAYS")"
fi
[[ -d "$DATA" ]] || die "data dir not found: $DATA"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT; pick another --port"

BASE="http://127.0.0.1:$PORT"
LOG="$OUT_DIR/http-server.log"
trap stop_server EXIT
start_server "$PORT" "$DATA" "$LOG"
wait_http_200 "$BASE/" 120 || { tail -n 20 "$LOG" >&2; die "the server did not come up (log: $LOG)"; }

if [[ -z "$DATE" ]]; then
  # The latest featured day: the first item of the default (newest first) list.
  DATE="$(curl -s --max-time 10 "$BASE/api/daily_papers?limit=1" | python3 -c '
import json, sys
try:
    items = json.load(sys.stdin)
    item = items[0]
    when = item.get("paper", {}).get("submittedOnDailyAt") or item.get("publishedAt") or ""
    print(when[:10])
except Exception:
    pass
' || true)"
  [[ "$DATE" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "could not find the latest featured date from $BASE/api/daily_papers?limit=1; pass --date YYYY-MM-DD"
fi

machine_info
echo "== http"
echo "data dir: $DATA ($(du -sh "$DATA" | cut -f1))"
echo "server:   $JAVA ${PAPERBOY_JAVA_OPTS:-} -jar target/paperboy.jar serve --port $PORT --data $DATA"
echo "wrk:      $(wrk --version 2>&1 | head -n1)"
echo "load:     wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up per endpoint)"

# Prints "rps p50 p99 non2xx errors" from wrk --latency output on stdin.
parse_wrk() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    /^[[:space:]]+50%/ { p50 = $2 }
    /^[[:space:]]+99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%s %s %s %s %s\n", rps, p50, p99, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors) }'
}

results=()
for path in "/" "/api/daily_papers?date=$DATE"; do
  url="$BASE$path"
  code="$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$url" || true)"
  [[ "$code" == 200 ]] || die "$url answers $code, not 200; nothing to measure"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  out="$OUT_DIR/http-wrk-$( [[ "$path" == / ]] && echo home || echo api-daily ).txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$url" | tee "$out" >&2
  read -r rps p50 p99 non2xx errors < <(parse_wrk <"$out")
  results+=("$(printf '%-36s %10s %9s %9s %7s %s' "$path" "$rps" "$p50" "$p99" "$non2xx" "$errors")")
done

echo "== results"
printf '%-36s %10s %9s %9s %7s %s\n' endpoint requests/s p50 p99 non-2xx socket-errors
printf '%s\n' "${results[@]}"
