"""gunicorn settings for SAKIP (`gunicorn -c gunicorn.conf.py sakip.wsgi`); every value can be changed by an
environment variable. The web workers never render a report file (the task worker does: docs/deploy.md), so
requests stay short and a sync worker per request is enough."""

import gc
import multiprocessing
import os

bind = os.environ.get("SAKIP_BIND", "127.0.0.1:8000")
# Workers from CPUs: 2 per core + 1 (the usual rule for sync workers waiting on the database).
workers = int(os.environ.get("SAKIP_WEB_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
# A request longer than this is killed (the largest Excel import is checked before reading: SAKIP_IMPOR_*).
timeout = int(os.environ.get("SAKIP_WEB_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("SAKIP_WEB_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then (memory held by large pages or imports), not all at the same time.
max_requests = int(os.environ.get("SAKIP_WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Load the app once in the master: faster worker start and shared memory.
preload_app = True
# Access log on stdout (journald), one JSON object per line with the request id the app returns.
accesslog = os.environ.get("SAKIP_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("SAKIP_GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '{"waktu":"%(t)s","klien":"%(h)s","metode":"%(m)s","jalur":"%(U)s","query":"%(q)s","status":%(s)s,'
    '"byte":"%(B)s","durasi_ms":%(M)s,"request_id":"%({x-request-id}o)s","agen":"%(a)s"}'
)
# Behind nginx on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("SAKIP_FORWARDED_ALLOW_IPS", "127.0.0.1")


# The garbage collector and the preloaded app (the Python documentation's recipe for a forking server): no
# collection while the master loads Django, then everything loaded is frozen just before each fork, so the workers'
# full collections skip the thousands of long-lived objects of Django and the app (a roll-up of a thousand units
# otherwise pays a full collection over all of them every few requests) and their memory pages stay shared.
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()
