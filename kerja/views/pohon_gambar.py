"""Pictures and matrices of a unit-year's performance tree (read only): the tree drawn top-down (one drawing per
top-level branch, scrolled sideways on a narrow screen), the BSC strategy map of each level, the cascading,
crosscutting and role–result matrices; downloads: the tree as PDF on A3-landscape pages (`laporan.pdf`) and
each matrix as XLSX (`laporan.excel`). Every unit reader may read them; one `susun_pohon` per page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from indikator import akses
from laporan.bab.pohon import peta_strategi, tabel_matriks
from laporan.excel import render_xlsx_tabel
from laporan.pdf import render_pdf_pohon
from pohon import matriks as pm
from pohon.gambar import gambar_layar
from pohon.queries import susun_pohon

JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MATRIKS = {
    "cascading": pm.matriks_cascading,
    "crosscutting": pm.matriks_crosscutting,
    "peran-hasil": pm.matriks_peran_hasil,
}


def _konteks(request, slug: str, tahun: int, aktif: str):
    unit = akses.ambil_unit(request.user, slug)
    pohon = susun_pohon(unit, tahun)
    return unit, pohon, {"unit": unit, "tahun": tahun, "pohon": pohon, "aktif": aktif, "ada": bool(pohon.akar)}


def _unduhan(isi: bytes, jenis: str, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=jenis)
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons


@login_required
def gambar(request, slug: str, tahun: int):
    """The tree drawn top-down, each top-level branch whole (the print PDF splits it over A3 pages)."""
    _unit, pohon, konteks = _konteks(request, slug, tahun, "gambar")
    konteks["gambar"] = [mark_safe(h.svg()) for h in gambar_layar(pohon)]
    return render(request, "kerja/pohon/gambar.html", konteks)


@login_required
def peta(request, slug: str, tahun: int):
    """The BSC strategy map of each level of the tree (perspective bands, cause–effect arrows)."""
    _unit, pohon, konteks = _konteks(request, slug, tahun, "peta")
    konteks["peta"] = [(judul, mark_safe(svg)) for _t, judul, svg in peta_strategi(pohon)]
    return render(request, "kerja/pohon/peta.html", konteks)


@login_required
def matriks(request, slug: str, tahun: int):
    """The cascading, crosscutting and role–result matrices, each with its XLSX download."""
    _unit, pohon, konteks = _konteks(request, slug, tahun, "matriks")
    konteks["daftar"] = [(m.kode, tabel_matriks(m)) for m in pm.semua_matriks(pohon)]
    return render(request, "kerja/pohon/matriks.html", konteks)


@login_required
def pdf(request, slug: str, tahun: int):
    """The tree on A3-landscape pages, one top-level branch per page (a few pages: rendered in the request)."""
    unit, pohon, _k = _konteks(request, slug, tahun, "gambar")
    if not pohon.akar:
        raise Http404(_("Belum ada pohon kinerja untuk tahun ini."))
    return _unduhan(render_pdf_pohon(pohon), "application/pdf", f"pohon-kinerja-{unit.slug}-{tahun}.pdf")


@login_required
def matriks_xlsx(request, slug: str, tahun: int, jenis: str):
    """One matrix as an XLSX workbook (the same table as the page and the LKj lampiran)."""
    if jenis not in MATRIKS:
        raise Http404(_("Matriks tidak dikenal."))
    unit, pohon, _k = _konteks(request, slug, tahun, "matriks")
    m = MATRIKS[jenis](pohon)
    isi = render_xlsx_tabel([(jenis.replace("-", " ").title(), tabel_matriks(m))])
    return _unduhan(isi, JENIS_XLSX, f"matriks-{jenis}-{unit.slug}-{tahun}.xlsx")
