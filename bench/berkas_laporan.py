"""Benchmark: the 2018 Laporan Kinerja of the reference data as DOCX and as XLSX.

Standalone: sets up Django on an SQLite database, migrates and loads the reference data (a temporary file, or
`--basis-data FILE`: created and loaded once, reused by later runs), builds the report once, then renders it N
times per format, in turn. Prints the median wall time (min, max) and median CPU time per format and the DOCX/XLSX
ratio.

    python bench/berkas_laporan.py [-n 5] [--hanya docx|xlsx] [--basis-data FILE] [--simpan DIR]

`--simpan DIR` also writes the outputs (laporan.docx, laporan.xlsx, cetak.html) to compare two commits: the
DOCX's word/document.xml and the XLSX's sheets must stay byte for byte the same when only the code changes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def _siapkan(berkas: str) -> None:
    baru = not Path(berkas).exists()
    os.environ["DATABASE_URL"] = f"sqlite:///{berkas}"
    os.environ.setdefault("SAKIP_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    if baru:
        from django.core.management import call_command

        from demo.referensi import muat_referensi

        call_command("migrate", verbosity=0)
        muat_referensi()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=5)
    p.add_argument("--hanya", choices=("docx", "xlsx"))
    p.add_argument("--basis-data", help="SQLite file with the reference data (created when missing)")
    p.add_argument("--simpan", help="folder for the outputs")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _siapkan(a.basis_data or f"{tmp}/bench.sqlite3")
        from indikator.models import UnitKerja
        from laporan.excel import render_xlsx
        from laporan.pdf import render_html_cetak
        from laporan.susun import susun_laporan
        from laporan.word import render_docx

        laporan = susun_laporan(UnitKerja.objects.get(slug="biro-kerja-sama"), 2018)
        format_ = {"docx": render_docx, "xlsx": render_xlsx}
        if a.hanya:
            format_ = {a.hanya: format_[a.hanya]}
        for f in format_.values():
            f(laporan)  # warm-up: imports, fonts of the figures, templates
        waktu: dict[str, list[float]] = {k: [] for k in format_}
        cpu: dict[str, list[float]] = {k: [] for k in format_}
        hasil: dict[str, bytes] = {}
        for _ in range(a.n):
            for k, f in format_.items():
                t0, c0 = time.perf_counter(), time.process_time()
                hasil[k] = f(laporan)
                waktu[k].append(time.perf_counter() - t0)
                cpu[k].append(time.process_time() - c0)
        print(f"Laporan Kinerja 2018, median dari {a.n} render (laporan disusun sekali):")
        for k, w in waktu.items():
            print(
                f"  {k.upper()}: {statistics.median(w):.3f} s  (min {min(w):.3f}, maks {max(w):.3f}), "
                f"CPU {statistics.median(cpu[k]):.3f} s, {len(hasil[k]) / 1024:.0f} KiB"
            )
        if len(waktu) == 2:
            print(f"  rasio DOCX/XLSX (CPU): {statistics.median(cpu['docx']) / statistics.median(cpu['xlsx']):.1f}")
        if a.simpan:
            folder = Path(a.simpan)
            folder.mkdir(parents=True, exist_ok=True)
            for k, isi in hasil.items():
                (folder / f"laporan.{k}").write_bytes(isi)
            (folder / "cetak.html").write_text(render_html_cetak(laporan), encoding="utf-8")


if __name__ == "__main__":
    main()
