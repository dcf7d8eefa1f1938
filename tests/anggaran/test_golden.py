"""Golden budget, efficiency and AKIP numbers of the reference report (Tabel 15/16, Lampiran 5/6)."""

from decimal import Decimal as D

import pytest

from anggaran.queries import susun_akip, susun_anggaran, susun_efisiensi

pytestmark = pytest.mark.django_db


def test_total_anggaran_2018(unit_bks):
    a = susun_anggaran(unit_bks, 2018)
    assert (a.total_pagu, a.total_realisasi, a.total_sisa, a.total_serapan) == (
        D("8225900000"),
        D("7223880286"),
        D("1002019714"),
        D("87.82"),
    )


def test_anggaran_per_program_2018(unit_bks):
    a = susun_anggaran(unit_bks, 2018)
    assert [(b.mata.kode, b.pagu, b.realisasi, b.sisa, b.serapan) for b in a.akar] == [
        ("001", D("6714800000"), D("5764618429"), D("950181571"), D("85.85")),
        ("002", D("999100000"), D("960261686"), D("38838314"), D("96.11")),
        ("007", D("512000000"), D("499000171"), D("12999829"), D("97.46")),
    ]


def test_anggaran_baris_yang_tidak_cocok_dengan_rinciannya(unit_bks):
    a = susun_anggaran(unit_bks, 2018)
    assert sorted(b.mata.kode for b in a.selisih) == ["001.1", "001.2", "001.3", "001.4", "002", "002.2"]
    assert a.cari("002").realisasi_anak - a.cari("002").realisasi == D("3679500")
    # Tabel 16 prints 2.146.000 as the sisa of this line; 22.485.000 - 22.270.350 = 214.650.
    assert a.cari("002.3").sisa == D("214650")


def test_kurva_bulanan_sama_dengan_total(unit_bks):
    a = susun_anggaran(unit_bks, 2018)
    assert sum(a.realisasi_bulanan) == a.total_realisasi


@pytest.mark.parametrize(
    "nama, persen_input, persen_output, ie, te, kategori",
    [
        ("Operasional Biro Kerja Sama", "89.34", "100.00", "1.12", "0.12", "efisien"),
        ("Kick off meeting dlm rangka KSS", "37.52", "100.00", "2.67", "1.67", "efisien"),
        ("Penyusunan Kajian Kerjasama Bilateral", "97.48", "100.00", "1.03", "0.03", "efisien"),
        ("Peningkatan Kompetensi Biro KS", "52.63", "100.00", "1.90", "0.90", "efisien"),
        ("Drug and Food Control Newsletter", "9.76", None, None, None, None),
    ],
)
def test_efisiensi_sub_kegiatan(unit_bks, nama, persen_input, persen_output, ie, te, kategori):
    baris = {b.sub.nama: b for b in susun_efisiensi(unit_bks, 2018)}
    h = baris[nama].hasil

    def d(x):
        return None if x is None else D(x)

    assert (h.persen_input, h.persen_output, h.ie, h.te, h.kategori) == (
        d(persen_input),
        d(persen_output),
        d(ie),
        d(te),
        kategori,
    )


def test_efisiensi_jumlah_baris_lampiran_6(unit_bks):
    assert len(susun_efisiensi(unit_bks, 2018)) == 24


def test_akip_2015_2018(unit_bks):
    assert [(a.tahun, a.nilai, a.predikat) for a in susun_akip(unit_bks)] == [
        (2015, D("62.05"), "B"),
        (2016, D("69.84"), "B"),
        (2017, D("72.08"), "BB"),
        (2018, D("72.58"), "BB"),
    ]
