#!/usr/bin/env bash
# bench/search-http.sh: /search over HTTP with wrk (-t2 -c16, --latency), keyword and hybrid, one
# query repeated (q=attention), varied queries (bench/search-queries.lua: 1- and 2-word queries
# from the bundled sample's titles, picked at random per request: 1,000 of them, so most come
# back within a run) and fresh ones (two such queries joined: a million pairs, seldom asked
# twice), then / (the home page, cached). Prints requests/s, p50, p99 and non-2xx per row, the hit
# rate of remembered answers (same search, same index snapshot) and, for hybrid, of the remembered
# query vectors over the run (both from /metrics). Loopback only.
#   bench/search-http.sh [--jar JAR] [--data DIR] [--port PORT] [--duration 15s]
# Without --data, a data dir with the bundled sample (loaded and embedded by serve on its first
# start, which takes minutes) is made once under bench/out/data-sample and reused. --jar runs
# another build (e.g. main's, for a before/after); both run as `java --add-modules
# jdk.incubator.vector -jar JAR serve`, as the launcher does, without the class-data archive.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DATA="" PORT="${PORT:-17073}" DURATION=15s WARMUP=5s RUN_JAR=""
while (($#)); do
  case "$1" in
    --jar) RUN_JAR="${2:?--jar needs a file}"; shift 2 ;;
    --data) DATA="${2:?--data needs a dir}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs e.g. 15s}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number"
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
find_jdk
if [[ -z "$RUN_JAR" ]]; then ensure_jar; RUN_JAR="$JAR"; fi
[[ -f "$RUN_JAR" ]] || die "jar not found: $RUN_JAR"
mkdir -p "$OUT_DIR"
DATA="${DATA:-$OUT_DIR/data-sample}"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT; pick another --port"

BASE="http://127.0.0.1:$PORT"
LOG="$OUT_DIR/search-http-server.log"
PID=""
stop() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap stop EXIT
# shellcheck disable=SC2086
"$JAVA" --add-modules jdk.incubator.vector ${PAPERBOY_JAVA_OPTS:-} -jar "$RUN_JAR" serve --port "$PORT" --data "$DATA" >"$LOG" 2>&1 &
PID=$!
wait_http_200 "$BASE/healthz" 300 || { tail -n 20 "$LOG" >&2; die "the server did not come up (log: $LOG)"; }
note "waiting for the sample to be embedded ..."
for _ in $(seq 1 1200); do
  curl -s --max-time 5 "$BASE/healthz" | grep -q '"state":"done"' && break
  sleep 1
done

QUERIES="$OUT_DIR/search-queries.txt"
python3 - "$ROOT/src/main/resources/sample/days" >"$QUERIES" <<'PY'
import json, os, random, re, sys, urllib.parse
words = []
for name in sorted(os.listdir(sys.argv[1])):
    if name.endswith(".json"):
        for entry in json.load(open(os.path.join(sys.argv[1], name), encoding="utf-8")):
            title = (entry.get("paper") or {}).get("title") or entry.get("title") or ""
            words += [w for w in re.findall(r"[a-z]+", title.lower()) if len(w) > 3]
random.seed(13)
for i in range(1000):
    q = random.choice(words) if i % 2 else random.choice(words) + " " + random.choice(words)
    print(urllib.parse.quote(q))
PY
export QUERIES

machine_info
echo "== search over HTTP"
echo "jar:      $RUN_JAR"
echo "data dir: $DATA ($(curl -s "$BASE/healthz" | python3 -c 'import json,sys; h=json.load(sys.stdin); print(h["store"]["papers"], "papers,", h["embeddings"]["embedded"], "embedded")'))"
echo "wrk:      -t2 -c16 -d$DURATION --latency, after a $WARMUP warm-up; $(wc -l <"$QUERIES") varied queries"

parse_wrk() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    /^[[:space:]]+50%/ { p50 = $2 }
    /^[[:space:]]+99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    END { printf "%s %s %s %s\n", rps, p50, p99, (non2xx == "" ? 0 : non2xx) }'
}
# A remembered-answers or remembered-vectors counter pair, "hits misses" (0 0 where the build has none).
counts() { # metric prefix, e.g. paperboy_search_query_vectors
  curl -s --max-time 5 "$BASE/metrics" | awk -v p="$1" '
    $1 == p "_hits" { h = $2 } $1 == p "_misses" { m = $2 }
    END { printf "%d %d\n", h, m }'
}
# "12.3%" from hits and misses before and after, "-" when nothing was counted.
rate() { # h0 m0 h1 m1
  if (( $3 + $4 > $1 + $2 )); then
    awk -v h=$(($3 - $1)) -v m=$(($4 - $2)) 'BEGIN { printf "%.1f%%", 100 * h / (h + m) }'
  else
    echo "-"
  fi
}

rows=()
run() { # name mode|"" url-or-lua [FRESH]
  local name="$1" mode="$2" target="$3" fresh="${4:-0}" out="$OUT_DIR/search-http-$1.txt" v0 a0 v1 a1 vectors="-"
  if [[ "$target" == *.lua ]]; then
    FRESH="$fresh" MODE="$mode" wrk -t2 -c16 -d"$WARMUP" -s "$target" "$BASE" >/dev/null
    v0="$(counts paperboy_search_query_vectors)" a0="$(counts paperboy_search_answers)"
    FRESH="$fresh" MODE="$mode" wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency -s "$target" "$BASE" >"$out"
  else
    wrk -t2 -c16 -d"$WARMUP" "$BASE$target" >/dev/null
    v0="$(counts paperboy_search_query_vectors)" a0="$(counts paperboy_search_answers)"
    wrk -t2 -c16 -d"$DURATION" --timeout 10s --latency "$BASE$target" >"$out"
  fi
  v1="$(counts paperboy_search_query_vectors)" a1="$(counts paperboy_search_answers)"
  # shellcheck disable=SC2086
  [[ "$mode" == hybrid ]] && vectors="$(rate $v0 $v1)"
  # shellcheck disable=SC2086
  local answers="$(rate $a0 $a1)"
  read -r rps p50 p99 non2xx < <(parse_wrk <"$out")
  rows+=("$(printf '%-24s %10s %9s %9s %7s %8s %8s %s' "$name" "$rps" "$p50" "$p99" "$non2xx" "$answers" "$vectors" "$(cut -d' ' -f1 /proc/loadavg)")")
}
LUA="$ROOT/bench/search-queries.lua"
run keyword-repeated keyword "/search?q=attention&mode=keyword"
run keyword-varied keyword "$LUA"
run keyword-fresh keyword "$LUA" 1
run hybrid-repeated hybrid "/search?q=attention&mode=hybrid"
run hybrid-varied hybrid "$LUA"
run hybrid-fresh hybrid "$LUA" 1
run home "" "/"

echo "== results"
printf '%-24s %10s %9s %9s %7s %8s %8s %s\n' run requests/s p50 p99 non-2xx answers vectors load-after
printf '%s\n' "${rows[@]}"
