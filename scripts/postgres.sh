#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests and for trying the desk on PostgreSQL by hand (Debian's postgresql package).
#
#   bash scripts/postgres.sh start [DIR]   initdb in DIR (default: a new temporary directory), start the server on a
#                                          free loopback port, print its Npgsql connection string on stdout
#   bash scripts/postgres.sh stop DIR      stop that server and remove DIR
#   bash scripts/postgres.sh pause DIR     stop that server at once (as a crash would: no checkpoint, connections cut),
#                                          keeping DIR, to try the desk against a store that went away
#   bash scripts/postgres.sh resume DIR    start it again on the port it had (DIR/port), so the same connection
#                                          string reaches it
#
# Then: export TRADINGDESK_TEST_POSTGRES="$(bash scripts/postgres.sh start /tmp/desk-pg)" for the tests, or
# desk run --store "postgres:$(...)". Trust authentication on 127.0.0.1 only: for tests, never for production.
# As root the server runs as the postgres user (PostgreSQL refuses to run as root); otherwise as the caller.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" && -x "$dir/initdb" ]] || die "no PostgreSQL under /usr/lib/postgresql: install Debian's postgresql package (apt-get install postgresql), or run scripts/test.sh as root"
  echo "$dir"
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nothing on 127.0.0.1 answers on; pg_ctl below still retries, as another process may take it first.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port found on 127.0.0.1"
}

start() {
  local dir=${1:-} bin port
  bin=$(bin_dir)
  [[ -n "$dir" ]] || dir=$(mktemp -d "${TMPDIR:-/tmp}/tradingdesk-pg.XXXXXX")
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
  mkdir "$dir/data"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no postgres user: install Debian's postgresql package"
    chown postgres "$dir" "$dir/data"
    runuser -u postgres -- test -x "$dir/data" || die "the postgres user cannot reach $dir (a parent directory is closed to it): use a directory under /tmp"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir/data"; }
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w -t 60 start >/dev/null; then
      echo "$port" >"$dir/port"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "postgres.sh: PostgreSQL on 127.0.0.1:$port in $dir; stop with: bash scripts/postgres.sh stop $dir" >&2
      return
    fi
  done
  tail -n 20 "$dir/data/server.log" >&2 || true
  die "PostgreSQL did not start (log: $dir/data/server.log)"
}

stop() {
  local dir=${1:-} bin
  [[ -n "$dir" ]] || die "usage: postgres.sh stop DIR"
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || echo "postgres.sh: could not stop the server in $dir" >&2
  fi
  rm -rf "$dir"
}

# Immediate mode: the server goes away as in a crash or a cut network, which is what an outage test needs; recovery
# from the write-ahead log on resume is PostgreSQL's own business.
pause() {
  local dir=${1:-} bin
  [[ -n "$dir" && -f "$dir/port" ]] || die "usage: postgres.sh pause DIR (a directory postgres.sh start made)"
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  bin=$(bin_dir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || die "could not stop the server in $dir"
}

# The recorded port, not a free one: the desk's connection string names it. Another process may have taken the port
# meanwhile; pg_ctl then fails and says so in the server log.
resume() {
  local dir=${1:-} bin port
  [[ -n "$dir" && -f "$dir/port" ]] || die "usage: postgres.sh resume DIR (a directory postgres.sh start made)"
  dir=$(cd "$dir" && pwd)
  port=$(cat "$dir/port")
  bin=$(bin_dir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w -t 60 start >/dev/null \
    || { tail -n 20 "$dir/data/server.log" >&2 || true; die "PostgreSQL did not start again on port $port (log: $dir/data/server.log)"; }
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  pause) pause "${2:-}" ;;
  resume) resume "${2:-}" ;;
  *) die "usage: postgres.sh start [DIR] | stop DIR | pause DIR | resume DIR" ;;
esac
