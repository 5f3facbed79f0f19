#!/usr/bin/env bash
# The fault suite: two Daiban instances (separate processes, each with its Hangfire server) on one MariaDB and one
# Redis, the WeChat emulator as a process of its own that both share, and a realistic mix of enterprises, the window
# and agents (tools/faults/drive.py) while this script kills an instance with -9, restarts MariaDB, stops Redis for
# 30 s and makes WeChat fail. Then it counts, from the database and the emulator, what was lost or done twice and
# prints "faults: lost N, duplicated N, ..."; non-zero exit on any loss, duplicate, stray 5xx or unhealthy instance.
# Needs MariaDB and Redis installed (./test.sh installs them); starts them if they are not running.
# FAULTS_DURATION (s, default 150) sets how long the load runs; the faults are spread over it.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUN="$ROOT/.faults-run"
mkdir -p "$RUN"
DURATION=${FAULTS_DURATION:-150}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
WX_PORT=5300 A_PORT=5301 B_PORT=5302
DB=daiban_faults
PASSWORD="Faults2026-$(head -c 9 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
pids=()

log() { printf '[faults] %s\n' "$*"; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
start_redis() { redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
  --dir "$RUN" --logfile "$RUN/redis.log" >/dev/null; for _ in $(seq 1 40); do redis_up && return; sleep 0.25; done; }
mariadb_up() { $SUDO mariadb-admin ping --silent >/dev/null 2>&1; }

cleanup() {
  for pid in "${pids[@]}" ${a_PID:-} ${b_PID:-}; do kill "$pid" 2>/dev/null || true; done
  mariadb_up || $SUDO service mariadb start >/dev/null 2>&1
  redis_up || start_redis
}
trap cleanup EXIT

mariadb_up || { log "starting MariaDB"; $SUDO service mariadb start >/dev/null 2>&1; }
redis_up || { log "starting Redis"; start_redis; }
mariadb_up && redis_up || { log "MariaDB and Redis are needed (run ./test.sh once to install them)"; exit 2; }
$SUDO mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4;" || exit 2
redis-cli -p 6379 --scan --pattern 'daiban-faults:*' | xargs -r redis-cli -p 6379 del >/dev/null

log "building"
for project in src/Daiban.Web src/Daiban.WeChat.Emulator; do
  dotnet build -c Release -v q -nologo "$project" >"$RUN/build.log" 2>&1 || { tail -20 "$RUN/build.log"; exit 2; }
done
WEB="$ROOT/src/Daiban.Web/bin/Release/net10.0/Daiban.Web.dll"
EMU="$ROOT/src/Daiban.WeChat.Emulator/bin/Release/net10.0/Daiban.WeChat.Emulator.dll"

# One set of WeChat settings for both sides, none of them the emulator's public defaults.
wechat=(
  --WeChat:MiniProgram:AppSecret=faults-mp-secret --WeChat:OfficialAccount:AppSecret=faults-oa-secret
  --WeChat:MiniProgram:Token=faultsToken --WeChat:OfficialAccount:Token=faultsToken
  --WeChat:MiniProgram:EncodingAESKey=FaultsSuiteEncodingAESKey0123456789abcdefgh
  --WeChat:OfficialAccount:EncodingAESKey=FaultsSuiteEncodingAESKey0123456789abcdefgh
)
app=(
  "${wechat[@]}" --WeChat:Emulator:Enabled=false "--WeChat:ApiBaseUrl=http://127.0.0.1:$WX_PORT/_wx/"
  --WeChat:Templates:case-registered=TPL_CASE_REGISTERED
  "--ConnectionStrings:MySql=Server=127.0.0.1;Port=3306;Database=$DB;User ID=daiban;Password=daiban-test"
  --ConnectionStrings:Redis=127.0.0.1:6379 --SharedStore:KeyPrefix=daiban-faults:
  "--Auth:SigningKey=faults-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  --Database:SeedDemoData=true "--Demo:StaffPassword=$PASSWORD" --Logging:LogLevel:Default=Warning
)

start_instance() { # name port
  (cd src/Daiban.Web && exec dotnet "$WEB" --urls "http://127.0.0.1:$2" "${app[@]}" >>"$RUN/$1.log" 2>&1) &
  eval "$1_PID=$!"
}
healthy() { curl -sf -o /dev/null "http://127.0.0.1:$1/health"; }
wait_healthy() { for _ in $(seq 1 120); do healthy "$1" && return 0; sleep 0.5; done; log "instance on $1 not healthy"; return 1; }

log "migrating $DB"
(cd src/Daiban.Web && dotnet "$WEB" migrate "${app[@]}") >"$RUN/migrate.log" 2>&1 || { tail -20 "$RUN/migrate.log"; exit 2; }
dotnet "$EMU" --urls "http://127.0.0.1:$WX_PORT" "${wechat[@]}" --Logging:LogLevel:Default=Warning \
  "--WeChat:Emulator:PushTargets:0=http://127.0.0.1:$A_PORT" "--WeChat:Emulator:PushTargets:1=http://127.0.0.1:$B_PORT" \
  >"$RUN/emulator.log" 2>&1 &
pids+=($!)
: >"$RUN/a.log"; : >"$RUN/b.log"
start_instance a $A_PORT; start_instance b $B_PORT
wait_healthy $A_PORT && wait_healthy $B_PORT || exit 2

# The schedule, in seconds from the start of the load (the driver forgives 5xx within these spans).
d=$DURATION
k1=$((d / 10)); k1e=$((k1 + 7))
m=$((d * 3 / 10)); me=$((m + 6))
r=$((d * 45 / 100)); re=$((r + 30))
w=$((d * 70 / 100))
k2=$((d * 80 / 100)); k2e=$((k2 + 7))
export FAULTS_A="http://127.0.0.1:$A_PORT" FAULTS_B="http://127.0.0.1:$B_PORT" FAULTS_WX="http://127.0.0.1:$WX_PORT"
export FAULTS_DB=$DB FAULTS_STAFF_PASSWORD=$PASSWORD FAULTS_DURATION=$d
export FAULTS_OUTAGES="$k1-$k1e,$m-$me,$r-$re,$k2-$k2e"
log "load for ${d}s; kill -9 a at ${k1}s, MariaDB restart at ${m}s, Redis down ${r}-${re}s, WeChat faults at ${w}s, kill -9 b at ${k2}s"
python3 tools/faults/drive.py &
driver=$!
at() { local t=$1; shift; sleep "$(( t - $(date +%s) + start ))" 2>/dev/null || true; "$@"; }
start=$(date +%s)
at $k1 kill -9 "$a_PID"; log "killed a (-9)"
at $k1e start_instance a $A_PORT; log "restarted a"
at $m $SUDO service mariadb stop >/dev/null 2>&1; log "MariaDB stopped"
at $me $SUDO service mariadb start >/dev/null 2>&1; log "MariaDB started"
at $r redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; log "Redis stopped"
at $re start_redis; log "Redis started"
wx() { curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$WX_PORT/_wx/test/faults"; }
at $w wx '{"path":"cgi-bin/message/subscribe/send","errCode":-1,"times":10}'
wx '{"path":"cgi-bin/message/custom/send","errCode":45011,"times":10}'
wx '{"path":"cgi-bin/message/custom/send","errCode":0,"times":2,"stallMs":12000}'
log "WeChat answers -1, 45011 and stalls past the client timeout"
at $k2 kill -9 "$b_PID"; log "killed b (-9)"
at $k2e start_instance b $B_PORT; log "restarted b"
wait "$driver"
rc=$?
log "instance logs in $RUN"
exit $rc
