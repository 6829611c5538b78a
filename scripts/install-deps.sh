#!/bin/sh
# Installs the Debian packages sightline needs to build, test and benchmark,
# when they are missing. Run as root on a fresh Debian machine; does nothing
# when everything is present.
#   build:  compilers, pkg-config, SQLite, libsodium, libmicrohttpd, jansson,
#           libxlsxwriter (xlsx export), libzip and expat (xlsx, docx and odt import), libcurl
#           (reminder emails, opened on first use), Node.js/npm
#   tests:  clang's sanitizer and fuzzer runtime, sqlite3, python3, curl,
#           postgresql (the throwaway cluster the suites run on again; libpq-dev
#           for the build, libpq opened on first use),
#           python3-openpyxl (workbooks made by another tool),
#           headless Chromium for the browser tests, tidy (HTML checks of the reports)
#   bench:  wrk and nginx (the static-file peer the web figures are compared with)
set -eu
PACKAGES="build-essential pkg-config clang libclang-rt-dev libsqlite3-dev libsodium-dev
libmicrohttpd-dev libjansson-dev libxlsxwriter-dev libzip-dev libexpat1-dev libcurl4-openssl-dev sqlite3 python3
python3-openpyxl curl chromium chromium-driver wrk nginx-light poppler-utils tidy postgresql libpq-dev"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm may come from Debian or from NodeSource; either will do.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
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
