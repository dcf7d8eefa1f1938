"""What the routers share: a unit-year within the token's scope and its release state."""

from __future__ import annotations

from indikator.models import PeriodeUnit, UnitKerja

from ..lingkup import Lingkup, ambil_unit, tidak_ditemukan


def unit_tahun(lingkup: Lingkup, kode: str, tahun: int) -> tuple[UnitKerja, PeriodeUnit | None]:
    """The unit and its year's period row; 404 for a unit outside the scope and, without the draft scope, for a
    year not approved (the same answer as no data)."""
    unit = ambil_unit(lingkup, kode)
    periode = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).first()
    if not lingkup.tampak(periode):
        raise tidak_ditemukan(f"Tidak ada data yang disahkan untuk unit {kode} tahun {tahun}.")
    return unit, periode
