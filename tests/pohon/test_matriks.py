"""`pohon.matriks`: the cascading, crosscutting and role–result matrices of a tree, as tables. Pure."""

import datetime
from decimal import Decimal as D

from pohon import matriks
from pohon.models import Jabatan, PemegangJabatan
from pohon.queries import Pemilik
from tests.pohon.contoh import pasang, pohon_dari, simpul

KEPALA = Jabatan(pk=1, nama="Kepala Biro", eselon="2", urutan=0, aktif=True)
KABAG = Jabatan(pk=2, nama="Kepala Bagian", eselon="3", urutan=0, aktif=True)
KASUBAG = Jabatan(pk=3, nama="Kepala Subbagian", eselon="4", urutan=0, aktif=True)


def _pohon():
    p_kepala = Pemilik(1, "Kepala Biro", "2", "Budi", "", True)
    p_kabag = Pemilik(2, "Kepala Bagian", "3", "Sari", "", False)
    a = pasang(
        simpul(2, "SK1", uraian="Kerja sama meningkat", n_indikator=2, pemilik=p_kepala),
        simpul(3, "E1", uraian="Kerja sama luar negeri", pagu=D("1500000"), pemilik=p_kabag, mitra=("Kemenlu",)),
    )
    b = simpul(2, "SK2", uraian="Layanan hukum", n_indikator=0, pemilik=p_kabag)
    pohon = pohon_dari(a, b)
    pohon.jabatan = [KASUBAG, KABAG, KEPALA]
    pohon.pemegang = {
        1: [PemegangJabatan(jabatan=KEPALA, nama="Budi", mulai=datetime.date(2018, 1, 1), plt=True)],
        2: [PemegangJabatan(jabatan=KABAG, nama="Sari", mulai=datetime.date(2017, 1, 1))],
    }
    return pohon


def test_matriks_cascading():
    m = matriks.matriks_cascading(_pohon())
    assert [k.label for k in m.kolom] == [
        "Level", "Kode", "Sasaran", "Indikator", "Satuan", "Target", "Jabatan PJ", "Nama", "Anggaran",
    ]  # fmt: skip
    assert m.baris == (
        ("Sasaran Kegiatan", "SK1", "Kerja sama meningkat",
         "Persentase rekomendasi kerja sama SK1 yang ditindaklanjuti (1)", "%", "87,5", "Kepala Biro", "Plt. Budi",
         None),
        ("Sasaran Kegiatan", "SK1", "Kerja sama meningkat",
         "Persentase rekomendasi kerja sama SK1 yang ditindaklanjuti (2)", "%", "88,5", "Kepala Biro", "Plt. Budi",
         None),
        ("Hasil Eselon III", "E1", "Kerja sama luar negeri",
         "Persentase rekomendasi kerja sama E1 yang ditindaklanjuti (1)", "%", "87,5", "Kepala Bagian", "Sari",
         D("1500000")),
        ("Sasaran Kegiatan", "SK2", "Layanan hukum", "-", "-", "-", "Kepala Bagian", "Sari", None),
    )  # fmt: skip


def test_matriks_crosscutting():
    m = matriks.matriks_crosscutting(_pohon())
    assert [k.label for k in m.kolom] == [
        "Sasaran/Indikator",
        "Unit pengampu",
        "Mitra",
        "Peran",
        "Kontribusi",
        "Status",
    ]
    assert m.baris == (
        (
            "E1 Kerja sama luar negeri\n• Persentase rekomendasi kerja sama E1 yang ditindaklanjuti (1)",
            "BKS", "Kemenlu", "Kontributor", "Data bersama", "Diterima",
        ),
    )  # fmt: skip
    assert matriks.matriks_crosscutting(pohon_dari(simpul(0, "X"))).kosong


def test_matriks_peran_hasil():
    m = matriks.matriks_peran_hasil(_pohon())
    assert [k.label for k in m.kolom] == [
        "Jabatan",
        "Eselon",
        "Pemegang",
        "SK1 Kerja sama meningkat",
        "SK2 Layanan hukum",
    ]
    assert m.baris == (
        ("Kepala Biro", "Eselon II", "Plt. Budi", "SK1 Kerja sama meningkat", "-"),
        ("Kepala Bagian", "Eselon III", "Sari", "E1 Kerja sama luar negeri", "SK2 Layanan hukum"),
        ("Kepala Subbagian", "Eselon IV", "(kosong)", "-", "-"),
    )


def test_peran_hasil_kolom_dari_induk_luar():
    """A unit's tree that hangs from its parent unit's nodes: the columns are those parent nodes."""
    induk = simpul(1, "SP9", uraian="Program induk")
    a = simpul(2, "SK1", uraian="Satu", pemilik=Pemilik(1, "Kepala Biro", "2", "Budi", "", False))
    a.induk_id = induk.id
    pohon = pohon_dari(a)
    pohon.induk_luar = {induk.id: induk}
    pohon.jabatan = [KEPALA]
    m = matriks.matriks_peran_hasil(pohon)
    assert [k.label for k in m.kolom][3:] == ["SP9 Program induk"]
    assert m.baris[0][3] == "SK1 Satu"
