from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from indikator.akses import id_unit_tertulis, peran_pengguna, unit_terbaca
from indikator.enums import Peran
from indikator.models import Renstra


def _tautan(unit, tahun, boleh_ubah: bool = False):
    hasil = []
    if not tahun and boleh_ubah:
        # A unit without data: the first step is the guided start (scheme and Renstra period).
        return [
            {
                "url": reverse("kerja:mulai", args=[unit.slug]),
                "label": _("Mulai di sini: pilih skema dan periode Renstra"),
            }
        ]
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
    tulis = id_unit_tertulis(request.user)
    daftar = [
        {
            "unit": u,
            "tahun": akhir.get(u.pk),
            "tautan": _tautan(u, akhir.get(u.pk), tulis is None or u.pk in tulis),
        }
        for u in units
    ]
    return render(request, "beranda.html", {"daftar": daftar})
