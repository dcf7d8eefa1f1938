"""Periodic reports in the workspace (docs/siklus.md §3.3): the list of a unit-year's periodic reports and a new
version with its data cut-off; a report's page (its fields, per indikator the numerator/denominator and texts,
the causes of budget gaps, what still stops a submission, the preview); submit (planners), return or issue (the
head); the HTML, and PDF / Word / Excel made by the report worker. Writes go through `laporan.periodik`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from anggaran.models import MataAnggaran
from indikator import akses
from indikator.models import Indikator
from indikator.periode import ambil_periode
from indikator.queries import DataTidakDitemukan
from indikator.token_ubah import KOSONG, token
from kerja.forms.periodik import (
    IsianPeriodikForm,
    KembalikanForm,
    KepalaPeriodikForm,
    LaporanPeriodikBaruForm,
    PenjelasanForm,
)
from laporan import periodik as layanan
from laporan.bab.periodik import susun_anggaran_rpd, susun_baris, syarat_pengajuan
from laporan.bundel import ambil_bundel_periodik
from laporan.models import BerkasLaporan, IsianPeriodik, LaporanPeriodik, PenjelasanAnggaranPeriodik
from laporan.pdf import html_periodik, render_html_mandiri
from laporan.susun import susun_laporan_periodik
from laporan.tugas import minta_berkas_periodik

FORMAT = {f.value for f in BerkasLaporan.Format}


def _ambil(request, slug: str, pk: int, *, tulis: bool = False) -> LaporanPeriodik:
    unit = akses.ambil_unit(request.user, slug, tulis=tulis)
    lp = get_object_or_404(LaporanPeriodik.objects.select_related("unit"), pk=pk, unit=unit)
    return lp


def _galat(request, e: ValidationError) -> None:
    for pesan in e.messages:
        messages.error(request, pesan)


@login_required
@require_http_methods(["GET", "POST"])
def periodik_daftar(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    form = LaporanPeriodikBaruForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                lp = layanan.buat_laporan_periodik(
                    unit, tahun, form.cleaned_data["periode"], form.cleaned_data["data_cutoff"]
                )
                messages.success(request, _("Laporan periodik dibuat."))
                return redirect("kerja:periodik", slug=unit.slug, pk=lp.pk)
            except ValidationError as e:
                form.add_error(None, e)
                status = 409
        else:
            status = 400
    daftar = LaporanPeriodik.objects.filter(unit=unit, tahun=tahun).order_by("periode", "-versi")
    return render(
        request,
        "kerja/periodik/daftar.html",
        {
            "unit": unit,
            "tahun": tahun,
            "periode": ambil_periode(unit=unit, tahun=tahun),
            "daftar": daftar,
            "form": form,
            "boleh_tulis": akses.dapat_mengubah(request.user, unit),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def periodik_laporan(request, slug: str, pk: int):
    lp = _ambil(request, slug, pk, tulis=request.method == "POST")
    status = 200
    form_kepala = KepalaPeriodikForm(instance=lp, versi=token(layanan.riwayat_laporan(lp)))
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        try:
            if aksi == "kepala":
                form_kepala = KepalaPeriodikForm(request.POST, instance=LaporanPeriodik.objects.get(pk=lp.pk))
                if not form_kepala.is_valid():
                    raise ValidationError(_("Periksa isian laporan."))
                layanan.simpan_kepala(
                    lp,
                    versi=form_kepala.token_dimuat(),
                    **{k: form_kepala.cleaned_data[k] for k in layanan.KOLOM_KEPALA},
                )
            elif aksi == "isian":
                ind = get_object_or_404(Indikator.objects.milik(lp.unit), pk=request.POST.get("indikator") or 0)
                form = IsianPeriodikForm(request.POST, prefix=f"i{ind.pk}")
                if not form.is_valid():
                    raise ValidationError([f"{ind.kode}: {m}" for v in form.errors.values() for m in v])
                data = {k: v for k, v in form.cleaned_data.items() if k != "versi"}
                layanan.simpan_isian(lp, ind, versi=form.token_dimuat(), **data)
            elif aksi == "salin_lkj":
                n = layanan.salin_ke_lkj(lp)
                messages.success(request, _("%(n)s bagian narasi BAB III Laporan Kinerja diisi.") % {"n": n})
                return redirect("kerja:periodik", slug=lp.unit.slug, pk=lp.pk)
            elif aksi == "penjelasan":
                mata = get_object_or_404(
                    MataAnggaran.objects.filter(unit=lp.unit, tahun=lp.tahun), pk=request.POST.get("mata") or 0
                )
                form = PenjelasanForm(request.POST, prefix=f"m{mata.pk}")
                if not form.is_valid():
                    raise ValidationError(_("Penyebab deviasi wajib diisi."))
                layanan.simpan_penjelasan(lp, mata, form.cleaned_data["penyebab"], versi=form.token_dimuat())
            else:
                raise ValidationError(_("Aksi tidak dikenal."))
            messages.success(request, _("Laporan periodik disimpan."))
            return redirect("kerja:periodik", slug=lp.unit.slug, pk=lp.pk)
        except ValidationError as e:
            _galat(request, e)
            status = 409
        lp.refresh_from_db()
    return render(request, "kerja/periodik/laporan.html", _konteks(request, lp, form_kepala), status=status)


def _versi(riwayat, kolom: str) -> dict[int, str]:
    """The edit token of each row of a report's texts (one query): the latest history id per row."""
    return {k: str(m) for k, m in riwayat.values(kolom).annotate(m=Max("history_id")).values_list(kolom, "m")}


def _konteks(request, lp: LaporanPeriodik, form_kepala) -> dict:
    try:
        bp = ambil_bundel_periodik(lp)
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e
    baris = susun_baris(bp)
    versi_isian = _versi(IsianPeriodik.history.filter(laporan_id=lp.pk), "indikator_id")
    versi_penjelasan = _versi(PenjelasanAnggaranPeriodik.history.filter(laporan_id=lp.pk), "mata_anggaran_id")
    isian = [
        (
            x,
            IsianPeriodikForm(
                instance=bp.isian.get(x.baris.indikator.pk),
                prefix=f"i{x.baris.indikator.pk}",
                versi=versi_isian.get(x.baris.indikator.pk, KOSONG),
            ),
        )
        for x in baris
    ]
    rpd = [r for r in susun_anggaran_rpd(bp) if r.mata is not None]
    penjelasan = [
        (
            r,
            PenjelasanForm(
                initial={"penyebab": r.penyebab}, prefix=f"m{r.mata.pk}", versi=versi_penjelasan.get(r.mata.pk, KOSONG)
            ),
        )
        for r in rpd
        if r.hasil is not None and r.hasil.perlu_penjelasan
    ]
    return {
        "unit": lp.unit,
        "tahun": lp.tahun,
        "periode": bp.b.periode,
        "lp": lp,
        "form_kepala": form_kepala,
        "isian": isian,
        "penjelasan": penjelasan,
        "syarat": syarat_pengajuan(bp) if lp.dapat_diubah else [],
        "boleh_tulis": akses.dapat_mengubah(request.user, lp.unit) and lp.dapat_diubah,
        "boleh_sahkan": akses.dapat_mengesahkan(request.user, lp.unit),
        "form_kembali": KembalikanForm(),
        "format": sorted(FORMAT),
        "akhir_tahun": lp.periode in ("TW4", "S2", "B12"),
    }


@login_required
@require_POST
def periodik_aksi(request, slug: str, pk: int, aksi: str):
    """ajukan (planners), kembalikan and terbitkan (whoever approves the unit's year)."""
    if aksi not in ("ajukan", "kembalikan", "terbitkan"):
        raise Http404
    lp = _ambil(request, slug, pk, tulis=aksi == "ajukan")
    if aksi != "ajukan" and not akses.dapat_mengesahkan(request.user, lp.unit):
        raise PermissionDenied
    try:
        if aksi == "ajukan":
            layanan.ajukan(lp)
            messages.success(request, _("Laporan periodik diajukan."))
        elif aksi == "kembalikan":
            form = KembalikanForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Tuliskan alasan pengembalian."))
            layanan.kembalikan(lp, form.cleaned_data["catatan"], request.POST.getlist("indikator"))
            messages.success(request, _("Laporan periodik dikembalikan."))
        else:
            layanan.terbitkan(lp, request.user)
            messages.success(request, _("Laporan periodik diterbitkan."))
    except ValidationError as e:
        _galat(request, e)
        lp.refresh_from_db()
        return render(
            request,
            "kerja/periodik/laporan.html",
            _konteks(request, lp, KepalaPeriodikForm(instance=lp, versi=token(layanan.riwayat_laporan(lp)))),
            status=409,
        )
    return redirect("kerja:periodik", slug=lp.unit.slug, pk=lp.pk)


@login_required
@require_GET
def periodik_html(request, slug: str, pk: int):
    """The report as HTML: an issued version's frozen print HTML, a draft's self-contained HTML built now."""
    lp = _ambil(request, slug, pk)
    try:
        if lp.status == LaporanPeriodik.Status.TERBIT:
            isi = html_periodik(lp)
        else:
            isi = render_html_mandiri(susun_laporan_periodik(lp))
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e
    return HttpResponse(isi, content_type="text/html; charset=utf-8")


@login_required
@require_http_methods(["GET", "POST"])
def periodik_berkas(request, slug: str, pk: int, format_: str):
    """GET: the page that asks for the file; POST: queue it (or join its render, or find it stored) — the report
    worker makes it; htmx polls `laporan:berkas`."""
    if format_ not in FORMAT:
        raise Http404
    lp = _ambil(request, slug, pk)
    konteks = {
        "unit": lp.unit,
        "tahun": lp.tahun,
        "format": format_,
        "judul": f"{lp.get_periode_display()} · {_('versi')} {lp.versi}",
        "url_buat": request.path,
        "url_kembali": reverse("kerja:periodik", args=[lp.unit.slug, lp.pk]),
        "otomatis": True,
    }
    if request.method != "POST":
        return render(request, "laporan/berkas.html", konteks)
    try:
        berkas = minta_berkas_periodik(lp, format_, bahasa=(get_language() or "id").split("-")[0])
    except DataTidakDitemukan as e:
        raise Http404(str(e)) from e
    if request.htmx:
        return render(request, "laporan/_berkas.html", {"berkas": berkas})
    return redirect("laporan:berkas", berkas.pk)
