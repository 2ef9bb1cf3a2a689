#!/usr/bin/env bash
# Postgres and Redis for the queue-mode e2e suite, on loopback ports of their own, in a temp folder.
#   queue-services.sh start <dir>   installs what is missing (apt-get), starts both, prints PG_PORT= / REDIS_PORT=
#   queue-services.sh stop <dir>    stops what start started (by pid / pg_ctl), removes nothing else
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$cmd" = start ]; then
	need=()
	[ -n "$(pg_bin)" ] || need+=(postgresql)
	command -v redis-server >/dev/null || need+=(redis-server)
	if [ ${#need[@]} -gt 0 ]; then
		SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
		$SUDO apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}" >&2
	fi
	mkdir -p "$dir"; chmod 777 "$dir"
	PG_PORT=$(free_port); REDIS_PORT=$(free_port)
	bin=$(pg_bin)
	# postgres refuses to run as root: its data folder belongs to the postgres user.
	as_pg mkdir -p "$dir/pg"
	as_pg "$bin/initdb" -D "$dir/pg/data" -U n8n --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
	as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/postgres.log" -w \
		-o "-p $PG_PORT -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >&2
	as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U n8n n8n
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$dir/redis.log" 2>&1 &
	echo $! >"$dir/redis.pid"
	for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
	echo "PG_PORT=$PG_PORT"; echo "REDIS_PORT=$REDIS_PORT"
else
	bin=$(pg_bin)
	[ -d "$dir/pg/data" ] && as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >&2 || true
	[ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
fi
