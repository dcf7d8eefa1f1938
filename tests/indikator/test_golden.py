"""Golden tests: the reference report's numbers, recomputed from the raw fixture data (correct where the
printed report has typos; see docs/reference-deviations.md)."""

from decimal import Decimal as D

import pytest

from indikator.queries import susun_pengukuran, susun_riwayat

pytestmark = pytest.mark.django_db


CAPAIAN_2018 = {
    "IKU1": ("75", "78.35", "104.47", "Memuaskan", "97.94"),
    "IKU2": ("1", "1", "100.00", "Baik", "100.00"),
    "IKU3": ("91", "91", "100.00", "Baik", "100.00"),
    "IKU4": ("70", "70.3", "100.43", "Memuaskan", "99.01"),
    "IKU5": ("95", "100", "105.26", "Memuaskan", "105.26"),
    "IKU6": ("80", "80.7", "100.88", "Memuaskan", "100.88"),
    "IKU7": ("3", "3", "100.00", "Baik", "100.00"),
    "IKU8": ("78", "72.58", "93.05", "Cukup", "93.05"),
}


def test_pengukuran_2018_per_indikator(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    hasil = {
        b.indikator.kode: (b.target.nilai, b.realisasi.nilai, b.capaian, b.kriteria.label, b.persen_target_akhir)
        for b in p.baris
    }
    assert hasil == {k: (D(t), D(r), D(c), k_, D(a)) for k, (t, r, c, k_, a) in CAPAIAN_2018.items()}
    assert [b.indikator.kode for b in p.baris] == list(CAPAIAN_2018)


def test_pengukuran_2018_urutan_capaian_seperti_tabel_8(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    assert [b.capaian for b in p.baris] == [
        D("104.47"),
        D("100.00"),
        D("100.00"),
        D("100.43"),
        D("105.26"),
        D("100.88"),
        D("100.00"),
        D("93.05"),
    ]


def test_pengukuran_2018_target_pk_mengalahkan_renstra(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    sumber = {b.indikator.kode: b.target.sumber for b in p.baris}
    assert sumber == {
        "IKU1": "renstra",
        "IKU2": "renstra",
        "IKU3": "pk",
        "IKU4": "pk",
        "IKU5": "renstra",
        "IKU6": "renstra",
        "IKU7": "pk",
        "IKU8": "renstra",
    }


def test_nps_perspektif_dan_nko_2018(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    assert [(x.perspektif, x.nps, x.kriteria.label) for x in p.perspektif] == [
        ("customer", D("102.24"), "Memuaskan"),
        ("internal_process", D("101.31"), "Memuaskan"),
        ("learning_growth", D("93.05"), "Cukup"),
    ]
    assert (p.nko, p.kriteria_nko.label) == (D("98.87"), "Cukup")


def test_nps_sasaran_2018(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    assert {s.sasaran.kode: s.nps for s in p.sasaran} == {
        "SP1": D("104.47"),
        "SP2": D("100.00"),
        "SP3": D("100.22"),
        "SP4": D("103.07"),
        "SP5": D("100.00"),
        "SP6": D("93.05"),
    }


def test_hitungan_per_kriteria_2018(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    assert p.hitung_per_kriteria() == {
        "Tidak dapat disimpulkan": 0,
        "Memuaskan": 4,
        "Baik": 3,
        "Cukup": 1,
        "Kurang": 0,
    }


def test_riwayat_mengikuti_pendahulu_struktur_lama(unit_bks):
    p = susun_pengukuran(unit_bks, 2018)
    ind = {b.indikator.kode: b.indikator for b in p.baris}
    riwayat = susun_riwayat(unit_bks, list(ind.values()), [2015, 2016, 2017, 2018, 2019], p.skema)
    akip = riwayat[ind["IKU8"].pk]
    assert [(n.tahun, n.target.nilai, n.realisasi, n.capaian) for n in akip.tahun] == [
        (2015, D("80"), D("62.05"), D("77.56")),
        (2016, D("80"), D("69.84"), D("87.30")),
        (2017, D("80"), D("72.08"), D("90.10")),
        (2018, D("78"), D("72.58"), D("93.05")),
        (2019, D("78"), None, None),
    ]
    assert akip.untuk(2016).indikator.kode == "L11"
    dokumen = riwayat[ind["IKU3"].pk]
    assert [(n.target.nilai, n.realisasi, n.capaian) for n in dokumen.tahun[:3]] == [
        (D("25"), D("25"), D("100.00")),
        (D("28"), D("28"), D("100.00")),
        (D("31"), D("31"), D("100.00")),
    ]
    efektif = riwayat[ind["IKU4"].pk]
    # 2015-2017 realisasi without a target: capaian not computable, never 0.
    assert [(n.target.nilai, n.realisasi, n.capaian) for n in efektif.tahun[:3]] == [
        (None, D("63"), None),
        (None, D("66"), None),
        (None, D("67"), None),
    ]
    perjalanan = riwayat[ind["IKU5"].pk]
    assert perjalanan.untuk(2016).capaian == D("100.03")


def test_pengukuran_jumlah_query_tetap(referensi, django_assert_max_num_queries):
    from indikator.models import UnitKerja

    unit = UnitKerja.objects.get(slug="biro-kerja-sama")
    with django_assert_max_num_queries(12):
        susun_pengukuran(unit, 2018)
