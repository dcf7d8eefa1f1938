from decimal import Decimal

import pytest

from umum.masukan import AngkaTidakValid, baca_angka


@pytest.mark.parametrize(
    "teks, hasil",
    [
        ("1.234.567,89", Decimal("1234567.89")),
        ("1234567.89", Decimal("1234567.89")),
        ("1234567,89", Decimal("1234567.89")),
        ("78,35", Decimal("78.35")),
        ("95 %", Decimal("95")),
        ("95%", Decimal("95")),
        ("Rp 8.225.900.000", Decimal("8225900000")),
        ("Rp8.225.900.000,-".rstrip(",-"), Decimal("8225900000")),
        ("1,234,567.89", Decimal("1234567.89")),
        ("0.123", Decimal("0.123")),
        ("12.5", Decimal("12.5")),
        ("1234.567", Decimal("1234.567")),
        ("-5", Decimal("-5")),
        ("  100  ", Decimal("100")),
        ("70,3", Decimal("70.3")),
        # Indonesian thousands: a dot followed by groups of three digits
        ("1.500", Decimal("1500")),
        ("1.234", Decimal("1234")),
        ("12.000.000", Decimal("12000000")),
        ("1.234.567,8", Decimal("1234567.8")),
        ("-1.500", Decimal("-1500")),
        # English input where unambiguous
        ("1500.5", Decimal("1500.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1,234,567", Decimal("1234567")),
        ("1.5", Decimal("1.5")),
        # one comma is always the decimal mark (Indonesian)
        ("1,234", Decimal("1.234")),
        ("", None),
        (None, None),
    ],
)
def test_baca_angka_diterima(teks, hasil):
    assert baca_angka(teks) == hasil


@pytest.mark.parametrize(
    "teks, kode",
    [
        ("1.23.4", "tidak_sah"),
        ("1.2345.678", "tidak_sah"),
        ("1,234.5.6", "tidak_sah"),
        ("abc", "tidak_sah"),
        ("1,2,3", "tidak_sah"),
        ("1.234,5,6", "tidak_sah"),
        ("12a", "tidak_sah"),
        ("--5", "tidak_sah"),
    ],
)
def test_baca_angka_ditolak_dengan_pesan(teks, kode):
    with pytest.raises(AngkaTidakValid) as e:
        baca_angka(teks)
    assert e.value.code == kode
    # the message shows how to write a number
    assert f"“{teks}” bukan angka yang sah" in e.value.messages[0]
    assert "1.500" in e.value.messages[0] and "78,35" in e.value.messages[0]


def test_baca_angka_wajib_diisi():
    with pytest.raises(AngkaTidakValid):
        baca_angka("", boleh_kosong=False)
