import io
from decimal import Decimal

import pytest

from impor.buku_kerja import WorkbookTidakValid
from impor.layanan import impor_excel
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi
from indikator.periode import PeriodeBeku

from .test_round_trip import _jejak
from .util import TAHUN, atur, cari_baris, ekspor, impor, simpan, tambah_baris


def _workbook_bergalat(unit):
    wb = ekspor(unit)
    ws = wb["Realisasi"]
    r_ambigu = cari_baris(ws, Kode_indikator="IK1", Triwulan="Tahunan")
    atur(ws, r_ambigu, "Nilai", "1.23.4")
    r_tw = cari_baris(ws, Kode_indikator="IK1", Triwulan=1)
    atur(ws, r_tw, "Triwulan", 5)
    r_kode = tambah_baris(ws, Kode_indikator="IKX", Triwulan="Tahunan", Nilai=10)
    # A valid change in the same workbook must not be applied either.
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 80)
    ws = wb["Anggaran"]
    r_pagu = cari_baris(ws, Kode="001.1")
    atur(ws, r_pagu, "Pagu revisi 0", -5)
    ws = wb["Sub-kegiatan"]
    r_teks = cari_baris(ws, Nama="Penyusunan MoU")
    atur(ws, r_teks, "Target output", "sepuluh")
    return wb, {"ambigu": r_ambigu, "tw": r_tw, "kode": r_kode, "pagu": r_pagu, "teks": r_teks}


def test_workbook_bergalat_tidak_mengubah_apa_pun_dan_menunjuk_sel(data):
    sebelum = _jejak()
    wb, r = _workbook_bergalat(data["unit"])
    hasil = impor(data["unit"], wb)
    assert not hasil.diterapkan
    tempat = {(g.lembar, g.baris, g.kolom): g.pesan for g in hasil.galat}
    assert sorted(tempat) == sorted(
        [
            ("Realisasi", r["ambigu"], "Nilai"),
            ("Realisasi", r["tw"], "Triwulan"),
            ("Realisasi", r["kode"], "Kode indikator"),
            ("Anggaran", r["pagu"], "Pagu revisi 0"),
            ("Sub-kegiatan", r["teks"], "Target output"),
        ]
    )
    assert "“1.23.4” bukan angka yang sah" in tempat[("Realisasi", r["ambigu"], "Nilai")]
    assert tempat[("Realisasi", r["tw"], "Triwulan")].startswith("Triwulan “5” tidak sah")
    assert "IKX" in tempat[("Realisasi", r["kode"], "Kode indikator")]
    assert tempat[("Anggaran", r["pagu"], "Pagu revisi 0")] == "Nilai tidak boleh negatif."
    assert "bukan angka" in tempat[("Sub-kegiatan", r["teks"], "Target output")]
    assert _jejak() == sebelum


def test_baris_ganda_dan_kolom_kunci_hilang(data):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    r = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    ganda = tambah_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan", Nilai=1)
    ws = wb["Anggaran"]
    ws.delete_cols(1)  # no "Kode" column any more
    hasil = impor(data["unit"], simpan(wb))
    tempat = {(g.lembar, g.baris, g.kolom): g.pesan for g in hasil.galat}
    assert tempat[("Anggaran", 1, "Kode")] == "Kolom wajib “Kode” tidak ada."
    assert tempat[("Realisasi", ganda, None)] == f"Baris ganda: datanya sama kuncinya dengan baris {r}."


def test_workbook_unit_lain_ditolak(data):
    wb = ekspor(data["unit"])
    hasil = impor(data["unit"], wb, tahun=2019)
    assert [g.lembar for g in hasil.galat] == ["Petunjuk"]
    assert "biro-ks tahun 2018" in hasil.galat[0].pesan


def _hapus_petunjuk(wb):
    del wb["Petunjuk"]


def _kosongkan(sel):
    def ubah(wb):
        wb["Petunjuk"][sel] = None

    return ubah


def _isi(sel, nilai):
    def ubah(wb):
        wb["Petunjuk"][sel] = nilai

    return ubah


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (_hapus_petunjuk, "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada"),
        (_kosongkan("B2"), "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada"),
        (_kosongkan("B3"), "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada"),
        (_isi("B3", "dua ribu delapan belas"), "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada"),
        (_isi("A2", "Satuan kerja"), "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada"),
        (_isi("B2", "biro-lain"), "Workbook ini milik unit biro-lain tahun 2018, bukan biro-ks tahun 2018."),
        (_isi("B3", 2019), "Workbook ini milik unit biro-ks tahun 2019, bukan biro-ks tahun 2018."),
    ],
    ids=["tanpa-petunjuk", "unit-kosong", "tahun-kosong", "tahun-teks", "label-unit-diubah", "unit-lain", "tahun-lain"],
)
def test_cek_unit_tahun_petunjuk_tidak_dapat_dilewati(data, ubah, pesan):
    """Issue 17 #8: deleting the Petunjuk sheet (or its Unit/Tahun) no longer skips the unit/year check."""
    wb = ekspor(data["unit"])
    atur(wb["Realisasi"], cari_baris(wb["Realisasi"], Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 99)
    ubah(wb)
    sebelum = _jejak()
    hasil = impor(data["unit"], wb)
    assert [(g.lembar, g.baris, g.kolom) for g in hasil.galat] == [("Petunjuk", None, None)]
    assert pesan in hasil.galat[0].pesan
    assert not hasil.diterapkan and hasil.lembar == []
    assert _jejak() == sebelum


@pytest.mark.parametrize("status", [StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
def test_tahun_terkunci_menolak_impor(data, status):
    wb = ekspor(data["unit"])
    atur(wb["Realisasi"], cari_baris(wb["Realisasi"], Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 99)
    PeriodeUnit.objects.create(unit=data["unit"], tahun=TAHUN, status=status)
    with pytest.raises(PeriodeBeku, match="tidak dapat diubah"):
        impor(data["unit"], wb)
    assert Realisasi.objects.get(indikator=data["i2"], triwulan=None).nilai == Decimal("78.35")


def test_bukan_xlsx(data):
    with pytest.raises(WorkbookTidakValid):
        impor_excel(unit=data["unit"], tahun=TAHUN, berkas=io.BytesIO(b"bukan excel"), terapkan=False)
