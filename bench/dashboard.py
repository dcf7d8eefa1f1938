"""Dashboard benchmark: server time of the head's dashboard (one unit) and of the roll-up of the sub-units.

Standalone: `python bench/dashboard.py [--unit 60 --tahun 5 --indikator 15 --baris-anggaran 3000 -n 30]`;
at organisation scale: `--unit 1000 --hanya-rollup`. The roll-up is measured cold (the cache emptied before
every request: every unit-year summary computed) and warm (summaries read from the cache).
Uses a temporary SQLite file by default; with DATABASE_URL=postgres://user@host:port/anything it creates a
throwaway database `sakip_bench_<pid>` on that server and drops it afterwards. Prints median and p95 (ms)
of N requests through Django's test Client (after warm-up), and the number of queries per request.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _siapkan_basis_data() -> tuple[str, callable]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        folder = tempfile.mkdtemp(prefix="sakip-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        return "SQLite (berkas sementara, dihapus sesudahnya)", lambda: shutil.rmtree(folder, ignore_errors=True)
    import psycopg

    nama = f"sakip_bench_{os.getpid()}"
    u = urlparse(url)
    admin = urlunparse(u._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        c.execute(f'CREATE DATABASE "{nama}"')
    os.environ["DATABASE_URL"] = urlunparse(u._replace(path="/" + nama))

    def hapus():
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nama}"')

    return f"PostgreSQL ({u.hostname}:{u.port or 5432}/{nama}, dibuang sesudahnya)", hapus


def _ukur(client, url: str, n: int, *, dingin: bool = False) -> tuple[float, float, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm-up (template loading, connection)
        assert client.get(url).status_code == 200
    waktu = []
    for _ in range(n):
        if dingin:
            cache.clear()
        mulai = time.perf_counter()
        r = client.get(url)
        waktu.append((time.perf_counter() - mulai) * 1000)
        assert r.status_code == 200, r.status_code
    if dingin:
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    waktu.sort()
    p95 = waktu[min(len(waktu) - 1, int(round(0.95 * len(waktu))) - 1)]
    return statistics.median(waktu), p95, len(ctx.captured_queries)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unit", type=int, default=60)
    ap.add_argument("--tahun", type=int, default=5)
    ap.add_argument("--indikator", type=int, default=15)
    ap.add_argument("--baris-anggaran", type=int, default=None, help="default: max(3000, 6 per unit-year)")
    ap.add_argument("--hanya-rollup", action="store_true", help="measure the roll-up only (cold and warm)")
    ap.add_argument("-n", type=int, default=30, help="requests per page")
    a = ap.parse_args()

    os.environ.setdefault("SAKIP_TESTING", "1")
    warnings.filterwarnings("ignore", message="No directory at")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    keterangan, hapus = _siapkan_basis_data()
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.test import Client

        from demo.skala import buat_data_skala
        from indikator.enums import Peran
        from indikator.models import Keanggotaan

        settings.ALLOWED_HOSTS = ["*"]
        settings.DEBUG = False
        call_command("migrate", verbosity=0)
        mulai = time.perf_counter()
        baris_anggaran = a.baris_anggaran or max(3000, 6 * a.unit * a.tahun)
        hasil = buat_data_skala(
            unit=a.unit, tahun=a.tahun, indikator=a.indikator, baris_anggaran=baris_anggaran, awalan="bench"
        )
        dibuat = time.perf_counter() - mulai
        user = get_user_model().objects.create_user("kepala-bench", password="x")
        Keanggotaan.objects.create(pengguna=user, unit=hasil.induk, peran=Peran.PIMPINAN)
        client = Client()
        client.force_login(user)
        tahun = hasil.tahun[-1]
        anak = hasil.units[len(hasil.units) // 2]

        print(f"Basis data : {keterangan}")
        print(
            f"Data       : {len(hasil.units)} unit × {len(hasil.tahun)} tahun × {a.indikator} indikator "
            f"(realisasi triwulanan), {hasil.jumlah_baris_anggaran} mata anggaran — dibuat dalam {dibuat:.1f} dtk"
        )
        print(f"Permintaan : {a.n} per halaman (setelah 3 pemanasan), waktu server lewat django.test.Client")
        rollup = f"/dasbor/unit-bawahan/?unit={hasil.induk.slug}&tahun={tahun}"
        halaman = [
            ("Dasbor satu unit", f"/dasbor/?unit={anak.slug}&tahun={tahun}", 150, False),
            (f"Roll-up {len(hasil.units)} unit dingin", rollup, None, True),
            (f"Roll-up {len(hasil.units)} unit hangat", rollup, 300, False),
            ("Detail indikator", f"/dasbor/indikator/{_indikator(anak)}/?tahun={tahun}", None, False),
        ]
        if a.hanya_rollup:
            halaman = halaman[1:3]
        for label, url, sasaran, dingin in halaman:
            median, p95, kueri = _ukur(client, url, a.n, dingin=dingin)
            target = f"  (sasaran median < {sasaran} ms: {'OK' if median < sasaran else 'TIDAK'})" if sasaran else ""
            print(f"  {label:<28} median {median:7.1f} ms   p95 {p95:7.1f} ms   {kueri:3d} kueri{target}")
    finally:
        hapus()


def _indikator(unit) -> int:
    from indikator.models import Indikator

    return Indikator.objects.milik(unit).order_by("pk").values_list("pk", flat=True)[0]


if __name__ == "__main__":
    main()
