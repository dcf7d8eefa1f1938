"""The plan: Renstra and its revisions, tujuan, sasaran, indikator, yearly targets, PK versions and rows, Rencana Aksi."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from umum.format import format_target
from umum.teks import TeksPanjang, tanpa_karakter_kendali

from ..enums import (
    Agregasi,
    LevelSasaran,
    Perspektif,
    Polaritas,
    SumberTarget,
)
from .organisasi import UnitKerja
from .skema import ANGKA, SkalaKualitatif, SkemaPenilaian


class Renstra(models.Model):
    """5-year strategic plan of a unit."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("unit"))
    nama = models.CharField(_("nama"), max_length=200, validators=[tanpa_karakter_kendali])
    tahun_mulai = models.PositiveIntegerField(_("tahun mulai"))
    tahun_selesai = models.PositiveIntegerField(_("tahun selesai"))
    skema = models.ForeignKey(
        SkemaPenilaian, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("skema penilaian")
    )
    visi = TeksPanjang(_("visi"), max_length=2000, blank=True)
    misi = TeksPanjang(_("misi"), max_length=5000, blank=True, help_text=_("Satu misi per baris."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Renstra")
        verbose_name_plural = _("Renstra")
        ordering = ["unit", "tahun_mulai"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun_mulai"], name="renstra_unik"),
            models.CheckConstraint(condition=Q(tahun_selesai__gte=models.F("tahun_mulai")), name="renstra_tahun_urut"),
        ]

    def __str__(self):
        return f"{self.nama} ({self.tahun_mulai}–{self.tahun_selesai})"


class RevisiRenstra(models.Model):
    """A version of the Renstra's structure; its sasaran/indikator apply from `berlaku_mulai` to `berlaku_sampai`."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="revisi", verbose_name=_("Renstra"))
    nomor = models.PositiveIntegerField(_("nomor revisi"), default=0)
    nama = models.CharField(_("nama"), max_length=200, validators=[tanpa_karakter_kendali])
    berlaku_mulai = models.PositiveIntegerField(_("berlaku mulai tahun"))
    berlaku_sampai = models.PositiveIntegerField(_("berlaku sampai tahun"))
    tanggal = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    dasar_hukum = TeksPanjang(_("dasar hukum"), max_length=3000, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("revisi Renstra")
        verbose_name_plural = _("revisi Renstra")
        ordering = ["renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "nomor"], name="revisi_renstra_unik"),
            models.CheckConstraint(
                condition=Q(berlaku_sampai__gte=models.F("berlaku_mulai")), name="revisi_tahun_urut"
            ),
        ]

    def __str__(self):
        return f"{self.renstra} — {self.nama}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan", verbose_name=_("Renstra"))
    kode = models.CharField(_("kode"), max_length=20, blank=True)
    uraian = TeksPanjang(_("uraian"), max_length=1000)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["renstra", "urutan"]

    def __str__(self):
        return self.uraian[:80]


class Sasaran(models.Model):
    revisi = models.ForeignKey(
        RevisiRenstra, on_delete=models.CASCADE, related_name="sasaran", verbose_name=_("revisi Renstra")
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran", verbose_name=_("tujuan")
    )
    kode = models.CharField(_("kode"), max_length=20)
    nama = TeksPanjang(_("nama"), max_length=1000)
    level = models.CharField(_("level"), max_length=20, choices=LevelSasaran.choices, default=LevelSasaran.PROGRAM)
    perspektif = models.CharField(
        _("perspektif"),
        max_length=20,
        choices=Perspektif.choices,
        blank=True,
        help_text=_("Kosong bila skema penilaian tidak memakai perspektif BSC."),
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["revisi", "urutan"]
        constraints = [models.UniqueConstraint(fields=["revisi", "kode"], name="sasaran_kode_unik")]

    def __str__(self):
        return self.nama[:100]


class IndikatorQuerySet(models.QuerySet):
    def milik(self, unit: UnitKerja | int) -> "IndikatorQuerySet":
        """The indikator of a unit (every Renstra and revision of it)."""
        return self.filter(**{Indikator.JALUR_UNIT: unit})

    def dengan_unit(self) -> "IndikatorQuerySet":
        """With sasaran, revision, Renstra and unit in the same query (for `Indikator.unit`)."""
        return self.select_related(Indikator.JALUR_UNIT)


class Indikator(models.Model):
    # An indikator belongs to a unit through its sasaran, the Renstra revision and the Renstra: the path, once.
    JALUR_UNIT = "sasaran__revisi__renstra__unit"

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("sasaran"))
    kode = models.CharField(_("kode"), max_length=20)
    nama = TeksPanjang(_("nama"), max_length=1000)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    polaritas = models.CharField(_("polaritas"), max_length=20, choices=Polaritas.choices, default=Polaritas.POSITIF)
    agregasi = models.CharField(
        _("agregasi triwulan"), max_length=20, choices=Agregasi.choices, default=Agregasi.TERAKHIR
    )
    skala = models.ForeignKey(
        SkalaKualitatif,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name=_("skala kualitatif"),
    )
    iku = models.BooleanField(_("IKU"), default=False)
    ukur_akip = models.BooleanField(
        _("mengukur nilai AKIP"),
        default=False,
        help_text=_(
            "Centang bila realisasi indikator ini adalah nilai AKIP unit: grafik tren AKIP ditempatkan pada "
            "sasarannya dan realisasinya dibandingkan dengan nilai AKIP."
        ),
    )
    definisi_operasional = TeksPanjang(_("definisi operasional"), max_length=3000, blank=True)
    formula = TeksPanjang(_("formula"), max_length=1000, blank=True)
    sumber_data = TeksPanjang(_("sumber data"), max_length=1000, blank=True)
    penanggung_jawab = models.CharField(
        _("penanggung jawab"), max_length=200, blank=True, help_text=_("Pejabat atau bagian yang melaporkan.")
    )
    pendahulu = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="penerus",
        verbose_name=_("indikator pendahulu"),
        help_text=_("Indikator struktur lama yang riwayatnya dilanjutkan indikator ini."),
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    dipensiunkan_tahun = models.PositiveIntegerField(
        _("dipensiunkan mulai tahun"),
        null=True,
        blank=True,
        help_text=_("Indikator tidak diukur lagi mulai tahun ini; riwayatnya tetap tersimpan."),
    )
    history = HistoricalRecords()
    objects = IndikatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["sasaran", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sasaran", "kode"], name="indikator_kode_unik")]

    def __str__(self):
        return self.nama[:100]

    @property
    def unit(self) -> UnitKerja:
        """The unit the indikator belongs to (`JALUR_UNIT`; no query after `dengan_unit()`)."""
        return self.sasaran.revisi.renstra.unit

    def clean(self):
        if self.polaritas == Polaritas.KUALITATIF and not self.skala_id and not self._skala_skema():
            raise ValidationError(
                {"skala": _("Indikator kualitatif wajib memiliki skala, atau skema penilaiannya skala nilai huruf.")}
            )

    def _skala_skema(self) -> bool:
        """Whether the scheme of this indikator's Renstra has a letter-grade scale (used when `skala` is empty)."""
        if not self.sasaran_id:
            return False
        return SkemaPenilaian.objects.filter(
            renstra__revisi__sasaran=self.sasaran_id, skala_huruf__isnull=False
        ).exists()

    def aktif_pada(self, tahun: int) -> bool:
        return self.dipensiunkan_tahun is None or tahun < self.dipensiunkan_tahun


class NilaiTarget(models.Model):
    """Shared fields of a target value: number, optional upper bound (range), grade (qualitative), display text."""

    nilai = models.DecimalField(_("nilai target"), **ANGKA, null=True, blank=True)
    nilai_atas = models.DecimalField(
        _("batas atas target"), **ANGKA, null=True, blank=True, help_text=_("Hanya untuk polaritas rentang.")
    )
    nilai_kualitatif = models.CharField(_("target kualitatif"), max_length=10, blank=True)
    teks_tampilan = models.CharField(
        _("teks tampilan"), max_length=120, blank=True, help_text=_('Mis. "Min 1 negara", "91 dokumen kerja sama".')
    )

    class Meta:
        abstract = True

    def teks_target(self, **opsi) -> str:
        """The target as text (`umum.format.format_target`; `opsi`: its number formatting)."""
        return format_target(self.nilai, self.nilai_atas, self.nilai_kualitatif, self.teks_tampilan, **opsi)

    def clean(self):
        if self.nilai is not None and self.nilai_atas is not None and self.nilai_atas < self.nilai:
            raise ValidationError({"nilai_atas": _("Batas atas target tidak boleh lebih kecil dari batas bawah.")})


class Target(NilaiTarget):
    """Yearly target of an indikator from a planning source (Renstra by default)."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target", verbose_name=_("indikator")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    sumber = models.CharField(_("sumber"), max_length=20, choices=SumberTarget.choices, default=SumberTarget.RENSTRA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "sumber"], name="target_unik_per_sumber"),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(nilai_atas__isnull=True) | Q(nilai_atas__gte=models.F("nilai")),
                name="target_rentang_urut",
            ),
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun}: {self.teks_tampilan or self.nilai}"


class PerjanjianKinerja(models.Model):
    """The annual performance agreement of a unit; its content lives in versions."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="perjanjian", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Perjanjian Kinerja")
        verbose_name_plural = _("Perjanjian Kinerja")
        ordering = ["unit", "tahun"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="pk_unik_per_tahun")]

    def __str__(self):
        return f"PK {self.unit} {self.tahun}"


class VersiPK(models.Model):
    """A version of the PK (e.g. January; March–July; August–December) with validity and signatories."""

    pk_induk = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="versi", verbose_name=_("Perjanjian Kinerja")
    )
    nomor = models.PositiveIntegerField(_("nomor versi"))
    judul = models.CharField(_("judul"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    berlaku_sampai = models.DateField(_("berlaku sampai"))
    tanggal_tanda_tangan = models.DateField(_("tanggal tanda tangan"), null=True, blank=True)
    kota = models.CharField(_("kota"), max_length=80, default="Jakarta", validators=[tanpa_karakter_kendali])
    pihak_pertama_nama = models.CharField(_("pihak pertama: nama"), max_length=200, validators=[tanpa_karakter_kendali])
    pihak_pertama_nip = models.CharField(
        _("pihak pertama: NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali]
    )
    pihak_pertama_jabatan = models.CharField(
        _("pihak pertama: jabatan"), max_length=200, validators=[tanpa_karakter_kendali]
    )
    pihak_kedua_nama = models.CharField(_("pihak kedua: nama"), max_length=200, validators=[tanpa_karakter_kendali])
    pihak_kedua_nip = models.CharField(
        _("pihak kedua: NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali]
    )
    pihak_kedua_jabatan = models.CharField(
        _("pihak kedua: jabatan"), max_length=200, validators=[tanpa_karakter_kendali]
    )
    kegiatan = models.CharField(_("kegiatan"), max_length=300, blank=True, validators=[tanpa_karakter_kendali])
    anggaran = models.DecimalField(
        _("anggaran"), max_digits=20, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    keterangan = TeksPanjang(_("keterangan"), max_length=2000, blank=True)
    history = HistoricalRecords()

    # What a planner edits of a version (the form and the workbook's "Versi PK" sheet, keyed by `nomor`).
    KOLOM_UBAH = (
        "judul",
        "berlaku_mulai",
        "berlaku_sampai",
        "tanggal_tanda_tangan",
        "kota",
        "pihak_pertama_nama",
        "pihak_pertama_nip",
        "pihak_pertama_jabatan",
        "pihak_kedua_nama",
        "pihak_kedua_nip",
        "pihak_kedua_jabatan",
        "kegiatan",
        "anggaran",
        "keterangan",
    )

    class Meta:
        verbose_name = _("versi PK")
        verbose_name_plural = _("versi PK")
        ordering = ["pk_induk", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["pk_induk", "nomor"], name="versi_pk_unik"),
            models.CheckConstraint(
                condition=Q(berlaku_sampai__gte=models.F("berlaku_mulai")), name="versi_pk_tanggal_urut"
            ),
            models.CheckConstraint(condition=Q(anggaran__isnull=True) | Q(anggaran__gte=0), name="versi_pk_anggaran"),
        ]

    def __str__(self):
        return f"{self.pk_induk} v{self.nomor} ({self.berlaku_mulai:%d-%m-%Y} s.d. {self.berlaku_sampai:%d-%m-%Y})"


class BarisPK(NilaiTarget):
    """A row of a PK version: sasaran, indikator, target (the target capaian is measured against)."""

    versi = models.ForeignKey(VersiPK, on_delete=models.CASCADE, related_name="baris", verbose_name=_("versi PK"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="baris_pk",
        verbose_name=_("indikator"),
    )
    uraian_sasaran = TeksPanjang(_("sasaran (sebagaimana tertulis di PK)"), max_length=1000)
    uraian_indikator = TeksPanjang(_("indikator (sebagaimana tertulis di PK)"), max_length=1000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baris PK")
        verbose_name_plural = _("baris PK")
        ordering = ["versi", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["versi", "indikator"], condition=Q(indikator__isnull=False), name="baris_pk_indikator_unik"
            )
        ]

    def __str__(self):
        return f"{self.uraian_indikator or self.uraian_sasaran}"[:100]


class RencanaAksi(models.Model):
    """Quarterly cumulative target (B3/B6/B9/B12) of a PK row."""

    baris_pk = models.ForeignKey(
        BarisPK, on_delete=models.CASCADE, related_name="rencana_aksi", verbose_name=_("baris PK")
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    target_kumulatif = models.DecimalField(_("target kumulatif"), **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["baris_pk", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["baris_pk", "triwulan"], name="rencana_aksi_unik"),
            models.CheckConstraint(condition=Q(triwulan__gte=1, triwulan__lte=4), name="rencana_aksi_triwulan_1_4"),
        ]
