"""The workbook import refuses what the forms refuse (hardening round two, findings 4 and 8a): a text over its
field's maximum length, or a one-line field with a newline, is a row error on its cell in Indonesian, and the
whole workbook changes nothing. The check is the model field's own (`full_clean` on every sheet)."""

import pytest

from .test_round_trip import _jejak
from .util import atur, cari_baris, ekspor, impor

GARIS = "Judul\nBcc: semua@contoh.go.id"

KASUS = [
    ("Realisasi", {"Kode_indikator": "IK1", "Triwulan": "Tahunan"}, "Analisis", 10000),
    ("Realisasi", {"Kode_indikator": "IK1", "Triwulan": 1}, "Faktor penghambat", 5000),
    ("Indikator & Target", {"Kode_indikator": "IK1"}, "Definisi operasional", 3000),
    ("Indikator & Target", {"Kode_indikator": "IK1"}, "Nama indikator", 1000),
    ("Sasaran", {}, "Nama sasaran", 1000),
    ("Renstra", {}, "Visi", 2000),
    ("Sub-kegiatan", {"Nama": "Penyusunan MoU"}, "Keterangan", 2000),
    ("Versi PK", {}, "Judul", None),
]


@pytest.mark.parametrize("lembar, kunci, kolom, batas", KASUS, ids=[f"{k[0]}-{k[2]}" for k in KASUS])
def test_teks_melebihi_batas_menjadi_galat_baris(data, lembar, kunci, kolom, batas):
    sebelum = _jejak()
    wb = ekspor(data["unit"])
    ws = wb[lembar]
    baris = cari_baris(ws, **kunci) if kunci else 2
    atur(ws, baris, kolom, GARIS if batas is None else "x" * (batas + 1))
    hasil = impor(data["unit"], wb)
    assert not hasil.diterapkan
    tempat = {(g.lembar, g.baris, g.kolom): g.pesan for g in hasil.galat}
    assert list(tempat) == [(lembar, baris, kolom)], tempat
    pesan = "tidak boleh berisi baris baru" if batas is None else f"paling banyak {batas} karakter"
    assert pesan in tempat[(lembar, baris, kolom)]
    assert _jejak() == sebelum
