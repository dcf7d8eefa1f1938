"""Specification table for `pohon.formulas.konsolidasikan` (§2.4): every method, exact Decimals, and every
reason a figure is not computed. Pure: no database."""

from decimal import Decimal as D

import pytest

from pohon.enums import AlasanKonsolidasi as A
from pohon.enums import DasarBobot as B
from pohon.enums import MetodeAgregasi as M
from pohon.formulas import NilaiSumber, konsolidasikan


def s(i, nilai, pembilang=None, penyebut=None, pagu=None, bobot=None):
    return NilaiSumber(
        unit_id=i,
        unit=f"Unit {i}",
        indikator_id=10 + i,
        indikator=f"IK{i}",
        nilai=None if nilai is None else D(nilai),
        pembilang=None if pembilang is None else D(pembilang),
        penyebut=None if penyebut is None else D(penyebut),
        pagu=None if pagu is None else D(pagu),
        bobot=None if bobot is None else D(bobot),
    )


DUA = [s(1, "80", "8", "10", "1000", "1"), s(2, "50", "45", "90", "3000", "3")]

KASUS = [
    # (method, weight basis, sources, percent, expected value, expected reason)
    (M.JUMLAH, None, [s(1, "12"), s(2, "30.5")], False, D("42.5"), None),
    (M.JUMLAH, None, [s(1, "0"), s(2, "0")], False, D("0"), None),
    (M.RASIO_JUMLAH, None, DUA, True, D("53.00"), None),  # (8+45)/(10+90) = 53 %, not the mean 65 %
    (M.RASIO_JUMLAH, None, [s(1, "1", "1", "3")], True, D("33.33"), None),
    (M.RASIO_JUMLAH, None, [s(1, "2", "2", "3")], True, D("66.67"), None),  # half-up
    (M.RASIO_JUMLAH, None, [s(1, None, "0", "0"), s(2, None, "1", "0")], True, None, A.PENYEBUT_NOL),
    (M.RASIO_JUMLAH, None, [s(1, "80", "8", "10"), s(2, "50")], True, None, A.RASIO_KOSONG),
    (M.RATA_RATA, None, [s(1, "1"), s(2, "2"), s(3, "2")], False, D("1.67"), None),
    (M.RATA_RATA, None, [s(1, "80"), s(2, "50")], True, D("65.00"), None),  # a % without numerators
    (M.RATA_RATA, None, DUA, True, None, A.PERSEN_DIRATA),
    (M.RATA_RATA, None, DUA, False, D("65.00"), None),  # not a percentage
    (M.RATA_TERTIMBANG, B.PENYEBUT, DUA, True, D("53.00"), None),  # = the ratio of sums
    (M.RATA_TERTIMBANG, B.PAGU, [s(1, "80", pagu="1000"), s(2, "50", pagu="3000")], False, D("57.50"), None),
    (M.RATA_TERTIMBANG, B.PAGU, DUA, True, None, A.PERSEN_DIRATA),
    (M.RATA_TERTIMBANG, B.TETAP, [s(1, "80", bobot="1"), s(2, "50", bobot="3")], False, D("57.50"), None),
    (M.RATA_TERTIMBANG, B.TETAP, [s(1, "80", bobot="2"), s(2, "50", bobot="1")], False, D("70.00"), None),
    (M.RATA_TERTIMBANG, B.TETAP, [s(1, "80", bobot="1"), s(2, "50")], False, None, A.BOBOT_KOSONG),
    (M.RATA_TERTIMBANG, B.PAGU, [s(1, "80", pagu="0"), s(2, "50", pagu="0")], False, None, A.BOBOT_NOL),
    (M.RATA_TERTIMBANG, B.PENYEBUT, [s(1, "80", "0", "0"), s(2, "50", "0", "0")], True, None, A.BOBOT_NOL),
    (M.MIN, None, [s(1, "7.25"), s(2, "-1"), s(3, "3")], False, D("-1"), None),
    (M.MAKS, None, [s(1, "7.25"), s(2, "-1"), s(3, "3")], False, D("7.25"), None),
    (M.DARI_UNIT, None, [s(1, "93.5")], True, D("93.5"), None),
    (M.DARI_UNIT, None, [s(1, "93.5"), s(2, "1")], True, None, A.BUKAN_SATU_SUMBER),
    (M.JUMLAH, None, [s(1, "1"), s(2, None)], False, None, A.NILAI_KOSONG),
    (M.MIN, None, [s(1, None)], False, None, A.NILAI_KOSONG),
    (M.MAKS, None, [], False, None, A.TANPA_SUMBER),
    (M.RASIO_JUMLAH, None, [], True, None, A.TANPA_SUMBER),
]


@pytest.mark.parametrize(("metode", "dasar", "sumber", "persen", "nilai", "alasan"), KASUS)
def test_konsolidasi(metode, dasar, sumber, persen, nilai, alasan):
    h = konsolidasikan(metode=metode, sumber=sumber, dasar_bobot=dasar, persen=persen)
    assert h.nilai == nilai
    assert h.alasan == alasan
    assert h.dihitung is (nilai is not None)
    assert [j.unit_id for j in h.jejak] == [x.unit_id for x in sumber]
    if nilai is not None:
        assert str(h.nilai) == str(nilai)  # exact digits, not only equal


def test_jejak_membawa_bobot_dan_rasio():
    h = konsolidasikan(metode=M.RATA_TERTIMBANG, sumber=DUA, dasar_bobot=B.PAGU)
    assert [(j.unit, j.nilai, j.bobot) for j in h.jejak] == [
        ("Unit 1", D("80"), D("1000")),
        ("Unit 2", D("50"), D("3000")),
    ]
    h = konsolidasikan(metode=M.RASIO_JUMLAH, sumber=DUA, persen=True)
    assert [(j.pembilang, j.penyebut) for j in h.jejak] == [(D("8"), D("10")), (D("45"), D("90"))]


def test_yang_kurang_disebut():
    h = konsolidasikan(metode=M.JUMLAH, sumber=[s(1, "1"), s(2, None), s(3, None)])
    assert h.kurang == ("Unit 2", "Unit 3")
