#!/usr/bin/env bash
# JMH micro-benchmarks (src/test/java/dev/safeguard/bench/*Benchmark.java). Without arguments runs
# PasswordHashingBenchmark with its annotated settings; otherwise passes the arguments to JMH, e.g.
# bench/jmh.sh PasswordHashing -t 2      or      bench/jmh.sh -h
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ensure_test_classes
if [[ $# -eq 0 ]]; then
    set -- PasswordHashing
fi
exec "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "$@"
