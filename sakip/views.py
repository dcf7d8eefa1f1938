"""Home page: per unit the user can reach, its years with their status and the next step for this user."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from indikator.administrasi import sandi_diganti_sendiri
from indikator.akses import adalah_admin, id_unit_dipimpin, id_unit_tertulis, peran_pengguna, unit_terbaca
from indikator.enums import STATUS_FINAL, Peran, StatusPeriode
from indikator.models import PeriodeUnit
from indikator.tahun import tahun_unit_banyak
from umum.sandi import KUNCI_SANDI_SEMENTARA, bantuan_sandi_html


@dataclass(frozen=True)
class TahunBeranda:
    tahun: int
    status: str
    status_label: str
    komentar: str
    berjalan: bool
    langkah: str
    url: str
    url_laporan: str | None
    url_langkah: str | None = None


def _langkah(status: str, *, tulis: bool, sahkan: bool) -> str:
    """The next step of a year's workflow for this user."""
    if status in STATUS_FINAL:
        return _("Selesai: laporan final dapat diunduh.")
    if status == StatusPeriode.DIAJUKAN:
        return _("Periksa, lalu sahkan atau kembalikan.") if sahkan else _("Menunggu pengesahan pimpinan.")
    if status == StatusPeriode.DIKEMBALIKAN:
        return (
            _("Perbaiki sesuai komentar pimpinan, lalu ajukan kembali.") if tulis else _("Dikembalikan ke perencana.")
        )
    return _("Isi realisasi dan narasi, lalu ajukan.") if tulis else _("Masih diisi perencana.")


@login_required
def beranda(request):
    if Peran.PIMPINAN in peran_pengguna(request.user):
        # Heads land on their dashboard (issue #5).
        return redirect("dasbor:utama")
    units = list(unit_terbaca(request.user).order_by("urutan", "nama"))
    per_unit = tahun_unit_banyak(units)
    status = {
        (p.unit_id, p.tahun): p
        for p in PeriodeUnit.objects.filter(unit__in=units).only("unit", "tahun", "status", "komentar")
    }
    tertulis, dipimpin = id_unit_tertulis(request.user), id_unit_dipimpin(request.user)
    daftar = []
    for u in units:
        info = per_unit[u.pk]
        tulis = tertulis is None or u.pk in tertulis
        sahkan = dipimpin is None or u.pk in dipimpin
        # The years of the unit's own Renstra (the ones with a report); the current year when it has none.
        tahun_tampil = sorted(info.renstra or {info.berjalan}, reverse=True)
        # A unit without data: the first step is the guided start (scheme and Renstra period).
        mulai = reverse("kerja:mulai", args=[u.slug]) if not info.renstra and tulis else None
        baris = []
        for t in tahun_tampil:
            p = status.get((u.pk, t))
            kode = p.status if p else StatusPeriode.DRAFT
            if info.renstra:
                langkah = _langkah(kode, tulis=tulis, sahkan=sahkan)
            else:
                langkah = _("Belum ada rencana — mulai di sini") if mulai else _("Belum ada rencana.")
            baris.append(
                TahunBeranda(
                    tahun=t,
                    status=kode,
                    status_label=StatusPeriode(kode).label,
                    komentar=p.komentar if p and kode == StatusPeriode.DIKEMBALIKAN else "",
                    berjalan=t == info.berjalan,
                    langkah=langkah,
                    url=f"{reverse('kerja:utama')}?unit={u.slug}&tahun={t}",
                    url_laporan=reverse("laporan:html", args=[u.slug, t]) if t in info.renstra else None,
                    url_langkah=mulai,
                )
            )
        daftar.append({"unit": u, "berjalan": info.berjalan, "tahun": baris, "mulai": mulai})
    # The workflow's outcome where the planner looks first: "Dikembalikan: <comment>", "Disahkan oleh … pada …".
    kabar = list(
        PeriodeUnit.objects.filter(unit__in=units)
        .exclude(status=StatusPeriode.DRAFT)
        .select_related("unit", "diubah_oleh")
        .order_by("-diubah_pada")[:10]
    )
    # An administrator with no unit yet (right after createsuperuser): the first step is to create one.
    admin_kosong = not daftar and adalah_admin(request.user)
    return render(request, "beranda.html", {"daftar": daftar, "kabar": kabar, "admin_kosong": admin_kosong})


class FormGantiSandi(PasswordChangeForm):
    """Django's password change (old password, validators) that also refuses keeping the same password. A refused
    new password is reported on the new-password field; only a mismatch is reported on the confirmation."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_mismatch": _lazy("Kedua kata sandi baru tidak sama."),
        "password_incorrect": _lazy("Kata sandi lama Anda salah. Masukkan sekali lagi."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Kata sandi lama")
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password1"].help_text = bantuan_sandi_html()
        self.fields["new_password2"].label = _("Konfirmasi kata sandi baru")
        self.fields["new_password2"].help_text = _("Ketik kata sandi baru Anda sekali lagi, untuk memastikan.")

    def clean(self):
        # Not SetPasswordForm.clean: it runs the validators on new_password2, so their errors showed there.
        self.validate_passwords("new_password1", "new_password2")
        baru = self.cleaned_data.get("new_password1")
        if baru and "new_password2" not in self.errors:
            if self.user.check_password(baru):
                self.add_error(
                    "new_password1",
                    ValidationError(_("Kata sandi baru harus berbeda dari kata sandi lama."), code="sandi_sama"),
                )
            else:
                self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data


class GantiSandi(PasswordChangeView):
    """/sandi/: the user's own password. Keeps this session (update_session_auth_hash); every other session of the
    user ends at its next request (the session hash follows the password). Clears a temporary password."""

    form_class = FormGantiSandi

    def get_context_data(self, **kwargs):
        konteks = super().get_context_data(**kwargs)
        konteks["sandi_sementara"] = bool(self.request.session.get(KUNCI_SANDI_SEMENTARA))
        return konteks

    def form_valid(self, form):
        respons = super().form_valid(form)
        sandi_diganti_sendiri(form.user)
        self.request.session.pop(KUNCI_SANDI_SEMENTARA, None)
        return respons
