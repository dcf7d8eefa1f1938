"""Issue 18 #6: applying a workbook batches its lookups and writes; the number of queries does not grow with the rows
(bench/import_excel.py measures 5,000 rows)."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, RealisasiAnggaran, SubKegiatan
from impor.lembar import TriwulanWidget
from indikator.enums import Perspektif
from indikator.models import Indikator, Realisasi, Renstra, RevisiRenstra, Sasaran, SkemaPenilaian, UnitKerja

from .util import TAHUN, atur, cari_baris, ekspor, impor, simpan, tambah_baris


def _unit(slug: str, n: int) -> UnitKerja:
    """A unit with n indikator (n rows on "Indikator & Target", 5n on Realisasi) and n budget lines."""
    unit = UnitKerja.objects.create(slug=slug, nama=slug)
    renstra = Renstra.objects.create(
        unit=unit, nama="R", tahun_mulai=2015, tahun_selesai=2019, skema=SkemaPenilaian.objects.first()
    )
    revisi = RevisiRenstra.objects.create(renstra=renstra, nama="R", berlaku_mulai=2015, berlaku_sampai=2019)
    sasaran = Sasaran.objects.create(revisi=revisi, kode="S1", nama="S", perspektif=Perspektif.CUSTOMER)
    Indikator.objects.bulk_create(
        Indikator(sasaran=sasaran, kode=f"IK{i}", nama=f"Indikator {i}", urutan=i) for i in range(n)
    )
    MataAnggaran.objects.bulk_create(
        MataAnggaran(unit=unit, tahun=TAHUN, kode=f"001.{i}", nama=f"K {i}", jenis=JenisMataAnggaran.KOMPONEN)
        for i in range(n)
    )
    return unit


def _workbook(unit, n: int, nilai: int) -> bytes:
    """Every Realisasi and budget row filled, and n sub-kegiatan with their links (new or changed rows)."""
    wb = ekspor(unit)
    ws = wb["Realisasi"]
    for r in range(2, ws.max_row + 1):
        atur(ws, r, "Nilai", Decimal(nilai + r))
        atur(ws, r, "Analisis", f"Analisis {nilai} {r}")
    ws = wb["Indikator & Target"]
    for r in range(2, ws.max_row + 1):
        atur(ws, r, "Satuan", f"satuan {nilai}")
        atur(ws, r, "Target 2018", nilai)
    ws = wb["Anggaran"]
    for r in range(2, ws.max_row + 1):
        atur(ws, r, "Pagu revisi 0", 1_000_000 + nilai)
        atur(ws, r, "Jan", nilai)
    ws = wb["Sub-kegiatan"]
    if ws.cell(row=2, column=1).value == "CONTOH":
        ws.delete_rows(2)
    for i in range(n):
        baris = ws.max_row + 1 if nilai == 1 else i + 2
        atur(ws, baris, "Nama", f"Sub {i}")
        atur(ws, baris, "Kode mata anggaran", f"001.{i}")
        atur(ws, baris, "Kode sasaran", "S1")
        atur(ws, baris, "Kode indikator", f"IK{i}" if nilai == 1 else f"IK{i}, IK{(i + 1) % n}")
        atur(ws, baris, "Target output", nilai)
    return simpan(wb)


def _kueri_impor(unit, isi) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as q:
        hasil = impor(unit, isi)
    assert hasil.diterapkan, hasil.galat
    return len(q.captured_queries), hasil


def test_kueri_tidak_bertambah_dengan_baris(db):
    jumlah = {}
    for n in (2, 10):  # 8n rows: 16, then 80
        unit = _unit(f"kueri-{n}", n)
        jumlah[n, "baru"], hasil = _kueri_impor(unit, _workbook(unit, n, 1))
        # Realisasi and sub-kegiatan new; indikator (unit, target) and budget lines changed.
        assert hasil.baru == 5 * n + n and hasil.berubah == n + n
        sebelum = max(Realisasi.objects.values_list("diubah_pada", flat=True))
        jumlah[n, "ubah"], hasil = _kueri_impor(unit, _workbook(unit, n, 2))
        assert hasil.berubah == 5 * n + n + n + n
        assert Indikator.history.filter(sasaran__revisi__renstra__unit=unit, satuan="satuan 2").count() == n
        milik = Realisasi.objects.filter(indikator__sasaran__revisi__renstra__unit=unit)
        assert not milik.filter(diubah_pada__lte=sebelum).exists()  # auto_now kept by the batched UPDATE
        assert milik.count() == 5 * n
        assert Realisasi.history.filter(indikator__sasaran__revisi__renstra__unit=unit).count() == 10 * n
        sub = SubKegiatan.objects.get(unit=unit, nama="Sub 0")
        assert sorted(sub.indikator.values_list("kode", flat=True)) == ["IK0", "IK1"]
        assert RealisasiAnggaran.objects.filter(mata_anggaran__unit=unit, bulan=1, nilai=2).count() == n

    for jenis in ("baru", "ubah"):
        assert jumlah[10, jenis] == jumlah[2, jenis], jumlah  # 16 rows or 80: the same queries


def test_baris_yang_ditolak_basis_data_disebut_barisnya(data, monkeypatch):
    """A row the database refuses inside a batch (a constraint the validation does not check) is named by its Excel
    row, like a row saved on its own; nothing is written."""
    asli = TriwulanWidget.clean
    monkeypatch.setattr(TriwulanWidget, "clean", lambda self, v, row=None, **kw: 7 if v == 7 else asli(self, v, row))
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    salah = tambah_baris(ws, Kode_indikator="IK2", Triwulan=7, Nilai=5)
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 80)  # a valid change, not applied
    sebelum = (Realisasi.objects.count(), Realisasi.history.count())
    hasil = impor(data["unit"], wb)
    assert [(g.lembar, g.baris, g.kolom) for g in hasil.galat] == [("Realisasi", salah, None)]
    assert hasil.galat[0].pesan.startswith("Baris tidak dapat disimpan:")
    assert "realisasi_triwulan_1_4" in hasil.galat[0].pesan
    assert not hasil.diterapkan and (Realisasi.objects.count(), Realisasi.history.count()) == sebelum
    assert Realisasi.objects.get(indikator=data["i2"], triwulan=None).nilai == Decimal("78.35")
