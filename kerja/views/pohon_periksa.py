"""The consistency page of the performance tree (K1–K10, siklus.md §2.3): findings grouped by severity, each linking to
its node in the tree editor, the coverage figures, and the form of the unit's settings (level skipping, severities) for its head."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from indikator import akses
from kerja.forms.pohon_periksa import AturanPohonForm
from pohon.aturan import simpan_aturan
from pohon.models import AturanPohon
from pohon.periksa import periksa_pohon

from .umum import jalankan, konteks


def _tautan_simpul(pohon, temuan, tahun: int) -> str:
    """Where a finding is fixed: its node in the tree editor of the node's own unit (anchored on the node), or ""
    for a finding without a node (a PK indikator, a budget line). No query: the units come with the tree."""
    simpul = pohon.simpul.get(temuan.simpul_id) if temuan.simpul_id else None
    if simpul is None:
        return ""
    return reverse("kerja:pohon", args=[simpul.unit.slug, tahun]) + f"#simpul-{simpul.id}"


@login_required
def pohon_konsistensi(request, slug: str, tahun: int):
    """Findings of the tree of the unit and its sub-units in the year, and the tree's outline (the link targets)."""
    unit = akses.ambil_unit(request.user, slug)
    pohon, hasil = periksa_pohon(unit, tahun)
    ctx = konteks(
        request,
        unit,
        tahun,
        pohon=pohon,
        hasil=hasil,
        kelompok=[
            (k, label, [(t, _tautan_simpul(pohon, t, tahun)) for t in daftar])
            for k, label, daftar in hasil.menurut_keparahan()
        ],
        cakupan_unit=[(pohon.units[u], c) for u, c in hasil.cakupan_unit.items()],
        boleh_atur=akses.dapat_mengesahkan(request.user, unit),
    )
    return render(request, "kerja/pohon/konsistensi.html", ctx)


@login_required
def pohon_aturan(request, slug: str):
    """The unit's tree settings: the head of the unit (or above) and administrators change them."""
    unit = akses.ambil_unit(request.user, slug)
    if not akses.dapat_mengesahkan(request.user, unit):
        raise PermissionDenied(_("Hanya pimpinan unit atau administrator yang dapat mengatur pemeriksaan pohon."))
    aturan = AturanPohon.objects.filter(unit=unit).first()
    form = AturanPohonForm(request.POST if request.method == "POST" else None, aturan=aturan)
    if request.method == "POST" and form.is_valid():
        ok, _hasil = jalankan(
            request,
            form,
            lambda: simpan_aturan(
                unit=unit,
                oleh=request.user,
                boleh_lompat_tingkat=form.cleaned_data["boleh_lompat_tingkat"],
                keparahan=form.keparahan(),
            ),
        )
        if ok:
            messages.success(request, _("Aturan pemeriksaan pohon kinerja %(unit)s disimpan.") % {"unit": unit.nama})
            return redirect("kerja:pohon_aturan", slug=unit.slug)
    ctx = konteks(
        request,
        unit,
        None,
        form=form,
        judul=_("Aturan pemeriksaan pohon kinerja — %(unit)s") % {"unit": unit.nama},
        keterangan=_(
            "Keparahan tiap pemeriksaan untuk unit ini. Temuan bertingkat galat menahan pengajuan tahun; "
            "peringatan dan info hanya ditampilkan."
        ),
    )
    ctx["kembali"] = (
        reverse("kerja:pohon_konsistensi", args=[unit.slug, ctx["tahun"]]) if ctx["tahun"] else reverse("kerja:utama")
    )
    return render(request, "kerja/form.html", ctx, status=400 if request.method == "POST" else 200)
