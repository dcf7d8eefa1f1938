"""Scoring schemes (skema penilaian): kriteria bands, perspective weights, qualitative scales."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from umum.teks import TeksPanjang

from ..enums import (
    AgregasiNko,
    AgregasiPerspektif,
    Perspektif,
    RumusNegatif,
    StandarEfisiensi,
)

# Stored numbers: up to 16 integer digits and 4 decimals, raw as entered (rounding happens in formulas).
ANGKA = {"max_digits": 20, "decimal_places": 4}


class SkemaPenilaian(models.Model):
    """Scoring scheme: kriteria bands and every policy of domain guide §2–§5 that may vary per period."""

    kode = models.SlugField(_("kode"), max_length=60, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    tahun_mulai = models.PositiveIntegerField(_("berlaku dari tahun"))
    tahun_selesai = models.PositiveIntegerField(_("berlaku sampai tahun"))
    rumus_negatif = models.CharField(
        _("rumus polaritas negatif"), max_length=20, choices=RumusNegatif.choices, default=RumusNegatif.CERMIN
    )
    batas_capaian = models.DecimalField(
        _("batas capaian untuk NPS/NKO"),
        **ANGKA,
        null=True,
        blank=True,
        help_text=_("Kosong = tanpa batas. Capaian yang ditampilkan tidak pernah dibatasi."),
    )
    agregasi_perspektif = models.CharField(
        _("NPS perspektif"),
        max_length=20,
        choices=AgregasiPerspektif.choices,
        default=AgregasiPerspektif.RATA_INDIKATOR,
    )
    bobot_iku = models.DecimalField(_("bobot IKU"), **ANGKA, default=Decimal("1"))
    standar_efisiensi = models.CharField(
        _("standar efisiensi (SE)"), max_length=20, choices=StandarEfisiensi.choices, default=StandarEfisiensi.SATU
    )
    pakai_perspektif = models.BooleanField(
        _("memakai perspektif BSC"),
        default=True,
        help_text=_("Tanpa perspektif: sasaran tidak diberi perspektif dan NKO dihitung menurut pilihan di bawah."),
    )
    agregasi_nko = models.CharField(
        _("NKO tanpa perspektif"),
        max_length=20,
        choices=AgregasiNko.choices,
        default=AgregasiNko.RATA_SASARAN,
        help_text=_("Hanya untuk skema tanpa perspektif."),
    )
    skala_huruf = models.ForeignKey(
        "SkalaKualitatif",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="skema",
        verbose_name=_("skala nilai huruf"),
        help_text=_("Nilai tiap huruf (batas bawahnya) untuk target dan realisasi berupa huruf, mis. A = 80."),
    )
    keterangan = TeksPanjang(_("keterangan"), max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skema penilaian")
        verbose_name_plural = _("skema penilaian")
        ordering = ["tahun_mulai"]
        constraints = [
            models.CheckConstraint(condition=Q(tahun_selesai__gte=models.F("tahun_mulai")), name="skema_tahun_urut"),
            models.CheckConstraint(
                condition=Q(batas_capaian__isnull=True) | Q(batas_capaian__gt=0), name="skema_batas_positif"
            ),
        ]

    def __str__(self):
        return self.nama


class BandKriteria(models.Model):
    """One kriteria band of a scheme (label and colour are editable data)."""

    skema = models.ForeignKey(SkemaPenilaian, on_delete=models.CASCADE, related_name="band", verbose_name=_("skema"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    label = models.CharField(_("label"), max_length=60)
    warna = models.CharField(_("warna"), max_length=7, default="#999999")
    batas_bawah = models.DecimalField(_("batas bawah"), **ANGKA, null=True, blank=True)
    bawah_inklusif = models.BooleanField(_("batas bawah inklusif"), default=True)
    batas_atas = models.DecimalField(_("batas atas"), **ANGKA, null=True, blank=True)
    atas_inklusif = models.BooleanField(_("batas atas inklusif"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("band kriteria")
        verbose_name_plural = _("band kriteria")
        ordering = ["skema", "urutan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_bawah__isnull=True)
                | Q(batas_atas__isnull=True)
                | Q(batas_atas__gte=models.F("batas_bawah")),
                name="band_batas_urut",
            )
        ]

    def __str__(self):
        return f"{self.skema.kode}: {self.label}"


class BobotPerspektif(models.Model):
    """Weight of a perspective in the NKO (default: equal weights, i.e. no rows)."""

    skema = models.ForeignKey(
        SkemaPenilaian, on_delete=models.CASCADE, related_name="bobot_perspektif", verbose_name=_("skema")
    )
    perspektif = models.CharField(_("perspektif"), max_length=20, choices=Perspektif.choices)
    bobot = models.DecimalField(_("bobot"), **ANGKA, validators=[MinValueValidator(Decimal("0"))])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bobot perspektif")
        verbose_name_plural = _("bobot perspektif")
        constraints = [
            models.UniqueConstraint(fields=["skema", "perspektif"], name="bobot_perspektif_unik"),
            models.CheckConstraint(condition=Q(bobot__gte=0), name="bobot_perspektif_nonnegatif"),
        ]


class SkalaKualitatif(models.Model):
    """Ordinal scale (e.g. AKIP grades AA…D): a scheme's letter-grade scale or a qualitative indikator's own."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skala kualitatif")
        verbose_name_plural = _("skala kualitatif")

    def __str__(self):
        return self.nama


class NilaiSkala(models.Model):
    skala = models.ForeignKey(SkalaKualitatif, on_delete=models.CASCADE, related_name="nilai", verbose_name=_("skala"))
    kode = models.CharField(_("kode"), max_length=10)
    nilai = models.DecimalField(_("nilai"), **ANGKA)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nilai skala")
        verbose_name_plural = _("nilai skala")
        ordering = ["skala", "urutan"]
        constraints = [models.UniqueConstraint(fields=["skala", "kode"], name="nilai_skala_unik")]

    def __str__(self):
        return f"{self.kode} = {self.nilai}"
