#!/bin/sh
# Start times on the bundled data, each a fresh JVM (java -Xmx256m -jar target/china-ai-kg.jar serve): seconds from
# process start to the first answer on /$/ping (any status: with no store, the 503 "loading" status) and to ready
# (/$/ping 200), with the store absent (load included) and then current; each without and then with the class-data
# archive `mvn package` makes (-XX:SharedArchiveFile=target/china-ai-kg.jsa; JSA=FILE for another, JSA= for none).
# Store in bench/work/start/.
# Usage: [JAR=target/china-ai-kg.jar] [JSA=target/china-ai-kg.jsa] bench/start-times.sh [REPEATS]   (default 3; build first: mvn -q -o -DskipTests package)
set -e
cd "$(dirname "$0")/.."
REPEATS=${1:-3}
mkdir -p bench/work/start
exec python3 - "$REPEATS" "${JAR:-target/china-ai-kg.jar}" "${JSA-target/china-ai-kg.jsa}" <<'PY'
import subprocess, sys, time, socket, shutil, urllib.request, urllib.error, statistics, os
repeats = int(sys.argv[1])
jar = sys.argv[2]
jsa = sys.argv[3]
if jsa and not os.path.exists(jsa):
    sys.exit(f"start-times: no class-data archive {jsa}: run mvn -q -o -DskipTests package, or pass JSA= to start without one")
store = "bench/work/start/store"
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p
def once(fresh, archive):
    if fresh:
        shutil.rmtree(store, ignore_errors=True)
    port = free_port()
    t0 = time.monotonic()
    log = open("bench/work/start/server.log", "w")
    cds = ["-Xshare:on", f"-XX:SharedArchiveFile={archive}"] if archive else []
    p = subprocess.Popen(["java", "-Xmx256m"] + cds + ["-jar", jar, "serve", "--port", str(port), "--store", store],
                         stdout=log, stderr=subprocess.STDOUT)
    first = ready = None
    try:
        while ready is None and time.monotonic() - t0 < 120:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/$/ping", timeout=5) as r:
                    if first is None: first = time.monotonic() - t0
                    ready = time.monotonic() - t0
            except urllib.error.HTTPError as e:
                if first is None: first = time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.01)
    finally:
        p.terminate(); p.wait()
    return first, ready
archives = [("", "")] + ([(jsa, ", class-data archive")] if jsa else [])
rows = {}
for i in range(repeats):
    for archive, label in archives:
        rows.setdefault("store absent" + label, []).append(once(True, archive))
        rows.setdefault("store current" + label, []).append(once(False, archive))
print("| start (fresh JVM, bundled data) | first answer on /$/ping, s | ready (/$/ping 200), s |")
print("|---|--:|--:|")
for k, v in rows.items():
    print(f"| {k} | {', '.join(f'{a:.2f}' for a, _ in v)} | {', '.join(f'{b:.2f}' for _, b in v)} |")
PY
