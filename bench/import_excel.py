"""Benchmark: Excel import of a 5,000-row workbook (4,000 Realisasi rows + 1,000 Anggaran rows).

Runs in a throwaway database (a temporary SQLite file by default; with DATABASE_URL=postgres://... a database
`sakip_bench_<pid>` created on that server and dropped afterwards, as bench/dashboard.py does) and prints the time
to build the workbook, to count its rows (what the upload request does to choose the task worker; also for the
same workbook and for 19,000 rows whose sheets declare `<dimension ref="A1:L2"/>`), to dry-run it (preview), to
apply it, and to re-import the exported result (0 changes); with the number of database queries of each step and
per data row.

    python bench/import_excel.py [--indikator 800] [--anggaran 1000]
"""

import argparse
import datetime as dt
import io
import os
import re
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "bench"))
from dashboard import _siapkan_basis_data  # noqa: E402

NAMA_DB, _hapus_db = _siapkan_basis_data()
os.environ.setdefault("SAKIP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

from anggaran.enums import JenisMataAnggaran  # noqa: E402
from anggaran.models import MataAnggaran  # noqa: E402
from impor.buku_kerja import buat_workbook, hitung_baris_data  # noqa: E402
from impor.layanan import impor_excel  # noqa: E402
from impor.lembar import Konteks  # noqa: E402
from impor.tugas import perlu_latar  # noqa: E402
from indikator.enums import Perspektif  # noqa: E402
from indikator.models import Indikator, Renstra, RevisiRenstra, Sasaran, SkemaPenilaian, UnitKerja  # noqa: E402

TAHUN = 2018


def siapkan(n_indikator: int, n_anggaran: int) -> UnitKerja:
    call_command("migrate", verbosity=0)
    unit = UnitKerja.objects.create(slug="bench", nama="Unit Benchmark")
    renstra = Renstra.objects.create(
        unit=unit, nama="Renstra", tahun_mulai=2015, tahun_selesai=2019, skema=SkemaPenilaian.objects.first()
    )
    revisi = RevisiRenstra.objects.create(renstra=renstra, nama="R", berlaku_mulai=2015, berlaku_sampai=2019)
    sasaran = Sasaran.objects.bulk_create(
        Sasaran(revisi=revisi, kode=f"S{i}", nama=f"Sasaran {i}", perspektif=Perspektif.CUSTOMER, urutan=i)
        for i in range(20)
    )
    Indikator.objects.bulk_create(
        Indikator(sasaran=sasaran[i % 20], kode=f"IK{i:04d}", nama=f"Indikator {i}", urutan=i)
        for i in range(n_indikator)
    )
    MataAnggaran.objects.bulk_create(
        MataAnggaran(
            unit=unit,
            tahun=TAHUN,
            kode=f"001.{i:04d}",
            nama=f"Komponen {i}",
            jenis=JenisMataAnggaran.KOMPONEN,
            urutan=i,
        )
        for i in range(n_anggaran)
    )
    return unit


def isi_workbook(unit) -> tuple[bytes, int]:
    """The exported workbook with every Realisasi and Anggaran row filled in (all values new)."""
    wb = load_workbook(io.BytesIO(buat_workbook(Konteks(unit, TAHUN))))
    ws = wb["Realisasi"]
    header = [c.value for c in ws[1]]
    k_nilai, k_analisis = header.index("Nilai") + 1, header.index("Analisis") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=k_nilai).value = Decimal(r % 97) + Decimal("0.25")
        ws.cell(row=r, column=k_analisis).value = f"Analisis baris {r}"
    n = ws.max_row - 1
    ws = wb["Anggaran"]
    header = [c.value for c in ws[1]]
    k_pagu, k_tgl, k_jan = (
        header.index("Pagu revisi 0") + 1,
        header.index("Berlaku mulai revisi 0") + 1,
        header.index("Jan") + 1,
    )
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=k_pagu).value = 120_000_000 + r
        ws.cell(row=r, column=k_tgl).value = dt.datetime(TAHUN, 1, 1)
        for b in range(12):
            ws.cell(row=r, column=k_jan + b).value = "8.500.000,50"
    n += ws.max_row - 1
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue(), n


def dimensi_berbohong(isi: bytes, ref: str = "A1:L2") -> bytes:
    """The workbook with every worksheet declaring `<dimension ref=ref/>` whatever rows it holds."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            bagian = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                dimensi = f'<dimension ref="{ref}"/>'.encode()
                bagian, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', dimensi, bagian)
                if not n:  # none declared (a write-only workbook): one goes before the sheet's first part
                    bagian = re.sub(
                        rb"<(sheetViews|sheetFormatPr|cols|sheetData)\b", dimensi + rb"<\1", bagian, count=1
                    )
            zout.writestr(info, bagian)
    return keluar.getvalue()


def workbook_realisasi(baris: int) -> bytes:
    """A Realisasi sheet of `baris` rows × 12 columns (issue 17: 19,000 rows behind "A1:L2")."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Realisasi")
    ws.append(["Kode indikator", "Indikator", "Triwulan", "Nilai", "Nilai kualitatif", "Analisis"] + ["x"] * 6)
    for i in range(baris):
        ws.append(
            [f"IK{i // 5:04d}", f"Indikator {i // 5}", i % 5 or "Tahunan", i + 0.5, "", f"Analisis {i}"] + [i] * 6
        )
    keluar = io.BytesIO()
    wb.save(keluar)
    return dimensi_berbohong(keluar.getvalue())


class Langkah:
    """Time and database queries of one step."""

    kueri = 0

    def _hitung(self, execute, sql, params, many, context):
        self.kueri += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._pembungkus = connection.execute_wrapper(self._hitung)
        self._pembungkus.__enter__()
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.detik = time.perf_counter() - self._t
        self._pembungkus.__exit__(*exc)

    def teks(self, n: int) -> str:
        return f"{self.detik:6.2f} s  {self.kueri:6d} kueri ({self.kueri / max(n, 1):.2f}/baris)"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--indikator", type=int, default=800)
    p.add_argument("--anggaran", type=int, default=1000)
    a = p.parse_args()
    print(f"Basis data: {NAMA_DB}")
    try:
        unit = siapkan(a.indikator, a.anggaran)
        t = time.perf_counter()
        isi, n = isi_workbook(unit)
        print(
            f"Workbook: {n} baris data ({a.indikator * 5} Realisasi + {a.anggaran} Anggaran), {len(isi) / 1e6:.1f} MB"
        )
        print(f"  ekspor + isi workbook      : {time.perf_counter() - t:6.2f} s")

        for judul, berkas in (
            ("hitung baris (permintaan)  ", isi),
            ("  dimensi berbohong A1:L2  ", dimensi_berbohong(isi)),
            ("  19.000 baris, A1:L2      ", workbook_realisasi(19_000)),
        ):
            with Langkah() as lk:
                hitungan = hitung_baris_data(io.BytesIO(berkas))
            print(
                f"  {judul}: {lk.detik:6.2f} s  {hitungan.jumlah} baris, "
                f"lengkap={hitungan.lengkap}, latar={perlu_latar(hitungan)}"
            )

        with Langkah() as lk:
            hasil = impor_excel(unit=unit, tahun=TAHUN, berkas=io.BytesIO(isi), terapkan=False)
        print(
            f"  dry-run (pratinjau)        : {lk.teks(n)}  baru={hasil.baru} berubah={hasil.berubah} "
            f"galat={len(hasil.galat)}"
        )

        with Langkah() as lk:
            hasil = impor_excel(unit=unit, tahun=TAHUN, berkas=io.BytesIO(isi), terapkan=True)
        print(
            f"  terapkan                   : {lk.teks(n)}  baru={hasil.baru} berubah={hasil.berubah} "
            f"diterapkan={hasil.diterapkan}"
        )

        t = time.perf_counter()
        isi2 = buat_workbook(Konteks(unit, TAHUN))
        print(f"  ekspor data terisi         : {time.perf_counter() - t:6.2f} s")
        with Langkah() as lk:
            hasil = impor_excel(unit=unit, tahun=TAHUN, berkas=io.BytesIO(isi2), terapkan=False)
        print(
            f"  impor ulang tanpa perubahan: {lk.teks(n)}  "
            f"baru={hasil.baru} berubah={hasil.berubah} tetap={hasil.tetap}"
        )
        if hasil.baru or hasil.berubah or hasil.galat:
            sys.exit(1)
    finally:
        _hapus_db()


if __name__ == "__main__":
    main()
