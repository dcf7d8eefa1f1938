"""Report views: the Laporan Kinerja as HTML, PDF, XLSX and DOCX. Login required; unit access via `ambil_unit`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from indikator.akses import ambil_unit
from indikator.queries import DataTidakDitemukan

from .dokumen import Laporan
from .susun import susun_laporan


def _laporan(request, unit_slug: str, tahun: int) -> Laporan:
    unit = ambil_unit(request.user, unit_slug)
    dengan_peringatan = request.GET.get("dengan_peringatan") in ("1", "true", "ya")
    try:
        return susun_laporan(unit, tahun, dengan_peringatan=dengan_peringatan)
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e


def _nama_berkas(laporan: Laporan, ekstensi: str) -> str:
    return f"laporan-kinerja-{laporan.unit.slug}-{laporan.tahun}.{ekstensi}"


def url_konsistensi(unit_slug: str, tahun: int) -> str | None:
    """The consistency-check page of the `narasi` work, when installed."""
    try:
        return reverse("laporan:konsistensi", args=[unit_slug, tahun])
    except NoReverseMatch:
        return None


@login_required
def laporan_html(request, unit_slug: str, tahun: int):
    laporan = _laporan(request, unit_slug, tahun)
    return render(
        request,
        "laporan/laporan.html",
        {"laporan": laporan, "url_konsistensi": url_konsistensi(unit_slug, tahun)},
    )


@login_required
def laporan_pdf(request, unit_slug: str, tahun: int):
    from .pdf import render_pdf

    laporan = _laporan(request, unit_slug, tahun)
    respons = HttpResponse(render_pdf(laporan), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="{_nama_berkas(laporan, "pdf")}"'
    return respons


@login_required
def laporan_xlsx(request, unit_slug: str, tahun: int):
    from .excel import render_xlsx

    laporan = _laporan(request, unit_slug, tahun)
    respons = HttpResponse(
        render_xlsx(laporan), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    respons["Content-Disposition"] = f'attachment; filename="{_nama_berkas(laporan, "xlsx")}"'
    return respons


@login_required
def laporan_docx(request, unit_slug: str, tahun: int):
    from .word import render_docx

    laporan = _laporan(request, unit_slug, tahun)
    respons = HttpResponse(
        render_docx(laporan), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    respons["Content-Disposition"] = f'attachment; filename="{_nama_berkas(laporan, "docx")}"'
    return respons
