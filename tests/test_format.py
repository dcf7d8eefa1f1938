from decimal import Decimal as D

import pytest

from umum.format import format_angka, format_persen, format_rupiah


@pytest.mark.parametrize(
    "nilai, digit, hasil",
    [
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("104.465"), 2, "104,47"),
        (D("0.005"), 2, "0,01"),
        (D("-1234.5"), 2, "-1.234,50"),
        (D("8225900000"), 0, "8.225.900.000"),
        (D("999.5"), 0, "1.000"),
        (D("78.3500"), None, "78,35"),
        (D("100.0000"), None, "100"),
        (None, 2, "–"),
    ],
)
def test_format_angka(nilai, digit, hasil):
    assert format_angka(nilai, digit) == hasil


def test_format_rupiah_dan_persen():
    assert format_rupiah(D("8225900000")) == "Rp 8.225.900.000"
    assert format_persen(D("87.82")) == "87,82 %"
    assert format_angka(D("100.00"), 2, pangkas_nol=True) == "100"
    assert format_angka(D("100.43"), 2, pangkas_nol=True) == "100,43"
