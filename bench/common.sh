# Sourced by bench/load.sh and bench/jmh.sh, from the repository root: brings the build up to date (only what is
# missing or older than its sources; never cleans) and copies what the benchmark runs into target/bench/run, so that
# a build started meanwhile (tests, an IDE) cannot change classes or the jar under a running benchmark.
# Sets BENCH_CP (the test classpath) and BENCH_JAR.

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RUN=target/bench/run

stale() { # stale TARGET SOURCE...: true when TARGET is missing or a SOURCE file is newer
    local target="$1"; shift
    [[ ! -e "$target" ]] || [[ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]]
}

ensure_jar() {
    if stale target/safeguard.jar pom.xml src/main; then
        echo "[bench] Building target/safeguard.jar" >&2
        ./mvnw -q -B -DskipTests package
    fi
    mkdir -p "$RUN"
    cp target/safeguard.jar "$RUN/safeguard.jar"
    BENCH_JAR="$RUN/safeguard.jar"
}

ensure_test_classes() {
    if stale target/test-classes/dev/safeguard/bench/LoadGenerator.class pom.xml src/main src/test; then
        echo "[bench] Compiling test classes" >&2
        ./mvnw -q -B test-compile
    fi
    local cp_file=target/bench/classpath.txt
    if stale "$cp_file" pom.xml; then
        mkdir -p target/bench
        ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
    fi
    rm -rf "$RUN/classes" "$RUN/test-classes"
    mkdir -p "$RUN"
    cp -r target/classes "$RUN/classes"
    cp -r target/test-classes "$RUN/test-classes"
    if [[ ! -f "$RUN/test-classes/dev/safeguard/bench/LoadGenerator.class" \
          || ! -f "$RUN/test-classes/META-INF/BenchmarkList" ]]; then
        echo "[bench] target/test-classes is incomplete (is another build running?); try again" >&2
        exit 1
    fi
    BENCH_CP="$RUN/test-classes:$RUN/classes:$(cat "$cp_file")"
}
