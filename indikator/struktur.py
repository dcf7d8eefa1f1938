"""The structure in force in a year: the unit's Renstra covering it (latest start first) and in it the covering
revision with the highest number. The one rule read by the measurement (`queries`), the write services (an
indikator not in force that year is refused) and the report files (a year without a structure has no report)."""

from __future__ import annotations

from .models import Renstra, RevisiRenstra, UnitKerja


class DataTidakDitemukan(LookupError):
    """No Renstra (or structure) covers the requested unit and year."""


def renstra_untuk(unit: UnitKerja, tahun: int) -> Renstra:
    renstra = (
        Renstra.objects.select_related("skema", "unit")
        .filter(unit=unit, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        .order_by("-tahun_mulai", "-id")
        .first()
    )
    if renstra is None:
        raise DataTidakDitemukan(f"Tidak ada Renstra {unit.nama} yang mencakup tahun {tahun}.")
    return renstra


def revisi_untuk(renstra: Renstra, tahun: int) -> RevisiRenstra:
    revisi = (
        RevisiRenstra.objects.filter(renstra=renstra, berlaku_mulai__lte=tahun, berlaku_sampai__gte=tahun)
        .order_by("-nomor", "-id")
        .first()
    )
    if revisi is None:
        raise DataTidakDitemukan(f"Renstra {renstra} tidak memiliki struktur sasaran untuk tahun {tahun}.")
    return revisi
