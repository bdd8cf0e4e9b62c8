#!/usr/bin/env bash
# bench/first-page.sh: milliseconds from launching `./paperboy serve` (jar already built) on a
# prepared data dir to the first HTTP 200 on http://127.0.0.1:PORT/ (polled every 20 ms);
# 5 runs, each printed, then the median. The server is stopped after each run.
#   bench/first-page.sh [--data DIR] [--port PORT] [--runs N] [DAYS_DIR]
# Without --data, the whole days dataset is imported once into bench/out/data-days (reused).
# Extra JVM options: PAPERBOY_JAVA_OPTS. Logs go to bench/out/.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DATA="" PORT="${PORT:-17071}" RUNS=5 DAYS="" TIMEOUT_S=120
while (($#)); do
  case "$1" in
    --data) DATA="${2:?--data needs a dir}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) DAYS="$1"; shift ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"

find_jdk
ensure_jar
mkdir -p "$OUT_DIR"
command -v curl >/dev/null || die "curl is needed"
if [[ -z "$DATA" ]]; then
  DAYS="${DAYS:-$(default_days_dir)}"
  [[ -n "$DAYS" && -d "$DAYS" ]] || die "days dir not found; pass --data DIR or a days dir"
  DATA="$(prepare_data "$DAYS")"
fi
[[ -d "$DATA" ]] || die "data dir not found: $DATA"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT; pick another --port"

trap stop_server EXIT

machine_info
echo "== first-page"
echo "data dir: $DATA ($(du -sh "$DATA" | cut -f1))"
echo "command:  ./paperboy serve --port $PORT --data $DATA   (java ${PAPERBOY_JAVA_OPTS:-} with class data sharing)"
echo "measure:  launch -> first 200 on http://127.0.0.1:$PORT/ (polled every 20 ms, timeout ${TIMEOUT_S}s)"

times=()
for ((run = 1; run <= RUNS; run++)); do
  log="$OUT_DIR/first-page-run$run.log"
  t0="$(now_ms)"
  start_server "$PORT" "$DATA" "$log"
  if ! wait_http_200 "http://127.0.0.1:$PORT/" "$TIMEOUT_S"; then
    tail -n 20 "$log" >&2
    die "run $run: no first page (server log: $log)"
  fi
  ms=$(( $(now_ms) - t0 ))
  stop_server
  times+=("$ms")
  echo "run $run: ${ms} ms"
done

mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
n=${#sorted[@]}
if ((n % 2)); then
  median="${sorted[n / 2]}"
else
  median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 ))
fi
echo "median: ${median} ms (min ${sorted[0]}, max ${sorted[n - 1]}, runs $n)"
