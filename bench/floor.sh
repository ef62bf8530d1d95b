#!/bin/sh
# The floor: p50/p90/p99 of POST /kg/sparql ASK {} and GET /$/ping, one at a time over one keep-alive connection,
# on the bundled data (our server in a 256 MB heap, store in bench/work/floor/). About a minute.
# Usage: bench/floor.sh [--requests 2000] [--no-build] [--jar JAR]; FLOOR_JFR=/tmp/floor.jfr records the server with JFR.
set -e
cd "$(dirname "$0")/.."
BUILD=yes
ARGS=""
JAR=target/china-ai-kg.jar
for a in "$@"; do
  case "$a" in --no-build) BUILD=no ;; --jar) NEXT=jar ;; *) if [ "${NEXT:-}" = jar ]; then JAR=$a; BUILD=no; NEXT=; else ARGS="$ARGS $a"; fi ;; esac
done
[ "$BUILD" = yes ] && mvn -q -o -DskipTests package
mkdir -p bench/work/floor
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JFR=""
[ -n "${FLOOR_JFR:-}" ] && JFR="-XX:StartFlightRecording=filename=$FLOOR_JFR,settings=profile"
java -Xmx256m $JFR -jar "$JAR" serve --port "$PORT" --store bench/work/floor/store \
  >bench/work/floor/server.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT INT TERM
i=0
until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "http://localhost:$PORT/kg/sparql"; do
  i=$((i + 1)); [ $i -gt 600 ] && { echo "floor: the server did not answer in 60 s (bench/work/floor/server.log)" >&2; exit 1; }
  kill -0 $PID 2>/dev/null || { echo "floor: the server stopped (bench/work/floor/server.log)" >&2; exit 1; }
  sleep 0.1
done
# The saved-query warm-up runs in the background after start: measure once it is done (a jar without it says nothing).
for i in $(seq 1200); do
  curl -s -D - -o /dev/null "http://localhost:$PORT/queries" | grep -qi '^X-Cache-Warm: running' || break
  sleep 0.1
done
java -cp target/test-classes:target/china-ai-kg.jar org.chinaaikg.bench.Floor --url "http://localhost:$PORT" --pid $PID $ARGS
