"""The roll-up table's rows, written in Python: a ministry's roll-up lists hundreds of sub-units, and the same
rows through the template engine (about 18 nodes a row) were the larger part of the page's time. The cells use
the same formatters as the `angka`, `persen` and `rupiah` filters; every text from the database is escaped."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from umum.format import format_angka, format_persen, format_rupiah

register = template.Library()


@register.simple_tag
def baris_rollup(rollup, kosong: str) -> SafeString:
    """`<tr>` per sub-unit of `rollup` (`dasbor.data.Rollup`), or one row saying `kosong` when there is none."""
    if not rollup.baris:
        return mark_safe(f'<tr><td colspan="{len(rollup.kriteria) + 7}">{escape(kosong)}</td></tr>')
    url_dasbor = reverse("dasbor:utama")
    tahun = rollup.tahun
    strip = '<span class="redup">–</span>'
    bagian = []
    tambah = bagian.append
    for b in rollup.baris:
        slug = escape(b.unit.slug)
        band = b.kriteria_nko
        lencana = (
            f'<span class="lencana" style="background: {escape(band.warna)}">{escape(band.label)}</span>'
            if band
            else strip
        )
        kriteria = "".join(f'<td class="angka">{k.jumlah}</td>' for k in b.per_kriteria)
        tambah(
            f'<tr data-unit="{slug}">'
            f'<td><a href="{url_dasbor}?unit={slug}&amp;tahun={tahun}">{escape(b.unit.nama)}</a></td>'
            f'<td class="angka">{format_angka(b.nko)}</td>'
            f"<td>{lencana}</td>"
            f'<td class="angka">{format_persen(b.serapan)}</td>'
            f'<td class="angka">{format_rupiah(b.pagu)}</td>'
            f'<td class="angka">{b.jumlah_indikator}</td>'
            f"{kriteria}"
            f'<td class="angka">{b.belum_diukur}</td>'
            "</tr>\n"
        )
    return mark_safe("".join(bagian))
