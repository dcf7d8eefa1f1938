"""Narrative of the Laporan Kinerja, written by people in Markdown, stored per unit, year and section."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indikator.models import Sasaran, UnitKerja


class NarasiLaporan(models.Model):
    """One narrative section of a unit's annual report (Markdown; sanitised when rendered).

    `bagian` is a stable key such as "kata_pengantar", "bab1_latar_belakang", "bab4_kesimpulan"; per-sasaran
    sections carry the sasaran and a key such as "analisis", "kegiatan_pendukung", "upaya_tahun_depan".
    """

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="narasi", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    bagian = models.SlugField(_("bagian"), max_length=80)
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="narasi", verbose_name=_("sasaran")
    )
    judul = models.CharField(_("judul"), max_length=200, blank=True)
    isi = models.TextField(_("isi (Markdown)"), blank=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("narasi laporan")
        verbose_name_plural = _("narasi laporan")
        ordering = ["unit", "tahun", "bagian"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "bagian"],
                condition=models.Q(sasaran__isnull=True),
                name="narasi_bagian_unik",
            ),
            models.UniqueConstraint(
                fields=["unit", "tahun", "bagian", "sasaran"],
                condition=models.Q(sasaran__isnull=False),
                name="narasi_bagian_sasaran_unik",
            ),
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.bagian}"
