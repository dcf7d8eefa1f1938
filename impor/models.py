"""The one model of the Excel round trip: a large import run by the task worker (`impor.tugas`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indikator.models import UnitKerja
from umum.penyimpanan import penyimpanan_privat


class ImporLatar(models.Model):
    """An uploaded workbook above settings.SAKIP_IMPOR_LATAR_BARIS data rows, validated and applied by a task
    (all or nothing, under the period lock) instead of inside the request.

    The upload waits in private storage and is deleted once the task has run (applied or not). `hasil` keeps
    what the page shows afterwards: per sheet {"judul", "baru", "berubah", "tetap", "galat"} and the row errors
    as [lembar, baris, kolom, pesan]."""

    class Status(models.TextChoices):
        ANTRI = "antri", _("dalam antrean")
        DIPROSES = "diproses", _("sedang diproses")
        SELESAI = "selesai", _("selesai")
        GAGAL = "gagal", _("gagal")

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="impor_latar", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("pengunggah")
    )
    bahasa = models.CharField(_("bahasa"), max_length=8, default="id")
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    berkas = models.FileField(_("berkas"), upload_to="impor/", storage=penyimpanan_privat, max_length=255, blank=True)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris data"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRI)
    alasan = models.TextField(_("alasan gagal"), blank=True)
    hasil = models.JSONField(_("hasil"), default=dict, blank=True)
    dibuat_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor latar")
        verbose_name_plural = _("impor latar")
        ordering = ["-dibuat_pada"]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.nama_berkas} ({self.get_status_display()})"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRI, self.Status.DIPROSES)
