"""Budget models (domain guide §1, §5): hierarchical budget lines, pagu revisions, monthly realisasi,
sub-kegiatan input/output, and the Renstra funding framework. Raw inputs only."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indikator.models import Indikator, Renstra, Sasaran, UnitKerja
from umum.teks import TeksPanjang

from .enums import JenisMataAnggaran

RUPIAH = {"max_digits": 20, "decimal_places": 2}


class MataAnggaran(models.Model):
    """A budget line: program > kegiatan > output/komponen, identified by a hierarchical code per unit and year."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="mata_anggaran", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun anggaran"))
    kode = models.CharField(_("kode"), max_length=40, help_text=_("Kode berjenjang, mis. 001, 001.1, 001.1.a"))
    induk = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="anak", verbose_name=_("induk")
    )
    nama = models.CharField(_("nama"), max_length=300)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisMataAnggaran.choices)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    realisasi_tahunan = models.DecimalField(
        _("realisasi setahun (Rp)"),
        **RUPIAH,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Bila diisi, angka setahun ini dipakai menggantikan jumlah realisasi bulanan."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mata anggaran")
        verbose_name_plural = _("mata anggaran")
        ordering = ["unit", "tahun", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "kode"], name="mata_anggaran_kode_unik"),
            models.CheckConstraint(
                condition=Q(realisasi_tahunan__isnull=True) | Q(realisasi_tahunan__gte=0),
                name="mata_anggaran_realisasi_tahunan_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class PaguRevisi(models.Model):
    """A pagu figure of a budget line, valid from `berlaku_mulai`; the latest revision is the current pagu."""

    mata_anggaran = models.ForeignKey(
        MataAnggaran, on_delete=models.CASCADE, related_name="pagu", verbose_name=_("mata anggaran")
    )
    revisi_ke = models.PositiveIntegerField(_("revisi ke"), default=0)
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    nilai = models.DecimalField(_("pagu (Rp)"), **RUPIAH, validators=[MinValueValidator(0)])
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pagu")
        verbose_name_plural = _("pagu")
        ordering = ["mata_anggaran", "revisi_ke"]
        constraints = [
            models.UniqueConstraint(fields=["mata_anggaran", "revisi_ke"], name="pagu_revisi_unik"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="pagu_tidak_negatif"),
        ]

    def __str__(self):
        return f"{self.mata_anggaran.kode} rev {self.revisi_ke}: {self.nilai}"


class RealisasiAnggaran(models.Model):
    """Spending of a budget line in one month (not cumulative)."""

    mata_anggaran = models.ForeignKey(
        MataAnggaran, on_delete=models.CASCADE, related_name="realisasi", verbose_name=_("mata anggaran")
    )
    bulan = models.PositiveSmallIntegerField(_("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    nilai = models.DecimalField(_("realisasi (Rp)"), **RUPIAH, validators=[MinValueValidator(0)])
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        ordering = ["mata_anggaran", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["mata_anggaran", "bulan"], name="realisasi_anggaran_bulan_unik"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="realisasi_anggaran_bulan_1_12"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="realisasi_anggaran_tidak_negatif"),
        ]


class RencanaPenarikan(models.Model):
    """Planned spending of a budget line per month (the plan serapan is compared against)."""

    mata_anggaran = models.ForeignKey(
        MataAnggaran, on_delete=models.CASCADE, related_name="rencana_penarikan", verbose_name=_("mata anggaran")
    )
    bulan = models.PositiveSmallIntegerField(_("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    nilai = models.DecimalField(_("rencana (Rp)"), **RUPIAH, validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana penarikan")
        verbose_name_plural = _("rencana penarikan")
        ordering = ["mata_anggaran", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["mata_anggaran", "bulan"], name="rencana_penarikan_bulan_unik"),
            models.CheckConstraint(condition=Q(bulan__gte=1, bulan__lte=12), name="rencana_penarikan_bulan_1_12"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="rencana_penarikan_tidak_negatif"),
        ]


class SubKegiatan(models.Model):
    """An activity supporting a sasaran: input = a budget line, output = satuan, target, realisasi."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="sub_kegiatan", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("nama"), max_length=300)
    sasaran = models.ManyToManyField(Sasaran, blank=True, related_name="sub_kegiatan", verbose_name=_("sasaran"))
    indikator = models.ManyToManyField(
        Indikator, blank=True, related_name="sub_kegiatan", verbose_name=_("indikator yang didukung")
    )
    mata_anggaran = models.ForeignKey(
        MataAnggaran,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_kegiatan",
        verbose_name=_("input: mata anggaran"),
    )
    uraian_output = models.CharField(_("output: uraian"), max_length=300, blank=True)
    satuan_output = models.CharField(_("output: satuan"), max_length=60, blank=True)
    target_output = models.DecimalField(_("output: target"), max_digits=20, decimal_places=4, null=True, blank=True)
    realisasi_output = models.DecimalField(
        _("output: realisasi"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    keterangan = TeksPanjang(_("keterangan"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sub-kegiatan")
        verbose_name_plural = _("sub-kegiatan")
        ordering = ["unit", "tahun", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "nama"], name="sub_kegiatan_nama_unik"),
            models.CheckConstraint(
                condition=Q(target_output__isnull=True) | Q(target_output__gte=0), name="sub_kegiatan_target_output"
            ),
            models.CheckConstraint(
                condition=Q(realisasi_output__isnull=True) | Q(realisasi_output__gte=0),
                name="sub_kegiatan_realisasi_output",
            ),
        ]

    def __str__(self):
        return self.nama


class AlokasiRenstra(models.Model):
    """Funding framework of a Renstra: planned allocation per programme per year (Tabel 4)."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="alokasi", verbose_name=_("Renstra"))
    program = models.CharField(_("sasaran program / program"), max_length=300)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    tahun = models.PositiveIntegerField(_("tahun"))
    nilai = models.DecimalField(_("alokasi (Rp)"), **RUPIAH, validators=[MinValueValidator(0)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("alokasi Renstra")
        verbose_name_plural = _("alokasi Renstra")
        ordering = ["renstra", "urutan", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "program", "tahun"], name="alokasi_renstra_unik"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="alokasi_renstra_tidak_negatif"),
        ]
