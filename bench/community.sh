#!/usr/bin/env bash
# bench/community.sh: what members cost. On a server over the bundled sample, with one member
# logged in (made with `paperboy user add`, logged in through the /login form with curl):
#   writes:  upvotes (toggled, answered as JSON) and comments per second, wrk -t2 -c2 (2 clients)
#   reads:   / and /papers/trending, wrk -t2 -c16, as an anonymous visitor (the shared page cache
#            serves them) and as the logged-in member (whose pages are never cached: the list
#            remembered for everyone gets their own upvotes, one query, and is rendered for them)
# once on SQLite (a fresh data dir) and once on PostgreSQL when --pg URL is given (a fresh schema).
#   bench/community.sh [--jar JAR] [--port PORT] [--duration 10s] [--pg jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
# --jar runs that jar (`java --add-modules jdk.incubator.vector -jar JAR serve`, as the launcher
# does, without the class-data archive) instead of target/paperboy.jar through ./paperboy: for
# before/after runs, alternating.
# Loopback only; the server gets PAPERBOY_WRITES_PER_MINUTE=100000000 so the write limit never
# answers 429 during the run. Needs wrk, curl, psql (for --pg).
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PORT="${PORT:-17081}" DURATION=10s PG="" RUN_JAR=""
while (($#)); do
  case "$1" in
    --jar) RUN_JAR="${2:?--jar needs a file}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --duration) DURATION="${2:?--duration needs e.g. 10s}"; shift 2 ;;
    --pg) PG="${2:?--pg needs a JDBC URL}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
find_jdk
if [[ -n "$RUN_JAR" ]]; then
  [[ -f "$RUN_JAR" ]] || die "jar not found: $RUN_JAR"
  JAR="$RUN_JAR"
else
  ensure_jar
fi
mkdir -p "$OUT_DIR"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT; pick another --port"
BASE="http://127.0.0.1:$PORT"
EMAIL="bench@example.org" PASSWORD="bench password for members"
trap 'stop_server' EXIT

# Prints "rps p50 p99 non2xx" from wrk --latency output on stdin.
parse_wrk() {
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    /unexpected statuses:/ { bad = $3 }
    END { printf "%s req/s  p50 %s  p99 %s  refused %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

run_store() {
  local label="$1" data="$2" db_url="$3"
  local log="$OUT_DIR/community-$label.log" jar_env=(PAPERBOY_WRITES_PER_MINUTE=100000000 PAPERBOY_EMBEDDINGS=off)
  [[ -n "$db_url" ]] && jar_env+=("PAPERBOY_DB_URL=$db_url")
  rm -rf "$data" && mkdir -p "$data"
  env "${jar_env[@]}" "$JAVA" -jar "$JAR" user add "$EMAIL" --name "Bench Member" --data "$data" <<<"$PASSWORD" >/dev/null 2>&1 \
    || die "user add failed on $label"
  if [[ -n "$RUN_JAR" ]]; then
    env "${jar_env[@]}" "$JAVA" --add-modules jdk.incubator.vector -jar "$JAR" serve --port "$PORT" --data "$data" >"$log" 2>&1 &
  else
    env "${jar_env[@]}" JAVA_HOME="$JAVA_HOME" "$ROOT/paperboy" serve --port "$PORT" --data "$data" >"$log" 2>&1 &
  fi
  SERVER_PID=$!
  wait_http_200 "$BASE/" 180 || { tail -n 20 "$log" >&2; die "the server did not come up on $label"; }
  local jar="$OUT_DIR/community-cookies.txt" token cookie paper
  rm -f "$jar"
  token="$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  cookie="pb_session=$(awk '$6 == "pb_session" { print $7 }' "$jar")"
  [[ "$cookie" != "pb_session=" ]] || die "log-in failed on $label"
  token="$(curl -s -H "Cookie: $cookie" "$BASE/" | sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)".*/\1/p' | head -n1)"
  paper="$(curl -s "$BASE/api/daily_papers?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["paper"]["id"])')"
  echo "== $label"
  for kind in upvote comment; do
    printf '%-28s ' "$kind writes, 2 clients:"
    BENCH_COOKIE="$cookie" BENCH_TOKEN="$token" BENCH_KIND="$kind" BENCH_PAPER="$paper" \
      wrk -t2 -c2 -d"$DURATION" --latency -s "$ROOT/bench/community-writes.lua" "$BASE" | parse_wrk
  done
  for path in / /papers/trending; do
    wrk -t2 -c16 -d3s "$BASE$path" >/dev/null
    printf '%-28s ' "$path anonymous:"
    wrk -t2 -c16 -d"$DURATION" --latency "$BASE$path" | parse_wrk
    printf '%-28s ' "$path logged in:"
    wrk -t2 -c16 -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path" | parse_wrk
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
}

machine_info
echo "wrk:      $(wrk --version 2>&1 | head -n1)"
run_store sqlite "$OUT_DIR/data-community" ""
if [[ -n "$PG" ]]; then
  schema="bench_community_$$"
  psql "postgresql://127.0.0.1:5432/test?user=postgres" -qc "CREATE SCHEMA $schema" >/dev/null
  run_store postgresql "$OUT_DIR/data-community-pg" "$PG&currentSchema=$schema"
  psql "postgresql://127.0.0.1:5432/test?user=postgres" -qc "DROP SCHEMA $schema CASCADE" >/dev/null
fi
