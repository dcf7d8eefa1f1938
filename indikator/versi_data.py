"""Data versions of a unit's years (`PeriodeUnit.versi_data`): every write raises the version of the year it
writes (the period lock does it, the admin and bulk loads call these), and caches of figures derived from a
unit's data (the roll-up summaries, the year a unit's pages open on) are keyed on them. Not the optimistic-lock
token of a form (`indikator.token_ubah`) nor a PK version (`VersiPK`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, F, Q, Sum

from .models import PeriodeUnit, UnitKerja


def naikkan_versi_baris(periode: PeriodeUnit) -> None:
    """Raise the version of one (saved) period row: by the period lock, for the write that holds it."""
    PeriodeUnit.objects.filter(pk=periode.pk).update(versi_data=F("versi_data") + 1)


def naikkan_versi_semua() -> None:
    """Raise the data version of every unit-year: for bulk loads that bypass the write services (demo and
    scale data commands), so no cached roll-up summary of the data before the load is read again. A unit without
    any period row gets a draft row of the current year (the same as no row) so that it has a version to raise."""
    tanpa_baris = UnitKerja.objects.filter(periode__isnull=True).values_list("pk", flat=True)
    tahun = datetime.date.today().year
    PeriodeUnit.objects.bulk_create(
        [PeriodeUnit(unit_id=pk, tahun=tahun) for pk in tanpa_baris], ignore_conflicts=True, batch_size=1000
    )
    PeriodeUnit.objects.update(versi_data=F("versi_data") + 1)


def versi_data(unit_ids: Iterable[int], *, dengan_bawahan: bool = False) -> dict[int, tuple[int, int]]:
    """Per unit id: (sum of its years' `versi_data`, number of its period rows) in one query; with `dengan_bawahan`
    over the unit and its direct sub-units. Every write raises one of these versions, so the pair changes with the
    data; caches of figures derived from a unit's data are keyed on it."""
    ids = list(unit_ids)
    hasil = dict.fromkeys(ids, (0, 0))
    cakupan = Q(unit_id__in=ids) | Q(unit__induk_id__in=ids) if dengan_bawahan else Q(unit_id__in=ids)
    for unit_id, induk_id, v, n in (
        PeriodeUnit.objects.filter(cakupan)
        .values_list("unit_id", "unit__induk_id")
        .annotate(v=Sum("versi_data"), n=Count("id"))
        .order_by()
    ):
        for x in {unit_id, induk_id} if dengan_bawahan else {unit_id}:
            if x in hasil:
                hasil[x] = (hasil[x][0] + (v or 0), hasil[x][1] + n)
    return hasil


def naikkan_versi(unit_id: int, daftar_tahun: Iterable[int]) -> None:
    """Raise `PeriodeUnit.versi_data` of the unit's years (rows created as draft when missing), in the caller's
    transaction: for writes that do not take the period lock (the admin). Cached roll-up summaries
    (`dasbor.ringkasan`) are keyed on these versions, so the next roll-up recomputes these units."""
    daftar_tahun = sorted(set(daftar_tahun))
    if not unit_id or not daftar_tahun:
        return
    PeriodeUnit.objects.bulk_create(
        [PeriodeUnit(unit_id=unit_id, tahun=t) for t in daftar_tahun], ignore_conflicts=True
    )
    PeriodeUnit.objects.filter(unit_id=unit_id, tahun__in=daftar_tahun).update(versi_data=F("versi_data") + 1)
