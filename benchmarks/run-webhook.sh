#!/usr/bin/env bash
# connectly:webhook in a Camel Main application (camel.server.enabled=true) against a bare platform-http route
# answering a String, each in its own JVM, driven by wrk with distinct signed bodies. Flags: --help.
# Needs wrk (apt-get install -y wrk). Example: benchmarks/run-webhook.sh --warmup 15 --duration 10 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/.."
case " $* " in
  *" --wrk "*|*" --help "*|*" -h "*) ;;
  *) command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk (or give --wrk PATH)" >&2; exit 2; } ;;
esac
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
exec java -Xms128m -Xmx256m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.camelconnectly.benchmarks.WebhookBenchmark "$@"
