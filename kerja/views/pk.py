"""Perjanjian Kinerja: versions with signatories, rows, and the Rencana Aksi (quarterly cumulative targets)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alur import salin
from indikator import akses, services
from indikator.models import BarisPK, Indikator, PerjanjianKinerja, RencanaAksi, VersiPK
from indikator.queries import DataTidakDitemukan, renstra_untuk, revisi_untuk
from indikator.token_ubah import token
from kerja.forms.kinerja import BarisPKForm, RencanaAksiForm, VersiPKForm

from .umum import halaman_formulir, jalankan, konteks


@login_required
def pk_daftar(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    versi = (
        VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun)
        .annotate(jumlah_baris=Count("baris"))
        .order_by("nomor")
    )
    return render(
        request, "kerja/pk_daftar.html", konteks(request, unit, tahun, daftar=versi, ada_iku=_ada_iku(unit, tahun))
    )


def _ada_iku(unit, tahun: int) -> bool:
    """Whether the Renstra structure in force for the year has an IKU (the decree PDF exists only then)."""
    try:
        revisi = revisi_untuk(renstra_untuk(unit, tahun), tahun)
    except DataTidakDitemukan:
        return False
    return Indikator.objects.filter(sasaran__revisi=revisi, iku=True).exists()


def _versi(unit, pk):
    return get_object_or_404(VersiPK.objects.select_related("pk_induk__unit"), pk=pk, pk_induk__unit=unit)


@login_required
def versi_ubah(request, slug: str, tahun: int | None = None, pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    if pk:
        versi = _versi(unit, pk)
        tahun = versi.pk_induk.tahun
        awal, catatan = None, []
    else:
        versi = VersiPK(pk_induk=PerjanjianKinerja(unit=unit, tahun=tahun), nomor=0)
        awal, catatan = salin.usulan_versi_pk(unit, tahun, tanggal=_tanggal_kueri(request))
        # "Isi penandatangan untuk tanggal ini" (GET): what was typed stays, except the signatories.
        awal.update(
            {k: v for k, v in request.GET.items() if k in VersiPK.KOLOM_UBAH and v and not k.startswith("pihak_")}
        )
        awal["tanggal_tanda_tangan"] = _tanggal_kueri(request) or awal["tanggal_tanda_tangan"]
    form = VersiPKForm(request.POST or None, instance=versi, initial=awal)
    if request.method == "POST" and form.is_valid():
        ok, obj = jalankan(
            request, form, lambda: services.simpan_versi_pk(versi=form.save(commit=False), token=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Versi PK disimpan."))
            return redirect("kerja:versi_pk", slug=unit.slug, pk=obj.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Ubah versi PK") if pk else _("Versi PK baru"),
        form=form,
        kembali=("kerja:pk", unit.slug, tahun),
        keterangan=" ".join(catatan)
        or (
            ""
            if pk
            else _(
                "Penandatangan diisi dari kepala unit ini (pihak pertama) dan kepala unit atasannya (pihak kedua) "
                "yang menjabat pada tanggal tanda tangan."
            )
        ),
        isi_ulang=None if pk else _("Isi penandatangan untuk tanggal ini"),
    )


def _tanggal_kueri(request):
    """The signing date asked for by "Isi penandatangan untuk tanggal ini" (GET), or None."""
    try:
        return datetime.date.fromisoformat(request.GET.get("tanggal_tanda_tangan", ""))
    except ValueError:
        return None


@login_required
@require_POST
def versi_isi_renstra(request, slug: str, pk: int):
    """ "Isi dari target Renstra": the version's PK rows from the Renstra targets of its year (all or nothing;
    existing rows kept unless "timpa")."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    versi = _versi(unit, pk)
    ok, hasil = jalankan(
        request, None, lambda: salin.isi_pk_dari_renstra(versi=versi, timpa=request.POST.get("timpa") == "1")
    )
    if ok:
        if hasil.kosong:
            messages.info(request, _("Tidak ada baris PK yang diubah."))
        else:
            messages.success(request, _("Diisi dari target Renstra: %(ringkasan)s.") % {"ringkasan": hasil.teks()})
        for c in hasil.catatan:
            messages.info(request, c)
    return redirect("kerja:versi_pk", slug=unit.slug, pk=versi.pk)


@login_required
def versi_detail(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug)
    versi = _versi(unit, pk)
    baris = list(
        versi.baris.select_related("indikator")
        .prefetch_related(Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")))
        .order_by("urutan")
    )
    form = BarisPKForm(unit=unit, tahun=versi.pk_induk.tahun)
    return render(
        request,
        "kerja/versi_pk.html",
        konteks(request, unit, versi.pk_induk.tahun, versi=versi, baris=baris, form=form),
    )


def _dokumen_pdf(request, unit, tahun: int, jenis: str, *, judul: str, url_kembali: str, versi=None):
    """A standalone legal PDF through the report-file task queue (`laporan.tugas.minta_dokumen`): GET shows the
    status page (which asks for the file as it loads), POST queues it, joins its render or finds it stored. The
    PDF is rendered by the task worker, never here, and downloaded from `laporan:berkas_unduh`."""
    from laporan.tugas import minta_dokumen

    if request.method != "POST":
        konteks_halaman = {
            "unit": unit,
            "tahun": tahun,
            "format": "pdf",
            "judul": judul,
            "url_buat": request.path,
            "url_kembali": url_kembali,
            "otomatis": True,
        }
        return render(request, "laporan/berkas.html", konteks_halaman)
    bahasa = (get_language() or "id").split("-")[0]
    try:
        berkas = minta_dokumen(jenis, unit, tahun, versi=versi, bahasa=bahasa)
    except DataTidakDitemukan as e:
        raise Http404(_("Belum ada Indikator Kinerja Utama untuk tahun ini.")) from e
    if request.htmx:
        return render(request, "laporan/_berkas.html", {"berkas": berkas})
    return redirect("laporan:berkas", berkas.pk)


@login_required
@require_http_methods(["GET", "POST"])
def versi_pdf(request, slug: str, pk: int):
    """ "Dokumen Perjanjian Kinerja": the signed agreement of one version as a printable PDF (by task)."""
    unit = akses.ambil_unit(request.user, slug)
    versi = _versi(unit, pk)
    return _dokumen_pdf(
        request,
        unit,
        versi.pk_induk.tahun,
        "pk",
        versi=versi,
        judul=_("Dokumen Perjanjian Kinerja — versi %(nomor)s") % {"nomor": versi.nomor},
        url_kembali=reverse("kerja:versi_pk", args=[unit.slug, versi.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def keputusan_iku_pdf(request, slug: str, tahun: int):
    """The decree setting the IKU of the Renstra covering the year, as a printable PDF (by task)."""
    unit = akses.ambil_unit(request.user, slug)
    if not _ada_iku(unit, tahun):
        raise Http404(_("Belum ada Indikator Kinerja Utama untuk tahun ini."))
    return _dokumen_pdf(
        request,
        unit,
        tahun,
        "iku",
        judul=_("Keputusan Penetapan IKU"),
        url_kembali=reverse("kerja:pk", args=[unit.slug, tahun]),
    )


@login_required
def baris_ubah(request, slug: str, versi_pk: int | None = None, pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    if pk:
        baris = get_object_or_404(BarisPK.objects.select_related("versi__pk_induk"), pk=pk, versi__pk_induk__unit=unit)
        versi = baris.versi
    else:
        versi = _versi(unit, versi_pk)
        baris = BarisPK(versi=versi)
    tahun = versi.pk_induk.tahun
    form = BarisPKForm(request.POST or None, instance=baris, unit=unit, tahun=tahun)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_baris_pk(baris=form.save(commit=False), versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Baris PK disimpan."))
            return redirect("kerja:versi_pk", slug=unit.slug, pk=versi.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Ubah baris PK") if pk else _("Baris PK baru"),
        form=form,
        kembali=("kerja:versi_pk", unit.slug, versi.pk),
    )


@login_required
@require_POST
def baris_hapus(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    baris = get_object_or_404(BarisPK.objects.select_related("versi__pk_induk"), pk=pk, versi__pk_induk__unit=unit)
    ok, _obj = jalankan(request, None, lambda: services.hapus_baris_pk(baris=baris))
    if ok:
        messages.success(request, _("Baris PK dihapus."))
    return redirect("kerja:versi_pk", slug=unit.slug, pk=baris.versi_id)


@login_required
def rencana_aksi(request, slug: str, versi_pk: int):
    """Quarterly cumulative targets (B3/B6/B9/B12) of every row of a PK version."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    versi = _versi(unit, versi_pk)
    baris = list(
        versi.baris.select_related("indikator", "versi__pk_induk")
        .prefetch_related(Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")))
        .order_by("urutan")
    )
    form = RencanaAksiForm(request.POST or None, baris=baris, versi=token(services.riwayat_rencana_aksi(versi)))
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_rencana_aksi_pk(versi_pk=versi, target=form.per_baris(), versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Rencana Aksi disimpan."))
            return redirect("kerja:rencana_aksi", slug=unit.slug, versi_pk=versi.pk)
    sel = [(b, [form[f"ra_{b.pk}_{tw}"] for tw in services.TRIWULAN]) for b in baris]
    return render(
        request,
        "kerja/rencana_aksi.html",
        konteks(request, unit, versi.pk_induk.tahun, versi=versi, sel=sel, form=form),
    )
