"""The administrators' page of API clients: the list with their use, a new client (its token shown once), and
revoking one."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indikator import akses

from .forms import KlienForm
from .models import KlienApi
from .token import buat_klien, cabut_klien


def _hanya_admin(request) -> None:
    if not akses.adalah_admin(request.user):
        raise PermissionDenied(_("Hanya administrator yang dapat membuka halaman ini."))


@login_required
def klien_daftar(request):
    _hanya_admin(request)
    daftar = KlienApi.objects.select_related("unit").annotate(
        jumlah=Count("panggilan"), terakhir=Max("panggilan__waktu")
    )
    return render(request, "api/klien.html", {"daftar": daftar, "form": KlienForm()})


@login_required
def klien_baru(request):
    _hanya_admin(request)
    form = KlienForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        akhir = d["kedaluwarsa"]
        try:
            klien, token = buat_klien(
                nama=d["nama"],
                unit=d["unit"],
                cakupan=d["cakupan"],
                kedaluwarsa=timezone.make_aware(datetime.combine(akhir, time.max)) if akhir else None,
                oleh=request.user,
            )
        except ValidationError as e:
            for pesan in e.messages:
                form.add_error(None, pesan)
        else:
            return render(request, "api/klien_token.html", {"klien": klien, "token": token})
    return render(request, "api/klien.html", {"daftar": KlienApi.objects.select_related("unit"), "form": form})


@login_required
@require_POST
def klien_cabut(request, pk: int):
    _hanya_admin(request)
    klien = get_object_or_404(KlienApi, pk=pk)
    cabut_klien(klien, oleh=request.user)
    messages.success(request, _("Token %(nama)s dicabut.") % {"nama": klien.nama})
    return redirect("api:klien")
