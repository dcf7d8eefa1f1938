"""Administration in the app: units (tree, head, scheme and Renstra), users (create, deactivate, temporary
password), roles per unit, and the administration audit trail. Administrators do everything; a unit's head
manages the planners of their units and sub-units, nothing else (`indikator.administrasi`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indikator import administrasi as adm
from indikator import akses
from indikator.enums import Peran
from indikator.models import Keanggotaan, KepalaUnit, Renstra, UnitKerja
from indikator.riwayat import JENIS
from kerja.forms.administrasi import KepalaForm, PenggunaBaruForm, PeranForm, SandiForm, UnitForm

from .umum import jalankan


def _hanya_admin(request) -> None:
    if not akses.adalah_admin(request.user):
        raise PermissionDenied(_("Hanya administrator yang dapat membuka halaman ini."))


def _dikelola(request) -> set[int] | None:
    """Units whose members the user manages (None = every unit); 403 when none."""
    ids = akses.id_unit_dipimpin(request.user)
    if ids is not None and not ids:
        raise PermissionDenied(_("Hanya administrator dan pimpinan unit yang dapat membuka halaman ini."))
    return ids


def pohon(units: list[UnitKerja]) -> list[tuple[UnitKerja, int]]:
    """Units in tree order with their depth (a unit whose parent is not in the list starts a tree)."""
    ada = {u.pk for u in units}
    anak: dict[int | None, list[UnitKerja]] = {}
    for u in units:
        anak.setdefault(u.induk_id if u.induk_id in ada else None, []).append(u)
    hasil: list[tuple[UnitKerja, int]] = []

    def jalan(induk, kedalaman):
        for u in anak.get(induk, []):
            hasil.append((u, kedalaman))
            jalan(u.pk, kedalaman + 1)

    jalan(None, 0)
    return hasil


@login_required
def unit_daftar(request):
    """The unit tree: head, Renstra periods with their scheme, number of members."""
    ids = _dikelola(request)
    qs = UnitKerja.objects.annotate(jumlah_anggota=Count("anggota")).prefetch_related(
        Prefetch("kepala", queryset=KepalaUnit.objects.order_by("-mulai")),
        Prefetch("renstra", queryset=Renstra.objects.select_related("skema").order_by("-tahun_mulai")),
    )
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    baris = [
        {"unit": u, "kedalaman": d, "indent": d * 1.5, "kepala": next(iter(u.kepala.all()), None)}
        for u, d in pohon(list(qs.order_by("urutan", "nama")))
    ]
    return render(request, "kerja/admin_unit.html", {"baris": baris, "admin": akses.adalah_admin(request.user)})


@login_required
def unit_ubah(request, slug: str | None = None):
    _hanya_admin(request)
    unit = get_object_or_404(UnitKerja, slug=slug) if slug else UnitKerja()
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        ok, obj = jalankan(request, form, lambda: adm.simpan_unit(unit=form.save(commit=False), oleh=request.user))
        if ok:
            messages.success(request, _("Unit “%(nama)s” disimpan.") % {"nama": obj.nama})
            return redirect("kerja:admin_unit_detail", slug=obj.slug)
    judul = _("Ubah unit") if slug else _("Unit baru")
    return render(request, "kerja/admin_form.html", {"judul": judul, "form": form, "unit_obj": unit if slug else None})


@login_required
def unit_detail(request, slug: str):
    """A unit's heads and members; administrators add heads and any role, the head planners only (the form offers
    the head nothing else; any other role posted is refused with 403)."""
    unit = get_object_or_404(UnitKerja.objects.select_related("induk"), slug=slug)
    ids = _dikelola(request)
    if ids is not None and unit.pk not in ids:
        raise PermissionDenied(_("Anda tidak memimpin unit ini."))
    admin = akses.adalah_admin(request.user)
    # Validated against every role so that a role the head may not grant is a 403, not a form error.
    form_peran = PeranForm(request.POST or None, peran=list(Peran), unit_qs=UnitKerja.objects.filter(pk=unit.pk))
    form_kepala = KepalaForm(request.POST or None, prefix="kepala") if admin else None
    if request.method == "POST":
        if request.POST.get("aksi") == "kepala" and form_kepala is not None:
            if form_kepala.is_valid():
                kepala = form_kepala.save(commit=False)
                kepala.unit = unit
                ok, _obj = jalankan(request, form_kepala, lambda: adm.simpan_kepala(kepala=kepala, oleh=request.user))
                if ok:
                    messages.success(request, _("Kepala unit disimpan."))
                    return redirect("kerja:admin_unit_detail", slug=unit.slug)
        elif request.POST.get("aksi") == "peran" and form_peran.is_valid():
            d = form_peran.cleaned_data
            adm.pastikan_boleh_atur_peran(request.user, unit, d["peran"])
            ok, _obj = jalankan(
                request,
                form_peran,
                lambda: adm.tambah_peran(pengguna=d["pengguna"], unit=unit, peran=d["peran"], oleh=request.user),
            )
            if ok:
                messages.success(request, _("Peran ditambahkan."))
                return redirect("kerja:admin_unit_detail", slug=unit.slug)
    anggota = list(
        Keanggotaan.objects.filter(unit=unit).select_related("pengguna").order_by("peran", "pengguna__username")
    )
    if not admin:
        form_peran.tawarkan_peran(adm.PERAN_OLEH_KEPALA)
    for k in anggota:
        k.boleh_hapus = adm.boleh_atur_peran(request.user, unit=unit, peran=k.peran)
    return render(
        request,
        "kerja/admin_unit_detail.html",
        {
            "unit_obj": unit,
            "admin": admin,
            "kepala": list(unit.kepala.order_by("-mulai")),
            "renstra": list(Renstra.objects.filter(unit=unit).select_related("skema").order_by("-tahun_mulai")),
            "anggota": anggota,
            "form_peran": form_peran,
            "form_kepala": form_kepala,
        },
    )


@login_required
@require_POST
def peran_hapus(request, pk: int):
    k = get_object_or_404(Keanggotaan.objects.select_related("unit", "pengguna"), pk=pk)
    adm.pastikan_boleh_atur_peran(request.user, k.unit, k.peran)
    ok, _obj = jalankan(request, None, lambda: adm.hapus_peran(keanggotaan=k, oleh=request.user))
    if ok:
        messages.success(request, _("Peran dicabut."))
    kembali = request.POST.get("kembali")
    if kembali == "pengguna":
        return redirect("kerja:admin_pengguna", pk=k.pengguna_id)
    return redirect("kerja:admin_unit_detail", slug=k.unit.slug) if k.unit else redirect("kerja:pengguna")


@login_required
def pengguna_baru(request):
    """Create a user with a temporary password, shown once on the result page; optionally a first role."""
    _hanya_admin(request)
    # ?unit=<slug>: opened from a unit's page; the unit is preselected and the result page leads back to it.
    dari_unit = UnitKerja.objects.filter(slug=request.GET.get("unit") or "").first()
    form = PenggunaBaruForm(request.POST or None, initial={"unit": dari_unit.pk} if dari_unit else None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def buat():
            user, sandi = adm.buat_pengguna(
                username=d["username"],
                nama_depan=d["nama_depan"],
                nama_belakang=d["nama_belakang"],
                email=d["email"],
                oleh=request.user,
            )
            if d["peran"]:
                adm.tambah_peran(pengguna=user, unit=d["unit"], peran=d["peran"], oleh=request.user)
            return user, sandi

        with transaction.atomic():
            ok, hasil = jalankan(request, form, buat)
            if not ok:
                transaction.set_rollback(True)
        if ok:
            user, sandi = hasil
            unit_kembali = d["unit"] if d["unit"] and (d["peran"] or dari_unit) else dari_unit
            konteks = {"pengguna": user, "sandi": sandi, "baru": True, "unit_kembali": unit_kembali}
            return render(request, "kerja/admin_sandi.html", konteks)
    return render(request, "kerja/admin_form.html", {"judul": _("Pengguna baru"), "form": form})


@login_required
def pengguna_detail(request, pk: int):
    """One user: active or not, temporary password, roles in every unit (administrators only)."""
    _hanya_admin(request)
    pengguna = get_object_or_404(get_user_model(), pk=pk)
    form_peran = PeranForm(request.POST or None, peran=list(Peran), initial={"pengguna": pengguna.pk})
    form_sandi = SandiForm(request.POST or None, prefix="sandi")
    aksi = request.POST.get("aksi")
    if request.method == "POST":
        if aksi in ("aktifkan", "nonaktifkan"):
            ok, _obj = jalankan(
                request, None, lambda: adm.atur_aktif(pengguna=pengguna, aktif=aksi == "aktifkan", oleh=request.user)
            )
            if ok:
                messages.success(
                    request, _("Pengguna diaktifkan.") if aksi == "aktifkan" else _("Pengguna dinonaktifkan.")
                )
            return redirect("kerja:admin_pengguna", pk=pengguna.pk)
        if aksi == "sandi" and form_sandi.is_valid():
            sandi_isi = form_sandi.cleaned_data["sandi"] or None
            ok, sandi = jalankan(
                request, form_sandi, lambda: adm.reset_kata_sandi(pengguna=pengguna, oleh=request.user, sandi=sandi_isi)
            )
            if ok:
                return render(request, "kerja/admin_sandi.html", {"pengguna": pengguna, "sandi": sandi})
        if aksi == "peran" and form_peran.is_valid():
            d = form_peran.cleaned_data
            ok, _obj = jalankan(
                request,
                form_peran,
                lambda: adm.tambah_peran(pengguna=pengguna, unit=d["unit"], peran=d["peran"], oleh=request.user),
            )
            if ok:
                messages.success(request, _("Peran ditambahkan."))
                return redirect("kerja:admin_pengguna", pk=pengguna.pk)
    form_peran.fields["pengguna"].widget = form_peran.fields["pengguna"].hidden_widget()
    keanggotaan = list(pengguna.keanggotaan.select_related("unit").order_by("unit__nama", "peran"))
    return render(
        request,
        "kerja/admin_pengguna.html",
        {"pengguna": pengguna, "keanggotaan": keanggotaan, "form_peran": form_peran, "form_sandi": form_sandi},
    )


@login_required
def riwayat_administrasi(request):
    """The latest changes to units, heads, roles (history tables) and user accounts (log entries)."""
    _hanya_admin(request)
    batas = 100
    entri = []
    sumber = (
        (UnitKerja.history.select_related("history_user"), _("Unit"), lambda h: h.nama),
        (
            KepalaUnit.history.select_related("history_user", "unit"),
            _("Kepala unit"),
            lambda h: f"{h.nama} ({h.jabatan}) — {h.unit.nama if h.unit else '?'}",
        ),
        (
            Keanggotaan.history.select_related("history_user", "pengguna", "unit"),
            _("Peran"),
            lambda h: f"{h.pengguna} — {Peran(h.peran).label} — {h.unit.nama if h.unit else _('semua unit')}",
        ),
    )
    for qs, label, teks in sumber:
        for h in qs.order_by("-history_date")[:batas]:
            entri.append(
                {
                    "waktu": h.history_date,
                    "oleh": h.history_user,
                    "jenis": label,
                    "aksi": JENIS.get(h.history_type, h.history_type),
                    "objek": teks(h),
                }
            )
    ct = ContentType.objects.get_for_model(get_user_model())
    for log in LogEntry.objects.filter(content_type=ct).select_related("user").order_by("-action_time")[:batas]:
        entri.append(
            {
                "waktu": log.action_time,
                "oleh": log.user,
                "jenis": _("Pengguna"),
                "aksi": log.change_message,
                "objek": log.object_repr,
            }
        )
    entri.sort(key=lambda e: e["waktu"], reverse=True)
    return render(request, "kerja/admin_riwayat.html", {"entri": entri[:batas]})
