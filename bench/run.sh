#!/bin/sh
# The benchmark: synthetic data at several sizes, our server against plain Apache Jena Fuseki on the same TDB2 store.
# Usage: bench/run.sh --saved [--sizes bundled,1m,10m] [--data DIR] [--starts 3] [--repeats 20]   (every saved query at /queries/NAME, cold and warm, ours alone; --help)
#        bench/run.sh --peers [--sizes bundled,1m] [--repeats 20] [--rounds 2]   (ours, plain Fuseki, Virtuoso, Oxigraph; --help)
#        bench/run.sh [--sizes 10k,100k,1m] [--repeats 3] [--seconds 5] [--seed 42] [--no-bundled] [--ours-alone] [--search-only]   (--help)
# Search against the old substring find-by-name, and load with and without the index: rows "search: …" at each size;
# bench/run.sh --no-bundled --sizes 1m --search-only measures only those (no plain Fuseki).
set -e
cd "$(dirname "$0")/.."
mvn -q -o -DskipTests package
if [ "${1:-}" = --saved ]; then
  exec java -cp target/test-classes org.chinaaikg.bench.SavedQueriesBench "$@"   # ours alone: no Fuseki jar
fi
FUSEKI=bench/lib/jena-fuseki-server-5.6.0.jar
if [ ! -f "$FUSEKI" ]; then
  mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory=bench/lib
fi
if [ "${1:-}" = --peers ]; then
  # Peers on the bundled data and synthetic sizes: Virtuoso (Debian's virtuoso-opensource) and Oxigraph (npm, into bench/work/node).
  command -v virtuoso-t >/dev/null || { echo "bench: no virtuoso-t; run: apt-get install -y virtuoso-opensource" >&2; exit 1; }
  if [ ! -d bench/work/node/node_modules/oxigraph ]; then
    mkdir -p bench/work/node && (cd bench/work/node && npm install --no-audit --no-fund --silent oxigraph@0.5.11)
  fi
  exec java -cp target/test-classes:target/china-ai-kg.jar org.chinaaikg.bench.Peers "$@"
fi
exec java -cp target/test-classes org.chinaaikg.bench.Bench "$@"
