#!/bin/bash
# Runs `make check` in a fresh clone of this repository's committed state, in
# a folder with nothing beside it (no ../shared), as a new developer would on
# a machine that has only the clone. .ci/run calls it after the in-place run.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/sightline-bare.XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/sightline"
cd "$work/sightline"
[ ! -e ../shared ] || { echo "check-bare-clone: ../shared exists beside the clone" >&2; exit 1; }
echo "== make check in a bare clone ($work/sightline, no ../shared)"
make check
