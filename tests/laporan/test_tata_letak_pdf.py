"""Print quality of the PDF, checked on WeasyPrint's layout boxes: no text outside its table cell (headers that
collide, numbers spilling over the border) and no lone row (the last row or the total of a table alone at the
top of a page)."""

from __future__ import annotations

import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from laporan.pdf import BASE_URL, PengambilLokal, render_html_cetak
from laporan.susun import susun_laporan

TOLERANSI = 0.5  # CSS px

# WeasyPrint's layout of the full report: the same on every database; CI runs it once, on SQLite.
pytestmark = pytest.mark.slow


def _halaman(laporan):
    return HTML(string=render_html_cetak(laporan), base_url=BASE_URL, url_fetcher=PengambilLokal()).render().pages


def _teks_keluar_sel(halaman) -> list[str]:
    salah = []
    for no, p in enumerate(halaman, start=1):
        for sel in p._page_box.descendants():
            if not isinstance(sel, boxes.TableCellBox):
                continue
            kiri = sel.border_box_x()
            kanan = kiri + sel.border_width()
            for t in sel.descendants():
                if isinstance(t, boxes.TextBox) and t.text.strip():
                    if t.position_x < kiri - TOLERANSI or t.position_x + t.width > kanan + TOLERANSI:
                        salah.append(f"halaman {no}: “{t.text}” keluar dari selnya")
    return salah


def _baris_sendirian(halaman) -> list[str]:
    """A page whose first body row is the last row of a table that started on an earlier page."""
    salah = []
    sudah: set = set()
    for no, p in enumerate(halaman, start=1):
        for tabel in (b for b in p._page_box.descendants() if isinstance(b, boxes.TableBox)):
            baris = [
                r
                for g in tabel.children
                if isinstance(g, boxes.TableRowGroupBox) and not g.is_header and not g.is_footer
                for r in g.children
            ]
            if not baris:
                continue
            elemen = tabel.element
            semua_tr = [tr for tb in elemen.iter("tbody") for tr in tb.iter("tr")]
            if id(elemen) in sudah and len(baris) == 1 and len(semua_tr) > 1 and baris[0].element is semua_tr[-1]:
                teks = " ".join(t.text for t in baris[0].descendants() if isinstance(t, boxes.TextBox))
                salah.append(f"halaman {no}: baris terakhir sendirian “{teks[:60]}”")
            sudah.add(id(elemen))
    return salah


def _baris_tubuh(tabel) -> list:
    return [
        r
        for g in tabel.children
        if isinstance(g, boxes.TableRowGroupBox) and not g.is_header and not g.is_footer
        for r in g.children
    ]


def _baris_awal_sendirian(halaman) -> list[str]:
    """A page where a table starts with a single body row and goes on on the next page (a lone first row at the
    foot of a page)."""
    salah = []
    sudah: set = set()
    for no, p in enumerate(halaman, start=1):
        for tabel in (b for b in p._page_box.descendants() if isinstance(b, boxes.TableBox)):
            elemen = tabel.element
            if id(elemen) in sudah:
                continue
            sudah.add(id(elemen))
            baris = _baris_tubuh(tabel)
            semua_tr = [tr for tb in elemen.iter("tbody") for tr in tb.iter("tr")]
            if len(baris) == 1 and len(semua_tr) > 1:
                teks = " ".join(t.text for t in baris[0].descendants() if isinstance(t, boxes.TextBox))
                salah.append(f"halaman {no}: baris pertama sendirian “{teks[:60]}”")
    return salah


def _kepala_terpenggal(halaman) -> list[str]:
    """A table header word broken by hyphenation ("Sub-kegiat-" / "an")."""
    salah = []
    for no, p in enumerate(halaman, start=1):
        for sel in p._page_box.descendants():
            if isinstance(sel, boxes.TableCellBox) and sel.element is not None and sel.element.tag == "th":
                for t in sel.descendants():
                    if isinstance(t, boxes.TextBox) and t.text.endswith("\u2010"):
                        salah.append(f"halaman {no}: judul kolom terpenggal “{t.text}”")
    return salah


def _kepala_halaman_terlipat(halaman) -> list[str]:
    """A running header (top-left or top-right margin box) that takes more than one line."""
    salah = []
    for no, p in enumerate(halaman, start=1):
        for kotak in p._page_box.children:
            if isinstance(kotak, boxes.MarginBox) and kotak.at_keyword in ("@top-left", "@top-right"):
                baris = [b for b in kotak.descendants() if isinstance(b, boxes.LineBox)]
                if len(baris) > 1:
                    teks = " ".join(t.text for t in kotak.descendants() if isinstance(t, boxes.TextBox))
                    salah.append(f"halaman {no}: kepala halaman {kotak.at_keyword} terlipat “{teks[:60]}”")
    return salah


def test_pdf_2018_tanpa_teks_keluar_sel_dan_baris_sendirian(unit):
    halaman = _halaman(susun_laporan(unit, 2018))
    assert _teks_keluar_sel(halaman) == []
    assert _baris_sendirian(halaman) == []
    assert _baris_awal_sendirian(halaman) == []
    assert _kepala_terpenggal(halaman) == []
    assert _kepala_halaman_terlipat(halaman) == []


def _contoh(ekor: bool) -> list:
    baris = "".join(f"<tr><td>baris {i}</td></tr>" for i in range(1, 4))
    if ekor:
        baris = "<tbody><tr><td>baris 1</td></tr></tbody><tbody class='ekor'><tr><td>baris 2</td></tr><tr><td>baris 3</td></tr></tbody>"
    else:
        baris = f"<tbody>{baris}</tbody>"
    html = (
        "<style>@page { size: A4; margin: 20mm } td { height: 8mm } tbody.ekor { break-inside: avoid }</style>"
        f"<div style='height: 234mm'></div><table>{baris}</table>"
    )
    return HTML(string=html).render().pages


def test_pemeriksa_baris_sendirian_dan_kelompok_ekor():
    """The lone-row check itself: the last row alone on a new page is found; as a row group with the row before
    it (`tbody.ekor`, as `_tabel.html` prints it) it moves with that row."""
    assert len(_baris_sendirian(_contoh(ekor=False))) == 1
    assert _baris_sendirian(_contoh(ekor=True)) == []
