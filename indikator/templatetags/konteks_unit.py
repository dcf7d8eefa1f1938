"""`{% konteks_unit unit tahun %}`: the strip every unit page shows (unit, year, status, and the same year's
workspace, dashboard, report, narrative and consistency check). Reads the period from the page's context when the
view already fetched it (`periode`), else one query; one more for whether the year has a report."""

from django import template

from indikator.models import Renstra
from indikator.periode import ambil_periode

register = template.Library()


@register.inclusion_tag("_konteks_unit.html", takes_context=True)
def konteks_unit(context, unit, tahun, aktif: str = ""):
    periode = context.get("periode")
    if periode is None or periode.unit_id != unit.pk or periode.tahun != tahun:
        periode = ambil_periode(unit=unit, tahun=tahun)
    # The report exists only for a year a Renstra covers (otherwise its link would be a 404).
    ada_laporan = Renstra.objects.filter(unit=unit, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun).exists()
    return {"unit": unit, "tahun": tahun, "periode": periode, "aktif": aktif, "ada_laporan": ada_laporan}
