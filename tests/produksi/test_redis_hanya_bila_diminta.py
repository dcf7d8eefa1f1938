"""The tests use a Redis only when told (SAKIP_TEST_REDIS_URL): without it no test connects to whatever Redis
runs on the machine (issue 19, finding 10)."""

import re
from pathlib import Path

from . import test_cache_bersama

AKAR = Path(__file__).resolve().parents[2]


def test_tanpa_sakip_test_redis_url_tidak_ada_redis_yang_dipakai(monkeypatch):
    monkeypatch.setattr(test_cache_bersama, "REDIS_UJI", "")
    assert test_cache_bersama._redis_hidup() is False


def test_tidak_ada_alamat_redis_bawaan_di_uji():
    """No test falls back to a Redis address of its own (e.g. db 15 of the local Redis)."""
    bawaan = re.compile(r"""environ\.get\(\s*["']SAKIP_TEST_REDIS_URL["']\s*,\s*["']redis://""")
    assert not [str(p) for p in AKAR.glob("tests/**/*.py") if bawaan.search(p.read_text(encoding="utf-8"))]
