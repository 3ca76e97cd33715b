#!/usr/bin/env bash
# Signed webhook ingest vs a bare platform-http route, side by side (see WebhookIngestBenchmark).
# Usage: camel-connectly/bench/webhook-ingest.sh [--duration 10] [--warmup 3] [--rounds 2] [--threads 2] [--connections 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl camel-connectly -am test-compile
mvn -B -ntp -q -pl camel-connectly dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "camel-connectly/target/test-classes:camel-connectly/target/classes:$(cat camel-connectly/target/bench.classpath)" \
    io.camelconnectly.component.connectly.bench.WebhookIngestBenchmark "$@"
