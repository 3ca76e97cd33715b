#!/usr/bin/env bash
# sendMessage throughput and p50/p99 latency: connectly:sendMessage vs a bare Apache HttpClient 5 client, same
# loopback server, same run. Usage: benchmarks/run-producer.sh [--concurrency 1,64] [--warmup 5] [--duration 10] [--rounds 2]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.camelconnectly.benchmarks.ProducerBenchmark "$@"
