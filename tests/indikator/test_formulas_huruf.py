"""Specification tables for letter grades, not-computed reasons and NKO without perspectives (issue 9, domain
guide §2 and §4). Pure: no database."""

from decimal import Decimal as D

import pytest

from indikator.enums import AgregasiNko, RumusNegatif
from indikator.enums import AlasanTidakDihitung as A
from indikator.enums import Polaritas as P
from indikator.formulas import HasilCapaian, SkorIndikator, hitung_capaian_indikator, hitung_nko_tanpa_perspektif

SKALA = {"AA": D("90"), "A": D("80"), "BB": D("70"), "B": D("60"), "CC": D("50"), "C": D("30"), "D": D("0")}


@pytest.mark.parametrize(
    ("polaritas", "target", "target_huruf", "realisasi", "realisasi_huruf", "skala", "harapan"),
    [
        # grade target, numeric realisasi: R / value(T) × 100 (the domain guide's example)
        (P.POSITIF, None, "A", D("71.74"), "", SKALA, HasilCapaian(D("89.68"))),
        (P.POSITIF, None, " a ", D("80"), "", SKALA, HasilCapaian(D("100.00"))),
        (P.POSITIF, None, "BB", D("84.5"), "", SKALA, HasilCapaian(D("120.71"))),
        # the numeric realisasi wins over a grade realisasi for a grade target
        (P.POSITIF, None, "A", D("71.74"), "BB", SKALA, HasilCapaian(D("89.68"))),
        # grade target and grade realisasi: value(R) / value(T)
        (P.POSITIF, None, "A", None, "BB", SKALA, HasilCapaian(D("87.50"))),
        (P.KUALITATIF, None, "A", None, "AA", SKALA, HasilCapaian(D("112.50"))),
        (P.KUALITATIF, None, "BB", None, "C", SKALA, HasilCapaian(D("42.86"))),
        # kualitatif: the grade realisasi wins; a numeric one is used without it
        (P.KUALITATIF, None, "A", D("50"), "A", SKALA, HasilCapaian(D("100.00"))),
        (P.KUALITATIF, None, "A", D("72"), "", SKALA, HasilCapaian(D("90.00"))),
        # not computable, with the reason
        (P.POSITIF, None, "D", D("10"), "", SKALA, HasilCapaian(None, A.TARGET_NOL)),
        (P.POSITIF, None, "A", D("10"), "", {}, HasilCapaian(None, A.TANPA_SKALA)),
        (P.POSITIF, None, "A", D("10"), "", None, HasilCapaian(None, A.TANPA_SKALA)),
        (P.POSITIF, None, "Z", D("10"), "", SKALA, HasilCapaian(None, A.HURUF_TIDAK_DIKENAL)),
        (P.POSITIF, None, "A", None, "Q", SKALA, HasilCapaian(None, A.HURUF_TIDAK_DIKENAL)),
        (P.POSITIF, None, "A", None, "", SKALA, HasilCapaian(None, A.TANPA_REALISASI)),
        (P.POSITIF, None, "", D("10"), "", SKALA, HasilCapaian(None, A.TANPA_TARGET)),
        (P.KUALITATIF, None, "", None, "A", SKALA, HasilCapaian(None, A.TANPA_TARGET)),
        # numbers as before
        (P.POSITIF, D("80"), "", D("71.74"), "", SKALA, HasilCapaian(D("89.68"))),
        (P.POSITIF, D("0"), "", D("5"), "", None, HasilCapaian(None, A.TARGET_NOL)),
        (P.NEGATIF, D("10"), "", D("8"), "", None, HasilCapaian(D("120.00"))),
        (P.NEGATIF, D("0"), "", D("0"), "", None, HasilCapaian(D("100.00"))),
        (P.POSITIF, D("80"), "", None, "", None, HasilCapaian(None, A.TANPA_REALISASI)),
        # a numeric target wins over its display grade on a non-qualitative indikator
        (P.POSITIF, D("80"), "A", D("40"), "", SKALA, HasilCapaian(D("50.00"))),
    ],
)
def test_capaian_indikator(polaritas, target, target_huruf, realisasi, realisasi_huruf, skala, harapan):
    hasil = hitung_capaian_indikator(
        polaritas=polaritas,
        target=target,
        target_huruf=target_huruf,
        realisasi=realisasi,
        realisasi_huruf=realisasi_huruf,
        skala=skala,
    )
    assert hasil == harapan
    if hasil.capaian is not None:
        assert str(hasil.capaian) == str(harapan.capaian)


def test_kebalikan_realisasi_nol_beralasan():
    hasil = hitung_capaian_indikator(
        polaritas=P.NEGATIF, target=D("5"), realisasi=D("0"), rumus_negatif=RumusNegatif.KEBALIKAN
    )
    assert hasil == HasilCapaian(None, A.REALISASI_NOL)


def test_rentang_tanpa_huruf():
    hasil = hitung_capaian_indikator(polaritas=P.RENTANG, target=D("10"), target_atas=D("20"), realisasi=D("25"))
    assert hasil == HasilCapaian(D("125.00"))


# Three sasaran: S1 (100, 120), S2 (90), S3 (no capaian: left out).
SKOR = [
    SkorIndikator("S1", D("100.00")),
    SkorIndikator("S1", D("120.00"), iku=True),
    SkorIndikator("S2", D("90.00")),
    SkorIndikator("S3", None),
]


@pytest.mark.parametrize(
    ("metode", "batas", "bobot_iku", "harapan"),
    [
        # mean of sasaran NPS: mean(110, 90) = 100
        (AgregasiNko.RATA_SASARAN, None, D("1"), D("100.00")),
        # flat mean of indikator capaian: mean(100, 120, 90) = 103,33
        (AgregasiNko.RATA_INDIKATOR, None, D("1"), D("103.33")),
        # cap 110 applies before averaging: sasaran mean(105, 90) = 97,5; flat mean(100, 110, 90) = 100
        (AgregasiNko.RATA_SASARAN, D("110"), D("1"), D("97.50")),
        (AgregasiNko.RATA_INDIKATOR, D("110"), D("1"), D("100.00")),
        # IKU weight 2 in the flat mean: (100 + 240 + 90) / 4 = 107,5; unused by the sasaran mean
        (AgregasiNko.RATA_INDIKATOR, None, D("2"), D("107.50")),
        (AgregasiNko.RATA_SASARAN, None, D("2"), D("100.00")),
    ],
)
def test_nko_tanpa_perspektif(metode, batas, bobot_iku, harapan):
    nko = hitung_nko_tanpa_perspektif(skor=SKOR, metode=metode, batas=batas, bobot_iku=bobot_iku)
    assert str(nko) == str(harapan)


def test_nko_tanpa_perspektif_kosong():
    assert hitung_nko_tanpa_perspektif(skor=[SkorIndikator("S1", None)]) is None
    assert hitung_nko_tanpa_perspektif(skor=[]) is None
