"""Report views: the Laporan Kinerja as HTML; its PDF, XLSX and DOCX files are made by the task worker
(`laporan.tugas`): the page asks for one, polls its status and downloads the stored file. No request renders a
report file. Login required; unit access via `ambil_unit`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from indikator.akses import ambil_unit
from indikator.queries import DataTidakDitemukan
from umum.unduhan import respons_unduhan

from .dokumen import Laporan
from .models import BerkasLaporan, GambarLaporan
from .susun import susun_laporan
from .tugas import daftar_berkas, durasi_per_format, minta_berkas, tandai_kedaluwarsa

BENAR = ("1", "true", "ya")


def _laporan(request, unit_slug: str, tahun: int) -> Laporan:
    unit = ambil_unit(request.user, unit_slug)
    dengan_peringatan = request.GET.get("dengan_peringatan") in BENAR
    try:
        return susun_laporan(unit, tahun, dengan_peringatan=dengan_peringatan)
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e


def url_konsistensi(unit_slug: str, tahun: int) -> str | None:
    """The consistency-check page of the `narasi` work, when installed."""
    try:
        return reverse("kerja:konsistensi", args=[unit_slug, tahun])
    except NoReverseMatch:
        return None


@login_required
def laporan_html(request, unit_slug: str, tahun: int):
    laporan = _laporan(request, unit_slug, tahun)
    return render(
        request,
        "laporan/laporan.html",
        {
            "laporan": laporan,
            "url_konsistensi": url_konsistensi(unit_slug, tahun),
            "daftar_berkas": daftar_berkas(laporan.unit, tahun),
        },
    )


def _dengan_durasi(berkas: BerkasLaporan) -> BerkasLaporan:
    """A file being made carries the typical duration of its format (the progress shown while it is made)."""
    if berkas.berjalan and berkas.jenis == BerkasLaporan.Jenis.LAPORAN:
        berkas.durasi_biasa = durasi_per_format().get(berkas.format)
    return berkas


def _bahasa() -> str:
    return (get_language() or "id").split("-")[0]


def _minta(request, unit_slug: str, tahun: int, format_: str):
    """GET: the page with the "Buat" button. POST: queue the file (or join the render, or find it stored) and
    show its status — the htmx fragment, or the status page."""
    unit = ambil_unit(request.user, unit_slug)
    dengan_peringatan = (request.POST if request.method == "POST" else request.GET).get("dengan_peringatan") in BENAR
    if request.method != "POST":
        konteks = {"unit": unit, "tahun": tahun, "format": format_, "dengan_peringatan": dengan_peringatan}
        konteks["daftar_berkas"] = [b for b in daftar_berkas(unit, tahun) if b.format == format_]
        return render(request, "laporan/berkas.html", konteks)
    try:
        berkas = minta_berkas(unit, tahun, format_, dengan_peringatan=dengan_peringatan, bahasa=_bahasa())
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e
    if request.htmx:
        return render(request, "laporan/_berkas.html", {"berkas": _dengan_durasi(berkas)})
    return redirect("laporan:berkas", berkas.pk)


@login_required
@require_http_methods(["GET", "POST"])
def laporan_pdf(request, unit_slug: str, tahun: int):
    return _minta(request, unit_slug, tahun, BerkasLaporan.Format.PDF)


@login_required
@require_http_methods(["GET", "POST"])
def laporan_xlsx(request, unit_slug: str, tahun: int):
    return _minta(request, unit_slug, tahun, BerkasLaporan.Format.XLSX)


@login_required
@require_GET
def gambar_berkas(request, pk: int):
    """An uploaded report figure (private storage), for whoever may read its unit."""
    gambar = get_object_or_404(GambarLaporan.objects.select_related("unit"), pk=pk)
    ambil_unit(request.user, gambar.unit.slug)
    nama = gambar.berkas.name.rsplit("/", 1)[-1]
    return respons_unduhan(gambar.berkas, nama, pesan_hilang=_("Berkas gambar tidak ditemukan."))


def _berkas(request, pk: int) -> BerkasLaporan:
    berkas = get_object_or_404(BerkasLaporan.objects.select_related("unit"), pk=pk)
    ambil_unit(request.user, berkas.unit.slug)
    return berkas


@login_required
@require_GET
def berkas_status(request, pk: int):
    """Status of a report file (queued, rendering, done, failed with the reason); htmx polls the fragment."""
    berkas = _dengan_durasi(tandai_kedaluwarsa(_berkas(request, pk)))
    if request.htmx:
        return render(request, "laporan/_berkas.html", {"berkas": berkas})
    konteks = {
        "unit": berkas.unit,
        "tahun": berkas.tahun,
        "format": berkas.format,
        "dengan_peringatan": berkas.dengan_peringatan,
        "berkas": berkas,
        "url_buat": berkas.url_buat(),
    }
    if berkas.jenis != BerkasLaporan.Jenis.LAPORAN:  # a standalone legal PDF: its title, back to its PK page
        konteks["judul"] = berkas.get_jenis_display()
        if berkas.jenis == BerkasLaporan.Jenis.PK:
            konteks["url_kembali"] = reverse("kerja:versi_pk", args=[berkas.unit.slug, berkas.versi_pk_id])
        else:
            konteks["url_kembali"] = reverse("kerja:pk", args=[berkas.unit.slug, berkas.tahun])
    return render(request, "laporan/berkas.html", konteks)


@login_required
@require_GET
def berkas_unduh(request, pk: int):
    """The stored file (private storage), only when done; no report is built here."""
    berkas = _berkas(request, pk)
    if berkas.status != BerkasLaporan.Status.SELESAI:
        raise Http404(_("Berkas laporan belum selesai dibuat."))
    return respons_unduhan(berkas.berkas, berkas.nama_unduhan(), pesan_hilang=_("Berkas laporan tidak ditemukan."))


@login_required
@require_http_methods(["GET", "POST"])
def laporan_docx(request, unit_slug: str, tahun: int):
    return _minta(request, unit_slug, tahun, BerkasLaporan.Format.DOCX)
