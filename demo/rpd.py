"""DEMO data, not from the reference report: a Rencana Penarikan Dana (monthly disbursement plan) for the budget
lines of a unit's year that have a pagu and no plan, and the survey index marked as measured only yearly. The
reference LKj 2018 prints no RPD; these figures exist only so the periodic reports can be tried on the demo
(`manage.py muat_rpd_demo`). The plan spreads each pagu 15 / 25 / 30 / 30 % over March, June, September and
December (the last month takes the rounding), so it sums to the pagu exactly."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from django.db import transaction

from anggaran.models import MataAnggaran, RencanaPenarikan
from indikator.models import Indikator, UnitKerja
from laporan.models import IndikatorTahunan

POLA_DEMO = ((3, Decimal("0.15")), (6, Decimal("0.25")), (9, Decimal("0.30")))


@transaction.atomic
def muat_rpd_demo(unit: UnitKerja, tahun: int, indikator_tahunan: tuple[str, ...] = ("IKU1",)) -> int:
    """Writes the demo plan of every line with a pagu and no plan (idempotent); returns the number of lines."""
    n = 0
    for m in MataAnggaran.objects.filter(unit=unit, tahun=tahun).prefetch_related("pagu", "rencana_penarikan"):
        pagu = sorted(m.pagu.all(), key=lambda p: p.revisi_ke)
        if not pagu or list(m.rencana_penarikan.all()):
            continue
        nilai = pagu[-1].nilai
        rencana = {b: (nilai * p).quantize(Decimal(1), rounding=ROUND_DOWN) for b, p in POLA_DEMO}
        rencana[12] = nilai - sum(rencana.values())
        RencanaPenarikan.objects.bulk_create(
            RencanaPenarikan(mata_anggaran=m, bulan=b, nilai=v) for b, v in rencana.items()
        )
        n += 1
    for ind in Indikator.objects.milik(unit).filter(kode__in=indikator_tahunan):
        IndikatorTahunan.objects.get_or_create(indikator=ind)
    return n
