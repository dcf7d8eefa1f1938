"""Renstra, revisions, sasaran, indikator (create, edit, reorder, retire) and the yearly target grid."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indikator import akses, services
from indikator.models import Indikator, Renstra, RevisiRenstra, Sasaran, Tujuan
from indikator.token_ubah import token, token_objek
from kerja import queries
from kerja.forms.kinerja import (
    IndikatorForm,
    PensiunForm,
    RenstraForm,
    RevisiForm,
    SasaranForm,
    TargetGridForm,
    TujuanForm,
)

from .umum import halaman_formulir, jalankan, konteks


def _form(request, unit, judul, form, kembali, **lain):
    return halaman_formulir(request, unit, None, judul=judul, form=form, kembali=kembali, **lain)


@login_required
def renstra_daftar(request, slug: str):
    unit = akses.ambil_unit(request.user, slug)
    daftar = Renstra.objects.filter(unit=unit).select_related("skema").order_by("-tahun_mulai")
    return render(request, "kerja/renstra_daftar.html", konteks(request, unit, None, daftar=daftar))


@login_required
def renstra_ubah(request, slug: str, pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    renstra = get_object_or_404(Renstra, pk=pk, unit=unit) if pk else Renstra(unit=unit)
    form = RenstraForm(request.POST or None, instance=renstra)
    if request.method == "POST" and form.is_valid():
        ok, obj = jalankan(
            request, form, lambda: services.simpan_renstra(renstra=form.save(commit=False), versi=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Renstra disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=obj.pk)
    judul = _("Ubah Renstra") if pk else _("Renstra baru")
    return _form(request, unit, judul, form, ("kerja:renstra_daftar", unit.slug))


@login_required
def renstra_detail(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug)
    renstra = get_object_or_404(Renstra.objects.select_related("skema"), pk=pk, unit=unit)
    struktur = queries.struktur_renstra(renstra)
    tujuan = list(renstra.tujuan.order_by("urutan", "id"))
    return render(
        request,
        "kerja/renstra_detail.html",
        konteks(request, unit, None, renstra=renstra, struktur=struktur, tujuan=tujuan),
    )


@login_required
def tujuan_ubah(request, slug: str, pk: int | None = None, renstra_pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    if pk:
        tujuan = get_object_or_404(Tujuan.objects.select_related("renstra__unit"), pk=pk, renstra__unit=unit)
    else:
        tujuan = Tujuan(renstra=get_object_or_404(Renstra, pk=renstra_pk, unit=unit))
    renstra = tujuan.renstra
    form = TujuanForm(request.POST or None, instance=tujuan)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.simpan_tujuan(tujuan=form.save(commit=False), versi=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Tujuan disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=renstra.pk)
    judul = _("Ubah tujuan") if pk else _("Tujuan baru")
    return _form(request, unit, judul, form, ("kerja:renstra", unit.slug, renstra.pk))


@login_required
@require_POST
def tujuan_hapus(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    tujuan = get_object_or_404(Tujuan.objects.select_related("renstra__unit"), pk=pk, renstra__unit=unit)
    ok, _obj = jalankan(request, None, lambda: services.hapus_tujuan(tujuan=tujuan))
    if ok:
        messages.success(request, _("Tujuan dihapus."))
    return redirect("kerja:renstra", slug=unit.slug, pk=tujuan.renstra_id)


@login_required
def revisi_baru(request, slug: str, renstra_pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    renstra = get_object_or_404(Renstra, pk=renstra_pk, unit=unit)
    revisi = RevisiRenstra(renstra=renstra)
    form = RevisiForm(request.POST or None, instance=revisi, versi=token(services.riwayat_revisi(revisi)))
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.simpan_revisi(revisi=form.save(commit=False), versi=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Revisi Renstra disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=renstra.pk)
    return _form(request, unit, _("Revisi Renstra baru"), form, ("kerja:renstra", unit.slug, renstra.pk))


@login_required
def sasaran_ubah(request, slug: str, pk: int | None = None, revisi_pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    if pk:
        sasaran = get_object_or_404(
            Sasaran.objects.select_related("revisi__renstra__skema"), pk=pk, revisi__renstra__unit=unit
        )
    else:
        revisi = get_object_or_404(
            RevisiRenstra.objects.select_related("renstra__skema"), pk=revisi_pk, renstra__unit=unit
        )
        sasaran = Sasaran(revisi=revisi)
    renstra = sasaran.revisi.renstra
    form = SasaranForm(request.POST or None, instance=sasaran, renstra=renstra)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.simpan_sasaran(sasaran=form.save(commit=False), versi=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Sasaran disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=renstra.pk)
    judul = _("Ubah sasaran") if pk else _("Sasaran baru")
    return _form(request, unit, judul, form, ("kerja:renstra", unit.slug, renstra.pk))


@login_required
@require_POST
def sasaran_geser(request, slug: str, pk: int, arah: str):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    sasaran = get_object_or_404(
        Sasaran.objects.select_related("revisi__renstra__unit"), pk=pk, revisi__renstra__unit=unit
    )
    if arah not in {"naik", "turun"}:
        raise Http404
    jalankan(request, None, lambda: services.geser_sasaran(sasaran=sasaran, arah=arah))
    return redirect("kerja:renstra", slug=unit.slug, pk=sasaran.revisi.renstra_id)


@login_required
@require_POST
def sasaran_hapus(request, slug: str, pk: int):
    """Delete a sasaran (with its indikator and targets) when none of them has realisasi; restorable by an admin."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    sasaran = get_object_or_404(
        Sasaran.objects.select_related("revisi__renstra__unit"), pk=pk, revisi__renstra__unit=unit
    )
    ok, _obj = jalankan(request, None, lambda: services.hapus_sasaran(sasaran=sasaran))
    if ok:
        messages.success(request, _("Sasaran dihapus."))
    return redirect("kerja:renstra", slug=unit.slug, pk=sasaran.revisi.renstra_id)


def _indikator(unit, pk):
    return get_object_or_404(Indikator.objects.dengan_unit().milik(unit), pk=pk)


@login_required
def indikator_ubah(request, slug: str, pk: int | None = None, sasaran_pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    if pk:
        indikator = _indikator(unit, pk)
    else:
        sasaran = get_object_or_404(
            Sasaran.objects.select_related("revisi__renstra__unit"), pk=sasaran_pk, revisi__renstra__unit=unit
        )
        indikator = Indikator(sasaran=sasaran)
    renstra_id = indikator.sasaran.revisi.renstra_id
    form = IndikatorForm(request.POST or None, instance=indikator, unit=unit)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_indikator(
                indikator=form.save(commit=False), versi=form.token_dimuat(), target=form.target
            ),
        )
        if ok:
            messages.success(request, _("Indikator disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=renstra_id)
    judul = _("Ubah indikator") if pk else _("Indikator baru")
    return _form(request, unit, judul, form, ("kerja:renstra", unit.slug, renstra_id))


@login_required
@require_POST
def indikator_geser(request, slug: str, pk: int, arah: str):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = _indikator(unit, pk)
    if arah not in {"naik", "turun"}:
        raise Http404
    jalankan(request, None, lambda: services.geser_indikator(indikator=indikator, arah=arah))
    return redirect("kerja:renstra", slug=unit.slug, pk=indikator.sasaran.revisi.renstra_id)


@login_required
def indikator_pensiun(request, slug: str, pk: int):
    """Retire an indikator from a year on (or reactivate it); its history stays."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = _indikator(unit, pk)
    form = PensiunForm(
        request.POST or None,
        initial={"dipensiunkan_tahun": indikator.dipensiunkan_tahun},
        versi=token_objek(indikator),
    )
    renstra_id = indikator.sasaran.revisi.renstra_id
    if request.method == "POST" and form.is_valid():
        tahun = form.cleaned_data["dipensiunkan_tahun"]
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.pensiunkan_indikator(indikator=indikator, tahun=tahun, versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Status pensiun indikator disimpan."))
            return redirect("kerja:renstra", slug=unit.slug, pk=renstra_id)
    return _form(
        request,
        unit,
        _("Pensiunkan indikator"),
        form,
        ("kerja:renstra", unit.slug, renstra_id),
        keterangan=f"{indikator.kode} {indikator.nama}",
    )


@login_required
def target_grid(request, slug: str, revisi_pk: int):
    """Yearly Renstra targets as a grid (indikator × year) for one revision."""
    unit = akses.ambil_unit(request.user, slug)
    revisi = get_object_or_404(RevisiRenstra.objects.select_related("renstra"), pk=revisi_pk, renstra__unit=unit)
    daftar_tahun, baris = queries.susun_grid_target(revisi.renstra, revisi)
    status = queries.status_periode_banyak(unit, daftar_tahun)
    if request.method == "POST":
        akses.ambil_unit(request.user, slug, tulis=True)
    form = TargetGridForm(
        request.POST or None,
        baris=baris,
        daftar_tahun=daftar_tahun,
        versi=token(services.riwayat_target_grid(b.indikator.pk for b in baris)),
    )
    if request.method == "POST" and form.is_valid():
        indikator = [b.indikator for b in baris]
        ok, jumlah = jalankan(
            request,
            form,
            lambda: services.simpan_target_tahunan(
                unit=unit, indikator=indikator, nilai=form.nilai(), versi=form.token_dimuat()
            ),
        )
        if ok:
            messages.success(request, _("%(n)s target disimpan.") % {"n": jumlah})
            return redirect("kerja:target", slug=unit.slug, revisi_pk=revisi.pk)
    sel = [(b, [(t, form[f"t_{b.indikator.pk}_{t}"] if aktif else None) for t, _n, aktif in b.nilai]) for b in baris]
    return render(
        request,
        "kerja/target_grid.html",
        konteks(request, unit, None, revisi=revisi, daftar_tahun=daftar_tahun, sel=sel, form=form, status=status),
    )
