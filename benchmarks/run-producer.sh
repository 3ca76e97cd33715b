#!/usr/bin/env bash
# connectly:sendMessage in a Camel Main application (ProducerTemplate.asyncRequestBody) against a bare Apache
# HttpClient 5 client, each in its own JVM, against a Connectly stand-in in a third JVM. Flags: --help.
# Example: benchmarks/run-producer.sh --concurrency 1,64 --warmup 15 --duration 10 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
exec java -Xms128m -Xmx256m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.camelconnectly.benchmarks.ProducerBenchmark "$@"
