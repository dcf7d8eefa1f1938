"""Pohon kinerja (`../shared/docs/siklus.md` §2.3): positions and their holders, nodes of the tree linking the
existing sasaran and indikator (never copies), budget lines at the leaves, cause–effect links of the strategy
map, crosscutting, and the rules by which a parent indikator consolidates its children's realisasi (§2.4).

Raw inputs only: coverage, findings and consolidated figures are computed (pohon.formulas, pohon.periksa).
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from anggaran.models import RUPIAH, MataAnggaran
from indikator.enums import Perspektif
from indikator.models import Indikator, Renstra, Sasaran, UnitKerja
from umum.teks import TeksPanjang, tanpa_karakter_kendali

from .enums import (
    DasarBobot,
    Eselon,
    JenisCascading,
    JenisHasil,
    JenisMitra,
    MetodeAgregasi,
    PeranIndikator,
    PeranMitra,
    StatusCrosscutting,
    StatusNode,
    Tingkat,
)


class AturanPohon(models.Model):
    """A unit's settings for its tree: whether a level may be skipped (K1), and the severity of each check."""

    unit = models.OneToOneField(
        UnitKerja, on_delete=models.CASCADE, related_name="aturan_pohon", verbose_name=_("unit")
    )
    boleh_lompat_tingkat = models.BooleanField(
        _("boleh melompati tingkat"),
        default=False,
        help_text=_("Centang bila jenis unit ini boleh menempatkan simpul dua tingkat di bawah induknya."),
    )
    keparahan = models.JSONField(
        _("keparahan pemeriksaan"),
        default=dict,
        blank=True,
        help_text=_("Kode pemeriksaan → galat/peringatan/info; yang tidak disebut memakai bawaan."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aturan pohon kinerja")
        verbose_name_plural = _("aturan pohon kinerja")

    def __str__(self):
        return str(self.unit)


class Jabatan(models.Model):
    """A position of a unit (the owner of results), whoever holds it."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="jabatan", verbose_name=_("unit"))
    nama = models.CharField(_("nama jabatan"), max_length=200, validators=[tanpa_karakter_kendali])
    eselon = models.CharField(_("eselon"), max_length=2, choices=Eselon.choices)
    atasan = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="bawahan", verbose_name=_("atasan")
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit", "eselon", "urutan", "nama"]
        constraints = [models.UniqueConstraint(fields=["unit", "nama"], name="jabatan_nama_unik")]

    def __str__(self):
        return self.nama


class PemegangJabatan(models.Model):
    """Who holds a position from `mulai` to `selesai` (open = still holding); `plt` marks an acting official."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="pemegang", verbose_name=_("jabatan"))
    nama = models.CharField(_("nama"), max_length=150, validators=[tanpa_karakter_kendali])
    nip = models.CharField(_("NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    plt = models.BooleanField(_("pelaksana tugas (Plt.)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pemegang jabatan")
        verbose_name_plural = _("pemegang jabatan")
        ordering = ["jabatan", "mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")), name="pemegang_jabatan_urut"
            )
        ]

    def __str__(self):
        return f"{'Plt. ' if self.plt else ''}{self.nama}"


class NodeKinerja(models.Model):
    """A result in a unit's tree for a Renstra period: its level, its parent (possibly in the parent unit's tree),
    its owner position, and the existing sasaran/indikator it stands for."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="node_kinerja", verbose_name=_("unit"))
    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, related_name="node_kinerja", verbose_name=_("periode Renstra")
    )
    tahun_mulai = models.PositiveIntegerField(_("berlaku mulai tahun"), null=True, blank=True)
    tahun_selesai = models.PositiveIntegerField(_("berlaku sampai tahun"), null=True, blank=True)
    tingkat = models.CharField(_("tingkat"), max_length=5, choices=Tingkat.choices)
    jenis_hasil = models.CharField(_("jenis hasil"), max_length=20, choices=JenisHasil.choices, blank=True)
    kode = models.CharField(_("kode"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    uraian = TeksPanjang(_("uraian"), max_length=1000)
    induk = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="anak", verbose_name=_("induk")
    )
    sasaran = models.ForeignKey(
        Sasaran,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="node_kinerja",
        verbose_name=_("sasaran Renstra"),
    )
    perspektif = models.CharField(_("perspektif BSC"), max_length=20, choices=Perspektif.choices, blank=True)
    pemilik = models.ForeignKey(
        Jabatan, on_delete=models.PROTECT, null=True, blank=True, related_name="node", verbose_name=_("jabatan pemilik")
    )
    cascading = models.CharField(_("jenis cascading"), max_length=20, choices=JenisCascading.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=StatusNode.choices, default=StatusNode.DITERIMA)
    diusulkan_oleh = models.ForeignKey(
        UnitKerja,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="node_diusulkan",
        verbose_name=_("diusulkan oleh unit"),
    )
    alasan = TeksPanjang(_("alasan penolakan atau penonaktifan"), max_length=2000, blank=True)
    indikator = models.ManyToManyField(
        Indikator, through="NodeIndikator", related_name="node_kinerja", blank=True, verbose_name=_("indikator")
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("simpul pohon kinerja")
        verbose_name_plural = _("simpul pohon kinerja")
        ordering = ["unit", "renstra", "urutan", "kode"]
        constraints = [
            models.CheckConstraint(condition=~Q(induk=models.F("pk")), name="node_bukan_induk_sendiri"),
            models.CheckConstraint(
                condition=Q(tahun_mulai__isnull=True)
                | Q(tahun_selesai__isnull=True)
                | Q(tahun_selesai__gte=models.F("tahun_mulai")),
                name="node_tahun_urut",
            ),
        ]

    def __str__(self):
        return f"{self.kode} {self.uraian[:80]}".strip()


class NodeIndikator(models.Model):
    node = models.ForeignKey(NodeKinerja, on_delete=models.CASCADE, related_name="tautan_indikator")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="tautan_node")
    peran = models.CharField(_("peran"), max_length=10, choices=PeranIndikator.choices, default=PeranIndikator.UTAMA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator simpul")
        verbose_name_plural = _("indikator simpul")
        constraints = [models.UniqueConstraint(fields=["node", "indikator"], name="node_indikator_unik")]


class NodeAnggaran(models.Model):
    """A budget line at a leaf: a line of the unit's budget, or codes typed as strings with their pagu."""

    node = models.ForeignKey(NodeKinerja, on_delete=models.CASCADE, related_name="anggaran", verbose_name=_("simpul"))
    tahun = models.PositiveIntegerField(_("tahun anggaran"))
    mata_anggaran = models.ForeignKey(
        MataAnggaran,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="node_kinerja",
        verbose_name=_("mata anggaran"),
    )
    kode_program = models.CharField(_("kode program"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    kode_kegiatan = models.CharField(_("kode kegiatan"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    kode_kro = models.CharField(_("kode KRO"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    kode_ro = models.CharField(_("kode RO"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    kode_komponen = models.CharField(_("kode komponen"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    uraian = models.CharField(_("uraian"), max_length=300, blank=True, validators=[tanpa_karakter_kendali])
    pagu = models.DecimalField(
        _("pagu (Rp)"),
        **RUPIAH,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Kosong bila tertaut ke mata anggaran: pagunya yang berlaku dipakai."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggaran simpul")
        verbose_name_plural = _("anggaran simpul")
        ordering = ["node", "tahun", "kode_program", "kode_kegiatan", "kode_kro", "kode_ro", "kode_komponen"]
        constraints = [
            models.CheckConstraint(condition=Q(pagu__isnull=True) | Q(pagu__gte=0), name="node_anggaran_pagu"),
            models.UniqueConstraint(
                fields=["node", "mata_anggaran"],
                condition=Q(mata_anggaran__isnull=False),
                name="node_anggaran_mata_unik",
            ),
        ]


class TautanStrategi(models.Model):
    """A cause–effect arrow of the strategy map, between two nodes of one level."""

    dari = models.ForeignKey(
        NodeKinerja, on_delete=models.CASCADE, related_name="tautan_keluar", verbose_name=_("dari")
    )
    ke = models.ForeignKey(NodeKinerja, on_delete=models.CASCADE, related_name="tautan_masuk", verbose_name=_("ke"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tautan sebab-akibat")
        verbose_name_plural = _("tautan sebab-akibat")
        constraints = [
            models.UniqueConstraint(fields=["dari", "ke"], name="tautan_strategi_unik"),
            models.CheckConstraint(condition=~Q(dari=models.F("ke")), name="tautan_strategi_bukan_diri"),
        ]


class Crosscutting(models.Model):
    """A partner of a node: another unit of the app (which accepts or rejects) or an external body by name."""

    node = models.ForeignKey(
        NodeKinerja, on_delete=models.CASCADE, related_name="crosscutting", verbose_name=_("simpul")
    )
    mitra_unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="crosscutting_masuk",
        verbose_name=_("unit mitra"),
    )
    mitra_nama = models.CharField(
        _("nama mitra eksternal"), max_length=200, blank=True, validators=[tanpa_karakter_kendali]
    )
    mitra_jenis = models.CharField(_("jenis mitra"), max_length=20, choices=JenisMitra.choices, blank=True)
    peran = models.CharField(_("peran mitra"), max_length=20, choices=PeranMitra.choices)
    kontribusi = TeksPanjang(_("kontribusi"), max_length=2000)
    indikator_mitra = models.ForeignKey(
        Indikator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="crosscutting",
        verbose_name=_("indikator mitra"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusCrosscutting.choices, default=StatusCrosscutting.DIUSULKAN
    )
    alasan = TeksPanjang(_("alasan"), max_length=2000, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    dijawab_oleh = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("dijawab oleh")
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("crosscutting")
        verbose_name_plural = _("crosscutting")
        ordering = ["node", "dibuat_pada"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(mitra_unit__isnull=False) & Q(mitra_nama=""))
                | (Q(mitra_unit__isnull=True) & ~Q(mitra_nama="")),
                name="crosscutting_satu_mitra",
            )
        ]


class AgregasiIndikator(models.Model):
    """How a parent unit's indikator takes its realisasi from its children's indikator, per period."""

    indikator = models.OneToOneField(
        Indikator, on_delete=models.CASCADE, related_name="konsolidasi", verbose_name=_("indikator induk")
    )
    metode = models.CharField(_("metode"), max_length=20, choices=MetodeAgregasi.choices)
    dasar_bobot = models.CharField(_("dasar bobot"), max_length=10, choices=DasarBobot.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agregasi indikator")
        verbose_name_plural = _("agregasi indikator")

    def __str__(self):
        return f"{self.indikator} ({self.get_metode_display()})"


class SumberAgregasi(models.Model):
    """A child unit's indikator that feeds a parent indikator (`bobot` for a fixed-weight mean)."""

    agregasi = models.ForeignKey(AgregasiIndikator, on_delete=models.CASCADE, related_name="sumber")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="sumber_agregasi")
    bobot = models.DecimalField(_("bobot"), max_digits=20, decimal_places=4, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sumber agregasi")
        verbose_name_plural = _("sumber agregasi")
        constraints = [models.UniqueConstraint(fields=["agregasi", "indikator"], name="sumber_agregasi_unik")]


class RasioRealisasi(models.Model):
    """The numerator and denominator behind a unit's yearly realisasi of a percentage indikator
    (realisasi = pembilang ÷ penyebut × 100): what a parent's ratio of sums (`rasio_jumlah`) adds up."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="rasio_realisasi")
    tahun = models.PositiveIntegerField(_("tahun"))
    pembilang = models.DecimalField(_("pembilang"), max_digits=20, decimal_places=4)
    penyebut = models.DecimalField(_("penyebut"), max_digits=20, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pembilang dan penyebut realisasi")
        verbose_name_plural = _("pembilang dan penyebut realisasi")
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="rasio_realisasi_unik"),
            models.CheckConstraint(condition=Q(penyebut__gte=0) & Q(pembilang__gte=0), name="rasio_realisasi_positif"),
        ]


class KonsolidasiTahun(models.Model):
    """One run of a parent unit's consolidation for a year, pinned to the state of the sub-units it read:
    `pin` = {sub-unit id: its year's data version (`PeriodeUnit.versi_data`)} and the rules' fingerprint. A later
    change in a sub-unit (or of a rule) makes the run, and the report that prints it, out of date (usang)."""

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="konsolidasi", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    pin = models.JSONField(_("keadaan unit bawahan"), default=dict)
    sidik_aturan = models.CharField(_("sidik aturan"), max_length=64)
    dihitung_pada = models.DateTimeField(_("dihitung pada"), auto_now=True)
    dihitung_oleh = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("dihitung oleh")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("konsolidasi tahunan")
        verbose_name_plural = _("konsolidasi tahunan")
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="konsolidasi_tahun_unik")]


class HasilKonsolidasi(models.Model):
    """A parent indikator's consolidated figure of a year with its trace (the source rows as computed), or the
    reason it was not computed. The figure itself is written to the parent's yearly Realisasi, which the
    measurement reads like any other."""

    konsolidasi = models.ForeignKey(KonsolidasiTahun, on_delete=models.CASCADE, related_name="hasil")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="hasil_konsolidasi")
    metode = models.CharField(_("metode"), max_length=20, choices=MetodeAgregasi.choices)
    nilai = models.DecimalField(_("nilai"), max_digits=20, decimal_places=4, null=True, blank=True)
    alasan = models.CharField(_("alasan tidak dihitung"), max_length=30, blank=True)
    jejak = models.JSONField(_("jejak"), default=list)

    class Meta:
        verbose_name = _("hasil konsolidasi")
        verbose_name_plural = _("hasil konsolidasi")
        constraints = [models.UniqueConstraint(fields=["konsolidasi", "indikator"], name="hasil_konsolidasi_unik")]
