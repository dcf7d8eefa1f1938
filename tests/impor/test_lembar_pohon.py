"""The tree in the plan workbook: "Jabatan", "Pemegang jabatan" and "Pohon kinerja" sheets. Export → import is a
round trip (unchanged: nothing to do; emptied tree: recreated exactly); bad rows (unknown parent code, unknown
position, a position of another unit, a cycle, a level skipped) are refused with the reason in Indonesian and
nothing is saved."""

from __future__ import annotations

import datetime

import pytest

from indikator import models as m
from pohon.enums import Eselon, JenisCascading, JenisHasil, StatusNode, Tingkat
from pohon.models import AturanPohon, Jabatan, NodeIndikator, NodeKinerja, PemegangJabatan

from .util import atur, cari_baris, ekspor, impor, ringkas, simpan, tambah_baris

pytestmark = pytest.mark.django_db
LEMBAR = ("Jabatan", "Pemegang jabatan", "Pohon kinerja")


def _pohon(d):
    renstra_induk = m.Renstra.objects.create(
        unit=d.induk, nama="Renstra Sestama", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    sestama = Jabatan.objects.create(unit=d.induk, nama="Sekretaris Utama", eselon=Eselon.I)
    kepala = Jabatan.objects.create(unit=d.unit, nama="Kepala Biro", eselon=Eselon.II, atasan=sestama)
    kabag = Jabatan.objects.create(unit=d.unit, nama="Kepala Bagian", eselon=Eselon.III, atasan=kepala, urutan=1)
    staf = Jabatan.objects.create(unit=d.unit, nama="Analis", eselon=Eselon.FUNGSIONAL, atasan=kabag, aktif=False)
    PemegangJabatan.objects.create(
        jabatan=kepala, nama="Lama", nip="1970", mulai=datetime.date(2015, 1, 1), selesai=datetime.date(2018, 6, 30)
    )
    PemegangJabatan.objects.create(jabatan=kepala, nama="Pelaksana", mulai=datetime.date(2018, 7, 1), plt=True)
    PemegangJabatan.objects.create(jabatan=staf, nama="Ani", mulai=datetime.date(2017, 3, 1))
    sp = NodeKinerja.objects.create(
        unit=d.induk, renstra=renstra_induk, tingkat=Tingkat.SP, kode="SP1", uraian="Program dukungan"
    )
    sk = NodeKinerja.objects.create(
        unit=d.unit,
        renstra=d.renstra,
        tingkat=Tingkat.SK,
        kode="SK1",
        uraian="Meningkatnya kerja sama",
        induk=sp,
        pemilik=kepala,
        jenis_hasil=JenisHasil.OUTCOME,
        cascading=JenisCascading.PENUH,
        sasaran=d.sasaran,
        urutan=1,
    )
    NodeIndikator.objects.create(node=sk, indikator=d.ind1)
    NodeIndikator.objects.create(node=sk, indikator=d.ind2)
    e1 = NodeKinerja.objects.create(
        unit=d.unit, renstra=d.renstra, tingkat=Tingkat.ESELON_III, kode="E1", uraian="Bagian", induk=sk, pemilik=kabag
    )
    NodeKinerja.objects.create(
        unit=d.unit,
        renstra=d.renstra,
        tingkat=Tingkat.ESELON_IV,
        kode="E1.1",
        uraian="Subbagian lama",
        induk=e1,
        status=StatusNode.NONAKTIF,
        alasan="Digabung",
        tahun_mulai=2016,
        tahun_selesai=2018,
    )


def _potret(unit) -> dict:
    jab = Jabatan.objects.filter(unit=unit)
    return {
        "jabatan": sorted(jab.values_list("nama", "eselon", "atasan__nama", "atasan__unit__slug", "urutan", "aktif")),
        "pemegang": sorted(
            PemegangJabatan.objects.filter(jabatan__unit=unit).values_list(
                "jabatan__nama", "nama", "nip", "mulai", "selesai", "plt"
            )
        ),
        "simpul": sorted(
            NodeKinerja.objects.filter(unit=unit).values_list(
                "kode",
                "tingkat",
                "uraian",
                "induk__kode",
                "induk__unit__slug",
                "pemilik__nama",
                "jenis_hasil",
                "cascading",
                "perspektif",
                "sasaran__kode",
                "status",
                "alasan",
                "tahun_mulai",
                "tahun_selesai",
                "urutan",
                "renstra_id",
            )
        ),
        "indikator": sorted(
            NodeIndikator.objects.filter(node__unit=unit).values_list("node__kode", "indikator__kode", "peran")
        ),
    }


def _kosongkan(unit) -> None:
    NodeIndikator.objects.filter(node__unit=unit).delete()
    for n in NodeKinerja.objects.filter(unit=unit).order_by("-tingkat"):
        NodeKinerja.objects.filter(induk=n).update(induk=None)
    NodeKinerja.objects.filter(unit=unit).delete()
    PemegangJabatan.objects.filter(jabatan__unit=unit).delete()
    Jabatan.objects.filter(unit=unit).update(atasan=None)
    Jabatan.objects.filter(unit=unit).delete()


def test_pohon_bolak_balik(dunia):
    _pohon(dunia)
    awal = _potret(dunia.unit)
    wb = ekspor(dunia.unit)
    ws = wb["Pohon kinerja"]
    r = cari_baris(ws, Kode="SK1")
    assert [ws.cell(row=r, column=c).value for c in range(1, 6)] == [
        "SK1",
        "Sasaran Kegiatan",
        "Meningkatnya kerja sama",
        "SP1",
        "sestama",
    ]
    isi = simpan(wb)
    # Unchanged: nothing to do on the tree's sheets.
    hasil = impor(dunia.unit, isi)
    assert not hasil.galat, hasil.galat
    assert {k: v for k, v in ringkas(hasil).items() if k in LEMBAR} == {
        "Jabatan": (0, 0, 3),
        "Pemegang jabatan": (0, 0, 3),
        "Pohon kinerja": (0, 0, 3),
    }
    # Emptied: the same workbook recreates the positions, holders and nodes exactly.
    _kosongkan(dunia.unit)
    hasil = impor(dunia.unit, isi)
    assert not hasil.galat, hasil.galat
    assert {k: v for k, v in ringkas(hasil).items() if k in LEMBAR} == {
        "Jabatan": (3, 0, 0),
        "Pemegang jabatan": (3, 0, 0),
        "Pohon kinerja": (3, 0, 0),
    }
    assert _potret(dunia.unit) == awal


def _ubah_sel(wb, lembar, kunci, kolom, nilai):
    ws = wb[lembar]
    atur(ws, cari_baris(ws, **kunci), kolom, nilai)
    return cari_baris(ws, **kunci) if kolom not in kunci else None


@pytest.mark.parametrize(
    ("lembar", "kunci", "kolom", "nilai", "pesan"),
    [
        ("Pohon kinerja", {"Kode": "E1"}, "Kode induk", "ZZ", "Kode induk “ZZ” tidak dikenal di pohon unit ini."),
        (
            "Pohon kinerja",
            {"Kode": "SK1"},
            "Kode induk",
            "SP9",
            "Kode induk “SP9” tidak dikenal di pohon Sekretariat Utama",
        ),
        ("Pohon kinerja", {"Kode": "SK1"}, "Unit induk", "biro-lain", "harus simpul unit ini atau unit induknya"),
        ("Pohon kinerja", {"Kode": "E1"}, "Pemilik", "Tidak Ada", "Jabatan “Tidak Ada” tidak dikenal di unit ini."),
        (
            "Pohon kinerja",
            {"Kode": "E1"},
            "Pemilik",
            "Sekretaris Utama",
            "Jabatan “Sekretaris Utama” milik unit lain (Sekretariat Utama)",
        ),
        (
            "Pohon kinerja",
            {"Kode": "E1"},
            "Tingkat",
            "Rencana Hasil Kerja individu",
            "Rencana Hasil Kerja individu tidak dapat langsung berada di bawah Sasaran Kegiatan",
        ),
        ("Pohon kinerja", {"Kode": "E1"}, "Indikator", "I1, X9", "Kode indikator “X9” tidak dikenal"),
        ("Pemegang jabatan", {"Nama": "Ani"}, "Jabatan", "Tidak Ada", "Jabatan “Tidak Ada” tidak dikenal di unit ini."),
        (
            "Jabatan",
            {"Nama_jabatan": "Kepala Bagian"},
            "Atasan",
            "Analis",
            "Atasan ini berada di bawah jabatan itu sendiri.",
        ),
        ("Jabatan", {"Nama_jabatan": "Analis"}, "Atasan", "Direktur", "Jabatan atasan “Direktur” tidak dikenal"),
    ],
)
def test_baris_salah_ditolak_tanpa_perubahan(dunia, lembar, kunci, kolom, nilai, pesan):
    _pohon(dunia)
    awal = _potret(dunia.unit)
    wb = ekspor(dunia.unit)
    baris = _ubah_sel(wb, lembar, kunci, kolom, nilai)
    hasil = impor(dunia.unit, wb)
    galat = [(g.lembar, g.baris, g.kolom, g.pesan) for g in hasil.galat]
    assert any(g[0] == lembar and g[1] == baris and g[2] == kolom and pesan in g[3] for g in galat), galat
    assert not hasil.diterapkan
    assert _potret(dunia.unit) == awal


def test_siklus_dan_lompat_tingkat(dunia):
    _pohon(dunia)
    awal = _potret(dunia.unit)
    wb = ekspor(dunia.unit)
    ws = wb["Pohon kinerja"]
    r = cari_baris(ws, Kode="SK1")
    atur(ws, r, "Kode induk", "E1")
    atur(ws, r, "Unit induk", None)
    pesan = [g.pesan for g in impor(dunia.unit, wb).galat]
    # A cycle always puts a node at or above its parent's level: the service's level rule refuses it first.
    assert (
        "Sasaran Kegiatan tidak dapat berada di bawah Hasil Eselon III: induk harus satu tingkat di atasnya." in pesan
    )
    assert _potret(dunia.unit) == awal
    # E1.1 (Eselon IV) straight under SK1 skips a level: refused, unless the unit may skip levels.
    wb = ekspor(dunia.unit)
    ws = wb["Pohon kinerja"]
    atur(ws, cari_baris(ws, Kode="E1.1"), "Kode induk", "SK1")
    isi = simpan(wb)
    pesan = [g.pesan for g in impor(dunia.unit, isi).galat]
    assert any("Hasil Eselon IV tidak dapat langsung berada di bawah Sasaran Kegiatan" in p for p in pesan), pesan
    AturanPohon.objects.create(unit=dunia.unit, boleh_lompat_tingkat=True)
    hasil = impor(dunia.unit, isi)
    assert not hasil.galat and hasil.diterapkan
    assert NodeKinerja.objects.get(unit=dunia.unit, kode="E1.1").induk.kode == "SK1"


def test_aturan_layanan_pohon_berlaku(dunia):
    """The sheets write through `pohon.services`: its rules (an inactive parent, overlapping definitive holders, a
    cycle among new rows) refuse the row, and nothing is saved."""
    _pohon(dunia)
    awal = _potret(dunia.unit)
    wb = ekspor(dunia.unit)
    ws = wb["Pohon kinerja"]
    r_mati = tambah_baris(ws, Kode="R1", Tingkat="Rencana Hasil Kerja individu", Uraian="RHK", Kode_induk="E1.1")
    r_a = tambah_baris(ws, Kode="A", Tingkat="Hasil Eselon IV", Uraian="A", Kode_induk="B")
    tambah_baris(ws, Kode="B", Tingkat="Hasil Eselon IV", Uraian="B", Kode_induk="A")
    wp = wb["Pemegang jabatan"]
    r_ani = cari_baris(wp, Nama="Ani")
    atur(wp, r_ani, "Jabatan", "Kepala Biro")
    hasil = impor(dunia.unit, wb)
    galat = {(g.lembar, g.baris, g.kolom): g.pesan for g in hasil.galat}
    assert "nonaktif dan tidak dapat menjadi induk" in galat["Pohon kinerja", r_mati, "Kode induk"], galat
    assert "tidak dapat berada di bawah Hasil Eselon IV" in galat["Pohon kinerja", r_a, "Tingkat"], galat
    assert "bertumpang dengan Lama" in galat["Pemegang jabatan", r_ani, "Mulai"], galat
    assert not hasil.diterapkan
    assert _potret(dunia.unit) == awal
