"""The shared cache: with REDIS_URL set, Django's Redis backend works (the `redis` client is installed) and two
processes see the same entries. Uses a Redis only when told: SAKIP_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/15,
a database the tests may write to); skipped when it is unset or no Redis answers there."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REDIS_UJI = os.environ.get("SAKIP_TEST_REDIS_URL", "")
AKAR = Path(__file__).resolve().parents[2]


def _redis_hidup() -> bool:
    if not REDIS_UJI:
        return False  # never a Redis nobody named: its data is not the tests' to write
    alamat = urlsplit(REDIS_UJI)
    try:
        with socket.create_connection((alamat.hostname, alamat.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not _redis_hidup(), reason=f"SAKIP_TEST_REDIS_URL tidak diatur atau Redis tidak menjawab ({REDIS_UJI or '-'})"
)


def _jalankan(kode: str, prefiks: str) -> str:
    env = {**os.environ, "SAKIP_TESTING": "1", "REDIS_URL": REDIS_UJI, "SAKIP_CACHE_PREFIX": prefiks}
    env.pop("DATABASE_URL", None)
    awal = "import django; django.setup(); from django.core.cache import cache\n"
    hasil = subprocess.run(
        [sys.executable, "-c", awal + kode],
        cwd=AKAR,
        env={**env, "DJANGO_SETTINGS_MODULE": "sakip.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip()


def test_redis_url_memakai_redis_dan_dibagi_antarproses():
    prefiks = "uji-" + uuid.uuid4().hex
    # One process writes bytes (a PDF-sized value), another one reads them: a per-process cache would miss.
    ukuran = _jalankan(
        "from django.core.cache import caches\n"
        "print(type(caches['default']).__name__)\n"
        "cache.set('berkas', b'%PDF-1.7' + bytes(range(256)) * 4096, 60)\n"
        "print(len(cache.get('berkas')))",
        prefiks,
    ).splitlines()
    assert ukuran == ["RedisCache", str(8 + 256 * 4096)]
    assert _jalankan("print(len(cache.get('berkas', b'')))", prefiks) == str(8 + 256 * 4096)
    _jalankan("cache.delete('berkas')", prefiks)
