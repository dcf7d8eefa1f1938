"""SAKIP settings: one file, driven by environment variables.

SQLite by default (zero setup); set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/sakip)
for PostgreSQL. DEBUG defaults to off; `make run` turns it on for local demo use.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("SAKIP_DEBUG", False)
# Running under pytest (or SAKIP_TESTING=1): no HTTPS redirects, plain static storage.
TESTING = bool(os.environ.get("SAKIP_TESTING")) or "pytest" in sys.modules
# Production must set SAKIP_SECRET_KEY: outside DEBUG and tests the app refuses to start without it (the public
# fallback key would let anyone forge sessions and password-reset tokens).
# Keys published in this repository: outside DEBUG and tests they are refused like a missing key.
KUNCI_DEMO = "django-insecure-sakip-local-demo-key-change-me"
KUNCI_RAHASIA_PUBLIK = frozenset({KUNCI_DEMO})
SECRET_KEY = os.environ.get("SAKIP_SECRET_KEY", "").strip()
if SECRET_KEY in KUNCI_RAHASIA_PUBLIK and not (DEBUG or TESTING):
    raise ImproperlyConfigured(
        "SAKIP_SECRET_KEY berisi kunci demo yang dipublikasikan di repositori; siapa pun dapat memalsukan sesi "
        "dengannya. Setel SAKIP_SECRET_KEY ke string acak panjang, misalnya keluaran: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SAKIP_SECRET_KEY belum diatur. Setel variabel lingkungan SAKIP_SECRET_KEY ke string acak panjang "
            "(minimal 50 karakter), misalnya keluaran: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'. "
            "Untuk demo lokal saja: SAKIP_DEBUG=1."
        )
    SECRET_KEY = KUNCI_DEMO
ALLOWED_HOSTS = [h for h in os.environ.get("SAKIP_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("SAKIP_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "import_export",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "sakip",
    "umum",
    "indikator",
    "anggaran",
    "pohon",
    "evaluasi",
    "tindak_lanjut",
    "laporan",
    "dasbor",
    "kerja",
    "impor",
    "demo",
    "api",
    "ninja",
]

MIDDLEWARE = [
    "umum.log.IdPermintaanMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sakip.middleware.HeaderKeamananMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "umum.bahasa.BahasaMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sakip.middleware.SesiMiddleware",
    "sakip.middleware.SandiSementaraMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Login throttling; keep last (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sakip.urls"
WSGI_APPLICATION = "sakip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sakip.context_processors.menu",
            ],
            "builtins": ["umum.templatetags.angka"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("SAKIP_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the task worker share the SQLite file (`make run`). A deferred transaction that reads,
    # works (a password hash takes ~0.5 s) and then writes is refused with "database is locked" when the worker
    # asked for its lock in between (SQLite cannot wait there without a deadlock). So: every transaction takes the
    # write lock when it begins (IMMEDIATE) and waits for it up to `timeout` seconds; WAL lets readers go on while
    # one connection writes.
    _sqlite = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite.setdefault("timeout", 20)
    _sqlite.setdefault("transaction_mode", "IMMEDIATE")
    _sqlite.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work through Django's task API (django-tasks, the backport of Django 6's django.tasks): the report
# files and legal PDFs (laporan.tugas), large Excel imports (impor.tugas). SAKIP_TUGAS_BACKEND chooses the queue:
# "db" (default; the database backend, which needs nothing beyond the app's own database; worker `manage.py
# db_worker`, `make run` starts one), "rq" (Redis through django-tasks-rq and django-rq, queue at SAKIP_RQ_URL,
# default REDIS_URL; worker `manage.py rqworker --job-class django_tasks_rq.Job`; docs/deploy.md) or "langsung"
# (run at once in the process; the tests' default). SAKIP_TASKS_BACKEND, the old name, is read only when
# SAKIP_TUGAS_BACKEND is unset and must name one of these backend classes (README).
_BACKEND_TUGAS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "langsung": "django_tasks.backends.immediate.ImmediateBackend",
}
_NAMA_BACKEND_TUGAS = {kelas: nama for nama, kelas in _BACKEND_TUGAS.items()}
_TUGAS_LAMA = os.environ.get("SAKIP_TASKS_BACKEND", "").strip()
SAKIP_TUGAS_BACKEND = (
    os.environ.get("SAKIP_TUGAS_BACKEND", "").strip().lower()
    or _NAMA_BACKEND_TUGAS.get(_TUGAS_LAMA, _TUGAS_LAMA)
    or ("langsung" if TESTING else "db")
)
if SAKIP_TUGAS_BACKEND not in _BACKEND_TUGAS:
    raise ImproperlyConfigured(
        f"SAKIP_TUGAS_BACKEND={SAKIP_TUGAS_BACKEND!r} tidak dikenal; pilih salah satu: {', '.join(_BACKEND_TUGAS)}."
    )
TASKS = {
    "default": {
        "BACKEND": _BACKEND_TUGAS[SAKIP_TUGAS_BACKEND],
    }
}
# A report file still queued after this many seconds is taken as lost (no worker took it) and can be requested
# again.
SAKIP_LAPORAN_BATAS_DETIK = int(os.environ.get("SAKIP_LAPORAN_BATAS_DETIK", "900"))
# Periodic reports: a capaian periode under this threshold is listed as "perlu perhatian".
SAKIP_PERIODIK_AMBANG_CAPAIAN = os.environ.get("SAKIP_PERIODIK_AMBANG_CAPAIAN", "90")
# Deadlines of the periodic reports (reminders of kirim_pengingat): days after the end of a quarter/semester/month.
SAKIP_PERIODIK_TENGGAT = os.environ.get("SAKIP_PERIODIK_TENGGAT", "")
# The budget of one report file render (laporan/batas.py): wall-clock seconds (0: none) and the memory each render
# process may add (RLIMIT_AS, MB; 0: none). Over it the file fails with "Berkas terlalu lama/besar dibuat".
SAKIP_LAPORAN_WAKTU_MAKS_DETIK = int(os.environ.get("SAKIP_LAPORAN_WAKTU_MAKS_DETIK", "600"))
SAKIP_LAPORAN_MEMORI_MB = int(os.environ.get("SAKIP_LAPORAN_MEMORI_MB", "2048"))
# A rendering worker beats its file's heartbeat every SAKIP_LAPORAN_DETAK_DETIK; a render without a beat for
# SAKIP_LAPORAN_DETAK_MATI_DETIK is taken as dead (worker killed): shown as failed, made anew on the next request.
SAKIP_LAPORAN_DETAK_DETIK = float(os.environ.get("SAKIP_LAPORAN_DETAK_DETIK", "5"))
SAKIP_LAPORAN_DETAK_MATI_DETIK = int(os.environ.get("SAKIP_LAPORAN_DETAK_MATI_DETIK", "60"))
# Part of every report file's key (laporan/kunci.py) beside the hash of the code, templates and static files:
# e.g. the deployed commit.
SAKIP_VERSI_BUILD = os.environ.get("SAKIP_VERSI_BUILD", "")
# The report PDF in parts side by side (laporan/pdf_paralel.py): off with SAKIP_PDF_PARALEL=0; SAKIP_PDF_PROSES
# processes (0: one per processor this process may use); a rendered part is kept in the cache this many seconds
# (0: not kept) so that after a one-chapter edit only that chapter is rendered again.
SAKIP_PDF_PARALEL = os.environ.get("SAKIP_PDF_PARALEL", "1") not in ("0", "false", "False", "")
SAKIP_PDF_PROSES = int(os.environ.get("SAKIP_PDF_PROSES", "0"))
SAKIP_PDF_CACHE_BAGIAN_DETIK = int(os.environ.get("SAKIP_PDF_CACHE_BAGIAN_DETIK", str(7 * 24 * 3600)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The local pattern "app or agency name + year" (sakip2018): umum/sandi.py; a deployment adds its own words.
    {
        "NAME": "umum.sandi.KataLokalValidator",
        "OPTIONS": {"kata_tambahan": os.environ.get("SAKIP_SANDI_KATA_LOKAL", "")},
    },
]
if TESTING:
    # Tests create many users: a fast hasher there (PBKDF2 costs ~0.3 s per password). Never in production.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTHENTICATION_BACKENDS = [
    # django-axes first: refuses logins while a username/IP pair is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Mail (workflow notices and `kirim_pengingat` reminders): printed to the console in development, SMTP from the
# environment otherwise; tests use Django's locmem outbox.
EMAIL_BACKEND = os.environ.get("SAKIP_EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("SAKIP_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SAKIP_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SAKIP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SAKIP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("SAKIP_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("SAKIP_EMAIL_DARI", "SAKIP <sakip@localhost>")
# The address of the application as users reach it: links in e-mails.
SAKIP_URL_DASAR = os.environ.get("SAKIP_URL_DASAR", "http://localhost:8000").rstrip("/")
# The read API (api/): calls per token per minute (429 with Retry-After beyond), the page size cap.
SAKIP_API_BATAS_PER_MENIT = int(os.environ.get("SAKIP_API_BATAS_PER_MENIT", "60"))
SAKIP_API_LIMIT_MAKS = 500

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Indonesian number format: 1.234.567,89
USE_THOUSAND_SEPARATOR = True
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("SAKIP_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("SAKIP_MEDIA_ROOT", BASE_DIR / "media"))
# Evidence files (bukti dukung): size limit in bytes and accepted extensions.
SAKIP_BUKTI_MAKS_BYTE = int(os.environ.get("SAKIP_BUKTI_MAKS_BYTE", str(10 * 1024 * 1024)))
SAKIP_BUKTI_EKSTENSI = ["pdf", "jpg", "jpeg", "png", "xlsx", "docx"]
# Files of deleted evidence stay (restorable with their record) until `bersihkan_bukti_terhapus` removes those
# deleted more than this many days ago.
SAKIP_BUKTI_TERHAPUS_HARI = int(os.environ.get("SAKIP_BUKTI_TERHAPUS_HARI", "30"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# Shared cache: Redis when REDIS_URL is set (Django's built-in backend; the `redis` client is pinned in
# requirements.txt), else memory local to each process. Nothing correctness-critical lives in the cache: rendered
# reports are stored files (laporan.models.BerkasLaporan), sessions are in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("SAKIP_CACHE_PREFIX", "sakip"),
        }
    }
else:
    # Room for a roll-up of an organisation's units (one summary per unit-year: dasbor/ringkasan.py); the default
    # 300 entries would evict a 1,000-unit roll-up while it is being stored.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    }


# Security: secure defaults outside DEBUG (`manage.py check --deploy`).
SESSION_COOKIE_HTTPONLY = True
# Sessions end after SAKIP_SESSION_IDLE_MINUTES without a request and SAKIP_SESSION_MAKS_JAM hours after login
# (sakip.middleware.SesiMiddleware renews the cookie while the user is active).
SAKIP_SESSION_IDLE_MINUTES = int(os.environ.get("SAKIP_SESSION_IDLE_MINUTES", "30"))
SAKIP_SESSION_MAKS_JAM = int(os.environ.get("SAKIP_SESSION_MAKS_JAM", "12"))
SESSION_COOKIE_AGE = SAKIP_SESSION_IDLE_MINUTES * 60
# Content-Security-Policy (sakip.middleware.HeaderKeamananMiddleware): scripts only from this site's static files,
# no inline script or handler (tests/test_statis.py keeps templates that way). Styles allow 'unsafe-inline' for
# the style="" attributes in templates (widths, indents, colours computed per row).
SAKIP_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SAKIP_PERMISSIONS_POLICY = ", ".join(
    f"{fitur}=()"
    for fitur in ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb")
)
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG and not TESTING and _env_bool("SAKIP_HTTPS", True):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("SAKIP_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]  # the health check is probed over plain HTTP on the machine
    SECURE_HSTS_SECONDS = int(os.environ.get("SAKIP_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs to stderr (journald under systemd): one JSON object per line with the request id (umum/log.py) by default
# outside DEBUG and tests, plain text there; SAKIP_LOG_FORMAT=json|teks chooses.
SAKIP_LOG_FORMAT = os.environ.get("SAKIP_LOG_FORMAT", "teks" if DEBUG or TESTING else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"id_permintaan": {"()": "umum.log.SaringIdPermintaan"}},
    "formatters": {
        "json": {"()": "umum.log.FormatJSON"},
        "teks": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["id_permintaan"],
            "formatter": "json" if SAKIP_LOG_FORMAT == "json" else "teks",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("SAKIP_LOG_LEVEL", "WARNING")},
}

IMPORT_EXPORT_USE_TRANSACTIONS = True

# Login throttling (django-axes, sakip.masuk.PenanganMasuk): SAKIP_LOGIN_GAGAL_MAKS failures for one username from
# one client lock that pair for SAKIP_LOGIN_JEDA_MENIT minutes. A client with SAKIP_LOGIN_GAGAL_MAKS_KLIEN failures
# over all usernames (spraying) is throttled, never locked: unknown usernames are refused before any password check
# and a wrong password locks its username from that client at once, but the right password of any account still
# logs in. The lock page is Indonesian (registration/terkunci.html, sakip.masuk.respons_terkunci). The client is
# REMOTE_ADDR, or behind a reverse proxy the header it sets (SAKIP_TRUSTED_PROXY_HEADER, e.g. HTTP_X_FORWARDED_FOR;
# SAKIP_TRUSTED_PROXY_COUNT proxies): sakip.middleware.
AXES_ENABLED = _env_bool("SAKIP_AXES", True)
AXES_HANDLER = "sakip.masuk.PenanganMasuk"
AXES_FAILURE_LIMIT = int(os.environ.get("SAKIP_LOGIN_GAGAL_MAKS", "5"))
SAKIP_LOGIN_GAGAL_MAKS_KLIEN = int(os.environ.get("SAKIP_LOGIN_GAGAL_MAKS_KLIEN", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAKIP_LOGIN_JEDA_MENIT", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "sakip.middleware.alamat_klien"
SAKIP_TRUSTED_PROXY_HEADER = os.environ.get("SAKIP_TRUSTED_PROXY_HEADER", "").strip()
SAKIP_TRUSTED_PROXY_COUNT = max(1, int(os.environ.get("SAKIP_TRUSTED_PROXY_COUNT", "1")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sakip.masuk.respons_terkunci"
AXES_VERBOSE = False

# ---------------------------------------------------------------- data hardening: evidence files, Excel import
# Evidence files (bukti dukung) live in private storage outside MEDIA_ROOT and are never served by URL: the
# access-checked view `kerja:bukti_unduh` streams them, or hands them to the web server with
# SAKIP_SENDFILE_HEADER ("X-Accel-Redirect" for nginx: an `internal` location at SAKIP_SENDFILE_PREFIX aliased to
# SAKIP_PRIVATE_ROOT; "X-Sendfile" for Apache mod_xsendfile: the absolute path is sent).
SAKIP_PRIVATE_ROOT = Path(os.environ.get("SAKIP_PRIVATE_ROOT", BASE_DIR / "privat"))
STORAGES["privat"] = {"BACKEND": "umum.penyimpanan.PenyimpananPrivat"}
# Modes of private files and folders whatever the umask (octal). Owner only by default; with nginx
# X-Accel-Redirect the web server's user needs group read: 0640 / 0750 and that user in the app's group
# (docs/deploy.md).
SAKIP_PRIVAT_MODE_BERKAS = int(os.environ.get("SAKIP_PRIVAT_MODE_BERKAS", "600"), 8)
SAKIP_PRIVAT_MODE_FOLDER = int(os.environ.get("SAKIP_PRIVAT_MODE_FOLDER", "700"), 8)
SAKIP_SENDFILE_HEADER = os.environ.get("SAKIP_SENDFILE_HEADER", "").strip()
SAKIP_SENDFILE_PREFIX = os.environ.get("SAKIP_SENDFILE_PREFIX", "/privat/")
# Excel import limits, checked before any row is read: file size, total uncompressed size of the workbook's
# parts, rows (below the header) and columns per sheet. Upload temp files: SAKIP_IMPOR_DIR (default
# <temp dir>/sakip-impor, mode 0700, files 0600), removed on apply/cancel and after SAKIP_IMPOR_UMUR_DETIK.
SAKIP_IMPOR_MAKS_BYTE = int(os.environ.get("SAKIP_IMPOR_MAKS_BYTE", str(10 * 1024 * 1024)))
SAKIP_IMPOR_MAKS_BYTE_TERURAI = int(os.environ.get("SAKIP_IMPOR_MAKS_BYTE_TERURAI", str(200 * 1024 * 1024)))
SAKIP_IMPOR_MAKS_BARIS = int(os.environ.get("SAKIP_IMPOR_MAKS_BARIS", "20000"))
SAKIP_IMPOR_MAKS_KOLOM = int(os.environ.get("SAKIP_IMPOR_MAKS_KOLOM", "60"))
SAKIP_IMPOR_DIR = os.environ.get("SAKIP_IMPOR_DIR", "")
SAKIP_IMPOR_UMUR_DETIK = int(os.environ.get("SAKIP_IMPOR_UMUR_DETIK", "3600"))
# Uploads with more data rows than this (all known sheets, counted while streaming the sheet XML, never from the
# declared dimensions) are imported by the task worker (impor.tugas: stored in private storage, status page) instead
# of inside the request; counting stops after SAKIP_IMPOR_HITUNG_DETIK seconds and such an upload goes to the worker
# too. An import still queued or running after SAKIP_IMPOR_BATAS_DETIK is taken as lost.
SAKIP_IMPOR_LATAR_BARIS = int(os.environ.get("SAKIP_IMPOR_LATAR_BARIS", "2000"))
SAKIP_IMPOR_HITUNG_DETIK = float(os.environ.get("SAKIP_IMPOR_HITUNG_DETIK", "2"))
SAKIP_IMPOR_BATAS_DETIK = int(os.environ.get("SAKIP_IMPOR_BATAS_DETIK", "1800"))

# The RQ task queue (SAKIP_TUGAS_BACKEND=rq): Redis at SAKIP_RQ_URL, by default the cache's REDIS_URL (RQ's keys
# start with "rq:", the cache's with its prefix). A job may run as long as a report render or an import may.
SAKIP_RQ_URL = os.environ.get("SAKIP_RQ_URL", "") or REDIS_URL
if TASKS["default"]["BACKEND"] == _BACKEND_TUGAS["rq"]:
    if not SAKIP_RQ_URL:
        raise ImproperlyConfigured("SAKIP_TUGAS_BACKEND=rq membutuhkan REDIS_URL (atau SAKIP_RQ_URL).")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {
        "default": {"URL": SAKIP_RQ_URL, "DEFAULT_TIMEOUT": max(SAKIP_LAPORAN_BATAS_DETIK, SAKIP_IMPOR_BATAS_DETIK)}
    }
