"""Specification tables for the Rencana Penarikan Dana (RPD) formulas of `anggaran.formulas`: the plan sums to
the pagu, serapan s/d a month against the cumulative RPD and the gap in points. Pure: no database."""

from decimal import Decimal as D

import pytest

from anggaran.formulas import SerapanRpd, hitung_serapan_rpd, selisih_rpd

pytestmark = pytest.mark.tanpa_db

N = None


def _bulan(**nilai):
    return tuple(D(nilai[f"b{i}"]) if f"b{i}" in nilai else None for i in range(1, 13))


@pytest.mark.parametrize(
    ("pagu", "rencana", "harapan"),
    [
        (D("1200"), (D("100"),) * 12, None),
        (D("1200"), (D("100"),) * 11 + (None,), D("-100")),
        (D("1000"), _bulan(b6="300", b12="800"), D("100")),
        (D("1000"), (None,) * 12, None),  # no plan entered: nothing to check
        (None, _bulan(b1="5"), None),  # no pagu: nothing to compare with
        (D("0"), _bulan(b1="0"), None),
        (D("269551000"), _bulan(b3="67387750", b6="67387750", b9="67387750", b12="67387750"), None),
    ],
)
def test_selisih_rpd_terhadap_pagu(pagu, rencana, harapan):
    assert selisih_rpd(pagu=pagu, rencana=rencana) == harapan


@pytest.mark.parametrize(
    ("pagu", "realisasi", "rencana", "bulan", "harapan"),
    [
        # the PPPOMN case: 23.03 % spent against 40.73 % planned → −17.70 points, narrative required
        (
            D("10000"),
            _bulan(b6="2303"),
            _bulan(b3="2000", b6="2073", b12="5927"),
            6,
            SerapanRpd(D("2303"), D("4073"), D("23.03"), D("40.73"), D("-17.70"), True),
        ),
        # exactly −10 points: not flagged
        (
            D("1000"),
            _bulan(b1="100", b2="100"),
            _bulan(b1="150", b2="150", b12="700"),
            2,
            SerapanRpd(D("200"), D("300"), D("20.00"), D("30.00"), D("-10.00"), False),
        ),
        # ahead of plan
        (
            D("1000"),
            _bulan(b1="500"),
            _bulan(b1="100", b12="900"),
            3,
            SerapanRpd(D("500"), D("100"), D("50.00"), D("10.00"), D("40.00"), False),
        ),
        # months after the period are not counted
        (
            D("1200"),
            (D("100"),) * 12,
            (D("100"),) * 12,
            9,
            SerapanRpd(D("900"), D("900"), D("75.00"), D("75.00"), D("0.00"), False),
        ),
        # no plan: serapan only, no gap
        (D("1000"), _bulan(b1="250"), (None,) * 12, 6, SerapanRpd(D("250"), None, D("25.00"), None, None, False)),
        # no pagu: nothing computable
        (None, _bulan(b1="250"), (None,) * 12, 6, SerapanRpd(D("250"), None, None, None, None, False)),
    ],
)
def test_serapan_terhadap_rpd(pagu, realisasi, rencana, bulan, harapan):
    assert hitung_serapan_rpd(pagu=pagu, realisasi_bulanan=realisasi, rencana_bulanan=rencana, bulan=bulan) == harapan


def test_rpd_tidak_sama_pagu_ditolak():
    with pytest.raises(ValueError):
        hitung_serapan_rpd(pagu=D("1000"), realisasi_bulanan=(None,) * 12, rencana_bulanan=_bulan(b6="999.99"), bulan=6)
