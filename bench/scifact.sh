#!/usr/bin/env bash
# bench/scifact.sh: `paperboy eval` on SciFact with the corpus embedded once per (model, window).
#
#   bench/scifact.sh [--data DIR] [--split SPLIT] --model minilm|bge-small [--window N] [eval options...]
#   e.g. bench/scifact.sh --model bge-small --query-prefix off --mode all \
#            --fusion weighted:0.5,rrf:60 --similarity-floor -1,0.4,0.5
#
# The data folder is bench/out/scifact/MODEL-WINDOW (git-ignored): the first run stores, indexes
# and embeds the 5,183 abstracts (minutes); every later run with the same model and window finds
# the vectors stored and only re-indexes, so the query prefix, the fusion and the floor can be
# scanned without embedding again. Delete the folder to re-embed. The jar is copied first, so a
# build during a run cannot swap its classes. Prints the machine and `uptime` before and after.
set -euo pipefail
# shellcheck source=bench/common.sh
source "$(dirname "$0")/common.sh"

DATA="$(dirname "$ROOT")/shared/datasets/scifact"
[[ -d "$DATA" ]] || DATA=/work/shared/datasets/scifact
SPLIT=train MODEL="" WINDOW=256 PASS=()
while (($#)); do
  case "$1" in
    --data) DATA="${2:?--data needs a dir}"; shift 2 ;;
    --split) SPLIT="${2:?--split needs a split}"; shift 2 ;;
    --model) MODEL="${2:?--model needs minilm or bge-small}"; shift 2 ;;
    --window) WINDOW="${2:?--window needs a number}"; shift 2 ;;
    *) PASS+=("$1"); shift ;;
  esac
done
[[ -n "$MODEL" ]] || die "--model minilm|bge-small is needed (it names the stored vectors' folder)"
[[ -d "$DATA" ]] || die "no SciFact dataset at $DATA (--data DIR)"

find_jdk
ensure_jar
WORK="$OUT_DIR/scifact/$MODEL-$WINDOW"
mkdir -p "$WORK"
SNAPSHOT="$OUT_DIR/scifact/paperboy-$$.jar"
cp "$JAR" "$SNAPSHOT"
trap 'rm -f "$SNAPSHOT"' EXIT

machine_info
echo "uptime:   $(uptime)"
echo "command:  paperboy eval --beir $DATA --split $SPLIT --model $MODEL --window $WINDOW --work $WORK ${PASS[*]}"
# shellcheck disable=SC2086  # PAPERBOY_JAVA_OPTS holds several options on purpose
"$JAVA" --add-modules jdk.incubator.vector ${PAPERBOY_JAVA_OPTS:-} -jar "$SNAPSHOT" eval --beir "$DATA" --split "$SPLIT" \
  --model "$MODEL" --window "$WINDOW" --work "$WORK" "${PASS[@]}"
echo "uptime:   $(uptime)"
