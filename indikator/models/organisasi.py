"""Organisation: units, their heads, members and roles, staff composition, and the state of a unit's year."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from umum.teks import TeksPanjang, tanpa_karakter_kendali

from ..enums import (
    STATUS_BEKU,
    STATUS_FINAL,
    GolonganPegawai,
    JenisPegawai,
    JenjangPendidikan,
    Peran,
    StatusPeriode,
)


class UnitKerja(models.Model):
    """An organisation unit; units form a tree (BPOM > Sekretariat Utama > Biro Kerja Sama > Bagian)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    nama = models.CharField(_("nama"), max_length=200, validators=[tanpa_karakter_kendali])
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True, validators=[tanpa_karakter_kendali])
    induk = models.ForeignKey(
        "self", verbose_name=_("unit atasan"), null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    instansi = models.CharField(_("instansi"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    alamat = TeksPanjang(_("alamat"), max_length=500, blank=True)
    kota = models.CharField(
        _("kota"), max_length=80, blank=True, default="Jakarta", validators=[tanpa_karakter_kendali]
    )
    tugas = TeksPanjang(_("tugas"), max_length=5000, blank=True)
    fungsi = TeksPanjang(_("fungsi"), max_length=5000, blank=True, help_text=_("Satu fungsi per baris."))
    logo = models.ImageField(_("logo"), upload_to="logo/", blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["urutan", "nama"]

    def __str__(self):
        return self.nama


class KepalaUnit(models.Model):
    """Who headed a unit and when (signs the PK, the Kata Pengantar)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="kepala", verbose_name=_("unit"))
    nama = models.CharField(_("nama"), max_length=150, validators=[tanpa_karakter_kendali])
    nama_bergelar = models.CharField(
        _("nama bergelar"), max_length=200, blank=True, validators=[tanpa_karakter_kendali]
    )
    nip = models.CharField(_("NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    jabatan = models.CharField(_("jabatan"), max_length=200, validators=[tanpa_karakter_kendali])
    mulai = models.DateField(_("mulai menjabat"))
    selesai = models.DateField(_("selesai menjabat"), null=True, blank=True)

    history = HistoricalRecords()

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
    """A user's role in a unit. Pimpinan and auditor reach sub-units too (see indikator.akses)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan", verbose_name=_("pengguna")
    )
    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, null=True, blank=True, related_name="anggota", verbose_name=_("unit")
    )
    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [models.UniqueConstraint(fields=["pengguna", "unit", "peran"], name="keanggotaan_unik")]

    def __str__(self):
        return f"{self.pengguna} — {self.get_peran_display()} — {self.unit or _('semua unit')}"


class KomposisiPegawai(models.Model):
    """Staff count of a unit at year end (Tabel 1), in the categories the unit reports: employment type,
    education level and/or rank group; a blank category is *tidak diketahui* (unknown)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="pegawai", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis pegawai"), max_length=20, choices=JenisPegawai.choices, blank=True)
    jenjang = models.CharField(_("jenjang pendidikan"), max_length=20, choices=JenjangPendidikan.choices, blank=True)
    golongan = models.CharField(_("golongan"), max_length=5, choices=GolonganPegawai.choices, blank=True)
    jumlah = models.PositiveIntegerField(_("jumlah"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komposisi pegawai")
        verbose_name_plural = _("komposisi pegawai")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "jenis", "jenjang", "golongan"], name="komposisi_pegawai_kategori_unik"
            )
        ]


class PeriodeUnit(models.Model):
    """Approval and lock state of one unit's year: draft → diajukan → dikembalikan | disahkan → dikunci."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="periode", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    status = models.CharField(_("status"), max_length=20, choices=StatusPeriode.choices, default=StatusPeriode.DRAFT)
    komentar = TeksPanjang(_("komentar"), max_length=2000, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("diubah oleh")
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    profil_disahkan = models.JSONField(
        _("profil unit saat disahkan"),
        null=True,
        blank=True,
        help_text=_("Nama, kepala, tugas, kota dan logo unit saat tahun ini disahkan; dipakai laporan tahun ini."),
    )
    catatan_pengajuan = TeksPanjang(
        _("catatan pengajuan"), max_length=2000, blank=True, help_text=_("Catatan perencana pada pengajuan terakhir.")
    )
    tenggat = models.DateField(
        _("tenggat pengajuan"),
        null=True,
        blank=True,
        help_text=_("Batas waktu pengajuan (opsional); dipakai pengingat."),
    )
    versi_data = models.PositiveIntegerField(
        _("versi data"),
        default=0,
        editable=False,
        help_text=_("Naik pada setiap perubahan data unit tahun ini; kunci cache ringkasan roll-up."),
    )
    history = HistoricalRecords(excluded_fields=["versi_data"])

    class Meta:
        verbose_name = _("periode unit")
        verbose_name_plural = _("periode unit")
        ordering = ["unit", "tahun"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="periode_unit_unik")]

    def __str__(self):
        return f"{self.unit} {self.tahun}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # `versi_data` is only ever raised by an UPDATE (`indikator.versi_data.naikkan_versi_baris`): saving a row read
        # earlier must not write an older version back (a cached summary would then be reused for newer data).
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "versi_data"
            ]
        super().save(*args, **kwargs)

    @property
    def final(self) -> bool:
        """Approved or locked: the year's report is final (`STATUS_FINAL`)."""
        return self.status in STATUS_FINAL

    @property
    def dibekukan(self) -> bool:
        """Submitted, approved or locked: every edit is refused (only the workflow steps change the year)."""
        return self.status in STATUS_BEKU


class SandiSementara(models.Model):
    """A user whose password was set by an administrator (new account, reset, Django admin): they must choose
    their own at the next login (sakip.middleware.SandiSementaraMiddleware). Deleted when they do."""

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="sandi_sementara",
        verbose_name=_("pengguna"),
    )
    diatur_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diatur oleh"),
    )
    diatur_pada = models.DateTimeField(_("diatur pada"), auto_now=True)

    class Meta:
        verbose_name = _("kata sandi sementara")
        verbose_name_plural = _("kata sandi sementara")

    def __str__(self):
        return str(self.pengguna)
