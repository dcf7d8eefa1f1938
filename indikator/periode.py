"""Period lock and approval workflow of a unit's year (draft → diajukan → disahkan → dikunci).

Every write to a unit's year takes the period row lock (`kunci_periode_untuk_tulis`, inside the write's
transaction) and is refused when the year is submitted (diajukan), approved or locked; the workflow steps lock the same row, so no
edit can commit after an approval. Each step is allowed to the role that `indikator.akses` grants it. On
approval the unit profile is kept (`PeriodeUnit.profil_disahkan`) so the frozen year's report does not change.

Policy for a submitted year: it is frozen for everyone — planners, heads and administrators alike — so the head
approves exactly what was submitted. Only the workflow changes it: the head returns it (dikembalikan, editable
again) or approves it; an administrator may reopen it (buka kunci). Each step sends its e-mail (`surel`).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from umum.teks import periksa_medan

from . import akses, surel
from .enums import STATUS_BEKU, STATUS_FINAL, StatusPeriode
from .models import KepalaUnit, PeriodeUnit, UnitKerja

# Re-exported for code written before the data versions had their own module; import from indikator.versi_data.
from .versi_data import naikkan_versi, naikkan_versi_baris, naikkan_versi_semua, versi_data  # noqa: F401,E402

# --- Period lock -------------------------------------------------------------------------------------


class PeriodeBeku(ValidationError):
    """Raised when a write targets a unit's year that is frozen now (`STATUS_BEKU`: submitted, approved or
    locked); `code` says which ("diajukan": until the head returns it; "terkunci": a final year)."""


def ambil_periode(*, unit: UnitKerja, tahun: int) -> PeriodeUnit:
    """The period row of a unit's year (an unsaved draft when none exists yet): the one read of it, 1 query."""
    return PeriodeUnit.objects.filter(unit=unit, tahun=tahun).select_related("diubah_oleh").first() or PeriodeUnit(
        unit=unit, tahun=tahun
    )


def status_periode(unit: UnitKerja, tahun: int) -> str:
    return ambil_periode(unit=unit, tahun=tahun).status


def _tolak_bila_beku(unit: UnitKerja, tahun: int, status: str) -> None:
    if status == StatusPeriode.DIAJUKAN:
        raise PeriodeBeku(
            _(
                "Data %(unit)s tahun %(tahun)s sedang diajukan untuk disahkan dan dibekukan: perubahan ditolak "
                "sampai pimpinan mengembalikannya."
            )
            % {"unit": unit.nama, "tahun": tahun},
            code="diajukan",
        )
    if status in STATUS_FINAL:
        raise PeriodeBeku(
            _("Data %(unit)s tahun %(tahun)s sudah %(status)s dan tidak dapat diubah.")
            % {"unit": unit.nama, "tahun": tahun, "status": StatusPeriode(status).label.lower()},
            code="terkunci",
        )


def pastikan_dapat_diubah(unit: UnitKerja, tahun: int, periode: PeriodeUnit | None = None) -> None:
    """Refuse edits (and imports) to a year that is submitted (diajukan), approved (disahkan) or locked (dikunci).

    A read-only check (pages, previews); `periode`: the row when the caller already fetched it (no query).
    Writes use `kunci_periode_untuk_tulis`, which also holds the row."""
    status = periode.status if periode is not None else status_periode(unit, tahun)
    _tolak_bila_beku(unit, tahun, status)


def tahan_periode(unit: UnitKerja, tahun: int) -> PeriodeUnit:
    """The period row, without refusing a frozen year: locked (SELECT ... FOR UPDATE) until the caller's transaction ends; created as draft when
    missing so that there is always a row to lock."""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("period writes must run inside transaction.atomic")
    qs = PeriodeUnit.objects.select_for_update()
    periode = qs.filter(unit=unit, tahun=tahun).first()
    if periode is None:
        # A draft row to lock; created without a history record (the history holds the workflow steps only)
        # and without failing when a concurrent write creates it first.
        PeriodeUnit.objects.bulk_create([PeriodeUnit(unit=unit, tahun=tahun)], ignore_conflicts=True)
        periode = qs.get(unit=unit, tahun=tahun)
    return periode


def kunci_periode_untuk_tulis(unit: UnitKerja, tahun: int) -> PeriodeUnit:
    """Take the period row lock for a write and refuse (PeriodeBeku) an approved or locked year.

    Must run inside the write's transaction: the lock is held until it commits, and an approval (which locks the
    same row) waits for it — or the write waits for the approval and is then refused."""
    periode = tahan_periode(unit, tahun)
    _tolak_bila_beku(unit, tahun, periode.status)
    naikkan_versi_baris(periode)
    return periode


def kunci_rentang_untuk_tulis(unit: UnitKerja, *, tahun_mulai: int, tahun_selesai: int) -> None:
    """`kunci_periode_untuk_tulis` for every year of a structural edit (Renstra, sasaran, indikator), in year
    order (always the same order, so two structural edits cannot deadlock).

    Policy: the structure of approved years is changed through a new Renstra revision, not in place."""
    for tahun in range(tahun_mulai, tahun_selesai + 1):
        kunci_periode_untuk_tulis(unit, tahun)


def pastikan_rentang_dapat_diubah(unit: UnitKerja, *, tahun_mulai: int, tahun_selesai: int) -> None:
    """Refuse a structural edit (Renstra, sasaran, indikator) when any year it applies to is approved or locked.

    Policy: the structure of approved years is changed through a new Renstra revision, not in place.
    """
    terkunci = (
        PeriodeUnit.objects.filter(
            unit=unit,
            tahun__gte=tahun_mulai,
            tahun__lte=tahun_selesai,
            status__in=STATUS_BEKU,
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


@transaction.atomic
def _ubah_status(
    *, aksi: str, unit: UnitKerja, tahun: int, oleh, komentar: str = "", catatan: str | None = None
) -> PeriodeUnit:
    if not boleh_melakukan(oleh, aksi=aksi, unit=unit):
        raise PermissionDenied(gettext("Anda tidak berwenang melakukan langkah ini."))
    periode = tahan_periode(unit, tahun)
    asal, tujuan = ALUR[aksi]
    if periode.status not in asal:
        raise TransisiTidakSah(
            gettext("Langkah ini tidak dapat dilakukan pada periode berstatus %(status)s.")
            % {"status": periode.get_status_display().lower()},
            code="transisi",
        )
    periode.status = tujuan
    periode.komentar = komentar
    if catatan is not None:
        periode.catatan_pengajuan = catatan
    periksa_medan(periode, "komentar", "catatan_pengajuan")
    periode.diubah_oleh = oleh
    # The history's reason column holds 100 characters; the whole comment stays on the row.
    periode._change_reason = (f"{aksi}: {komentar}" if komentar else aksi)[:100]
    if tujuan == StatusPeriode.DISAHKAN:
        periode.profil_disahkan = potret_profil(unit, tahun)
    periode._history_user = oleh
    periode.save()
    if tujuan == StatusPeriode.DISAHKAN:
        periode_disahkan.send(sender=PeriodeUnit, periode=periode)
    return periode


# Sent inside the approval's transaction, after the period row is saved (argument `periode`): apps above this one
# keep what the frozen year prints (the report keeps its legal wording, `laporan.dinas.simpan_naskah_disahkan`).
periode_disahkan = Signal()


def kepala_akhir_tahun(tahun: int, kepala) -> KepalaUnit | None:
    """The head who signs the year's documents: valid on 31 December of the year, else the latest before."""
    hari = datetime.date(tahun, 12, 31)
    valid = [k for k in kepala if k.mulai <= hari and (k.selesai is None or k.selesai >= hari)]
    if valid:
        return max(valid, key=lambda k: k.mulai)
    lalu = [k for k in kepala if k.mulai <= hari]
    return max(lalu, key=lambda k: k.mulai) if lalu else None


PROFIL_UNIT = ("nama", "singkatan", "instansi", "alamat", "kota", "tugas", "fungsi")
PROFIL_KEPALA = ("nama", "nama_bergelar", "nip", "jabatan")


def potret_profil(unit: UnitKerja, tahun: int) -> dict:
    """The unit profile the year's report prints (cover, head, duties, logo), as stored at approval."""
    unit = UnitKerja.objects.get(pk=unit.pk)
    kepala = kepala_akhir_tahun(tahun, list(KepalaUnit.objects.filter(unit=unit)))
    return {
        "unit": {**{f: getattr(unit, f) for f in PROFIL_UNIT}, "logo": unit.logo.name or ""},
        "kepala": (
            {
                **{f: getattr(kepala, f) for f in PROFIL_KEPALA},
                "mulai": kepala.mulai.isoformat(),
                "selesai": kepala.selesai.isoformat() if kepala.selesai else None,
            }
            if kepala
            else None
        ),
    }


def profil_dari_potret(unit: UnitKerja, potret: dict) -> tuple[UnitKerja, KepalaUnit | None]:
    """Unsaved copies of the unit and its head as they were at approval (for the frozen year's report)."""
    salinan = UnitKerja(pk=unit.pk, slug=unit.slug, induk_id=unit.induk_id, urutan=unit.urutan)
    for f, v in potret.get("unit", {}).items():
        setattr(salinan, f, v)
    k = potret.get("kepala")
    if not k:
        return salinan, None
    kepala = KepalaUnit(unit=salinan, **{f: k.get(f, "") for f in PROFIL_KEPALA})
    kepala.mulai = datetime.date.fromisoformat(k["mulai"])
    kepala.selesai = datetime.date.fromisoformat(k["selesai"]) if k.get("selesai") else None
    return salinan, kepala


class ProfilTahun(NamedTuple):
    unit: UnitKerja
    kepala: KepalaUnit | None  # the head kept at approval (None when none was kept or `disimpan` is False)
    disimpan: bool  # True: the profile kept at approval


def profil_tahun(periode: PeriodeUnit, unit: UnitKerja) -> ProfilTahun:
    """The unit profile a year prints: a final year with a kept profile prints the unit and its head as they were
    at approval (later profile changes apply to open years only); otherwise the unit as it is (the caller picks
    the head at year end)."""
    if periode.final and periode.profil_disahkan:
        return ProfilTahun(*profil_dari_potret(unit, periode.profil_disahkan), disimpan=True)
    return ProfilTahun(unit, None, disimpan=False)


def _dengan_kabar(aksi: str, periode: PeriodeUnit) -> PeriodeUnit:
    surel.kabarkan_langkah(periode, aksi)
    return periode


def ajukan_periode(*, unit: UnitKerja, tahun: int, oleh, catatan: str = "") -> PeriodeUnit:
    """Planner submits the year (draft/dikembalikan → diajukan) with an optional note; the heads get an e-mail.
    From here the year is frozen until the head returns it."""
    periode = _ubah_status(aksi="ajukan", unit=unit, tahun=tahun, oleh=oleh, catatan=(catatan or "").strip())
    return _dengan_kabar("ajukan", periode)


def kembalikan_periode(*, unit: UnitKerja, tahun: int, oleh, komentar: str) -> PeriodeUnit:
    """Head returns the year to the planner (diajukan → dikembalikan); a comment is mandatory."""
    if not (komentar or "").strip():
        raise ValidationError({"komentar": gettext("Komentar wajib diisi saat mengembalikan.")}, code="wajib")
    periode = _ubah_status(aksi="kembalikan", unit=unit, tahun=tahun, oleh=oleh, komentar=komentar.strip())
    return _dengan_kabar("kembalikan", periode)


def sahkan_periode(*, unit: UnitKerja, tahun: int, oleh, komentar: str = "") -> PeriodeUnit:
    """Head approves (diajukan → disahkan); from here every edit is refused."""
    periode = _ubah_status(aksi="sahkan", unit=unit, tahun=tahun, oleh=oleh, komentar=(komentar or "").strip())
    return _dengan_kabar("sahkan", periode)


def kunci_periode(*, unit: UnitKerja, tahun: int, oleh) -> PeriodeUnit:
    """Head locks an approved year (disahkan → dikunci)."""
    return _ubah_status(aksi="kunci", unit=unit, tahun=tahun, oleh=oleh)


def buka_kunci_periode(*, unit: UnitKerja, tahun: int, oleh, alasan: str) -> PeriodeUnit:
    """Administrator reopens the year (back to draft); a reason is mandatory and kept in the history."""
    if not (alasan or "").strip():
        raise ValidationError({"komentar": gettext("Alasan wajib diisi saat membuka kunci.")}, code="wajib")
    return _ubah_status(aksi="buka_kunci", unit=unit, tahun=tahun, oleh=oleh, komentar=alasan.strip())


@transaction.atomic
def atur_tenggat(*, unit: UnitKerja, tahun: int, oleh, tenggat: datetime.date | None) -> PeriodeUnit:
    """Head or administrator sets (or clears) the submission deadline of the unit's year; allowed in any status."""
    if not boleh_melakukan(oleh, aksi="sahkan", unit=unit):
        raise PermissionDenied(gettext("Hanya pimpinan atau administrator yang dapat mengatur tenggat."))
    periode = tahan_periode(unit, tahun)
    periode.tenggat = tenggat
    periode._change_reason = "tenggat"
    periode._history_user = oleh
    # Only the deadline column is written: who last moved the status, and when, stays as it was.
    periode.save(update_fields=["tenggat"])
    return periode
