"""Filters for the report templates: a table cell's text (`laporan.dokumen.Sel.teks`), column widths from the
table's grid (`Tabel.kisi`), the HTML of a report table."""

from django import template
from django.template.base import render_value_in_context
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..dokumen import lebar_cetak_em, minimum_em
from ..dokumen import pendek as pendek_

register = template.Library()


@register.filter
def sel(s) -> str:
    """The text of a cell (`Sel.teks`)."""
    return s.teks


def _grid(tabel, kepala: bool = False):
    """(column, cell) of every body (or header) cell one column wide, from the table's grid."""
    return ((p.kolom, p.sel) for p in tabel.kisi if p.kepala == kepala and p.sel.colspan == 1)


@register.filter
def lebar_kolom(tabel) -> list[str]:
    """Column widths (percent) from the longest content of each column, so the PDF can use a fixed table
    layout (much faster than WeasyPrint's automatic layout) while text columns stay wide."""
    n = tabel.jumlah_kolom
    if not n:
        return []
    bobot = [3.0] * n
    kata = [0.0] * n  # the longest word of a column must fit on one line

    def kata_terpanjang(teks: str) -> int:
        return max((len(w) for w in teks.split()), default=1)

    for k, s in _grid(tabel):
        if k >= n:
            continue
        teks = sel(s)
        panjang = max((len(x) for x in teks.split("\n")), default=1)
        if s.format == "teks":
            # Short texts stay on one line; long texts wrap, so they grow sub-linearly.
            nilai = panjang if panjang <= 12 else 12 + (min(panjang, 90) - 12) ** 0.8
            kata[k] = max(kata[k], min(kata_terpanjang(teks), 16) * 1.9 + 1.5)
        else:
            nilai = panjang * 1.4 + 1.5
        bobot[k] = max(bobot[k], nilai)
    kepala = tabel.kepala[-1] if tabel.kepala else ()
    if len(kepala) == n:
        for k, s in enumerate(kepala):
            kata[k] = max(kata[k], min(kata_terpanjang(str(s.nilai)), 14) * 1.5 + 1)
    bobot = [max(b, w) for b, w in zip(bobot, kata, strict=True)]
    return [f"{w * 100:.2f}%" for w in _dengan_minimum(bobot, _minimum_em(tabel, n), _lebar_em(tabel))]


def _lebar_em(tabel) -> float:
    return lebar_cetak_em(tabel.kecil, tabel.lanskap)


def _minimum_em(tabel, n: int) -> list[float]:
    return minimum_em(tabel)[:n]


def _dengan_minimum(bobot: list[float], minimum: list[float], lebar: float) -> list[float]:
    """Column fractions proportional to `bobot`, but never below a column's minimum width (em of `lebar`); the
    other columns share what is left. When the minimums alone exceed the width, proportional to them."""
    if sum(minimum) >= lebar:
        total = sum(minimum)
        return [m / total for m in minimum]
    tetap: dict[int, float] = {}
    while True:
        sisa = lebar - sum(tetap.values())
        bebas = [k for k in range(len(bobot)) if k not in tetap]
        total = sum(bobot[k] for k in bebas)
        baru = {k: minimum[k] for k in bebas if bobot[k] / total * sisa < minimum[k]}
        if not baru:
            break
        tetap.update(baru)
    lebar_kolom_em = [tetap[k] if k in tetap else bobot[k] / total * sisa for k in range(len(bobot))]
    return [w / lebar for w in lebar_kolom_em]


@register.filter
def bagian_baris(tabel) -> tuple[tuple, tuple]:
    """The body rows as (main, tail): the tail is the last two rows (a total with the row before it), printed
    as their own row group that does not break, so no lone row or total opens a page. The split moves up when
    a cell's rowspan would cross it; a table of at most six rows is not split at all (it is kept whole)."""
    baris = tabel.baris
    if len(baris) <= 6:
        return tuple(baris), ()
    potong = len(baris) - 2
    while potong > 0:
        if all(r + s.rowspan <= potong for r in range(potong) for s in baris[r].sel):
            break
        potong -= 1
    return tuple(baris[:potong]), tuple(baris[potong:])


@register.filter
def pendek(s) -> bool:
    """A number or a short text (a year, "70 %"): printed on one line."""
    return pendek_(s)


@register.simple_tag(takes_context=True)
def tabel_laporan(context, tabel, tampil_judul=False) -> SafeString:
    """A report table (`laporan.dokumen.Tabel`) as HTML, written in Python: the report has thousands of cells,
    and the same markup through the template engine was the larger part of the report page's time. Values are
    escaped and localized the way `{{ }}` does; the column widths, row groups and cell classes come from the
    filters above."""
    e = conditional_escape

    def nilai(x) -> str:  # what {{ x }} prints
        return render_value_in_context(x, context)

    def rentang(s) -> str:
        return (f' rowspan="{nilai(s.rowspan)}"' if s.rowspan > 1 else "") + (
            f' colspan="{nilai(s.colspan)}"' if s.colspan > 1 else ""
        )

    kelas = "tabel-laporan" + (" lebar" if tabel.lanskap else "") + (" kecil" if tabel.kecil else "")
    kelas += " ringkas" if len(tabel.baris) <= 6 else ""
    h = [f'<figure class="{kelas}" id="{nilai(tabel.id)}">\n  ']
    if tabel.nomor:
        h.append(
            f'<figcaption class="judul-tabel"><span class="label">{nilai(tabel.label)}.</span> '
            f"{nilai(tabel.judul)}</figcaption>"
        )
    elif tampil_judul:
        h.append(f'<figcaption class="judul-tabel">{nilai(tabel.judul)}</figcaption>')
    h.append('\n  <table class="tabel">\n    <colgroup>')
    h.extend(f'<col style="width: {nilai(w)}">' for w in lebar_kolom(tabel))
    h.append("</colgroup>\n    <thead>")
    for baris in tabel.kepala:
        h.append("<tr>")
        for s in baris:
            pendek_ = ' class="pendek"' if pendek(s) else ""
            h.append(f"<th{rentang(s)}{pendek_}>{nilai(s.nilai)}</th>")
        h.append("</tr>")
    h.append("</thead>\n    ")
    judul_tanda = e(gettext("Berbeda dengan jumlah rinciannya"))
    kelompok = bagian_baris(tabel)
    for i, rows in enumerate(kelompok):
        if not rows:
            continue
        h.append('<tbody class="ekor">' if i == len(kelompok) - 1 else "<tbody>")
        for baris in rows:
            h.append(f'<tr class="{e(baris.kelas)}">' if baris.kelas else "<tr>")
            for s in baris.sel:
                k = ("angka" if s.angka else "") + (" tebal" if s.tebal else "")
                k += f" tingkat-{nilai(s.tingkat)}" if s.tingkat else ""
                k += (" bertanda" if s.tanda else "") + (" pendek" if pendek(s) else "")
                tanda = f'<sup class="tanda" title="{judul_tanda}">{e(s.tanda)}</sup>' if s.tanda else ""
                teks = escape(sel(s))  # what |linebreaksbr does, without its regex for a text with no line break
                if "\n" in teks or "\r" in teks:
                    teks = linebreaksbr(sel(s), autoescape=True)
                gaya = f' style="background-color:{s.warna_aman}"' if s.warna_aman else ""
                h.append(f'<td{rentang(s)} class="{k}"{gaya}>{teks}{tanda}</td>')
            h.append("</tr>")
        h.append("</tbody>")
    h.append("\n  </table>\n  ")
    if tabel.catatan:
        h.append('<ul class="catatan-tabel">')
        h.extend(f"<li>{nilai(c)}</li>" for c in tabel.catatan)
        h.append("</ul>")
    h.append("\n</figure>")
    return mark_safe("".join(h))
