#!/usr/bin/env bash
# The backup benchmark in one command: for SQLite and PostgreSQL (embedded), builds a vault of 10,000 synthetic
# patients with 20 resources each (in-process, through the vault's own encrypted, audited write path), then times
# backup create, a full verification, a restore into a new database of the same kind and a restore drill, and
# reports sizes. Takes about 12 minutes on a quiet 2 vCPU machine. Options: --patients=N (default 10000)
# --databases=sqlite,postgres.
# Usage: bench/backup.sh [options] from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ensure_test_classes
exec "$JAVA" -Xmx3g -cp "$BENCH_CP" dev.safeguard.bench.BackupBenchmark "$@"
