"""Guided start of a unit or a period (scheme, Renstra, then forms or the plan workbook) and the copy-forward page
(year N+1 from year N; a new Renstra period from the old one), each with a preview that writes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alur import salin
from alur.salin import salin_tahun_berikut
from anggaran.models import MataAnggaran
from indikator import akses
from indikator.models import PerjanjianKinerja, Renstra
from indikator.periode import PeriodeBeku
from kerja.forms.mulai import MulaiForm, PeriodeBaruForm, TahunBerikutForm
from umum.converters import tahun_kueri

from .umum import konteks, tambah_galat


def _jalankan(request, form, fungsi):
    """Run a start/copy service: (True, Ringkasan) or (False, None) with the reason at the form or page."""
    try:
        return True, fungsi()
    except PeriodeBeku as exc:
        messages.error(request, " ".join(exc.messages))
    except ValidationError as exc:
        tambah_galat(form, exc)
    return False, None


@login_required
def mulai(request, slug: str):
    """Step 1: scheme and Renstra period; step 2: enter by forms or download the plan workbook."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    renstra = list(Renstra.objects.filter(unit=unit).select_related("skema").order_by("-tahun_mulai"))
    form = MulaiForm(request.POST or None)
    if not renstra and request.method != "POST":
        # No scheme preselected: the preset follows the Renstra period chosen (alur.salin.mulai_renstra).
        form.initial.update({"nama": _("Renstra %(unit)s") % {"unit": unit.nama}})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, hasil = _jalankan(
            request,
            form,
            lambda: salin.mulai_renstra(
                unit=unit,
                pilihan=d["pilihan"],
                skema=d["skema"],
                nama=d["nama"],
                tahun_mulai=d["tahun_mulai"],
                tahun_selesai=d["tahun_selesai"],
                visi=d["visi"],
                misi=d["misi"],
            ),
        )
        if ok:
            skema = hasil.objek.skema
            messages.success(
                request,
                _("Dibuat: %(daftar)s. Skema penilaian: %(skema)s; pita kriteria: %(band)s.")
                % {
                    "daftar": hasil.teks(),
                    "skema": skema.nama,
                    "band": "; ".join(f"{b.label} {salin.teks_band(b)}" for b in salin.urut_band(skema.band.all())),
                },
            )
            return redirect(f"{request.path}?tahun={d['tahun_mulai']}")
    ctx = konteks(request, unit, tahun_kueri(request.GET.get("tahun")), renstra=renstra, form=form)
    tahun = ctx["tahun"]
    berlaku = next((r for r in renstra if r.tahun_mulai <= tahun <= r.tahun_selesai), None)
    ctx["renstra_tahun"] = berlaku or (renstra[0] if renstra else None)
    ctx["tahun_buku"] = tahun if berlaku or not renstra else renstra[0].tahun_mulai
    if r := ctx["renstra_tahun"]:
        # The year of the unit's first report: any year of the Renstra, each with its own workbook.
        ctx["pilihan_tahun_buku"] = list(range(r.tahun_mulai, r.tahun_selesai + 1))
    ctx["preset"] = salin.preset_dengan_band()
    return render(request, "kerja/mulai.html", ctx)


@login_required
def salin_maju(request, slug: str):
    """Copy forward. POST with `aksi=pratinjau` shows "akan dibuat: ..." (nothing written); `aksi=terapkan` writes."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    jenis = request.POST.get("jenis")
    terapkan = request.POST.get("aksi") == "terapkan"
    ctx = konteks(request, unit, None)
    form_tahun = TahunBerikutForm(
        request.POST if jenis == "tahun" else None, initial={"tahun_asal": ctx["tahun"]}, prefix="tahun"
    )
    form_periode = PeriodeBaruForm(request.POST if jenis == "periode" else None, unit=unit, prefix="periode")
    pratinjau = None
    if jenis == "tahun" and form_tahun.is_valid():
        asal = form_tahun.cleaned_data["tahun_asal"]
        ok, hasil = _jalankan(
            request, form_tahun, lambda: salin_tahun_berikut(unit=unit, tahun_asal=asal, pratinjau=not terapkan)
        )
        if ok and terapkan:
            messages.success(
                request, _("Tahun %(tahun)s dibuat: %(daftar)s.") % {"tahun": asal + 1, "daftar": hasil.teks()}
            )
            return redirect("kerja:pk", slug=unit.slug, tahun=asal + 1)
        if ok:
            pratinjau = {
                "jenis": "tahun",
                "hasil": hasil,
                "form": form_tahun,
                "judul": _("Tahun %(t)s") % {"t": asal + 1},
            }
    elif jenis == "periode" and form_periode.is_valid():
        d = form_periode.cleaned_data
        ok, hasil = _jalankan(
            request,
            form_periode,
            lambda: salin.salin_renstra(
                lama=d["renstra"],
                nama=d["nama"],
                tahun_mulai=d["tahun_mulai"],
                tahun_selesai=d["tahun_selesai"],
                pratinjau=not terapkan,
            ),
        )
        if ok and terapkan:
            messages.success(request, _("Renstra baru dibuat: %(daftar)s.") % {"daftar": hasil.teks()})
            return redirect("kerja:renstra", slug=unit.slug, pk=hasil.objek.pk)
        if ok:
            pratinjau = {"jenis": "periode", "hasil": hasil, "form": form_periode, "judul": d["nama"]}
    ctx.update(
        form_tahun=form_tahun,
        form_periode=form_periode,
        pratinjau=pratinjau,
        ada_pk=PerjanjianKinerja.objects.filter(unit=unit).exists(),
        ada_anggaran=MataAnggaran.objects.filter(unit=unit).exists(),
    )
    return render(request, "kerja/salin.html", ctx)
