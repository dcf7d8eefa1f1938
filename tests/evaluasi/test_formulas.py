"""LKE scoring (evaluasi/formulas.py): exact Decimal tables for predikat boundaries, criterion values, sub-component
methods, coverage, layers, weights, kerangka logis and deviations."""

from decimal import Decimal as D

import pytest

from evaluasi import formulas as f
from evaluasi.enums import Metode, TipeKerangka

pytestmark = pytest.mark.tanpa_db

BANDS = [
    f.Band("AA", "Sangat Memuaskan", D("90"), False, None, True),
    f.Band("A", "Memuaskan", D("80"), False, D("90"), True),
    f.Band("BB", "Sangat Baik", D("70"), False, D("80"), True),
    f.Band("B", "Baik", D("60"), False, D("70"), True),
    f.Band("CC", "Cukup (Memadai)", D("50"), False, D("60"), True),
    f.Band("C", "Kurang", D("30"), False, D("50"), True),
    f.Band("D", "Sangat Kurang", None, True, D("30"), True),
]


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("0", "D"),
        ("30", "D"),
        ("30.01", "C"),
        ("50", "C"),
        ("50.01", "CC"),
        ("60", "CC"),
        ("60.01", "B"),
        ("70", "B"),
        ("70.01", "BB"),
        ("72.58", "BB"),
        ("80", "BB"),
        ("80.01", "A"),
        ("90", "A"),
        ("90.01", "AA"),
        ("100", "AA"),
    ],
)
def test_predikat_tiap_batas(nilai, kode):
    assert f.tentukan_predikat(D(nilai), BANDS).kode == kode


def test_predikat_tanpa_nilai_dan_band_tanpa_celah():
    assert f.tentukan_predikat(None, BANDS) is None
    assert f.celah_band(BANDS) == []
    # Band A made lower-inclusive: 80 is held twice.
    dobel = [*BANDS[:1], f.Band("A", "", D("80"), True, D("90"), True), *BANDS[2:]]
    assert f.celah_band(dobel) == [D("80")]
    assert f.celah_band(BANDS[:-1]) == [D("0"), D("0.0001"), D("30")]


@pytest.mark.parametrize(
    ("bukti", "final", "hasil"),
    [
        (["1", "1", "0"], False, D(2) / D(3)),
        (["1", "1"], False, D("1")),
        (["1", None], False, None),
        (["1", None], True, D("0.5")),
        ([], True, None),
    ],
)
def test_nilai_dari_bukti(bukti, final, hasil):
    assert f.nilai_dari_bukti([None if b is None else D(b) for b in bukti], final=final) == hasil


SUB = f.Sub("s", "S", D("9"), Metode.RATA_RATA, (f.Kriteria(1, "k1"), f.Kriteria(2, "k2"), f.Kriteria(3, "k3")))
SUB_AKUM = f.Sub("t", "T", D("6"), Metode.AKUMULASI, (f.Kriteria(4, "k4", D("2")), f.Kriteria(5, "k5", D("4"))))


@pytest.mark.parametrize(
    ("nilai", "kosong_nol", "skor", "terjawab", "cakupan"),
    [
        ({1: D("1"), 2: D("0.5"), 3: D("0.75")}, False, D("6.75"), 3, D("1")),
        ({1: D("1"), 2: D("0.5")}, False, D("6.75"), 2, D(2) / D(3)),
        ({1: D("1"), 2: D("0.5")}, True, D("4.5"), 2, D(2) / D(3)),
        ({}, False, None, 0, D("0")),
        ({}, True, D("0"), 0, D("0")),
        ({1: D("0.25"), 2: D("0.25"), 3: D("0.25")}, False, D("2.25"), 3, D("1")),
    ],
)
def test_skor_sub_rata_rata(nilai, kosong_nol, skor, terjawab, cakupan):
    h = f.skor_sub(SUB, nilai, kosong_nol=kosong_nol)
    assert (h.skor, h.terjawab, h.jumlah, h.cakupan) == (skor, terjawab, 3, cakupan)


@pytest.mark.parametrize(
    ("nilai", "skor"),
    [({4: D("1"), 5: D("0.5")}, D("4")), ({4: D("0.75")}, D("1.5")), ({}, None)],
)
def test_skor_sub_akumulasi(nilai, skor):
    assert f.skor_sub(SUB_AKUM, nilai).skor == skor


KOMPONEN = [
    f.Komponen("A", "A", D("15"), (SUB, SUB_AKUM)),
    f.Komponen("B", "B", D("6"), (f.Sub("u", "U", D("6"), Metode.RATA_RATA, (f.Kriteria(6, "k6"),)),)),
]


def test_skor_lapisan_jumlah_komponen_dan_total():
    nilai = {1: D("1"), 2: D("1"), 3: D("0.5"), 4: D("1"), 5: D("1"), 6: D("0.25")}
    h = f.skor_lapisan(KOMPONEN, nilai, bands=BANDS)
    assert h.komponen["A"].skor == D("7.5") + D("6")
    assert h.komponen["B"].skor == D("1.5")
    assert h.total == D("15.0")
    assert h.predikat.kode == "D"
    assert (h.terjawab, h.jumlah, h.lengkap) == (6, 6, True)


def test_skor_lapisan_tanpa_jawaban_dan_final_kosong_nol():
    assert f.skor_lapisan(KOMPONEN, {}).total is None
    h = f.skor_lapisan(KOMPONEN, {6: D("1")}, kosong_nol=True)
    assert (h.komponen["A"].skor, h.komponen["B"].skor, h.total) == (D("0"), D("6"), D("6"))
    assert h.cakupan == D(1) / D(6)


def test_skor_88_2021_semua_a_adalah_100():
    """Full marks on the real sub-component weights (6/9/15, 6/9/15, 3/4,5/7,5, 5/7,5/5/7,5) add up to 100."""
    bobot = ["6", "9", "15", "6", "9", "15", "3", "4.5", "7.5", "5", "7.5", "5", "7.5"]
    subs = tuple(f.Sub(i, str(i), D(b), Metode.RATA_RATA, (f.Kriteria(i, str(i)),)) for i, b in enumerate(bobot))
    komponen = [f.Komponen("X", "X", D("100"), subs)]
    assert f.periksa_bobot(komponen) == []
    assert f.skor_lapisan(komponen, {i: D("1") for i in range(13)}).total == D("100.0")
    assert f.skor_lapisan(komponen, {i: D("0.75") for i in range(13)}).total == D("75.000")


def test_periksa_bobot_dengan_selisih():
    salah = f.periksa_bobot(
        [
            f.Komponen("A", "A", D("30"), (f.Sub(1, "A1", D("6")), f.Sub(2, "A2", D("9")), f.Sub(3, "A3", D("14.5")))),
            f.Komponen("B", "B", D("70"), (f.Sub(4, "B1", D("70"), Metode.AKUMULASI, (f.Kriteria(9, "k", D("69")),)),)),
        ],
        total=D("100"),
    )
    assert [(s.tingkat, s.kode, s.selisih) for s in salah] == [("komponen", "A", D("-0.5")), ("sub", "B1", D("-1"))]
    salah = f.periksa_bobot([f.Komponen("A", "A", D("99.99"))])
    assert [(s.tingkat, s.selisih) for s in salah] == [("template", D("-0.01"))]


ATURAN = [
    f.Aturan(1, "q", TipeKerangka.MAKS_KRITERIA, "p", "q ≤ p"),
    f.Aturan(2, "r", TipeKerangka.MAKS_RATA_SUB, "S1", "r ≤ rata-rata S1"),
]
KRITERIA_SUB = {"S1": ["p", "p2"]}


@pytest.mark.parametrize(
    ("nilai", "dilanggar"),
    [
        ({"p": D("0"), "q": D("1")}, [1]),
        ({"p": D("1"), "q": D("1")}, []),
        ({"q": D("1")}, []),
        ({"p": D("1"), "p2": D("0"), "r": D("0.75")}, [2]),
        ({"p": D("1"), "p2": D("0.5"), "r": D("0.75")}, []),
        ({"p": D("1"), "r": D("1")}, []),
        ({"p": D("0"), "q": D("0.25"), "p2": D("0"), "r": D("0.25")}, [1, 2]),
    ],
)
def test_kerangka_logis(nilai, dilanggar):
    assert [p.aturan.id for p in f.periksa_kerangka(ATURAN, nilai, KRITERIA_SUB)] == dilanggar


def test_deviasi_final_terhadap_mandiri():
    mandiri = {1: D("1"), 2: D("0.75"), 3: D("0.5"), 4: None, 5: D("0")}
    final = {1: D("0.75"), 2: D("0.75"), 3: D("1"), 4: D("1"), 5: D("0.25")}
    assert [(d.kriteria, d.selisih) for d in f.daftar_deviasi(mandiri, final)] == [
        (1, D("-0.25")),
        (3, D("0.5")),
        (5, D("0.25")),
    ]


@pytest.mark.parametrize(("nilai", "tampil"), [("72.575", "72.58"), ("72.5749", "72.57"), ("0.005", "0.01")])
def test_tampil_setengah_ke_atas(nilai, tampil):
    assert f.tampil(D(nilai)) == D(tampil)
