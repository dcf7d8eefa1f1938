from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from indikator.akses import peran_pengguna, unit_terbaca
from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, Renstra


def _tautan(unit, tahun):
    hasil = []
    if tahun:
        for nama, label in (("laporan:html", _("Laporan Kinerja")),):
            try:
                hasil.append({"url": reverse(nama, args=[unit.slug, tahun]), "label": label})
            except NoReverseMatch:
                pass
    return hasil


@login_required
def beranda(request):
    if Peran.PIMPINAN in peran_pengguna(request.user):
        # Heads land on their dashboard (issue #5).
        return redirect("dasbor:utama")
    units = list(unit_terbaca(request.user).order_by("urutan", "nama"))
    akhir = dict(
        Renstra.objects.filter(unit__in=units)
        .values("unit_id")
        .annotate(t=Max("tahun_selesai"))
        .values_list("unit_id", "t")
    )
    daftar = [{"unit": u, "tahun": akhir.get(u.pk), "tautan": _tautan(u, akhir.get(u.pk))} for u in units]
    # The workflow's outcome where the planner looks first: "Dikembalikan: <comment>", "Disahkan oleh … pada …".
    kabar = list(
        PeriodeUnit.objects.filter(unit__in=units)
        .exclude(status=StatusPeriode.DRAFT)
        .select_related("unit", "diubah_oleh")
        .order_by("-diubah_pada")[:10]
    )
    return render(request, "beranda.html", {"daftar": daftar, "kabar": kabar})
