#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 server on loopback for the PostGIS tests (ctest fixture).
#   pg_server.sh start STATE   initdb in a temporary directory (as the postgres user), pg_ctl on a
#                              free port, socket in /tmp; writes PGPORT/PGDATA to STATE
#   pg_server.sh stop STATE    stops the server and removes the directory
# Local (socket) connections trust the OS user postgres; TCP on 127.0.0.1 asks for a password
# (scram-sha-256), so that the tests exercise a real login of the minimal role.
# Fails (exit 1) when the server cannot start: the tests must fail, not skip.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
state=${2:?state file}

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

stop() {
  [ -f "$state" ] || return 0
  # shellcheck disable=SC1090
  . "$state"
  if [ -n "${PGDATA:-}" ] && [ -d "$PGDATA" ]; then
    as_postgres "$bin/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
  [ -n "${PGROOT:-}" ] && rm -rf "$PGROOT"
  rm -f "$state"
}

free_port() {
  local p
  for p in $(shuf -i 40000-59999 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && [ ! -e "/tmp/.s.PGSQL.$p" ]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

case "$cmd" in
  start)
    stop  # a server left behind by an interrupted run
    [ -x "$bin/initdb" ] || { echo "pg_server: $bin/initdb missing: apt-get install postgresql-15 postgresql-15-postgis-3" >&2; exit 1; }
    data=$(mktemp -d /tmp/muyield-pg.XXXXXX)
    chown postgres: "$data"
    chmod 700 "$data"
    port=$(free_port) || { echo "pg_server: no free port" >&2; exit 1; }
    printf 'PGROOT=%s\nPGDATA=%s\nPGPORT=%s\nPGHOST=/tmp\n' "$data" "$data/db" "$port" >"$state"
    as_postgres "$bin/initdb" -D "$data/db" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$data/initdb.log" 2>&1 ||
      { cat "$data/initdb.log" >&2; exit 1; }
    if ! as_postgres "$bin/pg_ctl" -D "$data/db" -l "$data/db/server.log" -w -t 30 \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null; then
      cat "$data/db/server.log" >&2
      exit 1
    fi
    as_postgres "$bin/psql" -h /tmp -p "$port" -U postgres -d template1 -qAtc "CREATE EXTENSION postgis"
    echo "pg_server: PostgreSQL on 127.0.0.1:$port, data $data/db"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: pg_server.sh start|stop STATE" >&2
    exit 2
    ;;
esac
