#!/bin/sh
# The benchmark: synthetic data at several sizes, our server against plain Apache Jena Fuseki on the same TDB2 store.
# Usage: bench/run.sh [--sizes 10k,100k,1m] [--repeats 3] [--seconds 5] [--seed 42] [--no-bundled] [--ours-alone] [--search-only]   (--help)
# Search against the old substring find-by-name, and load with and without the index: rows "search: …" at each size;
# bench/run.sh --no-bundled --sizes 1m --search-only measures only those (no plain Fuseki).
set -e
cd "$(dirname "$0")/.."
FUSEKI=bench/lib/jena-fuseki-server-5.6.0.jar
if [ ! -f "$FUSEKI" ]; then
  mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory=bench/lib
fi
mvn -q -o -DskipTests package
exec java -cp target/test-classes org.chinaaikg.bench.Bench "$@"
