"""Period lock and approval workflow of a unit's year (draft → diajukan → disahkan → dikunci).

Every write to a unit's year goes through `pastikan_dapat_diubah`; the workflow steps change the period's
status, each step allowed to the role that `indikator.akses` grants it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from . import akses
from .enums import StatusPeriode
from .models import PeriodeUnit, UnitKerja

# --- Period lock -------------------------------------------------------------------------------------


class PeriodeTerkunci(ValidationError):
    """Raised when a write targets a unit's year that is approved or locked."""


def status_periode(unit: UnitKerja, tahun: int) -> str:
    p = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).only("status").first()
    return p.status if p else StatusPeriode.DRAFT


def pastikan_dapat_diubah(unit: UnitKerja, tahun: int) -> None:
    """Refuse edits (and imports) to a year that is approved (disahkan) or locked (dikunci)."""
    status = status_periode(unit, tahun)
    if status in {StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI}:
        raise PeriodeTerkunci(
            _("Data %(unit)s tahun %(tahun)s sudah %(status)s dan tidak dapat diubah.")
            % {"unit": unit.nama, "tahun": tahun, "status": StatusPeriode(status).label.lower()},
            code="terkunci",
        )


def pastikan_rentang_dapat_diubah(unit: UnitKerja, *, tahun_mulai: int, tahun_selesai: int) -> None:
    """Refuse a structural edit (Renstra, sasaran, indikator) when any year it applies to is approved or locked.

    Policy: the structure of approved years is changed through a new Renstra revision, not in place.
    """
    terkunci = (
        PeriodeUnit.objects.filter(
            unit=unit,
            tahun__gte=tahun_mulai,
            tahun__lte=tahun_selesai,
            status__in=[StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI],
        )
        .order_by("tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    if terkunci is not None:
        pastikan_dapat_diubah(unit, terkunci)


# --- Approval workflow (per unit and year) ----------------------------------------------------------


class TransisiTidakSah(ValidationError):
    """Raised when a workflow step does not apply to the period's current status."""


ALUR = {
    # aksi: (allowed from, to)
    "ajukan": ({StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN}, StatusPeriode.DIAJUKAN),
    "kembalikan": ({StatusPeriode.DIAJUKAN}, StatusPeriode.DIKEMBALIKAN),
    "sahkan": ({StatusPeriode.DIAJUKAN}, StatusPeriode.DISAHKAN),
    "kunci": ({StatusPeriode.DISAHKAN}, StatusPeriode.DIKUNCI),
    "buka_kunci": (
        {StatusPeriode.DIAJUKAN, StatusPeriode.DIKEMBALIKAN, StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI},
        StatusPeriode.DRAFT,
    ),
}


def boleh_melakukan(user, *, aksi: str, unit: UnitKerja) -> bool:
    """Who may take each step: planners submit; heads return, approve, lock; administrators unlock."""
    if aksi == "ajukan":
        return akses.dapat_mengubah(user, unit)
    if aksi in {"kembalikan", "sahkan", "kunci"}:
        return akses.dapat_mengesahkan(user, unit)
    if aksi == "buka_kunci":
        return akses.adalah_admin(user)
    return False


def aksi_tersedia(user, *, periode: PeriodeUnit) -> list[str]:
    return [
        aksi
        for aksi, (asal, _tujuan) in ALUR.items()
        if periode.status in asal and boleh_melakukan(user, aksi=aksi, unit=periode.unit)
    ]


def ambil_periode(*, unit: UnitKerja, tahun: int) -> PeriodeUnit:
    """The period row (unsaved draft when none exists yet)."""
    return PeriodeUnit.objects.filter(unit=unit, tahun=tahun).first() or PeriodeUnit(unit=unit, tahun=tahun)


@transaction.atomic
def _ubah_status(*, aksi: str, unit: UnitKerja, tahun: int, oleh, komentar: str = "") -> PeriodeUnit:
    if not boleh_melakukan(oleh, aksi=aksi, unit=unit):
        raise PermissionDenied(gettext("Anda tidak berwenang melakukan langkah ini."))
    periode = PeriodeUnit.objects.select_for_update().filter(unit=unit, tahun=tahun).first()
    if periode is None:
        periode = PeriodeUnit(unit=unit, tahun=tahun)
    asal, tujuan = ALUR[aksi]
    if periode.status not in asal:
        raise TransisiTidakSah(
            gettext("Langkah ini tidak dapat dilakukan pada periode berstatus %(status)s.")
            % {"status": periode.get_status_display().lower()},
            code="transisi",
        )
    periode.status = tujuan
    periode.komentar = komentar
    periode.diubah_oleh = oleh
    periode._change_reason = f"{aksi}: {komentar}" if komentar else aksi
    periode._history_user = oleh
    periode.save()
    return periode


def ajukan_periode(*, unit: UnitKerja, tahun: int, oleh) -> PeriodeUnit:
    """Planner submits the year (draft/dikembalikan → diajukan)."""
    return _ubah_status(aksi="ajukan", unit=unit, tahun=tahun, oleh=oleh)


def kembalikan_periode(*, unit: UnitKerja, tahun: int, oleh, komentar: str) -> PeriodeUnit:
    """Head returns the year to the planner (diajukan → dikembalikan); a comment is mandatory."""
    if not (komentar or "").strip():
        raise ValidationError({"komentar": gettext("Komentar wajib diisi saat mengembalikan.")}, code="wajib")
    return _ubah_status(aksi="kembalikan", unit=unit, tahun=tahun, oleh=oleh, komentar=komentar.strip())


def sahkan_periode(*, unit: UnitKerja, tahun: int, oleh, komentar: str = "") -> PeriodeUnit:
    """Head approves (diajukan → disahkan); from here every edit is refused."""
    return _ubah_status(aksi="sahkan", unit=unit, tahun=tahun, oleh=oleh, komentar=(komentar or "").strip())


def kunci_periode(*, unit: UnitKerja, tahun: int, oleh) -> PeriodeUnit:
    """Head locks an approved year (disahkan → dikunci)."""
    return _ubah_status(aksi="kunci", unit=unit, tahun=tahun, oleh=oleh)


def buka_kunci_periode(*, unit: UnitKerja, tahun: int, oleh, alasan: str) -> PeriodeUnit:
    """Administrator reopens the year (back to draft); a reason is mandatory and kept in the history."""
    if not (alasan or "").strip():
        raise ValidationError({"komentar": gettext("Alasan wajib diisi saat membuka kunci.")}, code="wajib")
    return _ubah_status(aksi="buka_kunci", unit=unit, tahun=tahun, oleh=oleh, komentar=alasan.strip())
