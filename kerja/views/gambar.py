"""Figures of the Laporan Kinerja: planners of the unit (and administrators) upload PNG/JPG figures for a year,
caption, place, order and delete them; everyone else gets 403. Writes go through `laporan.unggahan` (period
lock): an approved, locked or submitted year refuses them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indikator import akses
from indikator.periode import PeriodeBeku, ambil_periode
from kerja.forms.gambar import UbahGambarForm, UnggahGambarForm
from laporan.markdown import penanda_gambar
from laporan.models import GambarLaporan, NarasiLaporan
from laporan.unggahan import hapus_gambar, pilihan_bagian, simpan_gambar, ubah_gambar

from .umum import pesan_beku


@login_required
def gambar_daftar(request, slug: str, tahun: int):
    """The year's uploaded figures (each with its own edit form) and the upload form."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    form = UnggahGambarForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                simpan_gambar(
                    unit=unit, tahun=tahun, bagian=d["bagian"], judul=d["judul"], berkas=d["berkas"], urutan=d["urutan"]
                )
            except PeriodeBeku as e:
                messages.error(request, " ".join(e.messages))
                status = 409
            else:
                messages.success(request, _("Gambar diunggah."))
                return redirect("kerja:gambar_daftar", slug=unit.slug, tahun=tahun)
        else:
            status = 400
    gambar = list(GambarLaporan.objects.filter(unit=unit, tahun=tahun).order_by("bagian", "urutan", "id"))
    periode = ambil_periode(unit=unit, tahun=tahun)
    label = dict(pilihan_bagian())
    bernarasi = set(
        NarasiLaporan.objects.filter(unit=unit, tahun=tahun, sasaran__isnull=True)
        .exclude(isi="")
        .values_list("bagian", flat=True)
    )
    baris = [
        {
            "g": g,
            "letak": label.get(g.bagian, g.bagian),
            "penanda": "" if g.bagian.startswith("ganti:") else penanda_gambar(g.pk),
            # a figure placed after a narrative section prints only when that section has text
            "tanpa_teks": not g.bagian.startswith("ganti:") and g.bagian not in bernarasi,
            "form": UbahGambarForm(initial={"bagian": g.bagian, "judul": g.judul, "urutan": g.urutan}, prefix=g.pk),
        }
        for g in gambar
    ]
    return render(
        request,
        "laporan/narasi/gambar.html",
        {
            "unit": unit,
            "tahun": tahun,
            "form": form,
            "baris": baris,
            "pesan_terkunci": pesan_beku(unit, tahun, periode),
            "periode": periode,
        },
        status=status,
    )


@login_required
@require_POST
def gambar_ubah(request, slug: str, tahun: int, pk: int):
    """POST: change the caption, place or order of one figure, or delete it (aksi=hapus)."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    gambar = get_object_or_404(GambarLaporan, pk=pk, unit=unit, tahun=tahun)
    try:
        if request.POST.get("aksi") == "hapus":
            hapus_gambar(gambar)
            messages.success(request, _("Gambar dihapus."))
        else:
            form = UbahGambarForm(request.POST, prefix=gambar.pk)
            if not form.is_valid():
                for galat in form.errors.values():
                    messages.error(request, " ".join(galat))
            else:
                d = form.cleaned_data
                if ubah_gambar(gambar, bagian=d["bagian"], judul=d["judul"], urutan=d["urutan"]):
                    messages.success(request, _("Gambar disimpan."))
                else:
                    messages.info(request, _("Tidak ada perubahan."))
    except PeriodeBeku as e:
        messages.error(request, " ".join(e.messages))
    return redirect("kerja:gambar_daftar", slug=unit.slug, tahun=tahun)
