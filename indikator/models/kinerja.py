"""Results: realisasi with narrative and evidence files, AKIP scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from umum.penyimpanan import penyimpanan_privat
from umum.teks import TeksPanjang

from ..enums import (
    KomponenAkip,
    RegulasiAkip,
)
from .organisasi import UnitKerja
from .rencana import Indikator
from .skema import ANGKA


class Realisasi(models.Model):
    """Actual value of an indikator for a year (triwulan empty) or a quarter, with its narrative."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi", verbose_name=_("indikator")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), null=True, blank=True)
    nilai = models.DecimalField(_("nilai"), **ANGKA, null=True, blank=True)
    nilai_kualitatif = models.CharField(_("nilai kualitatif"), max_length=10, blank=True)
    analisis = TeksPanjang(_("analisis"), max_length=10000, blank=True)
    faktor_pendukung = TeksPanjang(_("faktor pendukung"), max_length=5000, blank=True)
    faktor_penghambat = TeksPanjang(_("faktor penghambat"), max_length=5000, blank=True)
    rencana_tindak_lanjut = TeksPanjang(_("rencana tindak lanjut"), max_length=5000, blank=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(triwulan__isnull=True) | Q(triwulan__gte=1, triwulan__lte=4),
                name="realisasi_triwulan_1_4",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                condition=Q(triwulan__isnull=False),
                name="realisasi_triwulan_unik",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun"], condition=Q(triwulan__isnull=True), name="realisasi_tahunan_unik"
            ),
        ]

    def __str__(self):
        periode = f"TW{self.triwulan}" if self.triwulan else _("tahunan")
        return f"{self.indikator} {self.tahun} {periode}: {self.nilai_kualitatif or self.nilai}"


def _lokasi_bukti(instance, filename):
    r = instance.realisasi
    return f"bukti/{r.indikator_id}/{r.tahun}/{filename}"


class BuktiDukung(models.Model):
    """Evidence file of a realisasi."""

    realisasi = models.ForeignKey(
        Realisasi, on_delete=models.CASCADE, related_name="bukti", verbose_name=_("realisasi")
    )
    # Private storage (settings.SAKIP_PRIVATE_ROOT), never served by URL: see kerja.views.realisasi.bukti_unduh.
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_bukti, storage=penyimpanan_privat)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("diunggah oleh")
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")

    def __str__(self):
        return self.keterangan or self.berkas.name


# Deleting a BuktiDukung keeps its file in private storage (never served: downloads need the live record), so
# that an administrator can restore the record with its file ("Pulihkan", indikator.pemulihan). Files of records
# deleted longer than N days ago are removed by `manage.py bersihkan_bukti_terhapus`.


class NilaiAkip(models.Model):
    """Yearly AKIP evaluation result given by the Inspektorat.

    When components are recorded the total is their sum (computed); `nilai_dilaporkan` holds the total as
    published when the components are not available.
    """

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="nilai_akip", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    regulasi = models.CharField(
        _("regulasi"), max_length=30, choices=RegulasiAkip.choices, default=RegulasiAkip.PERMENPAN_12_2015
    )
    nilai_dilaporkan = models.DecimalField(_("nilai total dilaporkan"), **ANGKA, null=True, blank=True)
    evaluator = models.CharField(_("evaluator"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nilai AKIP")
        verbose_name_plural = _("nilai AKIP")
        ordering = ["unit", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun"], name="nilai_akip_unik"),
            models.CheckConstraint(
                condition=Q(nilai_dilaporkan__isnull=True) | Q(nilai_dilaporkan__gte=0, nilai_dilaporkan__lte=100),
                name="nilai_akip_0_100",
            ),
        ]

    def __str__(self):
        return f"AKIP {self.unit} {self.tahun}"


class KomponenNilaiAkip(models.Model):
    nilai_akip = models.ForeignKey(NilaiAkip, on_delete=models.CASCADE, related_name="komponen", verbose_name=_("AKIP"))
    komponen = models.CharField(_("komponen"), max_length=30, choices=KomponenAkip.choices)
    nilai = models.DecimalField(_("nilai"), **ANGKA)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komponen nilai AKIP")
        verbose_name_plural = _("komponen nilai AKIP")
        constraints = [
            models.UniqueConstraint(fields=["nilai_akip", "komponen"], name="komponen_akip_unik"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="komponen_akip_nonnegatif"),
        ]
