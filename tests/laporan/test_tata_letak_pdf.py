"""Print quality of the PDF, checked on WeasyPrint's layout boxes: no text outside its table cell (headers that
collide, numbers spilling over the border), no lone row (the last row or the total of a table alone at the
top of a page), no orientation ping-pong and no nearly empty page, the front matter numbered i, ii, … and BAB I
from 1. The 2018 report is laid out once for the module."""

from __future__ import annotations

import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from laporan.pdf import BASE_URL, PengambilLokal, render_html_cetak
from laporan.susun import susun_laporan

TOLERANSI = 0.5  # CSS px

# WeasyPrint's layout of the full report: the same on every database; CI runs it once, on SQLite.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ISI_MINIMUM = 0.30  # a page under 30 % filled is allowed only where a chapter, the cover or a front list ends


def _halaman(laporan):
    return HTML(string=render_html_cetak(laporan), base_url=BASE_URL, url_fetcher=PengambilLokal()).render().pages


@pytest.fixture(scope="module")
def halaman_2018(referensi_bersama, django_db_blocker):
    """The 2018 report's pages, laid out once for the module."""
    with django_db_blocker.unblock():
        return _halaman(susun_laporan(referensi_bersama.muat(), 2018))


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


def _lanskap(p) -> bool:
    return p.width > p.height


def _isi(p) -> float:
    """How much of the page's content area is used: from its top to the lowest text, image or table cell (the
    running header and the page number left out)."""
    kotak = p._page_box
    atas = kotak.content_box_y()
    bawah = atas
    for anak in kotak.children:
        if isinstance(anak, boxes.MarginBox):
            continue
        for b in anak.descendants():
            if isinstance(b, boxes.TextBox | boxes.ReplacedBox | boxes.TableCellBox):
                bawah = max(bawah, b.position_y + b.margin_height())
    return (bawah - atas) / kotak.height


def _bagian_tingkat1(halaman) -> list[str]:
    """Per page the class of the level-1 section (or the cover) it belongs to: the last one started on or before
    the page."""
    hasil, kini = [], ""
    for p in halaman:
        for b in p._page_box.descendants():
            el = b.element
            if el is not None and el.tag == "section":
                kelas = el.get("class", "").split()
                if "tingkat-1" in kelas or "sampul" in kelas:
                    kini = " ".join(kelas)
                    break
        hasil.append(kini)
    return hasil


def _halaman_kosong(halaman) -> list[str]:
    """Pages under `ISI_MINIMUM` filled that do not end a chapter or lampiran, and are neither the cover nor a
    front list (daftar isi, tabel, gambar, lampiran)."""
    bagian = _bagian_tingkat1(halaman)
    salah = []
    for i, p in enumerate(halaman):
        akhir_bagian = i + 1 == len(halaman) or bagian[i + 1] != bagian[i]
        boleh = "sampul" in bagian[i] or "daftar" in bagian[i].split()
        bab = any(k in bagian[i].split() for k in ("bab", "lampiran", "pembatas-lampiran"))
        if _isi(p) < ISI_MINIMUM and not boleh and not (bab and akhir_bagian):
            salah.append(f"halaman {i + 1}: terisi {_isi(p):.0%}")
    return salah


def _pergantian_arah(halaman) -> list[int]:
    """Per run of landscape pages inside one level-1 section, how often the orientation changes there (2: into
    landscape and back)."""
    bagian = _bagian_tingkat1(halaman)
    per_blok: list[int] = []
    for i in range(1, len(halaman)):
        if _lanskap(halaman[i]) != _lanskap(halaman[i - 1]):
            if _lanskap(halaman[i]):
                per_blok.append(1 if bagian[i] == bagian[i - 1] else 0)
            elif per_blok and bagian[i] == bagian[i - 1]:
                per_blok[-1] += 1
    return per_blok


def _nomor_halaman(halaman) -> list[str]:
    return [
        "".join(
            t.text
            for k in p._page_box.children
            if isinstance(k, boxes.MarginBox) and k.at_keyword == "@bottom-center"
            for t in k.descendants()
            if isinstance(t, boxes.TextBox)
        )
        for p in halaman
    ]


def test_pdf_2018_tanpa_halaman_hampir_kosong_dan_bolak_balik_arah(halaman_2018):
    """A sasaran whose table needs a landscape page takes its heading, IKU and analysis along, so BAB III turns
    the page once into landscape and once back (12 turns and pages 4–49 % filled before); no page under 30 %
    except where a chapter ends."""
    assert _halaman_kosong(halaman_2018) == []
    assert all(n <= 2 for n in _pergantian_arah(halaman_2018)), _pergantian_arah(halaman_2018)
    bab3 = [i for i, k in enumerate(_bagian_tingkat1(halaman_2018)) if "bab" in k.split()]
    arah = [_lanskap(halaman_2018[i]) for i in bab3]
    assert sum(a != b for a, b in zip(arah, arah[1:], strict=False)) <= 4  # all chapters: at most one block each


def test_pdf_2018_nomor_romawi_depan_dan_bab_i_mulai_dari_1(halaman_2018):
    nomor = _nomor_halaman(halaman_2018)
    bagian = _bagian_tingkat1(halaman_2018)
    bab1 = next(i for i, k in enumerate(bagian) if "bab-pertama" in k.split())
    assert nomor[0] == ""  # the cover
    assert nomor[1:bab1] == ["ii", "iii", "iv", "v", "vi", "vii"][: bab1 - 1]
    assert nomor[bab1:] == [str(n) for n in range(1, len(halaman_2018) - bab1 + 1)]


def test_pdf_2018_tanpa_teks_keluar_sel_dan_baris_sendirian(halaman_2018):
    halaman = halaman_2018
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
