#!/usr/bin/env bash
# The load benchmark in one command: builds what is stale, starts target/safeguard.jar on a free port on 127.0.0.1
# with fresh data, measures sign-in and an authenticated no-op, prints a Markdown report and stops the server.
# Takes about 2.5 minutes. Options (see LoadGenerator): --seconds=N --warmup-seconds=N --users=N
# --safeguard.<property>=<value>. Usage: bench/load.sh [options] from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ensure_jar
ensure_test_classes
exec "$JAVA" -cp "$BENCH_CP" dev.safeguard.bench.LoadGenerator --jar="$BENCH_JAR" "$@"
