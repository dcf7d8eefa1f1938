"""Filters for the report templates: format a table cell (`laporan.dokumen.Sel`) in Indonesian number format."""

from django import template

from sakip.format import format_angka

register = template.Library()

DIGIT = {"angka": None, "persen": 2, "rasio": 2, "rupiah": 0, "bulat": 0, "miliar": None}


@register.filter
def sel(s) -> str:
    """The text of a cell: numbers per the cell's format (– for no value), text as is."""
    if s.format == "teks":
        return "–" if s.nilai in (None, "") else str(s.nilai)
    if s.nilai is None or s.nilai == "":
        return "–"
    return format_angka(s.nilai, DIGIT.get(s.format, 2))


def _grid(tabel):
    """Yield (column index, cell) for every body cell, honouring rowspan/colspan (cells spanning columns skipped)."""
    terisi: set[tuple[int, int]] = set()
    for r, baris in enumerate(tabel.baris):
        k = 0
        for s in baris.sel:
            while (r, k) in terisi:
                k += 1
            for dr in range(s.rowspan):
                for dc in range(s.colspan):
                    terisi.add((r + dr, k + dc))
            if s.colspan == 1:
                yield k, s
            k += s.colspan


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
    total = sum(bobot)
    return [f"{b / total * 100:.2f}%" for b in bobot]
