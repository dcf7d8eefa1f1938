"""The register of recommendations and their follow-up (`../shared/docs/siklus.md` §4.3): a source (LHE, LHR,
audit report, leadership meeting), its recommendations, the follow-up plan (RATL) the APIP approves, the
follow-up entries the unit reports with their evidence and the APIP verifies, and the reminders sent.

Raw inputs only: overdue, ageing, shares and the matrix are computed (tindak_lanjut.formulas, .queries). Writes
go through tindak_lanjut.services (period lock, roles, the state machine)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indikator.models import Indikator, UnitKerja
from pohon.models import Jabatan, NodeKinerja
from umum.penyimpanan import penyimpanan_privat
from umum.teks import TeksPanjang, tanpa_karakter_kendali

from .enums import (
    BabReviu,
    ButirPeriksa,
    HasilReviu,
    HasilVerifikasi,
    JenisBukti,
    JenisDokumen,
    JenisSumber,
    Prioritas,
    StatusRekomendasi,
    StatusRencana,
    StatusReviu,
    SyaratSelesai,
)

PENGGUNA = settings.AUTH_USER_MODEL


def _lokasi_sumber(instance, filename):
    return f"tindak_lanjut/sumber/{instance.unit_id}/{filename}"


def _lokasi_bukti(instance, filename):
    return f"tindak_lanjut/bukti/{instance.tindak_lanjut.rekomendasi_id}/{filename}"


class SumberRekomendasi(models.Model):
    """A report or meeting that issues recommendations to a unit: its kind, number, date, issuer, the year it
    examined and its file (private storage). An LHE issued in the app links to its evaluation (`evaluasi`, created
    by `services.sumber_dari_lhe` when the LHE is issued); an LHE issued outside the app is recorded by number, date
    and file."""

    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, related_name="sumber_rekomendasi", verbose_name=_("unit diperiksa")
    )
    jenis = models.CharField(_("jenis sumber"), max_length=20, choices=JenisSumber.choices)
    nomor = models.CharField(_("nomor"), max_length=120, validators=[tanpa_karakter_kendali])
    tanggal = models.DateField(_("tanggal"))
    penerbit = models.CharField(_("penerbit"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    tahun_objek = models.PositiveIntegerField(_("tahun yang diperiksa"))
    berkas = models.FileField(
        _("berkas"), upload_to=_lokasi_sumber, storage=penyimpanan_privat, blank=True, max_length=300
    )
    batas_hari = models.PositiveIntegerField(
        _("batas waktu tindak lanjut (hari)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Batas waktu bawaan rekomendasinya, dihitung dari tanggal sumber."),
    )
    evaluasi = models.ForeignKey(
        "evaluasi.Evaluasi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sumber_rekomendasi",
        verbose_name=_("evaluasi asal"),
    )
    dibuat_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("dibuat oleh")
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sumber rekomendasi")
        verbose_name_plural = _("sumber rekomendasi")
        ordering = ["unit", "-tanggal", "nomor"]
        constraints = [models.UniqueConstraint(fields=["unit", "jenis", "nomor"], name="sumber_rekomendasi_nomor_unik")]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.nomor}"


class Rekomendasi(models.Model):
    """One recommendation: the finding (kondisi, sebab, akibat), what is recommended, who answers for it and by
    when, what it concerns (indikator, LKE criterion by code, tree node, document kind), an optional automatic
    closure condition, and its status (the BPK vocabulary, moved only by the state machine).

    `tahun`: the year of the Laporan Kinerja that prints it (the source's year by default); issuing and editing
    write that year (period lock)."""

    sumber = models.ForeignKey(
        SumberRekomendasi, on_delete=models.CASCADE, related_name="rekomendasi", verbose_name=_("sumber")
    )
    nomor_urut = models.PositiveIntegerField(_("nomor urut"), default=1)
    kondisi = TeksPanjang(_("temuan: kondisi"), max_length=3000, blank=True)
    sebab = TeksPanjang(_("temuan: sebab"), max_length=2000, blank=True)
    akibat = TeksPanjang(_("temuan: akibat"), max_length=2000, blank=True)
    uraian = TeksPanjang(_("rekomendasi"), max_length=3000)
    prioritas = models.CharField(_("prioritas"), max_length=10, choices=Prioritas.choices, default=Prioritas.SEDANG)
    unit_pj = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, related_name="rekomendasi", verbose_name=_("unit penanggung jawab")
    )
    jabatan_pj = models.ForeignKey(
        Jabatan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rekomendasi",
        verbose_name=_("jabatan penanggung jawab"),
    )
    tahun = models.PositiveIntegerField(_("tahun laporan"))
    batas_waktu = models.DateField(_("batas waktu"))
    status = models.CharField(
        _("status"), max_length=2, choices=StatusRekomendasi.choices, default=StatusRekomendasi.BELUM
    )
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rekomendasi",
        verbose_name=_("indikator terkait"),
    )
    kode_kriteria = models.CharField(
        _("kriteria LKE terkait (kode)"),
        max_length=30,
        blank=True,
        validators=[tanpa_karakter_kendali],
        help_text=_("Mis. AREN001.1"),
    )
    node = models.ForeignKey(
        NodeKinerja,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rekomendasi",
        verbose_name=_("simpul pohon kinerja terkait"),
    )
    jenis_dokumen = models.CharField(_("dokumen terkait"), max_length=20, choices=JenisDokumen.choices, blank=True)
    syarat_selesai = models.CharField(
        _("syarat selesai otomatis"), max_length=20, choices=SyaratSelesai.choices, blank=True
    )
    dibuat_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("dibuat oleh")
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")
        ordering = ["sumber__tanggal", "sumber_id", "nomor_urut", "id"]
        indexes = [models.Index(fields=["unit_pj", "tahun"], name="rekomendasi_unit_tahun")]

    def __str__(self):
        return f"{self.sumber.nomor} #{self.nomor_urut}"


class RencanaAksiTL(models.Model):
    """A planned follow-up action (RATL): what, its output, dates, owner; approved or refused by the APIP."""

    rekomendasi = models.ForeignKey(
        Rekomendasi, on_delete=models.CASCADE, related_name="rencana", verbose_name=_("rekomendasi")
    )
    uraian = TeksPanjang(_("rencana aksi"), max_length=2000)
    keluaran = models.CharField(_("keluaran"), max_length=300, blank=True, validators=[tanpa_karakter_kendali])
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    target_tanggal = models.DateField(_("target selesai"))
    pj = models.CharField(_("penanggung jawab"), max_length=200, validators=[tanpa_karakter_kendali])
    status = models.CharField(
        _("persetujuan"), max_length=10, choices=StatusRencana.choices, default=StatusRencana.DRAF
    )
    catatan_apip = TeksPanjang(_("catatan APIP"), max_length=2000, blank=True)
    diajukan_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("diajukan oleh")
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    diputus_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("diputus oleh")
    )
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana aksi tindak lanjut")
        verbose_name_plural = _("rencana aksi tindak lanjut")
        ordering = ["rekomendasi", "tanggal_mulai", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_tanggal__gte=models.F("tanggal_mulai")), name="rencana_tl_urut"
            )
        ]

    def __str__(self):
        return self.uraian[:80]


class TindakLanjut(models.Model):
    """A follow-up the unit reports (what was done, when, progress %), with its evidence; verified by the APIP
    (Sesuai / Belum sesuai / Tidak dapat ditindaklanjuti, a note required unless Sesuai). Verified = final."""

    rekomendasi = models.ForeignKey(
        Rekomendasi, on_delete=models.CASCADE, related_name="tindak_lanjut", verbose_name=_("rekomendasi")
    )
    rencana = models.ForeignKey(
        RencanaAksiTL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tindak_lanjut",
        verbose_name=_("rencana aksi"),
    )
    uraian = TeksPanjang(_("uraian tindak lanjut"), max_length=3000)
    tanggal = models.DateField(_("tanggal"))
    progres = models.DecimalField(
        _("progres (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    diajukan_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("diajukan oleh")
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    verifikasi = models.CharField(_("hasil verifikasi"), max_length=2, choices=HasilVerifikasi.choices, blank=True)
    catatan_verifikasi = TeksPanjang(_("catatan verifikasi"), max_length=2000, blank=True)
    verifikator = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("verifikator")
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["rekomendasi", "tanggal", "id"]

    def __str__(self):
        return self.uraian[:80]


class BuktiTindakLanjut(models.Model):
    """Evidence of a follow-up: a document of the app (kind, year, PK version, page), an upload, or a URL."""

    tindak_lanjut = models.ForeignKey(
        TindakLanjut, on_delete=models.CASCADE, related_name="bukti", verbose_name=_("tindak lanjut")
    )
    jenis = models.CharField(_("jenis bukti"), max_length=10, choices=JenisBukti.choices)
    dokumen = models.CharField(_("dokumen"), max_length=20, choices=JenisDokumen.choices, blank=True)
    dokumen_tahun = models.PositiveIntegerField(_("tahun dokumen"), null=True, blank=True)
    dokumen_versi = models.PositiveIntegerField(_("versi dokumen"), null=True, blank=True)
    halaman = models.PositiveIntegerField(_("halaman"), null=True, blank=True)
    berkas = models.FileField(
        _("berkas"), upload_to=_lokasi_bukti, storage=penyimpanan_privat, blank=True, max_length=300
    )
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bukti tindak lanjut")
        verbose_name_plural = _("bukti tindak lanjut")
        ordering = ["tindak_lanjut", "id"]

    def __str__(self):
        return self.keterangan or self.get_jenis_display()


class PengingatTindakLanjut(models.Model):
    """A reminder sent for a recommendation on a day (at most one per recommendation and day)."""

    rekomendasi = models.ForeignKey(
        Rekomendasi, on_delete=models.CASCADE, related_name="pengingat", verbose_name=_("rekomendasi")
    )
    tanggal = models.DateField(_("tanggal"))

    class Meta:
        verbose_name = _("pengingat tindak lanjut")
        verbose_name_plural = _("pengingat tindak lanjut")
        constraints = [models.UniqueConstraint(fields=["rekomendasi", "tanggal"], name="pengingat_tl_sekali_sehari")]

    def __str__(self):
        return f"{self.rekomendasi} {self.tanggal}"


def _lokasi_lhr(instance, filename):
    return f"tindak_lanjut/lhr/{instance.unit_id}/{instance.tahun}/{filename}"


class ReviuLaporan(models.Model):
    """The APIP's review (reviu) of a unit's Laporan Kinerja of a year (PermenPANRB 53/2014): a checklist, notes
    per chapter, the outcome and the review report (LHR). Completed, it prints the "Pernyataan Telah Direviu"
    signed by the reviewer and its notes marked so become recommendations of the LHR (`sumber`)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="reviu_laporan", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun laporan"))
    status = models.CharField(_("status"), max_length=10, choices=StatusReviu.choices, default=StatusReviu.DRAF)
    hasil = models.CharField(_("simpulan"), max_length=20, choices=HasilReviu.choices, blank=True)
    pereviu = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pereviu")
    )
    pereviu_nama = models.CharField(_("pereviu: nama"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    pereviu_nip = models.CharField(_("pereviu: NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    pereviu_jabatan = models.CharField(
        _("pereviu: jabatan"), max_length=200, blank=True, validators=[tanpa_karakter_kendali]
    )
    kota = models.CharField(_("kota"), max_length=80, blank=True, validators=[tanpa_karakter_kendali])
    tanggal = models.DateField(_("tanggal reviu"), null=True, blank=True)
    nomor_lhr = models.CharField(_("nomor LHR"), max_length=120, blank=True, validators=[tanpa_karakter_kendali])
    berkas_lhr = models.FileField(
        _("berkas LHR"), upload_to=_lokasi_lhr, storage=penyimpanan_privat, blank=True, max_length=300
    )
    sumber = models.OneToOneField(
        SumberRekomendasi,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviu",
        verbose_name=_("sumber rekomendasi (LHR)"),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reviu laporan kinerja")
        verbose_name_plural = _("reviu laporan kinerja")
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="reviu_laporan_unit_tahun_unik")]

    def __str__(self):
        return f"{self.unit} {self.tahun}"


class ButirReviu(models.Model):
    """One checklist point of a review: met or not (None: not yet), whether the app checked it, why, a note."""

    reviu = models.ForeignKey(ReviuLaporan, on_delete=models.CASCADE, related_name="butir", verbose_name=_("reviu"))
    kode = models.CharField(_("butir"), max_length=30, choices=ButirPeriksa.choices)
    terpenuhi = models.BooleanField(_("terpenuhi"), null=True, blank=True)
    otomatis = models.BooleanField(_("diperiksa aplikasi"), default=False)
    alasan = models.CharField(_("alasan"), max_length=300, blank=True)
    catatan = TeksPanjang(_("catatan"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir reviu")
        verbose_name_plural = _("butir reviu")
        constraints = [models.UniqueConstraint(fields=["reviu", "kode"], name="butir_reviu_unik")]

    def __str__(self):
        return self.get_kode_display()


class CatatanReviu(models.Model):
    """A reviewer's note on a chapter; `jadi_rekomendasi` notes become recommendations when the review completes."""

    reviu = models.ForeignKey(ReviuLaporan, on_delete=models.CASCADE, related_name="catatan", verbose_name=_("reviu"))
    bab = models.CharField(_("bab"), max_length=10, choices=BabReviu.choices, default=BabReviu.UMUM)
    isi = TeksPanjang(_("catatan"), max_length=3000)
    jadi_rekomendasi = models.BooleanField(_("jadikan rekomendasi"), default=False)
    rekomendasi = models.OneToOneField(
        Rekomendasi,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="catatan_reviu",
        verbose_name=_("rekomendasi"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catatan reviu")
        verbose_name_plural = _("catatan reviu")
        ordering = ["reviu", "bab", "id"]

    def __str__(self):
        return self.isi[:80]
