#!/usr/bin/env bash
# Starts Neo4j 5.26 Community in a JVM, from the test harness on Maven Central (no Docker, no
# install): Bolt on 127.0.0.1, HTTP off, auth off. GPLv3: for development and tests only.
#
#   scripts/neo4j/start.sh [--background] [--dir DIR] [--port PORT]
#
#   --dir DIR     run directory: the store (DIR/data, kept across restarts), bolt.uri, neo4j.pid,
#                 neo4j.out (the JVM's output). Default: .tmp/neo4j
#   --port PORT   Bolt port on 127.0.0.1; 0 picks a free one. Default: 7687
#   --background  return once Bolt answers, leaving Neo4j running (stop it with stop.sh DIR);
#                 without it, stay in the foreground and stop Neo4j on Ctrl-C or SIGTERM.
#
# Fetches the jars into scripts/neo4j/lib first if they are missing (Maven, ~144 MB). Once Bolt
# answers, prints `NEO4J_URI=bolt://127.0.0.1:PORT` on stdout (the last line in the background);
# progress goes to stderr. Environment: NEO4J_JAVA_OPTS (default: -Xmx1g
# -XX:+ExitOnOutOfMemoryError), NEO4J_START_TIMEOUT in seconds (default: 180).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIR="$ROOT/.tmp/neo4j"
PORT=7687
BACKGROUND=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --background) BACKGROUND=true; shift ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
TIMEOUT=${NEO4J_START_TIMEOUT:-180}
read -r -a JAVA_OPTS <<<"${NEO4J_JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}"

# The jars, once per version of pom.xml (a fetch cut short is redone). Central sometimes answers
# 429 under bursts: retry.
fetch() {
  local stamp
  stamp=$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)
  [ "$(cat "$HERE/lib/.fetched" 2>/dev/null)" = "$stamp" ] && return 0
  echo "neo4j: fetching the harness jars into scripts/neo4j/lib" >&2
  rm -rf "$HERE/lib"
  for attempt in 1 2 3; do
    # outputDirectory is resolved against the pom's folder: give it absolute.
    if mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$HERE/lib" >&2; then
      echo "$stamp" >"$HERE/lib/.fetched"
      return 0
    fi
    echo "neo4j: fetch failed (attempt $attempt)" >&2
    sleep $((attempt * 10))
  done
  return 1
}
fetch

if [ -f "$DIR/neo4j.pid" ] && kill -0 "$(cat "$DIR/neo4j.pid")" 2>/dev/null; then
  echo "neo4j: already running in $DIR (pid $(cat "$DIR/neo4j.pid")); stop it with scripts/neo4j/stop.sh $DIR" >&2
  exit 1
fi
rm -f "$DIR/bolt.uri" "$DIR/neo4j.pid"

started=$(date +%s)
java "${JAVA_OPTS[@]}" -cp "$HERE/lib/*" "$HERE/Launcher.java" "$DIR" "$PORT" >"$DIR/neo4j.out" 2>&1 </dev/null &
JAVA_PID=$!

if [ "$BACKGROUND" = false ]; then
  # In a script, a background job ignores SIGINT: Ctrl-C reaches this shell, which stops Neo4j.
  trap 'kill -TERM "$JAVA_PID" 2>/dev/null || true; wait "$JAVA_PID" || true; rm -f "$DIR/neo4j.pid" "$DIR/bolt.uri"; exit 0' INT TERM
fi

# The launcher writes bolt.uri once Bolt listens; then a driver must get an answer.
until [ -s "$DIR/bolt.uri" ]; do
  if ! kill -0 "$JAVA_PID" 2>/dev/null; then
    echo "neo4j: the JVM exited before Bolt listened; its output:" >&2
    cat "$DIR/neo4j.out" >&2
    exit 1
  fi
  if [ $(($(date +%s) - started)) -ge "$TIMEOUT" ]; then
    echo "neo4j: no Bolt after ${TIMEOUT}s; its output:" >&2
    cat "$DIR/neo4j.out" >&2
    kill -TERM "$JAVA_PID" 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
URI=$(head -n 1 "$DIR/bolt.uri")
URI=${URI%/}
if ! "$ROOT/node_modules/.bin/tsx" "$HERE/waitForBolt.ts" "$URI" "$((TIMEOUT - ($(date +%s) - started)))" >&2; then
  echo "neo4j: Bolt listens at $URI but no driver got an answer; its output:" >&2
  cat "$DIR/neo4j.out" >&2
  kill -TERM "$JAVA_PID" 2>/dev/null || true
  exit 1
fi
echo "neo4j: ready in $(($(date +%s) - started))s (pid $JAVA_PID, store $DIR/data)" >&2
echo "NEO4J_URI=$URI"

if [ "$BACKGROUND" = false ]; then
  tail -n +1 -f "$DIR/neo4j.out" --pid "$JAVA_PID" >&2 &
  status=0
  wait "$JAVA_PID" || status=$?
  rm -f "$DIR/neo4j.pid" "$DIR/bolt.uri"
  exit "$status"
fi
