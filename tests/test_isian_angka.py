"""Number fields show stored values the way people read them, and read what they show back to the same value."""

from decimal import Decimal as D

import pytest

from umum.forms import AngkaField


@pytest.mark.parametrize(
    ("nilai", "tampil"),
    [
        (D("211549862"), "211.549.862"),
        (D("8225900000"), "8.225.900.000"),
        (D("78.35"), "78,35"),
        (D("1500"), "1.500"),
        (D("1234.5"), "1.234,5"),
        (D("0.0001"), "0,0001"),
        (D("-1234.5"), "-1.234,5"),
        (D("100.00"), "100"),
        (70, "70"),
        (1500, "1.500"),
    ],
)
def test_nilai_tersimpan_ditampilkan_berformat_dan_terbaca_kembali(nilai, tampil):
    field = AngkaField(required=False)
    assert field.prepare_value(nilai) == tampil
    assert field.clean(tampil) == D(nilai)
    assert not field.has_changed(nilai, tampil)
