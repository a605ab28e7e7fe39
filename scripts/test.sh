#!/usr/bin/env bash
# The whole test suite: type-check, lint, unit and database tests on PGlite and on a real
# PostgreSQL started here, then the browser journeys in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

# --- System packages the suite needs -------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(pg_bin)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		step "Installing ${missing[*]} with apt-get"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi

# --- Static checks -------------------------------------------------------------------------
step "Type-check"
npm run --silent check

step "Lint"
npm run --silent lint

# --- Unit and database tests on PGlite -----------------------------------------------------
step "Unit and database tests (PGlite)"
vitest run

# --- The same suite against PostgreSQL -----------------------------------------------------
step "Database tests (PostgreSQL $(basename "$(dirname "$(pg_bin)")"))"
PG_DIR=$(mktemp -d /tmp/atameken-pg.XXXXXX)
PG_PORT=${TEST_PG_PORT:-55432}
as_pg_user() {
	# PostgreSQL refuses to run as root: use the postgres system user then.
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
stop_pg() {
	as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$PG_DIR"
}
trap stop_pg EXIT
as_pg_user "$(pg_bin)/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
	-o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
# Database tests are the files named *.db.test.ts.
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" vitest run .db.test
stop_pg
trap - EXIT

# --- Browser journeys ----------------------------------------------------------------------
step "Build"
npm run --silent build

step "A PostgreSQL restart under the built server"
# Starts the built server against a PostgreSQL of its own, which it stops and starts again.
TEST_BUILT_SERVER=1 vitest run server/database-restart.http.test.ts

step "Browser journeys (Chromium)"
playwright test
