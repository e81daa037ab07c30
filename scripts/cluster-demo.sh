#!/usr/bin/env bash
# A three-node engine cluster on one machine, for a newcomer (README "Running a cluster"):
#   1. PostgreSQL as scripts/test.sh starts it (a throw-away server as the postgres user), unless ENGINE_PG is set;
#   2. one quant gateway simulator and three nodes (hocon/examples/cluster-node*.conf) with 30 logins and one sample
#      market maker per login;
#   3. after 20 s, SIGKILL of the node holding the most logins; the wait until every login is Ready again;
#   4. 20 s more, every node stopped (SIGTERM), then `engine audit` on PostgreSQL;
#   5. one JSON line: {"logins":30,"failover_seconds":...,"orders":...,"fills_journal":...,"fills_venue":...,
#      "duplicate_client_ids":0,"audit_clean":true}; failover_seconds is null, and the script exits 1, when not every
#      login was Ready again within the wait (about a minute).
# Needs the .NET SDK, python3 (to read JSON) and, without ENGINE_PG, root and PostgreSQL (installed like test.sh does).
# Logs and configuration go to a temporary folder, printed at the start and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
LOGINS=${CLUSTER_DEMO_LOGINS:-30}
QG_PORT=${CLUSTER_DEMO_QG_PORT:-19878}
BASE_PORT=${CLUSTER_DEMO_AKKA_PORT:-25550}
work=$(mktemp -d /tmp/engine-cluster-demo.XXXXXX)
log() { printf '[cluster-demo %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
log "work folder: $work"

pids=()
PG_DIR=""
PG_BIN=""
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "$PG_DIR" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT

if [ -z "${ENGINE_PG:-}" ]; then
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
  if [ -z "$PG_BIN" ]; then
    log "installing PostgreSQL (apt-get install -y postgresql)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
  fi
  PG_DIR=$(mktemp -d /tmp/engine-demo-pg.XXXXXX); chmod 755 "$PG_DIR"; chown postgres "$PG_DIR"
  port=${CLUSTER_DEMO_PG_PORT:-55442}
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c max_connections=200" start >/dev/null
  runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE engine_demo" >/dev/null
  export ENGINE_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=engine_demo"
  log "PostgreSQL on 127.0.0.1:$port"
fi

log "building the engine"
dotnet build src/Engine.Host/Engine.Host.csproj -c Release --nologo -v quiet >/dev/null
engine=(dotnet "$root/src/Engine.Host/bin/Release/net10.0/engine.dll")

# The demo's logins, accounts and strategies over the example node files; nodes 2 and 3 change only the port.
python3 - "$work" "$LOGINS" "$QG_PORT" "$BASE_PORT" "$root" <<'PY'
import sys
work, n, qg, base, root = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
url = f"ws://127.0.0.1:{qg}/ws/v1"
logins = "\n".join(
    f'    {{ name = qg-{i}, venue = quant-gateway, quant-gateway {{ url = "{url}", platform = huobi, symbols = ["BTC/USDT"], access-key = demo-{i}-key, secret-key = demo-{i}-secret }} }}'
    for i in range(1, n + 1))
accounts = "\n".join(
    f'    {{ id = demo-{i}, api-key = demo-{i}-key, secret = demo-{i}-secret, spot-balances {{ USDT = 100000, BTC = 2 }} }}'
    for i in range(1, n + 1))
strategies = "\n".join(
    f'    {{ name = mm-{i}, type = "Engine.Strategies.Samples.MarketMaker", assembly = "Engine.Strategies.Samples", logins = [qg-{i}], '
    f'parameters {{ symbol = "BTC/USDT", initial-mid = 50000, spread-bps = 4, order-size = 0.001, requote-threshold-bps = 2, refresh-interval = 2s, max-long = 0.01, max-short = 0.01 }} }}'
    for i in range(1, n + 1))
seeds = ", ".join(f'"akka.tcp://engine@127.0.0.1:{base + k}"' for k in (1, 2, 3))
for k in (1, 2, 3):
    with open(f"{work}/node{k}.conf", "w") as f:
        f.write(f'''include "{root}/hocon/examples/cluster-node1.conf"
akka.remote.dot-netty.tcp.port = {base + k}
akka.cluster.seed-nodes = [{seeds}]
engine.run.status-interval = 1s
engine.simulator.market.tick-interval = 500ms
engine.simulator.accounts = [
{accounts}
]
engine.logins = [
{logins}
]
engine.strategies = [
{strategies}
]
''')
PY

log "starting the quant gateway simulator on 127.0.0.1:$QG_PORT"
"${engine[@]}" simulate --venue quant-gateway --port "$QG_PORT" --config "$work/node1.conf" >"$work/simulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do (echo >"/dev/tcp/127.0.0.1/$QG_PORT") 2>/dev/null && break; sleep 0.2; done

declare -A node_pid
for k in 1 2 3; do
  log "starting node $k (127.0.0.1:$((BASE_PORT + k)))"
  "${engine[@]}" run --config "$work/node$k.conf" >"$work/node$k.log" 2>&1 &
  node_pid[$k]=$!
  pids+=($!)
done

# A login's state is its latest state line by time over all the logs, not the last file read: a login that shard
# rebalancing moved between nodes logs "-> Stopped" on the node it left and "-> Ready" on the one it joined.
ready_count() { # logins whose latest state line, over the given logs, is Ready
  python3 - "$LOGINS" "$@" <<'PY'
import re, sys
n, files = int(sys.argv[1]), sys.argv[2:]
state = {}
for f in files:
    for line in open(f, errors="replace"):
        m = re.search(r"Login (qg-\d+): \w+ -> (\w+)", line)
        if m and (m.group(1) not in state or line[:12] >= state[m.group(1)][0]):
            state[m.group(1)] = (line[:12], m.group(2))
print(sum(1 for at, s in state.values() if s == "Ready"))
PY
}

for _ in $(seq 1 120); do
  [ "$(ready_count "$work"/node*.log)" -ge "$LOGINS" ] && break
  sleep 0.5
done
log "$(ready_count "$work"/node*.log) of $LOGINS logins Ready; trading 20 s"
sleep 20

# The node holding the most logins: count "started on node" minus departures (the entity log lines) per node.
victim=$(python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
best, count = 1, -1
for k in (1, 2, 3):
    held = {}
    for line in open(f"{work}/node{k}.log", errors="replace"):
        m = re.search(r"Login (qg-\d+): (started on node|handing off)", line)
        if m:
            held[m.group(1)] = m.group(2) == "started on node"
    c = sum(held.values())
    if c > count:
        best, count = k, c
print(best)
PY
)
for k in 1 2 3; do [ "$k" = "$victim" ] || survivors+=("$work/node$k.log"); done
marks=()
for f in "${survivors[@]}"; do marks+=("$(wc -l <"$f")"); done
log "SIGKILL node $victim"
kill_at=$(date +%s.%N)
kill_clock=$(date -u +%H:%M:%S.%3N)
kill -9 "${node_pid[$victim]}"

moved_ready() { # every login Ready, counting only what the survivors logged after the kill for the moved ones
  python3 - "$LOGINS" "$victim" "$work" "${marks[@]}" <<'PY'
import re, sys
n, victim, work, marks = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], [int(x) for x in sys.argv[4:]]
held, state = {}, {}
for line in open(f"{work}/node{victim}.log", errors="replace"):
    m = re.search(r"Login (qg-\d+): (started on node|handing off)", line)
    if m:
        held[m.group(1)] = m.group(2) == "started on node"
moved = {l for l, h in held.items() if h}
survivors = [k for k in (1, 2, 3) if k != victim]
for k, mark in zip(survivors, marks):
    for i, line in enumerate(open(f"{work}/node{k}.log", errors="replace")):
        m = re.search(r"Login (qg-\d+): \w+ -> (\w+)", line)
        if m and (m.group(1) not in moved or i >= mark) and (m.group(1) not in state or line[:12] >= state[m.group(1)][0]):
            state[m.group(1)] = (line[:12], m.group(2))
ready = {l for l, (at, s) in state.items() if s == "Ready"}
print("yes" if len(moved) > 0 and moved <= ready and len(ready) >= n else "no")
PY
}
all_ready=no
for _ in $(seq 1 240); do
  if [ "$(moved_ready)" = "yes" ]; then all_ready=yes; break; fi
  sleep 0.25
done
failover=$(python3 -c "import time,sys; print(round(time.time() - float(sys.argv[1]), 1))" "$kill_at")
if [ "$all_ready" = yes ]; then
  log "every login Ready again after ${failover} s; trading 20 s more"
else
  log "NOT every login Ready again after ${failover} s (the wait ran out; the node logs are in $work); trading 20 s more"
  failover=null
fi
# The parts of the failover (README "Running a cluster"), from the survivors' logs: the first line of each step after the kill.
python3 - "$kill_clock" "$work" "$victim" <<'PY' >&2 || true
import re, sys
from datetime import datetime
kill, work, victim = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = [("unreachable", "Marking node(s) as UNREACHABLE"), ("downed (SBR)", "SBR took decision"),
         ("removed", "Leader is removing"), ("coordinator moved", "ShardCoordinator was moved to the active state"),
         ("first login restarted", "started on node"), ("last login Ready", "-> Ready")]
seen = {}
for k in (1, 2, 3):
    if k == victim:
        continue
    for line in open(f"{work}/node{k}.log", errors="replace"):
        at = line[:12]
        if not re.match(r"\d\d:\d\d:\d\d\.\d{3}", at) or at < kill:
            continue
        for name, text in marks:
            if text in line:
                first = seen.get(name)
                seen[name] = max(first, at) if name == "last login Ready" and first else (min(first, at) if first else at)
t = lambda s: datetime.strptime(s, "%H:%M:%S.%f")
prev, parts = kill, []
for name, _ in marks:
    if name in seen:
        parts.append(f"{name} +{(t(seen[name]) - t(prev)).total_seconds():.1f} s")
        prev = seen[name]
print(f"[cluster-demo] failover parts after the kill at {kill}: " + ", ".join(parts))
PY
sleep 20

# Both survivors at once: one after the other would hand the first one's logins (and strategies) to the last, which
# trades them again until it stops, with more sessions ending mid-flight.
for k in 1 2 3; do [ "$k" = "$victim" ] || kill -TERM "${node_pid[$k]}" 2>/dev/null || true; done
for k in 1 2 3; do [ "$k" = "$victim" ] || wait "${node_pid[$k]}" 2>/dev/null || true; done
curl -s "http://127.0.0.1:$QG_PORT/_control/state" >"$work/venue.json"
"${engine[@]}" audit --pg "$ENGINE_PG" --format json >"$work/audit.json" 2>"$work/audit.err" || true

python3 - "$LOGINS" "$failover" "$work" <<'PY'
import json, sys
n, failover, work = int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
audit = json.load(open(f"{work}/audit.json"))
venue = json.load(open(f"{work}/venue.json"))
ids = [o.get("clientOrderId") for o in audit.get("orders", [])]
fills_venue = sum(len(a.get("fills", [])) for a in venue.get("accounts", []))
print(json.dumps({
    "logins": n,
    "failover_seconds": failover,
    "orders": len(ids),
    "fills_journal": len(audit.get("fills", [])),
    "fills_venue": fills_venue,
    "duplicate_client_ids": len(ids) - len(set(ids)),
    "audit_clean": bool(audit.get("clean")),
}, separators=(",", ":")))
PY
[ "$all_ready" = yes ]
