#!/usr/bin/env bash
# Leave one out for `ingest`: each of the five sources ingested with the entities of the other four only, against
# its curated statement file. Prints the table kept in bench/README.md (figures, not timings). Needs the corpus at
# ../shared/seeds (or KG_SEEDS=DIR); without it the test is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-q -Dtest=IngestLeaveOneOutTest -Dsurefire.failIfNoSpecifiedTests=false)
[[ -n "${KG_SEEDS:-}" ]] && args+=("-Dkg.seeds=$KG_SEEDS")
mvn "${args[@]}" test | grep -v '^\[' || true
