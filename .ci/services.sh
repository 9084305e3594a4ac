#!/usr/bin/env bash
# Starts the real services the tests use, on 127.0.0.1 and free ports, in a throwaway folder:
#   eval "$(bash .ci/services.sh start DIR)"   prints the DW_TEST_* exports
#   bash .ci/services.sh stop DIR              stops them and removes DIR
# PostgreSQL from Debian's package (a private cluster, not the package's own), an SMTP sink from python3-aiosmtpd
# writing a Maildir.
set -euo pipefail

cmd=${1:-}; root=${2:-}
[ -n "$cmd" ] && [ -n "$root" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }   # initdb refuses root

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() {
  mkdir -p "$root"; chmod 755 "$root"   # mktemp makes it 0700; the postgres user must reach its data folder
  if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres "$root/pg"; else mkdir -p "$root/pg"; fi
  local pg_port smtp_port
  pg_port=$(free_port); smtp_port=$(free_port)
  as_postgres "$pg_bin/initdb" -D "$root/pg/data" -U dw -A trust -E UTF8 --locale=C.UTF-8 >"$root/pg/initdb.log" 2>&1 \
    || { cat "$root/pg/initdb.log" >&2; exit 1; }
  # fsync stays on: the crash tests (SIGKILL mid-transition) rely on PostgreSQL's durability.
  as_postgres "$pg_bin/pg_ctl" -D "$root/pg/data" -l "$root/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $root/pg -c max_connections=300 -c shared_buffers=128MB" start >/dev/null \
    || { cat "$root/pg/server.log" >&2; exit 1; }
  "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null

  mkdir -p "$root/maildir"/{tmp,new,cur}
  nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$root/maildir" \
    >"$root/smtp.log" 2>&1 &
  echo $! >"$root/smtp.pid"
  local up=""
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && { up=1; break; }; sleep 0.1; done
  [ -n "$up" ] || { echo "services.sh: the SMTP sink did not start:" >&2; cat "$root/smtp.log" >&2; exit 1; }

  echo "export DW_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=dw;Database=postgres'"
  echo "export DW_TEST_PG_BIN='$pg_bin' DW_TEST_PG_DATA='$root/pg/data'"
  echo "export DW_TEST_SMTP_HOST=127.0.0.1 DW_TEST_SMTP_PORT=$smtp_port DW_TEST_MAILDIR='$root/maildir'"
  echo "export DW_TEST_SMTP_PIDFILE='$root/smtp.pid'"
  [ -x /usr/bin/chromium ] && echo "export DW_TEST_CHROMIUM=/usr/bin/chromium"
  return 0
}

stop() {
  [ -f "$root/smtp.pid" ] && kill "$(cat "$root/smtp.pid")" 2>/dev/null || true
  [ -f "$root/pg/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$root/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$root"
}

case "$cmd" in start) start ;; stop) stop ;; *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;; esac
