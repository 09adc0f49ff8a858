#!/usr/bin/env bash
# Issue 8's scenarios, as docs/performance.md reports them: each server pinned to core 0, the
# load tool on core 1, persistence on: one node with the default SQLite journal; two nodes with
# the journal of clusters, PostgreSQL (this machine's binaries, also on core 0), since nodes must
# share one journal. Everything lives in a temporary directory removed at the end. Loopback only;
# every run is bounded by its --seconds.
#
#   ./mvnw -B -q package -DskipTests
#   load-tool/measure.sh one     # one node: 1×200, 1×300, 50×10 at 2,000 and 4,000/s, ramp, join, idle
#   load-tool/measure.sh two     # two nodes, each room's clients spread over both
#   load-tool/measure.sh hop     # 50×10 at 250/s on one node, then on two: the cluster hop
#   load-tool/measure.sh draw    # a 2,000-note workshop (DRAW_NOTES) opened 3 × 10 times in Chromium
#   load-tool/measure.sh smoke   # every scenario, small and short: proves the tool works
#   AB_JAR=../other/server/target/atelier-server.jar load-tool/measure.sh ab
#                                # this build's node against another's, alternated, twice each:
#                                # 50×10 at 2,000, 3,000 and 4,000/s on a warm node, with the
#                                # node's context switches and write calls per change
#
# The load average is printed before each run: with other work on the machine, figures mean
# little (docs/performance.md says which were taken how).
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_JAR=server/target/atelier-server.jar
TOOL_JAR=load-tool/target/atelier-load.jar
WORK=$(mktemp -d)
PIDS=()

PG_PORT=55432
PG_PASSWORD="pw-$$-$RANDOM"
PG_STARTED=""

stop_nodes() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin=$(dirname "$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb | tail -1)")
  chmod 755 "$WORK"
  mkdir -p "$WORK/pg"
  printf '%s' "$PG_PASSWORD" >"$WORK/pg/password"
  [ "$(id -u)" = 0 ] && chown -R postgres "$WORK/pg"
  as_pg "$bin/initdb" -D "$WORK/pg/data" -U atelier --pwfile="$WORK/pg/password" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >"$WORK/pg/initdb.log"
  as_pg taskset -c 0 "$bin/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w -t 30 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg" start \
    >/dev/null
  PG_STARTED="$bin"
  PGPASSWORD="$PG_PASSWORD" psql -q -h 127.0.0.1 -p $PG_PORT -U atelier -d postgres \
    -c "create database atelier"
}

stop_postgres() {
  if [ -n "$PG_STARTED" ]; then
    as_pg "$PG_STARTED/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null || true
    PG_STARTED=""
  fi
}
trap 'stop_nodes; stop_postgres; rm -rf "$WORK"' EXIT

# The load tool is one address sending far more than a person would: the limits of
# docs/protocol.md (LM1, LM3 to LM7) are raised for it.
export ATELIER_HOST=127.0.0.1 ATELIER_MAX_CONNECTIONS_PER_ADDRESS=5000 \
  ATELIER_WORKSHOPS_PER_HOUR=1000 ATELIER_CHANGES_PER_SECOND=100000 \
  ATELIER_CHANGES_BURST=100000 ATELIER_FLOOD_MESSAGES_PER_SECOND=1000000 \
  ATELIER_MAX_NOTES_PER_CANVAS=100000 ATELIER_MAX_PARTICIPANTS=5000 \
  ATELIER_CLUSTER_NAME="atelier-measure-$$"

# start_node HTTP_PORT CLUSTER_PORT [OTHER_MEMBERS]: a node on core 0; alone, with a SQLite
# journal of its own; in a cluster, with the PostgreSQL journal every member shares.
start_node() {
  mkdir -p "$WORK/data-$1"
  local journal=(ATELIER_JOURNAL=sqlite)
  if [ -n "${3:-}" ]; then
    journal=(ATELIER_JOURNAL=postgres ATELIER_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/atelier"
      ATELIER_DB_USER=atelier ATELIER_DB_PASSWORD="$PG_PASSWORD")
  fi
  env PORT="$1" ATELIER_CLUSTER_PORT="$2" ATELIER_CLUSTER_MEMBERS="${3:-}" \
    ATELIER_DATA_DIR="$WORK/data-$1" "${journal[@]}" \
    taskset -c 0 java -Xlog:gc:file="$WORK/gc-$1.log" -jar "$SERVER_JAR" >"$WORK/node-$1.log" 2>&1 &
  PIDS+=($!)
}

# await_ready HTTP_PORT MEMBERS: until GET /ready counts that many members (at most 90 s).
await_ready() {
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$1/ready" | grep -q "\"members\":$2"; then
      return 0
    fi
    sleep 0.5
  done
  echo "node $1 was not ready with $2 members; its log:" >&2
  tail -20 "$WORK/node-$1.log" >&2
  return 1
}

# gc_since LOG LINES: the pauses a node's collector logged after its first LINES lines.
gc_since() {
  tail -n +$(($2 + 1)) "$1" | awk -v node="$(basename "$1" .log)" '/Pause/ {
      ms = $NF + 0; n++; if (ms > longest) longest = ms
      if (/Pause Full/) { full++; if (ms > longestFull) longestFull = ms } }
    END { printf "# %s: %d pauses, longest %.1f ms; %d of them full, longest %.1f ms\n",
      node, n, longest, full, longestFull }'
}

# Each run is followed by the pauses of every node's collector during it (warm-up and drain
# included), so that a stall in the figures can be told from a collection.
tool() {
  echo "# $(date -Iseconds) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# load-tool $*"
  local logs=("$WORK"/gc-*.log) lines=() i
  for i in "${!logs[@]}"; do lines+=("$(wc -l <"${logs[$i]}" 2>/dev/null || echo 0)"); done
  taskset -c 1 java -jar "$TOOL_JAR" "$@"
  for i in "${!logs[@]}"; do
    if [ -f "${logs[$i]}" ]; then gc_since "${logs[$i]}" "${lines[$i]}"; fi
  done
  echo
}

one_node() {
  start_node 18090 5801
  await_ready 18090 1
  local url=http://127.0.0.1:18090 pid=${PIDS[0]}
  # A fresh node's first minute or two: its JIT compiler still takes a share of the one core,
  # and the commits wait for it (docs/performance.md, "a fresh node"). That run is reported as
  # the fresh node's; 60 s more warm the node up; the runs after are the steady state.
  echo "# A fresh node (its compiler at work), then a warm-up: not among the medians"
  tool --url $url --server-pid "$pid" --scenario room --rooms 1 --clients 200 --rate 200 \
    --seconds 30 --warmup 5
  tool --url $url --server-pid "$pid" --scenario room --rooms 1 --clients 200 --rate 200 \
    --seconds 60 --warmup 5
  echo "# The steady state"
  for run in 1 2 3; do
    tool --url $url --server-pid "$pid" --scenario room --rooms 1 --clients 200 --rate 200 \
      --seconds 30 --warmup 5
  done
  for run in 1 2 3; do
    tool --url $url --server-pid "$pid" --scenario room --rooms 1 --clients 300 --rate 200 \
      --seconds 30 --warmup 5
  done
  tool --url $url --server-pid "$pid" --scenario room --rooms 50 --clients 10 --rate 2000 \
    --seconds 30 --warmup 5
  # Issue 8's target rate itself, which the ramp's steps (×1.25 from 1,000) pass over.
  tool --url $url --server-pid "$pid" --scenario room --rooms 50 --clients 10 --rate 4000 \
    --seconds 30 --warmup 5
  tool --url $url --server-pid "$pid" --scenario ramp --rooms 50 --clients 10 --rate 1000 \
    --step 1.25 --seconds 5
  tool --url $url --server-pid "$pid" --scenario join --notes 2000 --runs 20
  tool --url $url --server-pid "$pid" --scenario idle --clients 2000
  stop_nodes
}

two_nodes() {
  start_postgres
  start_node 18091 5811 127.0.0.1:5812
  start_node 18092 5812 127.0.0.1:5811
  await_ready 18091 2
  await_ready 18092 2
  local urls=http://127.0.0.1:18091,http://127.0.0.1:18092 pids="${PIDS[0]},${PIDS[1]}"
  tool --url $urls --server-pid "$pids" --scenario ramp --rooms 50 --clients 10 --rate 250 \
    --step 1.25 --seconds 5
  stop_nodes
  stop_postgres
}

# The cost of the cluster hop: the same 50 × 10 rooms at a rate both hold (250/s), on one node
# and then spread over two (both nodes and PostgreSQL on core 0: one core for the server side).
hop() {
  start_node 18096 5841
  await_ready 18096 1
  tool --url http://127.0.0.1:18096 --server-pid "${PIDS[0]}" --scenario room --rooms 50 \
    --clients 10 --rate 250 --seconds 30 --warmup 10
  stop_nodes
  start_postgres
  start_node 18097 5851 127.0.0.1:5852
  start_node 18098 5852 127.0.0.1:5851
  await_ready 18097 2
  await_ready 18098 2
  tool --url http://127.0.0.1:18097,http://127.0.0.1:18098 --server-pid "${PIDS[0]},${PIDS[1]}" \
    --scenario room --rooms 50 --clients 10 --rate 250 --seconds 30 --warmup 10
  stop_nodes
  stop_postgres
}

# The browser's half of the join target: the tool and the Chromium it starts on core 1, the node
# on core 0; three runs of ten fresh browsers each (Debian's chromium and chromium-driver).
draw() {
  start_node 18099 5861
  await_ready 18099 1
  for run in 1 2 3; do
    tool --url http://127.0.0.1:18099 --scenario draw --notes "${DRAW_NOTES:-2000}" --runs 10
  done
  stop_nodes
}

smoke() {
  start_node 18093 5821
  await_ready 18093 1
  local url=http://127.0.0.1:18093 pid=${PIDS[0]}
  tool --url $url --server-pid "$pid" --scenario room --rooms 2 --clients 20 --rate 100 \
    --seconds 5 --warmup 2
  tool --url $url --scenario ramp --rooms 5 --clients 4 --rate 50 --step 2 --max-rate 400 \
    --seconds 2 --first-warmup 3
  tool --url $url --server-pid "$pid" --scenario join --notes 2000 --runs 5
  tool --url $url --server-pid "$pid" --scenario idle --clients 200
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    tool --url $url --scenario draw --notes 200 --runs 2
  fi
  stop_nodes
}

smoke_two() {
  start_postgres
  start_node 18094 5831 127.0.0.1:5832
  start_node 18095 5832 127.0.0.1:5831
  await_ready 18094 2
  await_ready 18095 2
  tool --url http://127.0.0.1:18094,http://127.0.0.1:18095 --scenario room --rooms 4 \
    --clients 6 --rate 100 --seconds 5 --warmup 2
  stop_nodes
  stop_postgres
}

# The context switches of every thread of a process so far, voluntary and not.
context_switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { s += $2 } END { print s }'
}

# The write system calls of a process so far (sockets and files alike).
write_calls() {
  awk '/^syscw:/ { print $2 }' /proc/"$1"/io
}

# A change's cost is small against the machine's noise (docs/performance.md): two builds are
# compared on alternate nodes, each warmed up as in one_node, at rates below and at the target.
ab() {
  local mine=$SERVER_JAR other=${AB_JAR:?AB_JAR must name the atelier-server.jar of the other build}
  [ -f "$other" ] || { echo "No such jar: $other" >&2; exit 2; }
  for round in 1 2; do
    for SERVER_JAR in "$mine" "$other"; do
      echo "# A/B round $round: $SERVER_JAR"
      start_node 18090 5801
      await_ready 18090 1
      local url=http://127.0.0.1:18090 pid=${PIDS[0]}
      taskset -c 1 java -jar "$TOOL_JAR" --url $url --server-pid "$pid" --scenario room \
        --rooms 1 --clients 200 --rate 200 --seconds 60 --warmup 5 >/dev/null
      taskset -c 1 java -jar "$TOOL_JAR" --url $url --server-pid "$pid" --scenario room \
        --rooms 50 --clients 10 --rate 2000 --seconds 30 --warmup 5 >/dev/null
      for rate in 2000 3000 4000; do
        local switches writes
        switches=$(context_switches "$pid")
        writes=$(write_calls "$pid")
        tool --url $url --server-pid "$pid" --scenario room --rooms 50 --clients 10 \
          --rate $rate --seconds 30 --warmup 5
        # Over the warm-up and the window: 35 s of changes at that rate.
        awk -v s0="$switches" -v s1="$(context_switches "$pid")" -v w0="$writes" \
          -v w1="$(write_calls "$pid")" -v n=$((rate * 35)) 'BEGIN {
            printf "# node per change: %.2f context switches, %.2f write calls\n\n",
              (s1 - s0) / n, (w1 - w0) / n }'
      done
      stop_nodes
    done
  done
  SERVER_JAR=$mine
}

case "${1:-}" in
  one) one_node ;;
  two) two_nodes ;;
  hop) hop ;;
  draw) draw ;;
  smoke) smoke; smoke_two ;;
  smoke-two) smoke_two ;;
  ab) ab ;;
  *) echo "usage: $0 one|two|hop|draw|smoke|smoke-two|ab" >&2; exit 2 ;;
esac
