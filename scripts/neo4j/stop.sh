#!/usr/bin/env bash
# Stops the Neo4j that start.sh started in a run directory: SIGTERM (a clean shutdown, about 3 s),
# then SIGKILL after NEO4J_STOP_TIMEOUT seconds (default 30). The store stays, for the next
# start.sh on the same directory; --clean removes the run directory too.
#
#   scripts/neo4j/stop.sh [DIR] [--clean]        (DIR defaults to .tmp/neo4j)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIR="$HERE/../../.tmp/neo4j"
CLEAN=false
for arg in "$@"; do
  case "$arg" in
    --clean) CLEAN=true ;;
    *) DIR=$arg ;;
  esac
done
TIMEOUT=${NEO4J_STOP_TIMEOUT:-30}

if [ -f "$DIR/neo4j.pid" ]; then
  PID=$(cat "$DIR/neo4j.pid")
  # Only our launcher: a stale pid file must not take another process down.
  if kill -0 "$PID" 2>/dev/null && tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q 'Launcher.java'; then
    kill -TERM "$PID"
    for _ in $(seq 1 $((TIMEOUT * 5))); do
      kill -0 "$PID" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$PID" 2>/dev/null; then
      echo "neo4j: still running after ${TIMEOUT}s, killing $PID" >&2
      kill -KILL "$PID" || true
    fi
  fi
  rm -f "$DIR/neo4j.pid" "$DIR/bolt.uri"
fi
if [ "$CLEAN" = true ]; then rm -rf "$DIR"; fi
