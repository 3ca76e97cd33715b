#!/usr/bin/env bash
# Reliability run: several instances of a Camel Main webhook application on one embedded PostgreSQL 14 behind a
# round-robin load balancer, the simulator posting signed events with duplicates, 10% of the route's attempts failing,
# one instance killed with SIGKILL mid-run and started again. The last line is the summary; the exit status is 1 when
# an event was lost, processed twice or unfinished, or a secret was logged. Logs (instances, PostgreSQL) go to
# reliability/target/reliability-run/
# Usage: benchmarks/run-reliability.sh [--events 10000] [--instances 3] [--no-kill] [--per-second 200]
#                                      [--duplicates 0.1] [--failure-percent 10] [--seed 1]
# CI-sized: benchmarks/run-reliability.sh --events 1000 --per-second 50
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl reliability -am package -DskipTests
exec java -Xmx512m -cp "reliability/target/classes:$(cat reliability/target/classpath.txt)" \
  io.camelconnectly.reliability.ReliabilityRun --dir reliability/target/reliability-run "$@"
