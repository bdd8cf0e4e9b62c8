# bench/common.sh: helpers shared by the bench/*.sh scripts (sourced, not run).
# Provides ROOT, JAVA_HOME/JAVA, DAYS_DIR, machine_info, ensure_jar, prepare_data, start_server,
# stop_server, wait_http_200, now_ms.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
JAR="$ROOT/target/paperboy.jar"
OUT_DIR="$ROOT/bench/out"          # git-ignored: prepared data dirs, logs

die() { echo "bench: error: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

java_major() {
  local home line v
  home="$(dirname "$(dirname "$1")")"
  # The JDK's release file is instant to read; running java -version takes about a second.
  line="$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null || true)"
  if [[ -n "$line" ]]; then
    v="${line#JAVA_VERSION=}"; v="${v//\"/}"
  else
    line="$("$1" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version' || true)"
    v="${line##*= }"
  fi
  v="${v#1.}"          # 1.8.0_402 -> 8
  v="${v%%[._+-]*}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
}

# Same choice as ./paperboy: $JAVA_HOME if 21+, java on the PATH if 21+, else the newest 21+ JDK
# under /usr/lib/jvm.
find_jdk() {
  local v java_bin candidate best="" best_v=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && v="$(java_major "$JAVA_HOME/bin/java")" && ((v >= 21)); then
    :
  elif java_bin="$(command -v java 2>/dev/null)" && java_bin="$(readlink -f "$java_bin")" \
      && v="$(java_major "$java_bin")" && ((v >= 21)); then
    JAVA_HOME="$(dirname "$(dirname "$java_bin")")"
  else
    for candidate in /usr/lib/jvm/*/; do
      candidate="${candidate%/}"
      [[ -x "$candidate/bin/java" ]] || continue
      v="$(java_major "$candidate/bin/java")" || continue
      if ((v >= 21 && v > best_v)); then best="$candidate"; best_v="$v"; fi
    done
    [[ -n "$best" ]] || die "a JDK 21+ is needed (looked at \$JAVA_HOME, java on the PATH, /usr/lib/jvm)"
    JAVA_HOME="$best"
  fi
  export JAVA_HOME
  JAVA="$JAVA_HOME/bin/java"
}

# ../shared/datasets/hf-daily-papers/days from the repo root, or from the nearest ancestor that has
# it (a git worktree sits deeper than the main checkout). Empty if none.
default_days_dir() {
  local d
  d="$(dirname "$ROOT")"
  while :; do
    if [[ -d "$d/shared/datasets/hf-daily-papers/days" ]]; then
      echo "$d/shared/datasets/hf-daily-papers/days"; return 0
    fi
    [[ "$d" == / ]] && return 0
    d="$(dirname "$d")"
  done
}

# Prints how many entries (papers featured) the day files hold, skipping files that are not JSON
# arrays (the importer is expected to skip those too).
count_entries() {
  python3 - "$1" <<'PY'
import json, os, sys
n = 0
for name in os.listdir(sys.argv[1]):
    if not name.endswith(".json"):
        continue
    try:
        with open(os.path.join(sys.argv[1], name), encoding="utf-8") as f:
            data = json.load(f)
    except ValueError:
        continue
    if isinstance(data, list):
        n += sum(1 for e in data if isinstance(e, dict))
print(n)
PY
}

machine_info() {
  local cpu mem
  cpu="$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//')"
  [[ -n "$cpu" ]] || cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1)"
  mem="$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
  echo "== machine"
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "kernel:   $(uname -sr)"
  echo "cpus:     $(nproc)"
  echo "cpu:      ${cpu:-unknown}"
  echo "memory:   ${mem:-unknown}"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1/5/15 min; other work on the machine skews the figures)"
  echo "jdk:      $("$JAVA" -version 2>&1 | head -n1) ($JAVA_HOME)"
  echo "jvm opts: ${PAPERBOY_JAVA_OPTS:-(none)}"
}

# Builds target/paperboy.jar through ./paperboy's rules if it is missing or stale (so the build
# is never part of a timing).
ensure_jar() {
  if [[ ! -f "$JAR" || "$ROOT/pom.xml" -nt "$JAR" || -n "$(find "$ROOT/src/main" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
    command -v mvn >/dev/null || die "mvn is needed to build $JAR"
    note "building $JAR ..."
    (cd "$ROOT" && mvn -q -B -DskipTests package) || die "the Maven build failed"
  fi
  [[ -f "$JAR" ]] || die "$JAR is missing after the build"
}

# A data dir with the whole days dataset imported, made once under bench/out and reused until the
# jar changes.
# Usage: prepare_data DAYS_DIR -> prints the data dir.
prepare_data() {
  local days="$1" dir="$OUT_DIR/data-days"
  if [[ -f "$dir/.prepared" && ! "$JAR" -nt "$dir/.prepared" ]]; then
    note "reusing prepared data dir $dir (delete it to re-import)"
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    note "preparing $dir: importing $days ..."
    # shellcheck disable=SC2086  # PAPERBOY_JAVA_OPTS holds several options on purpose
    "$JAVA" ${PAPERBOY_JAVA_OPTS:-} -jar "$JAR" import --data "$dir" "$days" >"$OUT_DIR/prepare-import.log" 2>&1 \
      || { tail -n 20 "$OUT_DIR/prepare-import.log" >&2; die "import into $dir failed (log: $OUT_DIR/prepare-import.log)"; }
    touch "$dir/.prepared"
  fi
  echo "$dir"
}

# True if something already answers on 127.0.0.1:$1.
port_busy() { curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" ; }

SERVER_PID=""
# Usage: start_server PORT DATA_DIR LOG_FILE; sets SERVER_PID.
start_server() {
  local port="$1" data="$2" log="$3"
  # Through the launcher, as a user runs it (it passes SIGTERM on to java and exits when java does;
  # it adds class data sharing). PAPERBOY_JAVA_OPTS reaches java through the launcher.
  JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$ROOT/paperboy" serve --port "$port" --data "$data" >"$log" 2>&1 &
  SERVER_PID=$!
}

# Stops the server started by start_server: TERM, then KILL after 10 s.
stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      note "server $SERVER_PID did not stop within 10 s; killing it"
      kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Polls URL every 20 ms until it answers 200; fails after TIMEOUT_S seconds or if the server
# process (SERVER_PID) dies. Usage: wait_http_200 URL TIMEOUT_S
wait_http_200() {
  local url="$1" timeout_s="$2" deadline code
  deadline=$(( $(now_ms) + timeout_s * 1000 ))
  while :; do
    code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" || true)"
    [[ "$code" == 200 ]] && return 0
    if [[ -n "$SERVER_PID" ]] && ! kill -0 "$SERVER_PID" 2>/dev/null; then
      note "the server exited before answering 200 on $url"
      return 1
    fi
    if (( $(now_ms) > deadline )); then
      note "no 200 from $url within ${timeout_s}s (last status: ${code:-none})"
      return 1
    fi
    sleep 0.02
  done
}
