"""`{% letak_analisis_indikator indikator as letak %}`: where the report prints an indikator's yearly analysis
("Bab III · Sasaran 1 · di bawah kalimat capaian indikator IKU1"), for the realisasi page. One query (the order of
the sasaran of the indikator's structure)."""

from django import template

from indikator.models import Sasaran
from laporan.narasi import letak_analisis_indikator as _letak

register = template.Library()


@register.simple_tag
def letak_analisis_indikator(indikator) -> str:
    urutan = list(
        Sasaran.objects.filter(revisi_id=indikator.sasaran.revisi_id)
        .order_by("urutan", "id")
        .values_list("pk", flat=True)
    )
    nomor = urutan.index(indikator.sasaran_id) + 1 if indikator.sasaran_id in urutan else 0
    return _letak(nomor, indikator.kode)
