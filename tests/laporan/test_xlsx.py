"""The Excel export: one sheet per table, real numbers with number formats."""

from decimal import Decimal as D
from io import BytesIO

import pytest
from openpyxl import load_workbook

from laporan.excel import render_xlsx
from laporan.susun import susun_laporan


@pytest.fixture
def buku(unit):
    return load_workbook(BytesIO(render_xlsx(susun_laporan(unit, 2018))))


def _nilai(ws):
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def test_satu_lembar_per_tabel(buku):
    nama = buku.sheetnames
    assert nama[0] == "Ringkasan"
    assert [n for n in nama if n.startswith("Tabel ")] == [f"Tabel {i}" for i in range(1, 17)]
    assert "Lampiran 6" in nama and "Lampiran 3.1" in nama


def _cari(ws, nilai):
    return [c for c in _nilai(ws) if isinstance(c.value, int | float | D) and D(str(c.value)) == nilai]


def test_angka_emas_numerik_dengan_format(buku):
    sel = _cari(buku["Tabel 8"], D("104.47"))
    assert sel and sel[0].number_format == "0.00"
    assert _cari(buku["Tabel 7"], D("102.24")) and _cari(buku["Tabel 7"], D("93.05"))
    pagu = _cari(buku["Tabel 15"], D("8225900000"))
    assert pagu and pagu[0].number_format == "#,##0"
    assert _cari(buku["Tabel 15"], D("87.82"))
    assert _cari(buku["Lampiran 6"], D("1.12"))
    assert _cari(buku["Ringkasan"], D("98.87"))


def test_kepala_tabel_bergaya_dan_digabung(buku):
    ws = buku["Tabel 1"]
    assert ws["A3"].value == "Jenjang Pendidikan" and ws["A3"].font.bold
    assert any(str(r) == "A3:A4" for r in ws.merged_cells.ranges)
