#!/usr/bin/env bash
# bench/first-page-ab.sh: first-page.sh's measure (launch `paperboy serve` -> first HTTP 200 on /)
# for two jars in alternating runs (A B A B ...), so that both see the same machine load.
#   bench/first-page-ab.sh --data DIR [--port PORT] [--rounds N] [--cold] A.jar B.jar
# Each jar runs through its own copy of the launcher under bench/out/ab-{a,b}/; its class-data-
# sharing archive is recorded first in the same way for both (serve, first page, one search, 15 s).
# --cold evicts the jar and its archive from the page cache before each run (as after a reboot).
# Runs with PAPERBOY_EMBEDDINGS=off unless set: the embedding worker would otherwise eat the CPU.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DATA="" PORT="${PORT:-17072}" ROUNDS=8 COLD="" JARS=()
while (($#)); do
  case "$1" in
    --data) DATA="${2:?--data needs a dir}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    --cold) COLD=1; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) JARS+=("$1"); shift ;;
  esac
done
((${#JARS[@]} == 2)) || die "give two jars (A and B)"
[[ -f "${JARS[0]}" && -f "${JARS[1]}" ]] || die "jar not found: ${JARS[*]}"
[[ -d "$DATA" ]] || die "--data DIR (an imported data dir) is needed"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
port_busy "$PORT" && die "something already answers on 127.0.0.1:$PORT; pick another --port"
export PAPERBOY_EMBEDDINGS="${PAPERBOY_EMBEDDINGS:-off}"
find_jdk
trap stop_server EXIT

launch() { # launch a|b LOG: serve through that jar's launcher copy
  JAVA_HOME="$JAVA_HOME" "$OUT_DIR/ab-$1/paperboy" serve --port "$PORT" --data "$DATA" >"$2" 2>&1 &
  SERVER_PID=$!
}

for i in 0 1; do
  side=$([[ $i == 0 ]] && echo a || echo b)
  rm -rf "$OUT_DIR/ab-$side" && mkdir -p "$OUT_DIR/ab-$side/target"
  cp "$ROOT/paperboy" "$OUT_DIR/ab-$side/"
  cp "${JARS[$i]}" "$OUT_DIR/ab-$side/target/paperboy.jar"
  launch "$side" "$OUT_DIR/ab-$side/record-cds.log"
  wait_http_200 "http://127.0.0.1:$PORT/" 120 || die "$side: no first page"
  curl -s -o /dev/null "http://127.0.0.1:$PORT/search?q=graph"
  sleep 15
  stop_server
done

machine_info
echo "== first-page A/B (embeddings $PAPERBOY_EMBEDDINGS${COLD:+, cold page cache})"
echo "A: ${JARS[0]} ($(stat -c %s "${JARS[0]}") bytes)"
echo "B: ${JARS[1]} ($(stat -c %s "${JARS[1]}") bytes)"
declare -A times=([a]="" [b]="")
for ((r = 1; r <= ROUNDS; r++)); do
  for side in a b; do
    if [[ -n "$COLD" ]]; then
      for f in "$OUT_DIR/ab-$side/target/paperboy.jar" "$OUT_DIR/ab-$side/target/paperboy-serve.jsa"; do
        dd if="$f" iflag=nocache count=0 status=none
      done
    fi
    t0="$(now_ms)"
    launch "$side" "$OUT_DIR/ab-$side/run$r.log"
    wait_http_200 "http://127.0.0.1:$PORT/" 120 || die "$side run $r: no first page"
    ms=$(( $(now_ms) - t0 ))
    times[$side]+="$ms "
    echo "round $r ${side^^}: $ms ms (load $(cut -d' ' -f1 /proc/loadavg))"
    stop_server
  done
done
for side in a b; do
  # shellcheck disable=SC2086  # the times are a space-separated list on purpose
  echo "median ${side^^}: $(printf '%s\n' ${times[$side]} | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}') ms"
done
