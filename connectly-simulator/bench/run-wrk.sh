#!/usr/bin/env bash
# Measures simple sends per second against the runnable simulator jar over keep-alive loopback connections.
#   connectly-simulator/bench/run-wrk.sh [duration] [connections] [wrk-threads]     (defaults: 10s 64 2)
# Build the jar first: mvn -B -ntp -pl connectly-simulator package -DskipTests
# Starts the jar with the rate limit off, opens the customer's 24-hour window, warms up, runs wrk, prints req/s.
set -euo pipefail
DURATION=${1:-10s}
CONNECTIONS=${2:-64}
THREADS=${3:-2}
PORT=${PORT:-18089}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=$(ls "$HERE"/../target/connectly-simulator-*.jar 2>/dev/null | grep -v -- '-library.jar' | head -1 || true)
if [ -z "$JAR" ]; then
  echo "No runnable jar in connectly-simulator/target: run mvn -B -ntp -pl connectly-simulator package -DskipTests" >&2
  exit 1
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

LOG=$(mktemp)
java ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --rate-limit 0 >"$LOG" 2>&1 &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fs "$BASE/_sim/clock" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$BASE/_sim/clock" >/dev/null || { echo "simulator did not start:" >&2; cat "$LOG" >&2; exit 1; }

# the customer writes first, so session messages are inside the 24-hour window
curl -fs -X POST "$BASE/_sim/customers/+16045550123/messages" -d '{"text":"Where is my order?"}' >/dev/null

URL="$BASE/v1/businesses/sim-business/send/messages"
echo "warm-up (5s) ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$HERE/send.lua" "$URL" >/dev/null
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s send.lua $URL"
OUT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/send.lua" "$URL")
echo "$OUT"
if echo "$OUT" | grep -q "Non-2xx"; then
  echo "WARNING: some sends were not answered 2xx" >&2
fi
echo "sends/s: $(echo "$OUT" | awk '/Requests\/sec/ {print $2}')"
