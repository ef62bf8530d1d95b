#!/bin/bash
# Read replicas behind HAProxy, tested on one machine: N server processes on loopback ports, each building its own
# store from the same Turtle, behind Debian's HAProxy health-checking them on /$/ping, under 16 concurrent clients:
#   1. kill -9 one replica, then bring it back: zero failed requests;
#   2. a rolling release with changed data (a copy of data/ with one extra triple file): one replica at a time is
#      drained and put in maintenance through HAProxy's admin socket, stopped, `load`ed with the new data, started
#      and made ready again while the others serve: zero failed requests, and every replica ends on the new data
#      (its triple count, asked on its own port, is the old count plus one).
# Prints the figures (requests, failures, per-replica triple counts) and exits non-zero if a check fails.
#   mvn -q -o -DskipTests package && bench/replicas-test.sh        # about a minute on 2 cores
#   N=5 CLIENTS=32 bench/replicas-test.sh
# Needs haproxy (apt-get install -y haproxy), python3 (the clients), curl. Binds 127.0.0.1 only; work files in a
# temporary directory (kept with KEEP=1), removed at the end with every process this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-3}
CLIENTS=${CLIENTS:-16}
JAR=$ROOT/target/china-ai-kg.jar
HEAP=${HEAP:--Xmx256m}
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$JAR" ] || fail "no $JAR; run: mvn -q -o -DskipTests package"
command -v haproxy >/dev/null || fail "no haproxy; run: apt-get install -y haproxy"
command -v python3 >/dev/null || fail "no python3"

T=$(mktemp -d /tmp/kg-replicas.XXXXXX)
declare -A PID=()
HAPROXY_PID=
CLIENT_PID=
cleanup() {
  set +e
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null
  for i in "${!PID[@]}"; do kill "${PID[$i]}" 2>/dev/null; done
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null
  wait 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then echo "work files kept in $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# Free loopback ports: N replicas, the front end, the admin socket.
read -r -a PORTS <<<"$(python3 -c "
import socket
ss=[socket.socket() for _ in range($N+2)]
[s.bind(('127.0.0.1',0)) for s in ss]
print(' '.join(str(s.getsockname()[1]) for s in ss))")"
FRONT=${PORTS[$N]}
ADMIN=${PORTS[$((N + 1))]}

# The data of the release: a copy of data/ with one extra file of one triple (test input, in the temp dir only).
DATA_OLD=$ROOT/data
DATA_NEW=$T/data-new
cp -r "$DATA_OLD" "$DATA_NEW"
cat >"$DATA_NEW/replica-release-check.ttl" <<'EOF'
# Written by bench/replicas-test.sh into a temporary copy of data/: the one triple that tells the new release.
<https://w3id.org/china-ai-kg/id/test/replica-release-check> <http://www.w3.org/2000/01/rdf-schema#comment> "rolling release check (test input, not data)" .
EOF

serve() {  # replica index, data folder: starts the replica in the background
  local i=$1 data=$2
  java "$HEAP" -jar "$JAR" serve --host 127.0.0.1 --port "${PORTS[$i]}" --store "$T/store-$i" \
    --data "$data" --ontology "$ROOT/ontology" --queries "$ROOT/queries" >>"$T/replica-$i.log" 2>&1 &
  PID[$i]=$!
}
await_ping() {  # replica index: waits until it answers /$/ping on its own port
  local i=$1
  for _ in $(seq 600); do
    curl -fsS "http://127.0.0.1:${PORTS[$i]}/\$/ping" >/dev/null 2>&1 && return 0
    kill -0 "${PID[$i]}" 2>/dev/null || { tail -20 "$T/replica-$i.log" >&2; fail "replica $i exited"; }
    sleep 0.2
  done
  fail "replica $i: no answer on port ${PORTS[$i]}"
}
stop() {  # replica index, signal
  kill "-$2" "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset "PID[$1]"
}
admin() {  # one command on HAProxy's runtime API (TCP on loopback), prints the answer
  exec 9<>"/dev/tcp/127.0.0.1/$ADMIN"
  echo "$*" >&9
  cat <&9
  exec 9<&-
}
field() {  # server name, CSV field number of `show stat`
  admin "show stat" | awk -F, -v s="$1" -v f="$2" '$1 == "kg" && $2 == s { print $f }'
}
await_status() {  # server name, status (UP, DOWN, MAINT)
  for _ in $(seq 600); do
    [[ "$(field "$1" 18)" == "$2"* ]] && return 0
    sleep 0.1
  done
  fail "HAProxy: $1 not $2 (is $(field "$1" 18))"
}
triples() {  # replica index: every triple of every named graph, asked on the replica's own port
  curl -fsS --retry 20 --retry-delay 1 -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' \
    "http://127.0.0.1:${PORTS[$1]}/kg/sparql" | tail -1 | tr -d '\r'
}
say() { printf '%6.1f s  %s\n' "$(echo "$(date +%s.%N) - $T0" | bc)" "$*"; }

# HAProxy: health checks on /$/ping every 300 ms (2 failures: down, 2 successes: up); a request whose connection
# fails or that gets no answer (the replica died under it) is retried on another replica (retry-on, redispatch).
{
  cat <<EOF
global
  stats socket ipv4@127.0.0.1:$ADMIN level admin
  maxconn 1000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout http-keep-alive 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout 503
frontend kg
  bind 127.0.0.1:$FRONT
  default_backend kg
backend kg
  balance roundrobin
  option httpchk GET /\$/ping
  http-check expect status 200
  default-server check inter 300ms fall 2 rise 2
EOF
  for ((i = 0; i < N; i++)); do echo "  server r$i 127.0.0.1:${PORTS[$i]}"; done
} >"$T/haproxy.cfg"
haproxy -c -q -f "$T/haproxy.cfg"

T0=$(date +%s.%N)
say "starting $N replicas (each builds its own store from data/), HAProxy on 127.0.0.1:$FRONT"
for ((i = 0; i < N; i++)); do serve "$i" "$DATA_OLD"; done
haproxy -f "$T/haproxy.cfg" >"$T/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for ((i = 0; i < N; i++)); do await_ping "$i"; done
for ((i = 0; i < N; i++)); do await_status "r$i" UP; done
OLD=()
for ((i = 0; i < N; i++)); do OLD[$i]=$(triples "$i"); done
say "ready; triples per replica: ${OLD[*]}"
for ((i = 1; i < N; i++)); do [ "${OLD[$i]}" = "${OLD[0]}" ] || fail "replicas differ on the same data: ${OLD[*]}"; done

# The clients: CLIENTS threads, each its own keep-alive connection to HAProxy, cycling through saved queries, an
# ad-hoc query, an entity page and a ping until the stop file appears (at most 300 s); every answer but a complete
# 200 is a failure, and so is a connection error.
cat >"$T/clients.py" <<'EOF'
import http.client, os, sys, threading, time, urllib.parse
port, clients, stop = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
paths = ["/queries/count-by-type.csv", "/queries/claims-per-source-kind.csv",
         "/kg/sparql?query=" + urllib.parse.quote("SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 50"),
         "/id/org/baidu.ttl", "/$/ping", "/queries/find-by-name.csv?name=iflytek"]
counts, failures, errors = [0] * clients, [0] * clients, []
def run(c):
    conn, i, deadline = None, c, time.time() + 300
    while not os.path.exists(stop) and time.time() < deadline:
        path = paths[i % len(paths)]; i += 1
        try:
            if conn is None: conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            r = conn.getresponse(); body = r.read()
            ok = r.status == 200 and len(body) > 0
            if not ok: errors.append(f"{r.status} {path}")
            if r.getheader("Connection", "").lower() == "close": conn.close(); conn = None
        except Exception as e:
            ok = False; errors.append(f"{type(e).__name__}: {e} {path}")
            if conn: conn.close()
            conn = None
        counts[c] += 1
        failures[c] += 0 if ok else 1
threads = [threading.Thread(target=run, args=(c,)) for c in range(clients)]
t0 = time.time()
[t.start() for t in threads]; [t.join() for t in threads]
print(f"requests={sum(counts)} failures={sum(failures)} seconds={time.time() - t0:.1f}")
for e in errors[:10]: print("  " + e)
EOF
rm -f "$T/stop"
python3 "$T/clients.py" "$FRONT" "$CLIENTS" "$T/stop" >"$T/clients.out" 2>&1 &
CLIENT_PID=$!
say "$CLIENTS clients running"
sleep 3

# 1. kill -9 one replica, then bring it back (on its store, current: it only opens it).
VICTIM=$((N > 1 ? 1 : 0))
say "kill -9 replica r$VICTIM"
stop "$VICTIM" KILL
await_status "r$VICTIM" DOWN
say "HAProxy marks r$VICTIM DOWN; restarting it"
serve "$VICTIM" "$DATA_OLD"
await_ping "$VICTIM"
await_status "r$VICTIM" UP
say "r$VICTIM back UP"
sleep 2

# 2. The rolling release: one replica at a time leaves the pool, rebuilds on the new data and comes back.
for ((i = 0; i < N; i++)); do
  admin "set server kg/r$i state drain" >/dev/null
  for _ in $(seq 300); do [ "$(field "r$i" 5)" = 0 ] && break; sleep 0.1; done  # its requests in flight done
  admin "set server kg/r$i state maint" >/dev/null
  say "r$i drained and in maintenance; stopping it, loading the new data"
  stop "$i" TERM
  java "$HEAP" -jar "$JAR" load --store "$T/store-$i" --data "$DATA_NEW" --ontology "$ROOT/ontology" >>"$T/replica-$i.log" 2>&1 \
    || { tail -20 "$T/replica-$i.log" >&2; fail "load of the new data into store-$i"; }
  serve "$i" "$DATA_NEW"
  await_ping "$i"
  admin "set server kg/r$i state ready" >/dev/null
  await_status "r$i" UP
  say "r$i on the new data, UP: $(triples "$i") triples"
done
sleep 2
touch "$T/stop"
wait "$CLIENT_PID" || true
CLIENT_PID=
say "clients stopped"

NEW=()
for ((i = 0; i < N; i++)); do NEW[$i]=$(triples "$i"); done
echo
echo "replicas: $N, clients: $CLIENTS"
echo "clients: $(head -1 "$T/clients.out")"
# What HAProxy hid from the clients: requests it retried (on a new connection) or sent to another replica.
admin "show stat" | awk -F, '$1 == "kg" && $2 == "BACKEND" { print "HAProxy: retries " $16 ", redispatches " $17 ", 5xx answers from replicas " $44 }'
tail -n +2 "$T/clients.out"
for ((i = 0; i < N; i++)); do echo "replica r$i (port ${PORTS[$i]}): triples before ${OLD[$i]}, after ${NEW[$i]}"; done
read -r requests failures <<<"$(sed -n '1s/requests=\([0-9]*\) failures=\([0-9]*\).*/\1 \2/p' "$T/clients.out")"
[ -n "$requests" ] && [ "$requests" -gt 0 ] || fail "the clients made no request"
[ "$failures" = 0 ] || fail "$failures failed requests of $requests"
for ((i = 0; i < N; i++)); do
  [ "${NEW[$i]}" = $((OLD[i] + 1)) ] || fail "replica r$i has ${NEW[$i]} triples, not the new data's $((OLD[i] + 1))"
done
echo "ok: zero failed requests of $requests; every replica on the new data"
