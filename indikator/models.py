"""Planning and measurement models (domain guide §1–§4).

Models store raw inputs only; every derived number (capaian, kriteria, NPS, NKO, ...) is computed by
`indikator.formulas` through `indikator.queries`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import (
    Agregasi,
    AgregasiPerspektif,
    JenisPegawai,
    JenjangPendidikan,
    KomponenAkip,
    LevelSasaran,
    Peran,
    Perspektif,
    Polaritas,
    RegulasiAkip,
    RumusNegatif,
    StandarEfisiensi,
    StatusPeriode,
    SumberTarget,
)

ANGKA = {"max_digits": 20, "decimal_places": 4}


class UnitKerja(models.Model):
    """An organisation unit; units form a tree (BPOM > Sekretariat Utama > Biro Kerja Sama > Bagian)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    induk = models.ForeignKey(
        "self", verbose_name=_("unit atasan"), null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    instansi = models.CharField(_("instansi"), max_length=200, blank=True)
    alamat = models.TextField(_("alamat"), blank=True)
    kota = models.CharField(_("kota"), max_length=80, blank=True, default="Jakarta")
    tugas = models.TextField(_("tugas"), blank=True)
    fungsi = models.TextField(_("fungsi"), blank=True, help_text=_("Satu fungsi per baris."))
    logo = models.ImageField(_("logo"), upload_to="logo/", blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class KepalaUnit(models.Model):
    """Who headed a unit and when (signs the PK, the Kata Pengantar)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="kepala", verbose_name=_("unit"))
    nama = models.CharField(_("nama"), max_length=150)
    nama_bergelar = models.CharField(_("nama bergelar"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=200)
    mulai = models.DateField(_("mulai menjabat"))
    selesai = models.DateField(_("selesai menjabat"), null=True, blank=True)

    class Meta:
        verbose_name = _("kepala unit")
        verbose_name_plural = _("kepala unit")
        ordering = ["unit", "-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="kepala_selesai_setelah_mulai",
            )
        ]

    def __str__(self):
        return f"{self.nama} ({self.jabatan})"


class Keanggotaan(models.Model):
    """A user's role in a unit. Pimpinan and auditor reach sub-units too (see sakip.akses)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan", verbose_name=_("pengguna")
    )
    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, null=True, blank=True, related_name="anggota", verbose_name=_("unit")
    )
    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [models.UniqueConstraint(fields=["pengguna", "unit", "peran"], name="keanggotaan_unik")]

    def __str__(self):
        return f"{self.pengguna} — {self.get_peran_display()} — {self.unit or _('semua unit')}"


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
    keterangan = models.TextField(_("keterangan"), blank=True)

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

    class Meta:
        verbose_name = _("bobot perspektif")
        verbose_name_plural = _("bobot perspektif")
        constraints = [
            models.UniqueConstraint(fields=["skema", "perspektif"], name="bobot_perspektif_unik"),
            models.CheckConstraint(condition=Q(bobot__gte=0), name="bobot_perspektif_nonnegatif"),
        ]


class SkalaKualitatif(models.Model):
    """Ordinal scale for qualitative indikator (e.g. AKIP grades AA…D)."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)

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

    class Meta:
        verbose_name = _("nilai skala")
        verbose_name_plural = _("nilai skala")
        ordering = ["skala", "urutan"]
        constraints = [models.UniqueConstraint(fields=["skala", "kode"], name="nilai_skala_unik")]

    def __str__(self):
        return f"{self.kode} = {self.nilai}"


class Renstra(models.Model):
    """5-year strategic plan of a unit."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("unit"))
    nama = models.CharField(_("nama"), max_length=200)
    tahun_mulai = models.PositiveIntegerField(_("tahun mulai"))
    tahun_selesai = models.PositiveIntegerField(_("tahun selesai"))
    skema = models.ForeignKey(
        SkemaPenilaian, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("skema penilaian")
    )
    visi = models.TextField(_("visi"), blank=True)
    misi = models.TextField(_("misi"), blank=True, help_text=_("Satu misi per baris."))

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
    nama = models.CharField(_("nama"), max_length=200)
    berlaku_mulai = models.PositiveIntegerField(_("berlaku mulai tahun"))
    berlaku_sampai = models.PositiveIntegerField(_("berlaku sampai tahun"))
    tanggal = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    dasar_hukum = models.TextField(_("dasar hukum"), blank=True)

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
    uraian = models.TextField(_("uraian"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

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
    nama = models.TextField(_("nama"))
    level = models.CharField(_("level"), max_length=20, choices=LevelSasaran.choices, default=LevelSasaran.PROGRAM)
    perspektif = models.CharField(_("perspektif"), max_length=20, choices=Perspektif.choices)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["revisi", "urutan"]
        constraints = [models.UniqueConstraint(fields=["revisi", "kode"], name="sasaran_kode_unik")]

    def __str__(self):
        return self.nama[:100]


class Indikator(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("sasaran"))
    kode = models.CharField(_("kode"), max_length=20)
    nama = models.TextField(_("nama"))
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
    definisi_operasional = models.TextField(_("definisi operasional"), blank=True)
    formula = models.TextField(_("formula"), blank=True)
    sumber_data = models.TextField(_("sumber data"), blank=True)
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

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["sasaran", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sasaran", "kode"], name="indikator_kode_unik")]

    def __str__(self):
        return self.nama[:100]

    def clean(self):
        if self.polaritas == Polaritas.KUALITATIF and not self.skala_id:
            raise ValidationError({"skala": _("Indikator kualitatif wajib memiliki skala.")})

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
    judul = models.CharField(_("judul"), max_length=200, blank=True)
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    berlaku_sampai = models.DateField(_("berlaku sampai"))
    tanggal_tanda_tangan = models.DateField(_("tanggal tanda tangan"), null=True, blank=True)
    kota = models.CharField(_("kota"), max_length=80, default="Jakarta")
    pihak_pertama_nama = models.CharField(_("pihak pertama: nama"), max_length=200)
    pihak_pertama_nip = models.CharField(_("pihak pertama: NIP"), max_length=30, blank=True)
    pihak_pertama_jabatan = models.CharField(_("pihak pertama: jabatan"), max_length=200)
    pihak_kedua_nama = models.CharField(_("pihak kedua: nama"), max_length=200)
    pihak_kedua_nip = models.CharField(_("pihak kedua: NIP"), max_length=30, blank=True)
    pihak_kedua_jabatan = models.CharField(_("pihak kedua: jabatan"), max_length=200)
    kegiatan = models.CharField(_("kegiatan"), max_length=300, blank=True)
    anggaran = models.DecimalField(
        _("anggaran"), max_digits=20, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    history = HistoricalRecords()

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
    uraian_sasaran = models.TextField(_("sasaran (sebagaimana tertulis di PK)"))
    uraian_indikator = models.TextField(_("indikator (sebagaimana tertulis di PK)"), blank=True)
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


class Realisasi(models.Model):
    """Actual value of an indikator for a year (triwulan empty) or a quarter, with its narrative."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi", verbose_name=_("indikator")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), null=True, blank=True)
    nilai = models.DecimalField(_("nilai"), **ANGKA, null=True, blank=True)
    nilai_kualitatif = models.CharField(_("nilai kualitatif"), max_length=10, blank=True)
    analisis = models.TextField(_("analisis"), blank=True)
    faktor_pendukung = models.TextField(_("faktor pendukung"), blank=True)
    faktor_penghambat = models.TextField(_("faktor penghambat"), blank=True)
    rencana_tindak_lanjut = models.TextField(_("rencana tindak lanjut"), blank=True)
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
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_bukti)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("diunggah oleh")
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")

    def __str__(self):
        return self.keterangan or self.berkas.name


class KomposisiPegawai(models.Model):
    """Staff count of a unit by employee type and education level at year end (Tabel 1)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="pegawai", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis pegawai"), max_length=20, choices=JenisPegawai.choices)
    jenjang = models.CharField(_("jenjang pendidikan"), max_length=20, choices=JenjangPendidikan.choices)
    jumlah = models.PositiveIntegerField(_("jumlah"))

    class Meta:
        verbose_name = _("komposisi pegawai")
        verbose_name_plural = _("komposisi pegawai")
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "jenis", "jenjang"], name="komposisi_pegawai_unik")
        ]


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

    class Meta:
        verbose_name = _("komponen nilai AKIP")
        verbose_name_plural = _("komponen nilai AKIP")
        constraints = [
            models.UniqueConstraint(fields=["nilai_akip", "komponen"], name="komponen_akip_unik"),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="komponen_akip_nonnegatif"),
        ]


class PeriodeUnit(models.Model):
    """Approval and lock state of one unit's year: draft → diajukan → dikembalikan | disahkan → dikunci."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="periode", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=20, choices=StatusPeriode.choices, default=StatusPeriode.DRAFT)
    komentar = models.TextField(_("komentar"), blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("diubah oleh")
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periode unit")
        verbose_name_plural = _("periode unit")
        ordering = ["unit", "tahun"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="periode_unit_unik")]

    def __str__(self):
        return f"{self.unit} {self.tahun}: {self.get_status_display()}"

    @property
    def terkunci(self) -> bool:
        return self.status in {StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI}
