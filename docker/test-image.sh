#!/bin/bash
# Builds the image and checks that its defaults work whatever the command line: the default command and an
# overridden one (serve --port 8080) both answer /$/ping and a query; query and load in other containers on the
# same volume go to the running server or refuse to replace its store; a store under /app is one line of error.
#   mvn -q -DskipTests package && docker/test-image.sh
#   BASE_IMAGE=local/jre17:bookworm docker/test-image.sh     # offline (../shared/tools/docker-local.sh makes it)
# Containers use the host's network (docker-local.sh's engine has no bridge): ports 3030 and 8080 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${IMAGE:-china-ai-kg-test}
VOLUME=kg-test-$$
PORT_DEFAULT=3030
PORT_OVERRIDE=${PORT_OVERRIDE:-8080}
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  docker volume rm -f "$VOLUME" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

[ -f target/china-ai-kg.jar ] || fail "no target/china-ai-kg.jar; run: mvn -q -DskipTests package"
docker build -q --network=none ${BASE_IMAGE:+--build-arg BASE_IMAGE=$BASE_IMAGE} -f docker/Dockerfile -t "$IMAGE" . >/dev/null
docker volume create "$VOLUME" >/dev/null

first_line() { head -1 | tr -d '\r'; }

# 0. The class-data archive the build made belongs to this jar and JVM: -Xshare:on fails otherwise.
out=$(docker run --rm --entrypoint java "$IMAGE" -Xshare:on -XX:SharedArchiveFile=/app/china-ai-kg.jsa -jar /app/china-ai-kg.jar --version 2>&1) \
  || fail "the image's class-data archive: $out"
echo "ok: the class-data archive maps ($(echo "$out" | first_line))"

# Waits until the server at port $1 answers /$/ping, or fails with the container's log.
await() {
  local port=$1 container=$2
  for _ in $(seq 180); do
    curl -fsS "http://localhost:$port/\$/ping" >/dev/null 2>&1 && return 0
    [ "$(docker inspect -f '{{.State.Running}}' "$container")" = true ] || break
    sleep 1
  done
  docker logs "$container" 2>&1 | tail -20 >&2
  fail "$container: no answer on port $port"
}

run_server() {  # name, then the command line (none: the image's default command)
  c=$1-$$; shift
  containers+=("$c")
  docker run -d --name "$c" --network=host -v "$VOLUME:/data" "$IMAGE" "$@" >/dev/null
}

# 1. The default command: serve on 3030, the store built on the volume.
run_server default
await $PORT_DEFAULT "$c"
out=$(curl -fsS "http://localhost:$PORT_DEFAULT/queries/count-by-type.csv") || fail "default command: /queries/count-by-type.csv"
[ "$(echo "$out" | first_line)" = type,instances ] || fail "default command: /queries/count-by-type.csv: $out"
echo "ok: default command serves on $PORT_DEFAULT"
docker stop "$c" >/dev/null

# 2. An overridden command line: serve --port 8080, the same writable store.
run_server override serve --port "$PORT_OVERRIDE"
await "$PORT_OVERRIDE" "$c"
echo "ok: serve --port $PORT_OVERRIDE answers /\$/ping"

# 3. Beside it, on the same volume: query goes to the server, load refuses to swap the store it serves.
out=$(docker run --rm --network=host -v "$VOLUME:/data" "$IMAGE" query count-by-type --format csv 2>&1) \
  || fail "query beside the server: $out"
[ "$(echo "$out" | first_line)" = type,instances ] || fail "query beside the server: $out"
echo "ok: query count-by-type beside the server"
set +e
out=$(docker run --rm --network=host -v "$VOLUME:/data" "$IMAGE" load 2>&1); rc=$?
set -e
[ $rc -eq 1 ] && echo "$out" | grep -q "is being served by process .* at http://localhost:$PORT_OVERRIDE/; stop it first" \
  || fail "load beside the server (exit $rc): $out"
echo "ok: load refuses the served store: $out"

# 4. The health check follows the overridden port (it reads the URL the server wrote).
for _ in $(seq 60); do
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$c")" = healthy ] && break
  sleep 2
done
[ "$(docker inspect -f '{{.State.Health.Status}}' "$c")" = healthy ] || fail "health check of serve --port $PORT_OVERRIDE"
echo "ok: healthy on --port $PORT_OVERRIDE"
docker stop "$c" >/dev/null

# 5. load once no server runs; a store where kg cannot write is one line, no stack trace.
docker run --rm -v "$VOLUME:/data" "$IMAGE" load >/dev/null 2>&1 || fail "load on the volume"
echo "ok: load on the volume"
set +e
out=$(docker run --rm "$IMAGE" load --store /app/store 2>&1); rc=$?
set -e
[ $rc -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] && echo "$out" | grep -q "cannot write in /app" \
  || fail "load --store /app/store (exit $rc): $out"
echo "ok: $out"
echo "image $IMAGE: all checks passed"
