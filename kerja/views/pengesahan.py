"""Submit and approve with eyes open: the summary the planner submits (with a note, a confirmation and the
warnings acknowledged) and the head's approval page (same summary, the planner's note, the changes since the
previous submission; approve or return with a comment); the submission deadline."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from alur.pengesahan import ajukan
from alur.ringkasan import susun_ringkasan
from indikator import akses
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit
from indikator.periode import aksi_tersedia, atur_tenggat, boleh_melakukan

from .umum import jalankan, konteks


class PengajuanForm(forms.Form):
    catatan = forms.CharField(
        label=gettext_lazy("Catatan untuk pimpinan (opsional)"),
        required=False,
        max_length=PeriodeUnit._meta.get_field("catatan_pengajuan").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    akui_peringatan = forms.BooleanField(
        label=gettext_lazy("Saya sudah membaca peringatan di atas dan tetap mengajukan."),
        required=False,
    )
    konfirmasi = forms.BooleanField(
        label=gettext_lazy("Saya mengajukan data ini untuk disahkan; sesudah diajukan data dibekukan."),
        required=True,
        error_messages={"required": gettext_lazy("Centang konfirmasi untuk mengajukan.")},
    )

    def __init__(self, *args, perlu_diakui: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.perlu_diakui = perlu_diakui
        if not perlu_diakui:
            del self.fields["akui_peringatan"]

    def clean_akui_peringatan(self):
        nilai = self.cleaned_data.get("akui_peringatan")
        if self.perlu_diakui and not nilai:
            raise forms.ValidationError(_("Akui peringatan sebelum mengajukan."))
        return nilai


class TenggatForm(forms.Form):
    tenggat = forms.DateField(
        label=gettext_lazy("Tenggat pengajuan"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _url_ruang(unit, tahun: int) -> str:
    return f"{reverse('kerja:utama')}?unit={unit.slug}&tahun={tahun}"


@login_required
def pengajuan(request, slug: str, tahun: int):
    """The planner's summary before submitting; POST submits (confirmation and acknowledgement checked here)."""
    unit = akses.ambil_unit(request.user, slug)
    if not boleh_melakukan(request.user, aksi="ajukan", unit=unit):
        raise PermissionDenied(_("Anda tidak berwenang melakukan langkah ini."))
    ringkasan = susun_ringkasan(unit, tahun)
    form = PengajuanForm(request.POST if request.method == "POST" else None, perlu_diakui=ringkasan.perlu_diakui)
    ctx = konteks(request, unit, tahun, ringkasan=ringkasan, form=form)
    ctx["boleh_ajukan"] = "ajukan" in aksi_tersedia(request.user, periode=ctx["periode"])
    if request.method == "POST" and form.is_valid():
        # The service refuses while a mandatory narrative section is empty (listed with links on this page).
        ok, _hasil = jalankan(
            request,
            form,
            lambda: ajukan(unit=unit, tahun=tahun, oleh=request.user, catatan=form.cleaned_data["catatan"]),
        )
        if ok:
            messages.success(
                request,
                _("%(unit)s tahun %(tahun)s diajukan untuk disahkan; data dibekukan sampai pimpinan memutuskan.")
                % {"unit": unit.nama, "tahun": tahun},
            )
            return redirect(_url_ruang(unit, tahun))
    return render(request, "kerja/pengajuan.html", ctx, status=400 if request.method == "POST" else 200)


@login_required
def pengesahan(request, slug: str, tahun: int):
    """The head's page: the summary, the planner's note, the changes since the previous submission; approve or
    return (the forms post to `periode_aksi`); the submission deadline."""
    unit = akses.ambil_unit(request.user, slug)
    ringkasan = susun_ringkasan(unit, tahun, dengan_perubahan=True)
    ctx = konteks(request, unit, tahun, ringkasan=ringkasan)
    periode = ctx["periode"]
    ctx["aksi"] = [a for a in aksi_tersedia(request.user, periode=periode) if a in {"sahkan", "kembalikan"}]
    ctx["boleh_tenggat"] = boleh_melakukan(request.user, aksi="sahkan", unit=unit)
    ctx["form_tenggat"] = TenggatForm(initial={"tenggat": periode.tenggat})
    ctx["diajukan"] = periode.status == StatusPeriode.DIAJUKAN
    return render(request, "kerja/pengesahan.html", ctx)


@login_required
@require_POST
def tenggat(request, slug: str, tahun: int):
    """Set or clear the submission deadline (heads and administrators)."""
    unit = akses.ambil_unit(request.user, slug)
    form = TenggatForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for es in form.errors.values() for e in es))
    else:
        ok, _hasil = jalankan(
            request,
            None,
            lambda: atur_tenggat(unit=unit, tahun=tahun, oleh=request.user, tenggat=form.cleaned_data["tenggat"]),
        )
        if ok:
            messages.success(request, _("Tenggat pengajuan disimpan."))
    return redirect("kerja:pengesahan", slug=unit.slug, tahun=tahun)
