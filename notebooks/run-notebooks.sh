#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless against a running server, then the Python
# client test (test_python_clients.py). Fails non-zero on any cell error or test failure.
#
#   KG_ENDPOINT=http://localhost:3030/kg/sparql notebooks/run-notebooks.sh
#   notebooks/run-notebooks.sh --start     # starts target/china-ai-kg.jar on a free port (builds nothing)
#
# Installs what it needs from Debian packages when missing. Everything runs with Debian's
# /usr/bin/python3 (the one that sees those packages) and its python3 kernel.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$ROOT/target/notebooks"
PY=/usr/bin/python3
CELL_TIMEOUT="${CELL_TIMEOUT:-300}"
START=0
for a in "$@"; do
  case "$a" in
    --start) START=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done

PKGS="jupyter-nbconvert python3-ipykernel python3-sparqlwrapper python3-pandas python3-matplotlib python3-rdflib jupyter-client python3-nbformat"
if ! "$PY" -c 'import nbconvert, nbformat, ipykernel, jupyter_client, SPARQLWrapper, pandas, matplotlib, rdflib' 2>/dev/null; then
  echo "== installing Debian packages: $PKGS"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $PKGS
fi

SERVER_PID=""
STORE=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$STORE" ]; then rm -rf "$STORE"; fi
}
trap cleanup EXIT

if [ "$START" = 1 ]; then
  JAR="$ROOT/target/china-ai-kg.jar"
  [ -f "$JAR" ] || { echo "$JAR is missing: build it first (mvn -DskipTests package)" >&2; exit 2; }
  PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  STORE="$(mktemp -d)"
  mkdir -p "$OUT"
  echo "== starting $JAR on port $PORT (store $STORE)"
  (cd "$ROOT" && exec java -jar "$JAR" serve --port "$PORT" --store "$STORE/store") > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  export KG_ENDPOINT="http://localhost:$PORT/kg/sparql"
  for i in $(seq 1 240); do
    if curl -fs "http://localhost:$PORT/\$/ping" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; log:" >&2; tail -30 "$OUT/server.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "http://localhost:$PORT/\$/ping" >/dev/null || { echo "server did not answer /\$/ping in 120 s" >&2; exit 1; }
fi

export KG_ENDPOINT="${KG_ENDPOINT:-http://localhost:3030/kg/sparql}"
BASE="${KG_ENDPOINT%/kg/sparql}"
echo "== endpoint $KG_ENDPOINT"
curl -fs "$BASE/\$/ping" >/dev/null || { echo "no server answers $BASE/\$/ping" >&2; exit 1; }

# Debian's kernel, whatever else is installed: a kernelspec named python3 pointing at /usr/bin/python3.
KDIR="$(mktemp -d)"
trap 'cleanup; rm -rf "$KDIR"' EXIT
"$PY" -m ipykernel install --prefix "$KDIR" --name python3 >/dev/null
export JUPYTER_PATH="$KDIR/share/jupyter"
export PYDEVD_DISABLE_FILE_VALIDATION=1
grep -q '"/usr/bin/python3"' "$KDIR/share/jupyter/kernels/python3/kernel.json" \
  || sed -i 's|"argv": \[[^,]*,|"argv": ["/usr/bin/python3",|' "$KDIR/share/jupyter/kernels/python3/kernel.json"

mkdir -p "$OUT"
FAILED=0
for nb in "$HERE"/*.ipynb; do
  echo "== executing $(basename "$nb")"
  if "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout="$CELL_TIMEOUT" \
       --ExecutePreprocessor.kernel_name=python3 --output-dir "$OUT" "$nb"; then
    echo "   ok: $OUT/$(basename "$nb")"
  else
    echo "   FAILED: $(basename "$nb")" >&2
    FAILED=1
  fi
done

echo "== test_python_clients.py"
"$PY" "$HERE/test_python_clients.py" || FAILED=1

if [ "$FAILED" = 0 ]; then echo "== all notebooks and client tests passed"; else echo "== FAILURES" >&2; fi
exit "$FAILED"
