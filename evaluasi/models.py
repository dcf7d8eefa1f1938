"""Models of the AKIP evaluation (siklus.md §1.5): versioned LKE templates (components, sub-components,
criteria, answer scales, evidence lists, kerangka logis rules, predikat bands) and the evaluations of a unit's
year with their layered answers, evidence, team and LHE.

A template is immutable once an evaluation uses it (`clone` makes the next version); an evaluation whose LHE is
issued is immutable (answers, evidence, team, the evaluation itself): `save` and `delete` refuse on every path,
the admin's included.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indikator.enums import KomponenAkip, RegulasiAkip
from indikator.models import UnitKerja
from umum.penyimpanan import penyimpanan_privat
from umum.teks import TeksPanjang, tanpa_karakter_kendali

from .enums import (
    URUTAN_LAPISAN,
    JenisBukti,
    JenisDokumen,
    JenisEvaluasi,
    JenisSub,
    Metode,
    NilaiPer,
    PeranTim,
    StatusEvaluasi,
    StatusTemplate,
    TipeKerangka,
)

BOBOT = {"max_digits": 9, "decimal_places": 4}
NILAI = {"max_digits": 6, "decimal_places": 4, "validators": [MinValueValidator(0), MaxValueValidator(1)]}
SKOR = {"max_digits": 12, "decimal_places": 6}


class TemplateTerpakai(ValidationError):
    """A template used by an evaluation cannot change: clone it to a new version."""


class EvaluasiTerkunci(ValidationError):
    """An evaluation whose LHE is issued cannot change."""


class _BagianTemplate(models.Model):
    """A part of a template: refused to change once the template is used."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._tolak_bila_terpakai()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._tolak_bila_terpakai()
        return super().delete(*args, **kwargs)

    def _id_template(self) -> int | None:
        raise NotImplementedError

    def _tolak_bila_terpakai(self):
        tid = self._id_template()
        if tid is not None and Evaluasi.objects.filter(template_id=tid).exists():
            raise TemplateTerpakai(
                _("Template LKE sudah dipakai evaluasi dan tidak dapat diubah; salin menjadi versi baru.")
            )


class LkeTemplate(_BagianTemplate):
    kode = models.SlugField(_("kode"), max_length=40)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    nama = models.CharField(_("nama"), max_length=200)
    regulasi = models.CharField(_("regulasi"), max_length=30, choices=RegulasiAkip.choices)
    tahun_berlaku = models.PositiveIntegerField(_("berlaku sejak tahun"))
    total_bobot = models.DecimalField(_("total bobot"), **BOBOT, default=Decimal("100"))
    status = models.CharField(_("status"), max_length=8, choices=StatusTemplate.choices, default=StatusTemplate.AKTIF)
    tingkat_komponen = models.BooleanField(
        _("hanya tingkat komponen"),
        default=False,
        help_text=_("Template untuk mencatat nilai komponen hasil evaluasi lama (tanpa kriteria)."),
    )
    asal = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="turunan", verbose_name=_("disalin dari")
    )
    catatan = TeksPanjang(_("catatan"), max_length=4000, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("template LKE")
        verbose_name_plural = _("template LKE")
        ordering = ["-tahun_berlaku", "kode", "-versi"]
        constraints = [models.UniqueConstraint(fields=["kode", "versi"], name="lke_template_versi_unik")]

    def __str__(self):
        return f"{self.nama} (v{self.versi})"

    def _id_template(self):
        return self.pk

    @property
    def terpakai(self) -> bool:
        return self.pk is not None and self.evaluasi.exists()


class SkalaJawaban(_BagianTemplate):
    """An answer scale of a template (Y/T, A–E, …); its option values are data because sources differ."""

    template = models.ForeignKey(
        LkeTemplate, on_delete=models.CASCADE, related_name="skala", verbose_name=_("template")
    )
    kode = models.CharField(_("kode"), max_length=10)
    nama = models.CharField(_("nama"), max_length=100)
    perlu_konfirmasi = models.BooleanField(
        _("perlu dikonfirmasi APIP"),
        default=False,
        help_text=_("Nilai huruf bawaan yang belum dikonfirmasi APIP (sumber berbeda-beda)."),
    )

    class Meta:
        verbose_name = _("skala jawaban")
        verbose_name_plural = _("skala jawaban")
        constraints = [models.UniqueConstraint(fields=["template", "kode"], name="lke_skala_unik")]

    def __str__(self):
        return self.nama

    def _id_template(self):
        return self.template_id


class OpsiJawaban(_BagianTemplate):
    skala = models.ForeignKey(SkalaJawaban, on_delete=models.CASCADE, related_name="opsi", verbose_name=_("skala"))
    label = models.CharField(_("jawaban"), max_length=10)
    nilai = models.DecimalField(_("nilai"), **NILAI)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    catatan_template = TeksPanjang(_("catatan untuk LHE"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("opsi jawaban")
        verbose_name_plural = _("opsi jawaban")
        ordering = ["skala", "urutan"]
        constraints = [models.UniqueConstraint(fields=["skala", "label"], name="lke_opsi_unik")]

    def __str__(self):
        return f"{self.label} ({self.nilai})"

    def _id_template(self):
        return SkalaJawaban.objects.filter(pk=self.skala_id).values_list("template_id", flat=True).first()


class LkeKomponen(_BagianTemplate):
    template = models.ForeignKey(
        LkeTemplate, on_delete=models.CASCADE, related_name="komponen", verbose_name=_("template")
    )
    kode = models.CharField(_("kode"), max_length=20)
    nama = models.CharField(_("nama"), max_length=300)
    bobot = models.DecimalField(_("bobot"), **BOBOT)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    komponen_akip = models.CharField(
        _("komponen nilai AKIP"),
        max_length=30,
        choices=KomponenAkip.choices,
        help_text=_("Komponen nilai AKIP yang dicatat dari komponen ini saat LHE terbit."),
    )

    class Meta:
        verbose_name = _("komponen LKE")
        verbose_name_plural = _("komponen LKE")
        ordering = ["template", "urutan"]
        constraints = [models.UniqueConstraint(fields=["template", "kode"], name="lke_komponen_unik")]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def _id_template(self):
        return self.template_id


class LkeSubKomponen(_BagianTemplate):
    komponen = models.ForeignKey(LkeKomponen, on_delete=models.CASCADE, related_name="sub", verbose_name=_("komponen"))
    kode = models.CharField(_("kode"), max_length=20)
    nama = models.CharField(_("nama"), max_length=300)
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisSub.choices)
    bobot = models.DecimalField(_("bobot"), **BOBOT)
    metode = models.CharField(_("metode"), max_length=10, choices=Metode.choices, default=Metode.RATA_RATA)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("subkomponen LKE")
        verbose_name_plural = _("subkomponen LKE")
        ordering = ["komponen", "urutan"]
        constraints = [models.UniqueConstraint(fields=["komponen", "kode"], name="lke_sub_unik")]

    def __str__(self):
        return f"{self.kode} {self.nama}"

    def _id_template(self):
        return LkeKomponen.objects.filter(pk=self.komponen_id).values_list("template_id", flat=True).first()


class LkeKriteria(_BagianTemplate):
    sub = models.ForeignKey(LkeSubKomponen, on_delete=models.CASCADE, related_name="kriteria", verbose_name=_("sub"))
    kode = models.CharField(_("kode"), max_length=20)
    pertanyaan = TeksPanjang(_("kriteria"), max_length=1000)
    penjelasan = TeksPanjang(_("penjelasan"), max_length=4000, blank=True)
    langkah_kerja = TeksPanjang(_("langkah kerja evaluator"), max_length=4000, blank=True)
    skala = models.ForeignKey(SkalaJawaban, on_delete=models.PROTECT, related_name="kriteria", verbose_name=_("skala"))
    bobot = models.DecimalField(_("bobot (metode akumulasi)"), **BOBOT, null=True, blank=True)
    nilai_per = models.CharField(_("dinilai"), max_length=10, choices=NilaiPer.choices, default=NilaiPer.KRITERIA)
    aturan_saran = models.CharField(_("saran otomatis"), max_length=40, blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kriteria LKE")
        verbose_name_plural = _("kriteria LKE")
        ordering = ["sub", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sub", "kode"], name="lke_kriteria_unik")]

    def __str__(self):
        return self.kode

    def _id_template(self):
        return LkeSubKomponen.objects.filter(pk=self.sub_id).values_list("komponen__template_id", flat=True).first()


class KriteriaBukti(_BagianTemplate):
    """A document a criterion asks for; `tahun_offset` −1 = the year before the one evaluated."""

    kriteria = models.ForeignKey(
        LkeKriteria, on_delete=models.CASCADE, related_name="bukti", verbose_name=_("kriteria")
    )
    nama = models.CharField(_("bukti"), max_length=300)
    jenis_dokumen = models.CharField(_("jenis dokumen"), max_length=16, choices=JenisDokumen.choices)
    tahun_offset = models.SmallIntegerField(_("tahun relatif"), default=0)
    wajib = models.BooleanField(_("wajib"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("bukti kriteria")
        verbose_name_plural = _("bukti kriteria")
        ordering = ["kriteria", "urutan"]

    def __str__(self):
        return self.nama

    def _id_template(self):
        return (
            LkeKriteria.objects.filter(pk=self.kriteria_id).values_list("sub__komponen__template_id", flat=True).first()
        )


class KerangkaLogis(_BagianTemplate):
    kriteria = models.ForeignKey(
        LkeKriteria, on_delete=models.CASCADE, related_name="kerangka", verbose_name=_("kriteria")
    )
    tipe = models.CharField(_("tipe"), max_length=14, choices=TipeKerangka.choices)
    pembanding_kriteria = models.ForeignKey(
        LkeKriteria,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kriteria pembanding"),
    )
    pembanding_sub = models.ForeignKey(
        LkeSubKomponen,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subkomponen pembanding"),
    )
    pesan = models.CharField(_("pesan"), max_length=300)

    class Meta:
        verbose_name = _("kerangka logis")
        verbose_name_plural = _("kerangka logis")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(tipe=TipeKerangka.MAKS_KRITERIA, pembanding_kriteria__isnull=False)
                    | models.Q(tipe=TipeKerangka.MAKS_RATA_SUB, pembanding_sub__isnull=False)
                ),
                name="lke_kerangka_pembanding",
            )
        ]

    def __str__(self):
        return self.pesan

    def _id_template(self):
        return (
            LkeKriteria.objects.filter(pk=self.kriteria_id).values_list("sub__komponen__template_id", flat=True).first()
        )


class PredikatBand(_BagianTemplate):
    template = models.ForeignKey(
        LkeTemplate, on_delete=models.CASCADE, related_name="predikat", verbose_name=_("template")
    )
    kode = models.CharField(_("predikat"), max_length=4)
    label = models.CharField(_("sebutan"), max_length=60)
    batas_bawah = models.DecimalField(_("batas bawah"), **BOBOT, null=True, blank=True)
    bawah_inklusif = models.BooleanField(_("batas bawah termasuk"), default=False)
    batas_atas = models.DecimalField(_("batas atas"), **BOBOT, null=True, blank=True)
    atas_inklusif = models.BooleanField(_("batas atas termasuk"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("predikat")
        verbose_name_plural = _("predikat")
        ordering = ["template", "urutan"]
        constraints = [models.UniqueConstraint(fields=["template", "kode"], name="lke_predikat_unik")]

    def __str__(self):
        return f"{self.kode} {self.label}"

    def _id_template(self):
        return self.template_id


# --- evaluations ------------------------------------------------------------------------------------------------


class Evaluasi(models.Model):
    template = models.ForeignKey(
        LkeTemplate, on_delete=models.PROTECT, related_name="evaluasi", verbose_name=_("template")
    )
    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="evaluasi_akip", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun yang dievaluasi"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisEvaluasi.choices)
    status = models.CharField(_("tahap"), max_length=8, choices=StatusEvaluasi.choices, default=StatusEvaluasi.MANDIRI)
    contoh = models.BooleanField(_("contoh (data demo)"), default=False)
    # Kerangka logis errors accepted at submission, per layer: {"mandiri": "reason", ...}.
    abaikan_kerangka = models.JSONField(_("alasan mengabaikan kerangka logis"), default=dict, blank=True)
    dibuka_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuka_pada = models.DateTimeField(_("dibuka pada"), auto_now_add=True)
    terbit_pada = models.DateTimeField(_("LHE terbit pada"), null=True, blank=True)
    nilai_total = models.DecimalField(_("nilai akhir"), **SKOR, null=True, blank=True)
    predikat = models.CharField(_("predikat"), max_length=4, blank=True)
    hash = models.CharField(_("hash isi saat terbit"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluasi AKIP")
        verbose_name_plural = _("evaluasi AKIP")
        ordering = ["unit", "-tahun", "jenis"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun", "jenis"], name="evaluasi_unit_tahun_jenis")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.unit} {self.tahun}"

    def save(self, *args, **kwargs):
        self._tolak_bila_terkunci()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._tolak_bila_terkunci()
        return super().delete(*args, **kwargs)

    @property
    def terkunci(self) -> bool:
        return self.status == StatusEvaluasi.TERBIT

    def _tolak_bila_terkunci(self):
        if self.pk and Evaluasi.objects.filter(pk=self.pk, status=StatusEvaluasi.TERBIT).exists():
            raise EvaluasiTerkunci(_("LHE evaluasi ini sudah terbit: evaluasi terkunci dan tidak dapat diubah."))


class _BagianEvaluasi(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._tolak_bila_terkunci()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._tolak_bila_terkunci()
        return super().delete(*args, **kwargs)

    def _id_evaluasi(self) -> int:
        raise NotImplementedError

    def _tolak_bila_terkunci(self):
        if Evaluasi.objects.filter(pk=self._id_evaluasi(), status=StatusEvaluasi.TERBIT).exists():
            raise EvaluasiTerkunci(_("LHE evaluasi ini sudah terbit: evaluasi terkunci dan tidak dapat diubah."))


class AnggotaTim(_BagianEvaluasi):
    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="tim", verbose_name=_("evaluasi"))
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tim_evaluasi", verbose_name=_("pengguna")
    )
    peran = models.CharField(_("peran"), max_length=8, choices=PeranTim.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggota tim evaluasi")
        verbose_name_plural = _("tim evaluasi")
        constraints = [models.UniqueConstraint(fields=["evaluasi", "pengguna"], name="tim_evaluasi_unik")]

    def __str__(self):
        return f"{self.pengguna} ({self.get_peran_display()})"

    def _id_evaluasi(self):
        return self.evaluasi_id


def _lapisan(nama: str):
    """The option, value and note fields of one layer."""
    return {
        f"opsi_{nama}": models.ForeignKey(
            OpsiJawaban, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=f"opsi {nama}"
        ),
        f"nilai_{nama}": models.DecimalField(f"nilai {nama}", **NILAI, null=True, blank=True),
        f"catatan_{nama}": TeksPanjang(f"catatan {nama}", max_length=4000, blank=True),
    }


class Jawaban(_BagianEvaluasi):
    """One criterion's answer in one evaluation: a value and note per layer (`nilai_*` copies the option's value
    so a later scale change never alters it), and the suggestion computed from the app's data when the evaluation
    opened (`saran_*`, frozen)."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban", verbose_name=_("evaluasi"))
    kriteria = models.ForeignKey(LkeKriteria, on_delete=models.PROTECT, related_name="+", verbose_name=_("kriteria"))
    for _n in URUTAN_LAPISAN:
        locals().update(_lapisan(_n))
    del _n
    saran_opsi = models.ForeignKey(OpsiJawaban, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    saran_nilai = models.DecimalField(_("nilai saran"), **NILAI, null=True, blank=True)
    saran_alasan = TeksPanjang(_("alasan saran"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jawaban LKE")
        verbose_name_plural = _("jawaban LKE")
        constraints = [models.UniqueConstraint(fields=["evaluasi", "kriteria"], name="jawaban_lke_unik")]

    def __str__(self):
        return f"{self.evaluasi} {self.kriteria}"

    def _id_evaluasi(self):
        return self.evaluasi_id

    def nilai(self, lapisan: str) -> Decimal | None:
        return getattr(self, f"nilai_{lapisan}")


class NilaiBukti(_BagianEvaluasi):
    """Y/T of one required evidence item in one layer, for criteria scored per evidence (`nilai_per=bukti`)."""

    jawaban = models.ForeignKey(Jawaban, on_delete=models.CASCADE, related_name="nilai_bukti")
    kriteria_bukti = models.ForeignKey(KriteriaBukti, on_delete=models.PROTECT, related_name="+")
    lapisan = models.CharField(max_length=8)
    ada = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nilai bukti")
        verbose_name_plural = _("nilai bukti")
        constraints = [
            models.UniqueConstraint(fields=["jawaban", "kriteria_bukti", "lapisan"], name="nilai_bukti_unik")
        ]

    def _id_evaluasi(self):
        return Jawaban.objects.filter(pk=self.jawaban_id).values_list("evaluasi_id", flat=True).first()


class BuktiJawaban(_BagianEvaluasi):
    """Evidence attached to an answer: one of the app's own documents (kind, year, version, page), a private
    upload (downloaded through a logged view) or a URL."""

    jawaban = models.ForeignKey(Jawaban, on_delete=models.CASCADE, related_name="lampiran", verbose_name=_("jawaban"))
    kriteria_bukti = models.ForeignKey(
        KriteriaBukti, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("bukti")
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisBukti.choices)
    jenis_dokumen = models.CharField(_("jenis dokumen"), max_length=16, choices=JenisDokumen.choices, blank=True)
    tahun = models.PositiveIntegerField(_("tahun dokumen"), null=True, blank=True)
    versi = models.CharField(_("versi"), max_length=40, blank=True)
    halaman = models.CharField(_("halaman"), max_length=40, blank=True)
    berkas = models.FileField(_("berkas"), storage=penyimpanan_privat, upload_to="lke/%Y/", max_length=255, blank=True)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255, blank=True)
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True, validators=[tanpa_karakter_kendali])
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bukti jawaban")
        verbose_name_plural = _("bukti jawaban")

    def __str__(self):
        return self.keterangan or self.nama_berkas or self.url or self.get_jenis_dokumen_display()

    def _id_evaluasi(self):
        return Jawaban.objects.filter(pk=self.jawaban_id).values_list("evaluasi_id", flat=True).first()


class Lhe(_BagianEvaluasi):
    """The Laporan Hasil Evaluasi; issuing it locks the evaluation. Kept with the evaluation's hash."""

    evaluasi = models.OneToOneField(Evaluasi, on_delete=models.PROTECT, related_name="lhe", verbose_name=_("evaluasi"))
    nomor = models.CharField(_("nomor"), max_length=100, validators=[tanpa_karakter_kendali])
    tanggal = models.DateField(_("tanggal"))
    ringkasan = TeksPanjang(_("ringkasan"), max_length=6000, blank=True)
    tindak_lanjut_lalu = TeksPanjang(_("tindak lanjut hasil evaluasi tahun lalu"), max_length=6000, blank=True)
    rekomendasi = TeksPanjang(_("rekomendasi"), max_length=8000, blank=True)
    apresiasi = TeksPanjang(_("apresiasi"), max_length=4000, blank=True)
    penandatangan_nama = models.CharField(_("penandatangan: nama"), max_length=200, validators=[tanpa_karakter_kendali])
    penandatangan_nip = models.CharField(
        _("penandatangan: NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali]
    )
    penandatangan_jabatan = models.CharField(
        _("penandatangan: jabatan"), max_length=200, validators=[tanpa_karakter_kendali]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("LHE AKIP")
        verbose_name_plural = _("LHE AKIP")

    def __str__(self):
        return self.nomor

    def _id_evaluasi(self):
        return self.evaluasi_id
