"""A table cell's background colour (`laporan.dokumen.Sel.warna`, a kriteria's colour) reaches a style or a file
only as "#RRGGBB"."""

import pytest

from laporan.dokumen import Sel


@pytest.mark.parametrize(
    ("warna", "aman"),
    [("#1b7f3b", "#1b7f3b"), ("#FFB300", "#FFB300"), ("", ""), ("red", ""), ("#fff", ""), ('#123456"><x', "")],
)
def test_warna_aman(warna, aman):
    assert Sel("Baik", warna=warna).warna_aman == aman
