#!/usr/bin/env bash
# The FHIR vault benchmark in one command: builds what is stale, then for SQLite and PostgreSQL (embedded) starts
# target/safeguard.jar with -Xmx512m on fresh data, bulk-loads Synthea transaction Bundles from
# ../shared/fixtures/fhir/synthea, and measures create, read, search (20 results) and update at 16 and 64 clients
# over HTTPS. Takes about 8 minutes. Options: --seconds=N (per row, default 10) --warmup-seconds=N (default 5)
# --bundles=N (default 4) --clients=16,64 --databases=sqlite,postgres --interactions=create,read,search,update
# --server-jvm='<JVM options>' (e.g. a JFR recording of the server).
# Usage: bench/fhir.sh [options] from anywhere in the repository (with ../shared beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ensure_jar
ensure_test_classes
exec "$JAVA" -cp "$BENCH_CP" dev.safeguard.bench.FhirBenchmark --jar="$BENCH_JAR" "$@"
