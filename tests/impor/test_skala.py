"""A 5,000-row workbook imports in one go (1,000 indikator × yearly + 4 quarterly Realisasi rows)."""

import time
from decimal import Decimal

import pytest

from indikator.enums import Perspektif
from indikator.models import Indikator, Realisasi, Renstra, RevisiRenstra, Sasaran, SkemaPenilaian, UnitKerja

from .util import TAHUN, ekspor, impor, kolom, simpan


@pytest.mark.slow  # bench/import_excel.py measures the same; CI runs it once, on SQLite
def test_workbook_5000_baris(db):
    unit = UnitKerja.objects.create(slug="besar", nama="Unit Besar")
    renstra = Renstra.objects.create(
        unit=unit, nama="R", tahun_mulai=2015, tahun_selesai=2019, skema=SkemaPenilaian.objects.first()
    )
    revisi = RevisiRenstra.objects.create(renstra=renstra, nama="R", berlaku_mulai=2015, berlaku_sampai=2019)
    sasaran = Sasaran.objects.create(revisi=revisi, kode="S", nama="S", perspektif=Perspektif.CUSTOMER)
    Indikator.objects.bulk_create(
        Indikator(sasaran=sasaran, kode=f"IK{i:04d}", nama=f"Indikator {i}", urutan=i) for i in range(1000)
    )
    wb = ekspor(unit)
    ws = wb["Realisasi"]
    assert ws.max_row - 1 == 5000
    k = kolom(ws, "Nilai")
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=k).value = f"{r},5"
    isi = simpan(wb)

    mulai = time.perf_counter()
    hasil = impor(unit, isi)
    durasi = time.perf_counter() - mulai
    assert hasil.galat == []
    assert (hasil.baru, hasil.berubah) == (5000, 0)
    assert Realisasi.objects.filter(indikator__sasaran=sasaran, tahun=TAHUN).count() == 5000
    assert Realisasi.objects.get(indikator__kode="IK0000", triwulan=None).nilai == Decimal("2.5")
    assert durasi < 60
