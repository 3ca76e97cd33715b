#!/usr/bin/env bash
# Signed webhook ingest: connectly:webhook vs a bare platform-http POST route on one server, driven by wrk in the
# same run. Needs wrk (apt-get install wrk).
# Usage: benchmarks/run-webhook.sh [--duration 10] [--warmup 3] [--rounds 2] [--threads 2] [--connections 32] [--bodies N]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
exec java -Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.camelconnectly.benchmarks.WebhookIngestBenchmark "$@"
