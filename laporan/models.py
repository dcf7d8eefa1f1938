"""Narrative of the Laporan Kinerja, written by people in Markdown, stored per unit, year and section."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indikator.models import Sasaran, UnitKerja
from sakip.penyimpanan import penyimpanan_privat


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


class BerkasLaporan(models.Model):
    """A rendered report file (PDF or XLSX) of a unit's year, rendered by a task (`laporan.tugas`).

    Keyed by the hash of what the file is made of (the print HTML of the report in its language, the format and
    the warnings annex): one row — and at most one render — per distinct content. A data or narrative change
    gives a new hash, so an open year's drafts go stale by themselves (and are removed once a newer one is
    stored); an approved or locked year cannot change, so its final file is reused until the year is reopened.
    The file lives in private storage ("privat") and is served only through the access-checked download view."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel"

    class Status(models.TextChoices):
        ANTRI = "antri", _("dalam antrean")
        DIRENDER = "dirender", _("sedang dibuat")
        SELESAI = "selesai", _("selesai")
        GAGAL = "gagal", _("gagal")

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="berkas_laporan", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    hash = models.CharField(_("hash isi"), max_length=64)
    dengan_peringatan = models.BooleanField(_("dengan lampiran peringatan"), default=False)
    bahasa = models.CharField(_("bahasa"), max_length=8, default="id")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRI)
    alasan = models.TextField(_("alasan gagal"), blank=True)
    final = models.BooleanField(_("final"), default=False)
    berkas = models.FileField(_("berkas"), storage=penyimpanan_privat, max_length=255, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    dibuat_pada = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("berkas laporan")
        verbose_name_plural = _("berkas laporan")
        ordering = ["unit", "tahun", "format", "-dibuat_pada"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "format", "hash"], name="berkas_laporan_unik"),
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.format} ({self.get_status_display()})"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRI, self.Status.DIRENDER)

    def nama_simpan(self) -> str:
        """Storage key: unit, year and content hash."""
        return f"laporan/{self.unit_id}/{self.tahun}/{self.hash}.{self.format}"

    def nama_unduhan(self) -> str:
        return f"laporan-kinerja-{self.unit.slug}-{self.tahun}.{self.format}"
