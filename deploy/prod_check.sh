#!/usr/bin/env bash
# `make prod-check`: the production settings as a deployment would run them, on this machine.
# 1. `manage.py check --deploy` (DEBUG off, a throw-away secret key); 2. migrate and collect static files into a
# temporary folder (or DATABASE_URL when set); 3. start gunicorn with gunicorn.conf.py on 127.0.0.1:$PORT, ask
# /sehat/ (must be 200) and a static file through whitenoise, check the X-Request-ID header; 4. stop gunicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PROD_CHECK_PORT:-8765}"
SEM="$(mktemp -d)"
GPID=""
selesai() {
  if [ -n "$GPID" ]; then kill "$GPID" 2>/dev/null || true; wait "$GPID" 2>/dev/null || true; fi
  rm -rf "$SEM"
}
trap selesai EXIT

unset SAKIP_TESTING SAKIP_DEBUG
SAKIP_SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SAKIP_SECRET_KEY
export DATABASE_URL="${DATABASE_URL:-sqlite:///$SEM/prod.sqlite3}"
export SAKIP_PRIVATE_ROOT="$SEM/privat" SAKIP_MEDIA_ROOT="$SEM/media" SAKIP_STATIC_ROOT="$SEM/static"
export SAKIP_ALLOWED_HOSTS="127.0.0.1,localhost"

echo "== check --deploy"
$PY manage.py check --deploy --fail-level WARNING
echo "== migrate, collectstatic (folder sementara)"
$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0

echo "== gunicorn di 127.0.0.1:$PORT"
SAKIP_BIND="127.0.0.1:$PORT" SAKIP_WEB_WORKERS=2 .venv/bin/gunicorn -c gunicorn.conf.py sakip.wsgi \
  >"$SEM/gunicorn.log" 2>&1 &
GPID=$!
for _ in $(seq 1 60); do
  if $PY - "$PORT" <<'PYEOF' 2>/dev/null; then break; fi
import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.5).close()
PYEOF
  sleep 0.5
done

$PY - "$PORT" <<'PYEOF'
import json, sys, urllib.error, urllib.request

dasar = f"http://127.0.0.1:{sys.argv[1]}"
def ambil(jalur, **header):
    req = urllib.request.Request(dasar + jalur, headers=header)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()

status, header, isi = ambil("/sehat/")
print(f"/sehat/ -> {status} {isi.decode()}")
assert status == 200, "pemeriksaan kesehatan gagal"
assert len(header.get("X-Request-ID", "")) >= 8, "X-Request-ID tidak ada"
status, header, isi = ambil("/static/js/sakip.js", **{"X-Forwarded-Proto": "https"})
print(f"/static/js/sakip.js (whitenoise) -> {status}, {len(isi)} byte")
assert status == 200 and isi, "berkas statis tidak dilayani"
print("prod-check: OK")
PYEOF
