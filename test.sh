#!/usr/bin/env bash
# The test command. On a fresh machine it installs MariaDB, Redis and Node (apt) if missing, starts them on loopback
# if they are not already running, runs every test of the solution against them, prints one summary line
# "N passed, N failed" (.NET and mini-program tests together), and stops only what it started. Safe to run again
# and again.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUN_DIR="$ROOT/.test-run"
mkdir -p "$RUN_DIR"
MYSQL_PORT=${DAIBAN_TEST_MYSQL_PORT:-3306}
REDIS_PORT=${DAIBAN_TEST_REDIS_PORT:-6379}
TEST_USER=daiban
TEST_PASSWORD=daiban-test
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
started_mariadb=0
started_redis_pid=""

log() { printf '[test.sh] %s\n' "$*"; }

cleanup() {
  if [ -n "$started_redis_pid" ]; then
    log "stopping the Redis this script started (pid $started_redis_pid)"
    kill "$started_redis_pid" 2>/dev/null || true
  fi
  if [ "$started_mariadb" = 1 ]; then
    log "stopping the MariaDB this script started"
    $SUDO service mariadb stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

install_missing() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)   # Chinese in the browser screenshots
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

mariadb_up() { $SUDO mariadb-admin ping --silent >/dev/null 2>&1; }

start_mariadb() {
  if mariadb_up; then
    log "MariaDB already running"
  else
    if [ ! -d /var/lib/mysql/mysql ]; then
      log "initialising the MariaDB data directory"
      $SUDO mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    log "starting MariaDB"
    $SUDO service mariadb start >/dev/null 2>&1 || true
    started_mariadb=1
    for _ in $(seq 1 60); do mariadb_up && break; sleep 0.5; done
    mariadb_up || { log "MariaDB did not start"; exit 1; }
  fi
  $SUDO mariadb -uroot <<SQL
CREATE USER IF NOT EXISTS '$TEST_USER'@'127.0.0.1' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER IF NOT EXISTS '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'localhost';
FLUSH PRIVILEGES;
-- Every test host keeps its own connection pool (a database per test class); the default 151 runs out.
SET GLOBAL max_connections = 1000;
SQL
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    log "Redis already running on $REDIS_PORT"
    return
  fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --pidfile "$RUN_DIR/redis.pid" --dir "$RUN_DIR" --logfile "$RUN_DIR/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.2
  done
  started_redis_pid=$(cat "$RUN_DIR/redis.pid" 2>/dev/null || true)
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || { log "Redis did not start"; exit 1; }
}

install_missing
start_mariadb
start_redis

export DAIBAN_TEST_MYSQL="Server=127.0.0.1;Port=$MYSQL_PORT;User ID=$TEST_USER;Password=$TEST_PASSWORD"
export DAIBAN_TEST_REDIS="127.0.0.1:$REDIS_PORT"
# An operator's own settings must not redirect the tests.
unset ConnectionStrings__MySql ConnectionStrings__Redis

passed=0
failed=0
status=0

log "running the .NET tests"
dotnet test Daiban.sln -c Release --nologo 2>&1 | tee "$RUN_DIR/dotnet-test.log"
dotnet_status=${PIPESTATUS[0]}
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$RUN_DIR/dotnet-test.log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
if [ "$dotnet_status" != 0 ]; then
  status=1
  [ "$failed" -gt 0 ] || failed=$((failed + 1))
fi

# One jest package: install once, run with a JSON report, add its counts. A suite that cannot load (a WXML compile
# error, a host that did not start) has no failed tests: it counts as a failure too.
run_jest() {
  local dir=$1 report="$RUN_DIR/$2.json"
  rm -f "$report"
  (
    cd "$dir" &&
    { [ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error; } &&
    { [ ! -f scripts/build-npm.js ] || node scripts/build-npm.js; } &&
    npx jest --ci --json --outputFile="$report"
  ) || status=1
  if [ -f "$report" ]; then
    read -r jp jf < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$report")
    passed=$((passed + jp)); failed=$((failed + jf))
  else
    failed=$((failed + 1))
  fi
}

log "running the mini-program tests (jest + miniprogram-simulate)"
run_jest miniprogram jest-miniprogram
log "running the console browser tests (playwright-core + chromium; screenshots in .test-run/screenshots)"
E2E_SCREENSHOTS="$RUN_DIR/screenshots" run_jest tests/console-e2e jest-console
[ "$failed" -eq 0 ] || status=1

echo
echo "$passed passed, $failed failed"
exit $status
