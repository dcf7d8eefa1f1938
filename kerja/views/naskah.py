"""The report's legal texts in the workspace: the unit's wording of the PK agreement and the IKU decree, and the
year's "Pernyataan Telah Direviu". Planners of the unit and administrators edit (others 403); writes go through
`laporan.dinas` (period lock of the year, version check)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from indikator import akses
from indikator.periode import PeriodeBeku, ambil_periode
from indikator.token_ubah import DataBerubah, token
from kerja.forms.naskah import NaskahDinasForm, PernyataanReviuForm
from laporan.bundel import ambil_naskah
from laporan.dinas import KOLOM_NASKAH, hapus_reviu, riwayat_naskah, riwayat_reviu, simpan_naskah, simpan_reviu
from laporan.models import NaskahDinas, NaskahDinasDisahkan, PernyataanReviu

from .umum import pesan_beku


@login_required
def naskah_ubah(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    naskah = NaskahDinas.objects.filter(unit=unit).first() or NaskahDinas(unit=unit)
    # an approved year shows (read-only, the year is locked) the wording kept at its approval
    periode = ambil_periode(unit=unit, tahun=tahun)
    naskah_tahun = ambil_naskah(unit, tahun, periode)
    naskah_disahkan = isinstance(naskah_tahun, NaskahDinasDisahkan)
    if naskah_disahkan:
        naskah = NaskahDinas(unit=unit, **{k: getattr(naskah_tahun, k) for k in KOLOM_NASKAH})
    reviu = PernyataanReviu.objects.filter(unit=unit, tahun=tahun).first()
    aksi = request.POST.get("aksi", "")
    data_naskah = request.POST if aksi == "naskah" else None
    data_reviu = request.POST if aksi in ("reviu", "hapus_reviu") else None
    form_naskah = NaskahDinasForm(data_naskah, instance=naskah, prefix="naskah", versi=token(riwayat_naskah(unit)))
    form_reviu = PernyataanReviuForm(
        data_reviu,
        instance=reviu or PernyataanReviu(unit=unit, tahun=tahun, kota=unit.kota or "Jakarta"),
        prefix="reviu",
        versi=token(riwayat_reviu(unit, tahun)),
    )
    status = 200
    if request.method == "POST":
        try:
            if aksi == "hapus_reviu":
                versi = (request.POST.get("reviu-versi") or "").strip() or None
                if hapus_reviu(unit=unit, tahun=tahun, versi=versi):
                    messages.success(request, _("Pernyataan reviu dihapus."))
                return redirect("kerja:naskah_ubah", slug=unit.slug, tahun=tahun)
            form = form_naskah if aksi == "naskah" else form_reviu
            if form.is_valid():
                simpan = simpan_naskah if aksi == "naskah" else simpan_reviu
                if simpan(unit=unit, tahun=tahun, data=form.cleaned_data, versi=form.token_dimuat()):
                    messages.success(request, _("Naskah disimpan."))
                else:
                    messages.info(request, _("Tidak ada perubahan."))
                return redirect("kerja:naskah_ubah", slug=unit.slug, tahun=tahun)
            status = 400
        except PeriodeBeku as e:
            messages.error(request, " ".join(e.messages))
            status = 409
        except DataBerubah as e:
            (form_naskah if aksi == "naskah" else form_reviu).add_error(None, e)
            status = 409
    return render(
        request,
        "laporan/narasi/naskah.html",
        {
            "unit": unit,
            "tahun": tahun,
            "form_naskah": form_naskah,
            "form_reviu": form_reviu,
            "ada_reviu": reviu is not None,
            "naskah_disahkan": naskah_disahkan,
            "pesan_terkunci": pesan_beku(unit, tahun, periode),
            "periode": periode,
        },
        status=status,
    )
