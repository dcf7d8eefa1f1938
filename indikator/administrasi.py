"""Administration writes: units and their heads, users (create, deactivate, temporary password) and roles per unit.

Who may do what is checked here too (the views check first for a 403): administrators everything; the head of a
unit (pimpinan) adds and removes planners (perencana) of their own unit and its sub-units, nothing else. Auditor,
pimpinan and administrator roles are granted and revoked by administrators only. Units, heads and
memberships keep their django-simple-history trail; user accounts (which have no history table) get a Django
`LogEntry` per change, shown with the rest on the administration history page.
"""

from __future__ import annotations

import datetime
import secrets

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.signals import user_logged_in
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext

from umum.sandi import KUNCI_SANDI_SEMENTARA

from . import akses
from .enums import Peran
from .models import Keanggotaan, KepalaUnit, SandiSementara, UnitKerja

# Roles a unit's head may hand out in their own units (and sub-units); every other role is an administrator's.
PERAN_OLEH_KEPALA = (Peran.PERENCANA,)
HURUF_SANDI = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _catat(oleh, obj, aksi: int, pesan: str) -> None:
    """A LogEntry for a change to a user account (the audit trail of users)."""
    LogEntry.objects.create(
        user_id=oleh.pk,
        content_type_id=ContentType.objects.get_for_model(obj).pk,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=aksi,
        change_message=pesan,
    )


def _pastikan_admin(oleh) -> None:
    if not akses.adalah_admin(oleh):
        raise PermissionDenied(gettext("Hanya administrator yang dapat melakukan ini."))


def sandi_sementara(pengguna=None) -> str:
    """A random temporary password (14 characters without look-alikes) that passes the password validators, shown
    once to the administrator."""
    for _ in range(20):
        sandi = "".join(secrets.choice(HURUF_SANDI) for _ in range(14))
        try:
            validate_password(sandi, pengguna)
        except ValidationError as e:
            galat = e
            continue
        return sandi
    raise galat  # validators no random 14-character password passes (e.g. a longer minimum length configured)


def tandai_sandi_sementara(pengguna, oleh) -> None:
    """The password was set by someone else: the user must choose their own at the next login."""
    SandiSementara.objects.update_or_create(pengguna=pengguna, defaults={"diatur_oleh": oleh})


def sandi_diganti_sendiri(pengguna) -> None:
    """The user chose their own password: no longer temporary."""
    SandiSementara.objects.filter(pengguna=pengguna).delete()


@receiver(user_logged_in, dispatch_uid="sakip-sandi-sementara")
def _tandai_sesi_sandi_sementara(sender, request, user, **kwargs):
    """At login, remember in the session whether the password is temporary (the middleware reads only that)."""
    if request is not None and hasattr(request, "session"):
        if SandiSementara.objects.filter(pengguna=user).exists():
            request.session[KUNCI_SANDI_SEMENTARA] = True
        else:
            request.session.pop(KUNCI_SANDI_SEMENTARA, None)


# --- Units -------------------------------------------------------------------------------------------------


def _pastikan_bukan_siklus(unit: UnitKerja) -> None:
    """The parent may not be the unit itself or one of its sub-units."""
    if unit.pk is None or unit.induk_id is None:
        return
    induk: dict[int, int | None] = dict(UnitKerja.objects.values_list("id", "induk_id"))
    u: int | None = unit.induk_id
    while u is not None:
        if u == unit.pk:
            raise ValidationError(
                {"induk": gettext("Unit atasan tidak boleh unit ini sendiri atau salah satu sub-unitnya.")},
                code="siklus",
            )
        u = induk.get(u)


@transaction.atomic
def simpan_unit(*, unit: UnitKerja, oleh) -> UnitKerja:
    _pastikan_admin(oleh)
    _pastikan_bukan_siklus(unit)
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def simpan_kepala(*, kepala: KepalaUnit, oleh) -> KepalaUnit:
    """A new head of a unit; the previous open-ended head's term ends the day before (history kept)."""
    _pastikan_admin(oleh)
    kepala.full_clean()
    if kepala.pk is None and kepala.selesai is None:
        sebelumnya = KepalaUnit.objects.filter(unit=kepala.unit, selesai__isnull=True, mulai__lt=kepala.mulai)
        for lama in sebelumnya:
            lama.selesai = kepala.mulai - datetime.timedelta(days=1)
            lama.save()
    kepala.save()
    return kepala


# --- Users -------------------------------------------------------------------------------------------------


@transaction.atomic
def buat_pengguna(*, username: str, nama_depan: str, nama_belakang: str = "", email: str = "", oleh):
    """Create an active user with a temporary password; returns (user, password). The password is not kept."""
    _pastikan_admin(oleh)
    User = get_user_model()
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": gettext("Nama pengguna ini sudah dipakai.")}, code="unik")
    user = User(username=username, first_name=nama_depan.strip(), last_name=nama_belakang.strip(), email=email)
    user.full_clean(exclude=["password"])
    sandi = sandi_sementara(user)
    user.set_password(sandi)
    user.save()
    tandai_sandi_sementara(user, oleh)
    _catat(oleh, user, ADDITION, gettext("Pengguna dibuat dengan kata sandi sementara."))
    return user, sandi


@transaction.atomic
def atur_aktif(*, pengguna, aktif: bool, oleh):
    """Deactivate (the user can no longer sign in; data and roles are kept) or reactivate a user."""
    _pastikan_admin(oleh)
    if not aktif and pengguna.pk == oleh.pk:
        raise ValidationError(gettext("Anda tidak dapat menonaktifkan akun Anda sendiri."), code="diri")
    if pengguna.is_active == aktif:
        return pengguna
    pengguna.is_active = aktif
    pengguna.save(update_fields=["is_active"])
    _catat(oleh, pengguna, CHANGE, gettext("Diaktifkan.") if aktif else gettext("Dinonaktifkan."))
    return pengguna


@transaction.atomic
def reset_kata_sandi(*, pengguna, oleh, sandi: str | None = None) -> str:
    """Set a new temporary password (random unless given; a given one must pass the password validators). The user
    must change it at the next login; their open sessions end (the session hash follows the password)."""
    _pastikan_admin(oleh)
    if sandi:
        validate_password(sandi, pengguna)
    else:
        sandi = sandi_sementara(pengguna)
    pengguna.set_password(sandi)
    pengguna.save(update_fields=["password"])
    tandai_sandi_sementara(pengguna, oleh)
    _catat(oleh, pengguna, CHANGE, gettext("Kata sandi diatur ulang oleh administrator."))
    return sandi


# --- Roles -------------------------------------------------------------------------------------------------


def alasan_tolak_peran(user, *, unit: UnitKerja | None, peran: str) -> str | None:
    """Why `user` may not grant or revoke `peran` in `unit` (None: allowed). Administrators: any role anywhere.
    A unit's head: planners of their units and sub-units only."""
    if akses.adalah_admin(user):
        return None
    if peran not in PERAN_OLEH_KEPALA:
        return gettext(
            "Peran %(peran)s hanya dapat diberikan atau dicabut oleh administrator; pimpinan unit hanya mengatur "
            "perencana."
        ) % {"peran": Peran(peran).label if peran in Peran.values else peran}
    if unit is None or not akses.dapat_mengesahkan(user, unit):
        return gettext("Anda tidak berwenang mengatur peran pada unit ini.")
    return None


def boleh_atur_peran(user, *, unit: UnitKerja | None, peran: str) -> bool:
    return alasan_tolak_peran(user, unit=unit, peran=peran) is None


def pastikan_boleh_atur_peran(oleh, unit, peran) -> None:
    """PermissionDenied (403) with the reason when `oleh` may not grant or revoke `peran` in `unit`."""
    alasan = alasan_tolak_peran(oleh, unit=unit, peran=peran)
    if alasan:
        raise PermissionDenied(alasan)


@transaction.atomic
def tambah_peran(*, pengguna, unit: UnitKerja | None, peran: str, oleh) -> Keanggotaan:
    pastikan_boleh_atur_peran(oleh, unit, peran)
    if peran not in Peran.values:
        raise ValidationError({"peran": gettext("Peran tidak dikenal.")}, code="peran")
    if unit is None and peran in (Peran.PERENCANA, Peran.PIMPINAN):
        raise ValidationError({"unit": gettext("Perencana dan pimpinan harus terikat pada satu unit.")}, code="unit")
    k, dibuat = Keanggotaan.objects.get_or_create(pengguna=pengguna, unit=unit, peran=peran)
    if not dibuat:
        raise ValidationError(gettext("Pengguna ini sudah memiliki peran tersebut pada unit ini."), code="ada")
    return k


@transaction.atomic
def hapus_peran(*, keanggotaan: Keanggotaan, oleh) -> None:
    pastikan_boleh_atur_peran(oleh, keanggotaan.unit, keanggotaan.peran)
    if keanggotaan.pengguna_id == oleh.pk and keanggotaan.peran == Peran.ADMINISTRATOR:
        raise ValidationError(gettext("Anda tidak dapat mencabut peran administrator Anda sendiri."), code="diri")
    keanggotaan.delete()
