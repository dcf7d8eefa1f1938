"""Workspace landing page, approval workflow, audit trail, user list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from alur.pengesahan import NarasiBelumLengkap, sahkan
from indikator import akses, pemulihan, riwayat, services
from indikator.enums import StatusPeriode
from indikator.models import Keanggotaan, Renstra
from indikator.periode import (
    ALUR,
    aksi_tersedia,
    boleh_melakukan,
    buka_kunci_periode,
    kembalikan_periode,
    kunci_periode,
)
from indikator.tahun import tahun_unit
from kerja.forms.kinerja import KomentarForm, ProfilUnitForm
from umum.converters import tahun_kueri

from .umum import jalankan, konteks, tahun_kerja

LABEL_AKSI = {
    "ajukan": gettext_lazy("Ajukan untuk disahkan"),
    "kembalikan": gettext_lazy("Kembalikan ke perencana"),
    "sahkan": gettext_lazy("Sahkan"),
    "kunci": gettext_lazy("Kunci"),
    "buka_kunci": gettext_lazy("Buka kunci (kembali ke draft)"),
}


@login_required
def profil_unit(request, slug: str):
    """The unit's profile (cover and Bab I of the report): names, city, duties and functions, logo."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    form = ProfilUnitForm(request.POST or None, request.FILES or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.simpan_profil_unit(unit=form.save(commit=False), versi=form.token_dimuat())
        )
        if ok:
            messages.success(request, _("Profil unit disimpan."))
            return redirect("kerja:profil_unit", slug=unit.slug)
    ctx = konteks(request, unit, None, form=form)
    if not ctx["boleh_ubah"]:
        for f in form.fields.values():
            f.disabled = True
    return render(request, "kerja/profil_unit.html", ctx)


@login_required
def utama(request):
    """Choose unit and year; show the period status, the workflow steps allowed and links to every page."""
    units = list(akses.unit_terbaca(request.user).order_by("urutan", "nama"))
    slug = request.GET.get("unit") or request.session.get("kerja_unit")
    unit = next((u for u in units if u.slug == slug), units[0] if len(units) == 1 else None)
    tahun = tahun_kerja(request, tahun_kueri(request.GET.get("tahun")), unit)
    ctx = {"units": units, "tahun": tahun, "unit": unit}
    if unit is not None:
        ctx = konteks(request, unit, tahun, units=units)
        periode = ctx["periode"]
        # "Kunci" is folded into approval: an approved year is already frozen for everyone and only an
        # administrator reopens it, so a second step would add nothing (older locked years still show "Dikunci").
        ctx["aksi"] = [
            {"kode": a, "label": LABEL_AKSI[a], "wajib_komentar": a in {"kembalikan", "buka_kunci"}}
            for a in aksi_tersedia(request.user, periode=periode)
            if a != "kunci"
        ]
        ctx["renstra"] = list(
            Renstra.objects.filter(unit=unit, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun).order_by("tahun_mulai")
        )
        ctx["form_komentar"] = KomentarForm()
    # The unit's Renstra years plus the next one (and the year shown, should it lie outside them).
    ctx["pilihan_tahun"] = sorted(set(tahun_unit(unit).daftar) | {tahun}) if unit is not None else []
    ctx["admin"] = akses.adalah_admin(request.user)
    ctx["kepala"] = bool(akses.id_unit_dipimpin(request.user) or ctx["admin"])
    if unit is not None:
        ctx["belum_ada_renstra"] = not Renstra.objects.filter(unit=unit).exists()
    return render(request, "kerja/utama.html", ctx)


@login_required
@require_POST
def periode_aksi(request, slug: str, tahun: int, aksi: str):
    """One workflow step. Who may do it is checked by the service (403 otherwise); nothing changes on refusal."""
    unit = akses.ambil_unit(request.user, slug)
    if aksi not in ALUR:
        raise Http404
    if not boleh_melakukan(request.user, aksi=aksi, unit=unit):
        raise PermissionDenied(_("Anda tidak berwenang melakukan langkah ini."))
    if aksi == "ajukan":
        # Submitting goes through the summary (confirmation and warnings acknowledged): kerja.views.pengesahan.
        messages.info(request, _("Periksa ringkasan lalu ajukan dari halaman ini."))
        return redirect("kerja:pengajuan", slug=unit.slug, tahun=tahun)
    komentar = request.POST.get("komentar", "")
    fungsi = {
        "kembalikan": lambda: kembalikan_periode(unit=unit, tahun=tahun, oleh=request.user, komentar=komentar),
        "sahkan": lambda: sahkan(unit=unit, tahun=tahun, oleh=request.user, komentar=komentar),
        "kunci": lambda: kunci_periode(unit=unit, tahun=tahun, oleh=request.user),
        "buka_kunci": lambda: buka_kunci_periode(unit=unit, tahun=tahun, oleh=request.user, alasan=komentar),
    }[aksi]
    try:
        periode = fungsi()
    except NarasiBelumLengkap as exc:
        # The approval page lists each empty section with a link to its editor.
        messages.error(request, " ".join(exc.messages))
        return redirect("kerja:pengesahan", slug=unit.slug, tahun=tahun)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Status %(unit)s tahun %(tahun)s sekarang: %(status)s.")
            % {"unit": unit.nama, "tahun": tahun, "status": StatusPeriode(periode.status).label},
        )
    return redirect(f"{reverse('kerja:utama')}?unit={unit.slug}&tahun={tahun}")


@login_required
def riwayat_objek(request, jenis: str, pk: int):
    """Audit trail of one object: who, when, old and new value of every changed field."""
    sumber = riwayat.SUMBER.get(jenis)
    if sumber is None:
        raise Http404
    obj, unit = riwayat.ambil_objek(sumber, pk)
    if not akses.dapat_membaca(request.user, unit):
        raise PermissionDenied(_("Anda tidak memiliki akses ke unit ini."))
    entri = riwayat.riwayat_objek(sumber, pk)
    return render(
        request,
        "kerja/riwayat_objek.html",
        konteks(request, unit, None, objek=obj, sumber=sumber, entri=entri),
    )


@login_required
def riwayat_unit(request, slug: str, tahun: int):
    """All changes to targets, realisasi, budget and narrative of a unit's year, newest first, paginated."""
    unit = akses.ambil_unit(request.user, slug)
    nomor = request.GET.get("halaman") or 1
    paginator = Paginator(riwayat.RiwayatUnit(unit, tahun), 25)
    halaman = paginator.get_page(nomor)
    return render(
        request,
        "kerja/riwayat_unit.html",
        konteks(request, unit, tahun, halaman=halaman, adalah_admin=akses.adalah_admin(request.user)),
    )


def _unit_admin(request, slug: str):
    unit = akses.ambil_unit(request.user, slug)
    if not akses.adalah_admin(request.user):
        raise PermissionDenied(_("Hanya administrator yang dapat memulihkan data yang dihapus."))
    return unit


@login_required
def terhapus(request, slug: str):
    """Deleted objects of a unit, each with a "Pulihkan" button (administrators only)."""
    unit = _unit_admin(request, slug)
    daftar = pemulihan.daftar_terhapus(unit)
    return render(request, "kerja/terhapus.html", konteks(request, unit, None, daftar=daftar))


@login_required
@require_POST
def pulihkan(request, slug: str, jenis: str, history_id: int):
    """Restore one deleted object (refused for an approved/locked year or a deleted parent, with the reason)."""
    unit = _unit_admin(request, slug)
    catatan = pemulihan.ambil_terhapus(unit=unit, kode=jenis, history_id=history_id)
    if catatan is None:
        raise Http404
    ok, obj = jalankan(request, None, lambda: pemulihan.pulihkan(terhapus=catatan, oleh=request.user))
    if ok:
        messages.success(
            request,
            _("%(jenis)s “%(nama)s” dipulihkan.") % {"jenis": catatan.jenis.label.capitalize(), "nama": catatan.nama},
        )
    return redirect("kerja:terhapus", slug=unit.slug)


@login_required
def pengguna(request):
    """Users and their memberships (administrators only); each user links to their administration page."""
    if not akses.adalah_admin(request.user):
        raise PermissionDenied(_("Hanya administrator yang dapat melihat daftar pengguna."))
    daftar = (
        get_user_model()
        .objects.order_by("username")
        .prefetch_related(Prefetch("keanggotaan", queryset=Keanggotaan.objects.select_related("unit")))
    )
    return render(request, "kerja/pengguna.html", {"daftar": daftar})
