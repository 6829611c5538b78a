#!/bin/sh
# Installs the Debian packages sightline needs to build and test, when they are
# missing. Run as root on a fresh Debian machine; does nothing when all are present.
set -eu
PACKAGES="build-essential pkg-config clang libclang-rt-dev libsqlite3-dev libsodium-dev sqlite3 python3"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "sightline needs these Debian packages:$missing" >&2
    echo "run 'make deps' as root (or: sudo apt-get install$missing)" >&2
    exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing
