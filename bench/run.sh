#!/usr/bin/env bash
# Runs a benchmark main class from src/test/java/paperboy/bench (not part of `mvn test`).
#   bench/run.sh SciFactEval [DATASET_DIR] [SPLIT] [STRATEGY...]
#   bench/run.sh EmbeddingThroughput [DATASET_DIR] [TEXTS] [MODELS] [THREADS] [BATCHES] [WINDOWS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
main="$1"; shift
mvn -q -B ${MVN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
# Run from a snapshot of the classes, so that a build during a long run cannot swap them.
snapshot="target/bench-classes-$$"
mkdir -p "$snapshot" && cp -r target/classes "$snapshot/main" && cp -r target/test-classes "$snapshot/test"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$snapshot/test:$snapshot/main:$(cat target/bench-classpath.txt)" "paperboy.bench.$main" "$@"
