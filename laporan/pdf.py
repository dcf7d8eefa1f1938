"""PDF of the Laporan Kinerja with WeasyPrint, from the same templates as the screen page.

WeasyPrint never touches the network: every URL it asks for is resolved by `PengambilLokal` to a file of
the project (static files through the staticfiles finders, uploaded logos under MEDIA_ROOT, the report's uploaded
figures from private storage by their view URL) or refused.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from django.template.loader import render_to_string

from .dokumen import Laporan
from .pengambil import _SRC, BASE_URL, AksesDitolak, PengambilLokal, data_uri  # noqa: F401  (re-exported)


def render_html_cetak(laporan: Laporan) -> str:
    return render_to_string("laporan/cetak.html", {"laporan": laporan})


def kunci_peta(unit_id: int, tahun: int, bahasa: str, dengan_peringatan: bool) -> str:
    """Cache key of the page map of a unit's year (what `render_pdf_html` reads and writes)."""
    return f"laporan-peta-halaman:{unit_id}:{tahun}:{bahasa}:{int(dengan_peringatan)}"


def render_pdf_html(html: str, kunci_peta: str | None = None) -> bytes:
    """The print HTML as PDF bytes (WeasyPrint). Slow (seconds for a full report): only the task worker
    (`laporan.tugas`) and the `export_lakip` command call it, never a request.

    With `kunci_peta` the page map of the previous render of the same report is read from the cache, and the
    parts are rendered side by side (`laporan.pdf_paralel`); the new map is stored for the next render."""
    from django.core.cache import cache

    from . import pdf_paralel

    peta = cache.get(kunci_peta) if kunci_peta else None
    isi, peta_baru = pdf_paralel.render(html, peta)
    if kunci_peta and peta_baru != peta:
        cache.set(kunci_peta, peta_baru, 90 * 24 * 3600)
    return isi


def render_pdf(laporan: Laporan) -> bytes:
    """The report as PDF bytes (A4, page numbers, running header, real page numbers in the daftar isi)."""
    from django.utils.translation import get_language

    kunci = kunci_peta(laporan.unit.pk, laporan.tahun, get_language() or "id", bool(laporan.dengan_peringatan))
    return render_pdf_html(render_html_cetak(laporan), kunci)


# ---------------------------------------------------------------------- self-contained HTML

_LINK_CSS = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
# A `url(…)` that loads something; a fragment-only reference (`url(#panah)`: an SVG marker of the same document)
# is left as it is.
_URL = re.compile(r'url\(\s*(["\']?)([^#)"\'][^)"\']*)\1\s*\)')
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")


def _data_uri(url: str, pengambil: PengambilLokal) -> str:
    if url.startswith("data:"):
        return url
    hasil = pengambil.fetch(urljoin(BASE_URL, url))
    return data_uri(hasil.read(), hasil.headers.get("Content-Type", "application/octet-stream"))


def render_html_mandiri(laporan: Laporan) -> str:
    """The print HTML as one file that opens correctly from disk: the stylesheets inlined in `<style>`, every
    image (logo, watermark, CSS backgrounds) as a data: URI. The embedded print fonts are left out (a browser
    falls back to its own sans-serif); the PDF keeps them."""
    html = render_html_cetak(laporan)
    pengambil = PengambilLokal()

    def css(m: re.Match) -> str:
        alamat = urljoin(BASE_URL, m.group(1))
        isi = pengambil.fetch(alamat).read().decode("utf-8")
        isi = _FONT_FACE.sub("", isi)
        isi = _URL.sub(lambda u: f'url("{_data_uri(urljoin(alamat, u.group(2)), pengambil)}")', isi)
        return f"<style>\n{isi}</style>"

    html = _LINK_CSS.sub(css, html)
    html = _URL.sub(lambda u: f'url("{_data_uri(u.group(2), pengambil)}")', html)
    return _SRC.sub(lambda m: m.group(1) + _data_uri(m.group(2), pengambil) + m.group(3), html)


# ---------------------------------------------------------------------- the standalone PK document


def susun_dokumen_pk(versi):
    """One PK version as the signed agreement (`laporan.dokumen.DokumenPK`), with the wording its year prints
    (`bundel.ambil_naskah`: kept at approval for a frozen year) and the letterhead's parent unit. 5 queries."""
    return _dokumen_pk(versi)[0]


def _dokumen_pk(versi):
    """(the agreement, the unit as its year prints it): a frozen year's unit profile is the one kept at approval
    (`PeriodeUnit.profil_disahkan`), as in the report."""
    from django.db.models import Prefetch

    from indikator.models import BarisPK, UnitKerja, VersiPK
    from indikator.periode import ambil_periode, profil_tahun

    from .bab.naskah import dokumen_pk
    from .bundel import ambil_naskah

    versi = (
        VersiPK.objects.select_related("pk_induk__unit")
        .prefetch_related(Prefetch("baris", queryset=BarisPK.objects.order_by("urutan", "id")))
        .get(pk=versi.pk)
    )
    unit = versi.pk_induk.unit
    tahun = versi.pk_induk.tahun
    periode = ambil_periode(unit=unit, tahun=tahun)
    unit = profil_tahun(periode, unit).unit
    naskah = ambil_naskah(unit, tahun, periode)
    induk = UnitKerja.objects.filter(pk=unit.induk_id).first() if unit.induk_id else None
    return dokumen_pk(unit, tahun, versi, naskah, induk), unit


def html_pk(versi) -> str:
    """The print HTML of the "Dokumen Perjanjian Kinerja" (hashed by `laporan.tugas`, rendered by its worker)."""
    blok, unit = _dokumen_pk(versi)
    return render_to_string("laporan/pk_cetak.html", {"blok": blok, "unit": unit})


def html_keputusan_iku(unit, tahun: int) -> str | None:
    """The print HTML of the IKU decree (None without IKU); see `render_pdf_keputusan_iku`."""
    from .bab.lampiran import lampiran_iku
    from .bab.naskah import keputusan_iku
    from .bundel import ambil_bundel_iku

    b = ambil_bundel_iku(unit, tahun)  # only what the decree prints, not the whole report's data
    tabel = lampiran_iku(b)
    if tabel is None:
        return None
    blok = keputusan_iku(b, tabel)
    return render_to_string("laporan/keputusan_cetak.html", {"blok": blok, "unit": b.unit})


# ---------------------------------------------------------------------- the performance tree on A3 pages


def html_pohon(pohon) -> str:
    """The print HTML of a performance tree (`pohon.queries.Pohon`): one A3-landscape page per print page of
    `pohon.gambar.halaman_cetak`."""
    from django.utils.safestring import mark_safe

    from pohon.gambar import halaman_cetak

    halaman = halaman_cetak(pohon)
    svg = [mark_safe(h.svg(jumlah=len(halaman))) for h in halaman]
    return render_to_string("laporan/pohon_cetak.html", {"pohon": pohon, "halaman": svg})


def render_pdf_pohon(pohon) -> bytes:
    """The tree's pages as PDF bytes (one WeasyPrint render: a few pages, no page map)."""
    return render_pdf_html(html_pohon(pohon))


def html_dokumen(sampul: tuple[str, ...], bagian: tuple, judul: str = "") -> str:
    """The print HTML of a standalone document (e.g. the AKIP evaluation's LHE, `alur.lhe`): the same cover lines
    and sections `laporan.word.render_docx_dokumen` writes to Word, in the report's print look (each level-1
    section on a new page, running header)."""
    sampul = tuple(t for t in sampul if t)
    judul = judul or " · ".join(sampul[:2])
    return render_to_string(
        "laporan/dokumen_cetak.html", {"sampul": sampul, "bagian": bagian, "judul": judul, "kepala": judul}
    )


def render_pdf_dokumen(sampul: tuple[str, ...], bagian: tuple, judul: str = "") -> bytes:
    """A standalone document as PDF bytes (one WeasyPrint render: a few pages, no page map)."""
    return render_pdf_html(html_dokumen(sampul, bagian, judul))


def html_periodik(laporan_periodik, laporan: Laporan | None = None) -> str:
    """The print HTML of a periodic report: an issued version's frozen HTML (checked against its SHA-256), else
    built now (`laporan`: the document when the caller has built it)."""
    import hashlib

    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    lp = laporan_periodik
    if lp.status == lp.Status.TERBIT:
        if hashlib.sha256(lp.html_terbit.encode("utf-8")).hexdigest() != lp.sha256:
            raise ValidationError(_("Isi laporan terbit tidak cocok dengan hash-nya."), code="hash")
        return lp.html_terbit
    if laporan is None:
        from .susun import susun_laporan_periodik

        laporan = susun_laporan_periodik(lp)
    return render_html_cetak(laporan)
