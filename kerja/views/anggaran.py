"""Budget pages of the workspace: budget lines with pagu revisions and monthly realisasi; sub-kegiatan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from anggaran import queries, services
from anggaran.models import MataAnggaran, PaguRevisi, SubKegiatan
from indikator import akses
from indikator.token_ubah import token
from kerja.forms.anggaran import (
    MataAnggaranForm,
    PaguForm,
    RealisasiBulananForm,
    RealisasiTahunanForm,
    RencanaPenarikanForm,
    SubKegiatanForm,
)
from kerja.views.umum import halaman_formulir, jalankan, konteks
from umum.bulan import NAMA_BULAN


@login_required
def anggaran_daftar(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    daftar = queries.susun_anggaran(unit, tahun)
    return render(request, "kerja/anggaran_daftar.html", konteks(request, unit, tahun, daftar=daftar))


def _mata(unit, pk):
    return get_object_or_404(MataAnggaran.objects.select_related("unit", "induk"), pk=pk, unit=unit)


@login_required
def mata_ubah(request, slug: str, tahun: int | None = None, pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    mata = _mata(unit, pk) if pk else MataAnggaran(unit=unit, tahun=tahun)
    tahun = mata.tahun
    form = MataAnggaranForm(request.POST or None, instance=mata, unit=unit, tahun=tahun)
    if request.method == "POST" and form.is_valid():
        ok, obj = jalankan(
            request,
            form,
            lambda: services.simpan_mata_anggaran(mata_anggaran=form.save(commit=False), versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Mata anggaran disimpan."))
            return redirect("kerja:mata_anggaran", slug=unit.slug, pk=obj.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Ubah mata anggaran") if pk else _("Mata anggaran baru"),
        form=form,
        kembali=("kerja:anggaran", unit.slug, tahun),
    )


@login_required
def mata_detail(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug)
    return _detail_dengan(request, unit, _mata(unit, pk))


def _detail_dengan(request, unit, mata, **form):
    ringkas = next(b for b in queries.susun_anggaran(unit, mata.tahun).baris if b.mata.pk == mata.pk)
    ctx = {
        "mata": mata,
        "ringkas": ringkas,
        "pagu": ringkas.pagu_revisi,
        "form_pagu": _form_pagu(mata),
        "form_bulanan": RealisasiBulananForm(mata=mata),
        "form_tahunan": RealisasiTahunanForm(mata=mata),
        "form_rencana": RencanaPenarikanForm(mata=mata),
        "serapan_rpd": _serapan_rpd(ringkas),
        **form,
    }
    return render(request, "kerja/mata_anggaran.html", konteks(request, unit, mata.tahun, **ctx))


def _serapan_rpd(ringkas) -> list:
    """(month name, serapan against the cumulative RPD) per month of the line, or [] without a usable plan."""
    hasil = queries.serapan_rpd_bulanan(ringkas)
    return [(_(NAMA_BULAN[i]), r) for i, r in enumerate(hasil)] if hasil else []


def _form_pagu(mata, data=None) -> PaguForm:
    """The pagu revision form, carrying the version of the line's pagu revisions."""
    return PaguForm(data, versi=token(services.riwayat_mata(PaguRevisi, mata)))


@login_required
@require_POST
def pagu_tambah(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    mata = _mata(unit, pk)
    form = _form_pagu(mata, request.POST)
    if form.is_valid():
        d = form.cleaned_data
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.tambah_pagu(
                mata_anggaran=mata,
                nilai=d["nilai"],
                berlaku_mulai=d["berlaku_mulai"],
                keterangan=d["keterangan"],
                versi=form.token_dimuat(),
            ),
        )
        if ok:
            messages.success(request, _("Revisi pagu disimpan."))
            return redirect("kerja:mata_anggaran", slug=unit.slug, pk=mata.pk)
    return _detail_dengan(request, unit, mata, form_pagu=form)


def _simpan_bulanan(request, slug: str, pk: int, form_cls, simpan, pesan: str, nama_form: str):
    """Save the twelve monthly amounts of a budget line; an amount above pagu is a warning, not a refusal."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    mata = _mata(unit, pk)
    form = form_cls(request.POST, mata=mata)
    if form.is_valid():
        ok, peringatan = jalankan(
            request,
            form,
            lambda: simpan(mata_anggaran=mata, nilai_per_bulan=form.nilai_per_bulan(), versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, pesan)
            for p in peringatan:
                messages.warning(request, p)
            return redirect("kerja:mata_anggaran", slug=unit.slug, pk=mata.pk)
    return _detail_dengan(request, unit, mata, **{nama_form: form})


@login_required
@require_POST
def realisasi_bulanan(request, slug: str, pk: int):
    """Monthly realisasi of a budget line."""
    return _simpan_bulanan(
        request,
        slug,
        pk,
        RealisasiBulananForm,
        services.simpan_realisasi_anggaran,
        _("Realisasi anggaran disimpan."),
        "form_bulanan",
    )


@login_required
@require_POST
def realisasi_tahunan(request, slug: str, pk: int):
    """Yearly realisasi of a budget line (wins over the months)."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    mata = _mata(unit, pk)
    form = RealisasiTahunanForm(request.POST, mata=mata)
    if form.is_valid():
        ok, peringatan = jalankan(
            request,
            form,
            lambda: services.simpan_realisasi_tahunan_anggaran(mata_anggaran=mata, nilai=form.cleaned_data["nilai"]),
        )
        if ok:
            messages.success(request, _("Realisasi setahun disimpan."))
            for p in peringatan:
                messages.warning(request, p)
            return redirect("kerja:mata_anggaran", slug=unit.slug, pk=mata.pk)
    return _detail_dengan(request, unit, mata, form_tahunan=form)


@login_required
@require_POST
def rencana_penarikan(request, slug: str, pk: int):
    """Monthly spending plan of a budget line."""
    return _simpan_bulanan(
        request,
        slug,
        pk,
        RencanaPenarikanForm,
        services.simpan_rencana_penarikan,
        _("Rencana penarikan disimpan."),
        "form_rencana",
    )


@login_required
def sub_daftar(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    anggaran = queries.susun_anggaran(unit, tahun)
    mata = {b.mata.pk: b.mata for b in anggaran.baris}
    daftar = [(e, mata.get(e.sub.mata_anggaran_id)) for e in queries.susun_efisiensi(unit, tahun, anggaran=anggaran)]
    return render(request, "kerja/sub_daftar.html", konteks(request, unit, tahun, daftar=daftar))


@login_required
def sub_ubah(request, slug: str, tahun: int | None = None, pk: int | None = None):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    sub = get_object_or_404(SubKegiatan, pk=pk, unit=unit) if pk else SubKegiatan(unit=unit, tahun=tahun)
    tahun = sub.tahun
    form = SubKegiatanForm(request.POST or None, instance=sub, unit=unit, tahun=tahun)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_sub_kegiatan(
                sub_kegiatan=form.save(commit=False),
                sasaran=list(d["sasaran"]),
                indikator=list(d["indikator"]),
                versi=form.token_dimuat(),
            ),
        )
        if ok:
            messages.success(request, _("Sub-kegiatan disimpan."))
            return redirect("kerja:sub_kegiatan", slug=unit.slug, tahun=tahun)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Ubah sub-kegiatan") if pk else _("Sub-kegiatan baru"),
        form=form,
        kembali=("kerja:sub_kegiatan", unit.slug, tahun),
    )
