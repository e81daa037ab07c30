#!/usr/bin/env bash
# The one test command. Prepares PostgreSQL when it can (installs it if missing, runs a
# throw-away cluster as the `postgres` user on 127.0.0.1, creates a fresh database and
# exports ENGINE_TEST_PG), then runs every test project and prints one summary line:
#   tests: N passed, N failed, N skipped
# Exits non-zero if anything failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

PG_DIR=""
PG_BIN=""
stop_pg() {
  if [ -n "$PG_DIR" ] && [ -n "$PG_BIN" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap stop_pg EXIT

prepare_pg() {
  if [ -n "${ENGINE_TEST_PG:-}" ]; then
    log "using ENGINE_TEST_PG from the environment"
    return 0
  fi
  if ! PG_BIN=$(pg_bin); then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      log "installing PostgreSQL (apt-get install -y postgresql)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
        || { log "could not install PostgreSQL; PostgreSQL tests will be skipped"; return 1; }
      PG_BIN=$(pg_bin) || { log "PostgreSQL installed but initdb not found"; return 1; }
    else
      log "PostgreSQL not installed and cannot install it (need root and apt-get); PostgreSQL tests will be skipped"
      return 1
    fi
  fi
  id postgres >/dev/null 2>&1 || { log "no postgres user; PostgreSQL tests will be skipped"; PG_BIN=""; return 1; }
  local runas=(runuser -u postgres --)
  [ "$(id -u)" = "0" ] || runas=()
  PG_DIR=$(mktemp -d /tmp/engine-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$PG_DIR"
  local port=${ENGINE_TEST_PG_PORT:-55432}
  "${runas[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >/dev/null 2>&1 \
    || { log "initdb failed; PostgreSQL tests will be skipped"; return 1; }
  "${runas[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=on -c max_connections=200" start >/dev/null 2>&1 \
    || { log "PostgreSQL did not start (see $PG_DIR/log); PostgreSQL tests will be skipped"; cat "$PG_DIR/log" >&2; return 1; }
  "${runas[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE engine_test" >/dev/null \
    || { log "could not create the test database; PostgreSQL tests will be skipped"; return 1; }
  export ENGINE_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=engine_test;Pooling=true"
  log "PostgreSQL ready on 127.0.0.1:$port (database engine_test)"
}

prepare_pg || true

# Debian's Chromium drives the dashboard's browser test (PuppeteerSharp through /usr/bin/chromium; nothing is downloaded
# at run time). Installed like PostgreSQL when it is missing and we can; without it that test is skipped and says why.
prepare_chromium() {
  if [ -n "${ENGINE_TEST_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ]; then
    log "Chromium ready (${ENGINE_TEST_CHROMIUM:-/usr/bin/chromium})"
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    log "installing Chromium (apt-get install -y chromium)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || { log "could not install Chromium; the dashboard browser test will be skipped"; return 1; }
    log "Chromium installed: $(/usr/bin/chromium --version 2>/dev/null)"
  else
    log "Chromium not installed and cannot install it (need root and apt-get); the dashboard browser test will be skipped"
    return 1
  fi
}

prepare_chromium || true
# Clients nobody on this team wrote drive the simulators in tests/clients/ (ToobitCcxtClientTests, BinanceCcxtClientTests,
# BinanceConnectorClientTests): each npm package is installed into its own cache folder outside the repository, at the
# version those tests were written against, and named to the tests by an environment variable; without node/npm (or when
# the install fails) the tests skip, saying why.
#   prepare_npm VARIABLE PACKAGE VERSION
prepare_npm() {
  local var="$1" package="$2" version="$3"
  if [ -n "${!var:-}" ]; then
    log "$package from $var=${!var}"
    return 0
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "node/npm not found; the $package client tests will be skipped"
    return 1
  fi
  local name="${package#@}"
  local home="${XDG_CACHE_HOME:-$HOME/.cache}/engine/${name//\//-}-$version"
  if [ ! -d "$home/node_modules/$package" ]; then
    log "installing $package $version with npm into $home"
    mkdir -p "$home" && (cd "$home" && npm install --silent --no-audit --no-fund "$package@$version" >/dev/null 2>&1) \
      || { log "could not install $package; the $package client tests will be skipped"; return 1; }
  fi
  export "$var=$home"
  log "$package ready ($home)"
}

prepare_npm CCXT_HOME ccxt 4.5.84 || true
prepare_npm BINANCE_CONNECTOR_HOME @binance/connector 3.6.1 || true

# Screenshots of the browser test are kept here as artifacts.
export ENGINE_TEST_ARTIFACTS="${ENGINE_TEST_ARTIFACTS:-$root/artifacts}"

out=$(mktemp)
dotnet test Engine.sln -c Release --nologo 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# dotnet test prints one line per test project:
#   Passed!  - Failed:     0, Passed:   120, Skipped:     2, Total:   122, Duration: ...
read -r passed failed skipped projects < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  f += $(i+1);
      if ($i == "Passed:")  p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$out")
rm -f "$out"

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
exit 0
