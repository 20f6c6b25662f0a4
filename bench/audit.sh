#!/usr/bin/env bash
# The audit trail benchmark in one command: durable appends/s and p50/p99 at 1, 16 and 64 producers on SQLite and
# PostgreSQL (embedded), full verification speed, and the trail's cost on an authenticated API call.
# Takes about 5 minutes. Options: --seconds=N (per row, default 10) --http-clients=N (default 16).
# Usage: bench/audit.sh [options] from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ensure_test_classes
exec "$JAVA" -Xmx4g -cp "$BENCH_CP" dev.safeguard.bench.AuditBenchmark "$@"
