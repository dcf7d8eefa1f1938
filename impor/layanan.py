"""Import service of the Excel round trip: the one entry point used by the workspace upload and `import_sakip`."""

from __future__ import annotations

from django.db import transaction

from indikator.models import UnitKerja
from indikator.periode import kunci_periode_untuk_tulis, pastikan_dapat_diubah

from .buku_kerja import HasilImpor, Konteks, baca_workbook, proses


def impor_excel(*, unit: UnitKerja, tahun: int, berkas, terapkan: bool) -> HasilImpor:
    """Import a SAKIP workbook into a unit's year: everything in one transaction, or nothing.

    With `terapkan=False` (preview / dry run) the same writes run and are rolled back, so the preview shows
    exactly what applying would do. Any error also rolls back. Raises `PeriodeBeku` for an approved or
    locked year and `impor.buku_kerja.WorkbookTidakValid` for an unreadable file. Returns `HasilImpor`.
    """
    pastikan_dapat_diubah(unit, tahun)
    data = baca_workbook(berkas)
    with transaction.atomic():
        # Hold the period row so that nobody approves or locks the year while the import is written.
        kunci_periode_untuk_tulis(unit, tahun)
        hasil = proses(Konteks(unit, tahun, pratinjau=not terapkan), data)
        if terapkan and not hasil.ada_galat:
            hasil.diterapkan = True
        else:
            transaction.set_rollback(True)
    return hasil
