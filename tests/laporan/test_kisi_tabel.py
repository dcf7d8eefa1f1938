"""The table grid every renderer walks (`Tabel.kisi`) and the one cell-format table (`dokumen.FORMAT_SEL`): the
HTML column widths, the Excel sheet and the Word table place the same cells with the same spans and print the
same numbers; Word builds each table's cells once (python-docx's Table.cell() rebuilds its grid per call)."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from openpyxl import Workbook

from laporan.dokumen import FORMAT_SEL, Baris, Petak, Sel, Tabel
from laporan.excel import _lembar
from laporan.templatetags.laporan_tags import lebar_kolom
from laporan.templatetags.laporan_tags import sel as filter_sel
from laporan.word import _Penulis


def _s(nilai="x", rowspan=1, colspan=1, format="teks"):
    return Sel(nilai, format, rowspan=rowspan, colspan=colspan)


def _tabel(kepala, baris) -> Tabel:
    return Tabel("t", 1, "Uji", tuple(tuple(k) for k in kepala), tuple(Baris(tuple(b)) for b in baris))


# A two-row header (a cell over two rows, one over two columns), body rows with a rowspan; a span past the
# table's edge is cut there, a cell past the last column is left out.
KASUS = {
    "kepala_dua_baris": (
        [[_s("No", rowspan=2), _s("Target", colspan=2)], [_s("Nilai"), _s("Satuan")]],
        [[_s("1"), _s("5"), _s("%")]],
        [
            (0, 0, 2, 1, True),
            (0, 1, 1, 2, True),
            (1, 1, 1, 1, True),
            (1, 2, 1, 1, True),
            (2, 0, 1, 1, False),
            (2, 1, 1, 1, False),
            (2, 2, 1, 1, False),
        ],
    ),
    "rowspan_badan": (
        [[_s("A"), _s("B"), _s("C")]],
        [[_s("s1", rowspan=2), _s("i1"), _s("1")], [_s("i2"), _s("2")]],
        [
            (0, 0, 1, 1, True),
            (0, 1, 1, 1, True),
            (0, 2, 1, 1, True),
            (1, 0, 2, 1, False),
            (1, 1, 1, 1, False),
            (1, 2, 1, 1, False),
            (2, 1, 1, 1, False),
            (2, 2, 1, 1, False),
        ],
    ),
    "rentang_dipotong_di_tepi": (
        [[_s("A"), _s("B")]],
        [[_s("a", colspan=3), _s("lebih")], [_s("b", rowspan=5), _s("c")]],
        [(0, 0, 1, 1, True), (0, 1, 1, 1, True), (1, 0, 1, 2, False), (2, 0, 1, 1, False), (2, 1, 1, 1, False)],
    ),
}


@pytest.mark.parametrize("kepala, baris, harapan", KASUS.values(), ids=KASUS.keys())
def test_kisi(kepala, baris, harapan):
    kisi = _tabel(kepala, baris).kisi
    assert all(isinstance(p, Petak) for p in kisi)
    assert [(p.baris, p.kolom, p.rowspan, p.colspan, p.kepala) for p in kisi] == harapan


@pytest.mark.parametrize(
    "format, nilai, teks, excel",
    [
        ("persen", Decimal("98.8666"), "98,87", "0.00"),
        ("rasio", Decimal("1.5"), "1,50", "0.00"),
        ("rupiah", Decimal("8225900000"), "8.225.900.000", "#,##0"),
        ("bulat", 12, "12", "0"),
        ("angka", Decimal("91.25"), "91,25", "#,##0.####"),
        ("miliar", Decimal("8.2259"), "8,2259", "#,##0.000"),
        ("persen", None, "–", "0.00"),
    ],
)
def test_satu_format_sel_untuk_html_excel_word(format, nilai, teks, excel):
    s = Sel(nilai, format)
    assert s.format_angka is FORMAT_SEL[format]
    assert s.teks == filter_sel(s) == teks
    t = _tabel([[_s("Nilai")]], [[s]])
    wb = Workbook()
    _lembar(wb, "Tabel 1", t)
    c = wb["Tabel 1"].cell(row=4, column=1)
    assert (c.value, c.number_format) == (nilai, excel)
    penulis = _Penulis(None)
    penulis._tabel(t)
    assert penulis.doc.tables[0].cell(1, 0).text == teks


def test_excel_dan_word_menggabung_sel_sesuai_kisi():
    kepala, baris, _ = KASUS["kepala_dua_baris"]
    t = _tabel(kepala, baris + [[_s("2", rowspan=2), _s("7"), _s("%")], [_s("8"), _s("%")]])
    gabung = {(p.baris, p.kolom, p.baris + p.rowspan - 1, p.kolom + p.colspan - 1) for p in t.kisi}
    gabung = {g for g in gabung if g[:2] != g[2:]}
    assert len(gabung) == 3

    wb = Workbook()
    _lembar(wb, "Tabel 1", t)
    rentang = {(r.min_row - 3, r.min_col - 1, r.max_row - 3, r.max_col - 1) for r in wb["Tabel 1"].merged_cells.ranges}
    assert rentang == gabung
    assert len(lebar_kolom(t)) == 3

    penulis = _Penulis(None)
    with mock.patch.object(Table, "cell", autospec=True, side_effect=Table.cell) as cell:
        penulis._tabel(t)
    assert cell.call_count == 0  # the table's cells taken once, not one grid rebuild per cell
    tabel = penulis.doc.tables[0]
    for r0, k0, r1, k1 in gabung:
        assert tabel.cell(r0, k0)._tc is tabel.cell(r1, k1)._tc or tabel.cell(r1, k1)._tc.vMerge == "continue"
    assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in tabel._tbl.tr_lst] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert [tabel.cell(r, 0).text for r in (2, 3)] == ["1", "2"]
