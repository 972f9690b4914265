#!/usr/bin/env bash
# make run: migrate, load regions and offices, seed the demo, then serve the portal (gunicorn)
# and the task worker until Ctrl-C, and stop everything it started.
set -eu
PY=.venv/bin/python
PORT=${PORT:-8000}
$PY manage.py migrate --noinput
$PY manage.py createcachetable  # the API's rate-limit counters (datacenter/settings.py)
$PY manage.py load_wilayah
$PY manage.py load_satker
$PY manage.py seed_demo --no-logins
$PY manage.py collectstatic --noinput -v 0
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Menghentikan portal dan pekerja tugas..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -z "${DATABASE_URL:-}" ]; then $PY -m datacenter.embedded_db stop || true; fi
  exit 0
}
trap cleanup INT TERM EXIT
.venv/bin/gunicorn datacenter.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --access-logfile - &
pids+=($!)
$PY manage.py db_worker --no-reload &
pids+=($!)
echo
echo "Portal berjalan di http://127.0.0.1:${PORT}/  (Ctrl-C untuk berhenti)"
$PY manage.py seed_demo --logins-only
wait -n "${pids[@]}"
