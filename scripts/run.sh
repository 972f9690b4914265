#!/usr/bin/env bash
# make run: migrate, load regions and offices, seed the demo, then serve the portal (gunicorn)
# and the task worker until Ctrl-C, and stop everything it started, in order: the web server
# and the worker first, then the embedded database, once.
#
# Ctrl-C (or a supervisor's SIGINT/SIGTERM to the whole process group) reaches gunicorn and the
# worker too; they are given time to finish what they are doing before anything is signalled
# again (a second signal makes the task worker abandon its task). A signal to this script alone
# is passed on to them. Nothing here waits forever: 10 s to stop by themselves, 15 s after a
# SIGTERM, then SIGKILL, so a supervisor's SIGKILL 30 s later finds the work done.
set -eu
PY=.venv/bin/python
PORT=${PORT:-8000}
pids=()

hidup() {
  local p
  for p in "${pids[@]}"; do
    if kill -0 "$p" 2>/dev/null; then return 0; fi
  done
  return 1
}

tunggu() {  # tunggu <detik>: until every child has exited, or the time is up
  local batas=$((SECONDS + $1))
  while hidup && [ $SECONDS -lt $batas ]; do sleep 0.2; done
  ! hidup
}

berhenti() {
  local sebab=$1 status=$2
  # The shutdown itself is not cut short by a second Ctrl-C or the supervisor's next signal.
  trap '' INT TERM
  trap - EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo; echo "Menghentikan portal dan pekerja tugas..."
    # A child that exited by itself (EXIT) leaves the others unsignalled; so does a signal
    # sent to this script only. Either way they get one SIGTERM, not a second Ctrl-C.
    if [ "$sebab" = EXIT ] || ! tunggu 10; then
      kill -TERM "${pids[@]}" 2>/dev/null || true
      tunggu 15 || kill -KILL "${pids[@]}" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
  fi
  if [ -z "${DATABASE_URL:-}" ]; then
    echo "Menghentikan basis data tertanam..."
    $PY -m datacenter.embedded_db stop || true
  fi
  exit "$status"
}
# an orderly stop on a signal is a success; a failed step or a child that died is not
trap 'berhenti INT 0' INT
trap 'berhenti TERM 0' TERM
trap 'berhenti EXIT $?' EXIT

# migrate, cache table, regions, offices, demo data, static files (apps/core/.../siapkan_portal.py)
$PY manage.py siapkan_portal

# no control socket: its default path is shared by every gunicorn of this user
.venv/bin/gunicorn datacenter.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --no-control-socket \
  --access-logfile - &
pids+=($!)
$PY manage.py db_worker --no-reload &
pids+=($!)
echo
echo "Portal berjalan di http://127.0.0.1:${PORT}/  (Ctrl-C untuk berhenti)"
$PY manage.py seed_demo --logins-only
wait -n "${pids[@]}"
