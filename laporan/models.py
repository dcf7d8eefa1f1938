"""Narrative of the Laporan Kinerja, written by people in Markdown, stored per unit, year and section."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from anggaran.models import MataAnggaran
from indikator.models import Indikator, Sasaran, UnitKerja, VersiPK
from umum.penyimpanan import penyimpanan_privat
from umum.teks import TeksPanjang, tanpa_karakter_kendali


class NarasiLaporan(models.Model):
    """One narrative section of a unit's annual report (Markdown; sanitised when rendered).

    `bagian` is a stable key such as "kata_pengantar", "bab1_latar_belakang", "bab4_kesimpulan"; per-sasaran
    sections carry the sasaran and a key such as "analisis", "kegiatan_pendukung", "upaya_tahun_depan".
    """

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="narasi", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    bagian = models.SlugField(_("bagian"), max_length=80)
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="narasi", verbose_name=_("sasaran")
    )
    judul = models.CharField(_("judul"), max_length=200, blank=True, validators=[tanpa_karakter_kendali])
    isi = TeksPanjang(_("isi (Markdown)"), max_length=20000, blank=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("narasi laporan")
        verbose_name_plural = _("narasi laporan")
        ordering = ["unit", "tahun", "bagian"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "bagian"],
                condition=models.Q(sasaran__isnull=True),
                name="narasi_bagian_unik",
            ),
            models.UniqueConstraint(
                fields=["unit", "tahun", "bagian", "sasaran"],
                condition=models.Q(sasaran__isnull=False),
                name="narasi_bagian_sasaran_unik",
            ),
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.bagian}"


class BerkasLaporan(models.Model):
    """A rendered report file (PDF or XLSX) of a unit's year, rendered by a task (`laporan.tugas`); also the
    standalone legal PDFs (`jenis`): the "Dokumen Perjanjian Kinerja" of one PK version and the IKU decree.

    Keyed by what the file is made of (`hash`: `laporan.kunci.kunci_berkas`, the data and text versions, the
    language, the warnings annex, the format and the build id), computed without building the report: one row —
    and at most one render — per distinct input. A data or narrative change gives a new key, so an open year's
    drafts go stale by themselves (and are removed once a newer one is stored); an approved or locked year cannot
    change, so its final file is reused until the year is reopened. `hash_isi` is the hash of the built content
    (a stored file of the same content is taken over instead of rendered again). A render holds a lease (`sewa`)
    and beats `detak`; `menunggu`: queued behind another render of its unit. The file lives in private storage
    ("privat") and is served only through the access-checked download view."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel"
        DOCX = "docx", "Word"

    class Status(models.TextChoices):
        ANTRI = "antri", _("dalam antrean")
        DIRENDER = "dirender", _("sedang dibuat")
        SELESAI = "selesai", _("selesai")
        GAGAL = "gagal", _("gagal")

    class Tahap(models.TextChoices):
        """The stage a render reports (shown while the file is made)."""

        SUSUN = "susun", _("menyusun data")
        RENDER = "render", _("membuat berkas")
        GABUNG = "gabung", _("menggabungkan bagian PDF")
        SIMPAN = "simpan", _("menyimpan berkas")

    class Jenis(models.TextChoices):
        LAPORAN = "laporan", _("Laporan Kinerja")
        PK = "pk", _("Dokumen Perjanjian Kinerja")
        IKU = "iku", _("Keputusan Penetapan IKU")
        PERIODIK = "periodik", _("Laporan Kinerja Periodik")

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="berkas_laporan", verbose_name=_("unit"))
    jenis = models.CharField(_("jenis dokumen"), max_length=8, choices=Jenis.choices, default=Jenis.LAPORAN)
    versi_pk = models.ForeignKey(
        VersiPK,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berkas_dokumen",
        verbose_name=_("versi PK"),
    )
    laporan_periodik = models.ForeignKey(
        "LaporanPeriodik",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berkas",
        verbose_name=_("laporan periodik"),
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    hash = models.CharField(_("kunci masukan"), max_length=64)
    hash_isi = models.CharField(_("hash isi"), max_length=64, blank=True)
    dengan_peringatan = models.BooleanField(_("dengan lampiran peringatan"), default=False)
    bahasa = models.CharField(_("bahasa"), max_length=8, default="id")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANTRI)
    alasan = models.TextField(_("alasan gagal"), blank=True)
    final = models.BooleanField(_("final"), default=False)
    berkas = models.FileField(_("berkas"), storage=penyimpanan_privat, max_length=255, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), default=0)
    dibuat_pada = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), default=timezone.now)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    detak = models.DateTimeField(_("detak terakhir"), null=True, blank=True)
    mulai_pada = models.DateTimeField(_("mulai dibuat pada"), null=True, blank=True)
    tahap = models.CharField(_("tahap"), max_length=8, choices=Tahap.choices, blank=True)
    tahap_bagian = models.CharField(_("bagian selesai"), max_length=12, blank=True)  # e.g. "3/7" (PDF parts)
    sewa = models.CharField(_("sewa pekerja"), max_length=32, blank=True)
    menunggu = models.BooleanField(_("menunggu berkas lain unit ini"), default=False)
    tugas_id = models.CharField(_("id tugas"), max_length=64, blank=True)
    history = HistoricalRecords(excluded_fields=["detak", "sewa", "menunggu", "tugas_id", "tahap", "tahap_bagian"])

    class Meta:
        verbose_name = _("berkas laporan")
        verbose_name_plural = _("berkas laporan")
        ordering = ["unit", "tahun", "format", "-dibuat_pada"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "format", "hash"], name="berkas_laporan_unik"),
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.format} ({self.get_status_display()})"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.ANTRI, self.Status.DIRENDER)

    @property
    def lama_detik(self) -> int:
        """Seconds since it was queued (queued) or since the worker took it (rendering)."""
        awal = self.mulai_pada if self.status == self.Status.DIRENDER and self.mulai_pada else self.diperbarui_pada
        return max(0, int((timezone.now() - awal).total_seconds())) if awal else 0

    def nama_simpan(self) -> str:
        """Storage key: unit, year and content hash."""
        return f"laporan/{self.unit_id}/{self.tahun}/{self.hash}.{self.format}"

    def nama_unduhan(self) -> str:
        if self.jenis == self.Jenis.PK:
            return f"perjanjian-kinerja-{self.unit.slug}-{self.tahun}-versi-{self.versi_pk.nomor}.pdf"
        if self.jenis == self.Jenis.IKU:
            return f"keputusan-iku-{self.unit.slug}-{self.tahun}.pdf"
        if self.jenis == self.Jenis.PERIODIK:
            lp = self.laporan_periodik
            return f"laporan-kinerja-{lp.periode.lower()}-{self.unit.slug}-{self.tahun}-versi-{lp.versi}.{self.format}"
        return f"laporan-kinerja-{self.unit.slug}-{self.tahun}.{self.format}"

    def url_buat(self) -> str:
        """Where the file is asked for (again): the report's PDF/XLSX page or the legal document's page."""
        from django.urls import reverse

        if self.jenis == self.Jenis.PK:
            return reverse("kerja:versi_pk_pdf", args=[self.unit.slug, self.versi_pk_id])
        if self.jenis == self.Jenis.IKU:
            return reverse("kerja:keputusan_iku_pdf", args=[self.unit.slug, self.tahun])
        if self.jenis == self.Jenis.PERIODIK:
            return reverse("kerja:periodik_berkas", args=[self.unit.slug, self.laporan_periodik_id, self.format])
        return reverse(f"laporan:{self.format}", args=[self.unit.slug, self.tahun])


# The standard wording of the legal documents printed in the lampiran (PermenPANRB 53/2014 for the Perjanjian
# Kinerja; the usual form of a decree for the IKU). Placeholders in braces are filled from the data:
# {unit}, {instansi}, {tahun}, {awal}, {akhir}, {jabatan_kepala}; in the decree also {huruf_sebelumnya} (a Menimbang
# item's citation of the items before it: "huruf a", "huruf a dan huruf b", ...) and {huruf_menimbang} (all of them).
PK_PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, akuntabel dan berorientasi pada "
    "hasil, yang bertanda tangan di bawah ini:"
)
PK_JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam "
    "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
PK_SUPERVISI = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
    "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
)
IKU_MENIMBANG = (
    "bahwa dalam rangka pengukuran dan peningkatan kinerja serta akuntabilitas kinerja instansi pemerintah, perlu "
    "menetapkan Indikator Kinerja Utama di lingkungan {unit};\n"
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud pada {huruf_sebelumnya}, perlu menetapkan Keputusan "
    "{jabatan_kepala} tentang Penetapan Indikator Kinerja Utama Tahun {awal}–{akhir} di Lingkungan {unit};"
)
IKU_MENGINGAT = (
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;\n"
    "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 tentang Pedoman Umum "
    "Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;\n"
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk "
    "Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;"
)
IKU_DIKTUM = (
    "Indikator Kinerja Utama (IKU) {unit} adalah indikator untuk mengukur capaian keberhasilan program dan "
    "kegiatan yang dilaksanakan di {unit};\n"
    "Indikator Kinerja Utama (IKU) {unit} sebagaimana tercantum dalam lampiran Keputusan ini;\n"
    "Keputusan ini mulai berlaku pada tanggal ditetapkan."
)


def huruf(i: int) -> str:
    """The letter of the i-th (0-based) lettered item: a … z, then aa, bb, …"""
    return chr(ord("a") + i % 26) * (i // 26 + 1)


def rujukan_huruf(n: int) -> str:
    """The citation of the first `n` lettered items as Indonesian legal drafting writes it: "huruf a", "huruf a dan
    huruf b", "huruf a, huruf b, dan huruf c"; empty for none. Part of the decree's (untranslated) wording."""
    nama = [f"huruf {huruf(i)}" for i in range(n)]
    if len(nama) <= 2:
        return " dan ".join(nama)
    return ", ".join(nama[:-1]) + ", dan " + nama[-1]


_RUJUKAN = re.compile(r"dimaksud\s+(?:dalam|pada)\s+((?:huruf\s+[a-z]+\b(?:\s*,\s*(?:dan\s+)?|\s+dan\s+)?)+)", re.I)


def _nomor_huruf(h: str) -> int:
    """The inverse of `huruf`: "a" → 0, "z" → 25, "aa" → 26."""
    return (len(h) - 1) * 26 + ord(h[0]) - ord("a")


def rujukan_menimbang_salah(teks: str) -> list[tuple[str, str]]:
    """(item, cited) for each Menimbang item (one per line) that cites, written out as "dimaksud dalam/pada huruf
    x", a letter that is not an earlier item (itself, a later one, or none): the decree would cite wrongly."""
    salah = []
    for i, baris in enumerate(x for x in teks.splitlines() if x.strip()):
        for m in _RUJUKAN.finditer(baris):
            for h in re.findall(r"huruf\s+([a-z]+)", m.group(1), re.I):
                h = h.lower()
                if len(set(h)) > 1 or _nomor_huruf(h) >= i:
                    salah.append((huruf(i), h))
    return salah


class IsiNaskahDinas(models.Model):
    """The wording fields of the legal documents (shared by the unit's editable wording and a year's stored one)."""

    pk_pembuka = TeksPanjang(_("PK: kalimat pembuka"), max_length=3000, default=PK_PEMBUKA)
    pk_janji = TeksPanjang(_("PK: janji pihak pertama"), max_length=3000, default=PK_JANJI)
    pk_supervisi = TeksPanjang(_("PK: kewajiban pihak kedua"), max_length=3000, default=PK_SUPERVISI)
    iku_nomor = models.CharField(
        _("keputusan IKU: nomor"), max_length=120, blank=True, validators=[tanpa_karakter_kendali]
    )
    iku_tanggal = models.DateField(_("keputusan IKU: tanggal ditetapkan"), null=True, blank=True)
    iku_menimbang = TeksPanjang(
        _("keputusan IKU: menimbang (satu butir per baris)"), max_length=5000, default=IKU_MENIMBANG
    )
    iku_mengingat = TeksPanjang(
        _("keputusan IKU: mengingat (satu butir per baris)"), max_length=5000, default=IKU_MENGINGAT
    )
    iku_diktum = TeksPanjang(_("keputusan IKU: diktum (satu diktum per baris)"), max_length=5000, default=IKU_DIKTUM)
    iku_kota = models.CharField(
        _("keputusan IKU: ditetapkan di (kota)"),
        max_length=80,
        blank=True,
        validators=[tanpa_karakter_kendali],
        help_text=_("Kosong: kota unit."),
    )
    iku_salinan = TeksPanjang(
        _("keputusan IKU: salinan disampaikan kepada (satu penerima per baris)"),
        max_length=3000,
        blank=True,
        default="",
        help_text=_("Kosong: keputusan dicetak tanpa daftar salinan."),
    )

    KOLOM = (
        "pk_pembuka",
        "pk_janji",
        "pk_supervisi",
        "iku_nomor",
        "iku_tanggal",
        "iku_kota",
        "iku_menimbang",
        "iku_mengingat",
        "iku_diktum",
        "iku_salinan",
    )

    class Meta:
        abstract = True

    def clean(self):
        salah = rujukan_menimbang_salah(self.iku_menimbang)
        if salah:
            raise ValidationError(
                {
                    "iku_menimbang": [
                        _(
                            "Butir %(butir)s merujuk huruf %(rujukan)s, yang bukan butir menimbang sebelumnya. Tulis "
                            "{huruf_sebelumnya} agar rujukan mengikuti urutan butir."
                        )
                        % {"butir": b, "rujukan": r}
                        for b, r in salah
                    ]
                },
                code="rujukan_huruf",
            )


class NaskahDinas(IsiNaskahDinas):
    """A unit's wording of the legal documents in the lampiran: the Perjanjian Kinerja agreement and the decree
    that sets the IKU (one row per unit; every field starts from the standard wording above). Open years print
    it; an approved or locked year prints the copy kept at its approval (`NaskahDinasDisahkan`)."""

    unit = models.OneToOneField(
        UnitKerja, on_delete=models.CASCADE, related_name="naskah_dinas", verbose_name=_("unit")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("naskah dinas")
        verbose_name_plural = _("naskah dinas")

    def __str__(self):
        return str(self.unit)


class NaskahDinasDisahkan(IsiNaskahDinas):
    """The wording a unit's year printed when it was approved (written by `laporan.dinas.simpan_naskah_disahkan`
    at each approval, like `PeriodeUnit.profil_disahkan`): the frozen year's lampiran and its standalone PK and
    IKU documents keep it whatever the unit's wording becomes later."""

    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, related_name="naskah_disahkan", verbose_name=_("unit")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    disimpan_pada = models.DateTimeField(_("disimpan pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("naskah dinas saat disahkan")
        verbose_name_plural = _("naskah dinas saat disahkan")
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="naskah_disahkan_unit_tahun_unik")]

    def __str__(self):
        return f"{self.unit} {self.tahun}"


REVIU_ISI = (
    "Kami telah mereviu Laporan Kinerja {unit} untuk tahun anggaran {tahun} sesuai Pedoman Reviu atas Laporan "
    "Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab manajemen {unit}. Reviu "
    "bertujuan untuk memberikan keyakinan terbatas bahwa laporan kinerja telah disajikan secara akurat, andal, dan "
    "valid. Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini "
    "keandalan informasi yang disajikan di dalam Laporan Kinerja ini."
)


class PernyataanReviu(models.Model):
    """The inspectorate's "Pernyataan Telah Direviu" of a unit's annual report (PermenPANRB 53/2014), printed after
    the cover when entered."""

    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, related_name="pernyataan_reviu", verbose_name=_("unit")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    isi = TeksPanjang(_("pernyataan"), max_length=5000, default=REVIU_ISI)
    kota = models.CharField(_("kota"), max_length=80, default="Jakarta", validators=[tanpa_karakter_kendali])
    tanggal = models.DateField(_("tanggal reviu"))
    pereviu_nama = models.CharField(_("pereviu: nama"), max_length=200, validators=[tanpa_karakter_kendali])
    pereviu_nip = models.CharField(_("pereviu: NIP"), max_length=30, blank=True, validators=[tanpa_karakter_kendali])
    pereviu_jabatan = models.CharField(_("pereviu: jabatan"), max_length=200, validators=[tanpa_karakter_kendali])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pernyataan telah direviu")
        verbose_name_plural = _("pernyataan telah direviu")
        ordering = ["unit", "tahun"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="pernyataan_reviu_unik")]

    def __str__(self):
        return f"{self.unit} {self.tahun}"


class GambarLaporan(models.Model):
    """A figure a planner uploads for a unit's year (PNG or JPEG, pixel-capped and resized when stored).

    `bagian`: the narrative key (`laporan.narasi` catalogue) after whose text it prints, or "ganti:struktur" /
    "ganti:peta" to replace the generated organisation chart or strategy map. Numbered with the other figures
    in the Daftar Gambar; the file lives in private storage and is read through the access-checked view."""

    GANTI_STRUKTUR = "ganti:struktur"
    GANTI_PETA = "ganti:peta"

    unit = models.ForeignKey(UnitKerja, on_delete=models.CASCADE, related_name="gambar", verbose_name=_("unit"))
    tahun = models.PositiveIntegerField(_("tahun"))
    bagian = models.CharField(_("bagian"), max_length=80)
    judul = models.CharField(_("judul gambar"), max_length=300, validators=[tanpa_karakter_kendali])
    berkas = models.ImageField(_("berkas"), upload_to="gambar-laporan/", storage=penyimpanan_privat, max_length=255)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gambar laporan")
        verbose_name_plural = _("gambar laporan")
        ordering = ["unit", "tahun", "bagian", "urutan", "id"]
        indexes = [models.Index(fields=["unit", "tahun"], name="gambar_unit_tahun")]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.judul}"


# ---------------------------------------------------------------------- periodic reports (docs/siklus.md §3.3)


class LaporanPeriodik(models.Model):
    """A periodic performance report of a unit's year: the monthly capaian report (B01–B12), the Laporan Kinerja
    Interim of a quarter (TW1–TW4) or a semester (S1 = TW II's data, S2 = TW IV = the year). Versioned per
    unit, year and period; a draft is filled, submitted (diajukan: no more edits) and issued (terbit: the print
    HTML is kept in `html_terbit` with its SHA-256, and every output of the issued version is made from it)."""

    class Periode(models.TextChoices):
        B01 = "B01", _("Januari")
        B02 = "B02", _("Februari")
        B03 = "B03", _("Maret")
        B04 = "B04", _("April")
        B05 = "B05", _("Mei")
        B06 = "B06", _("Juni")
        B07 = "B07", _("Juli")
        B08 = "B08", _("Agustus")
        B09 = "B09", _("September")
        B10 = "B10", _("Oktober")
        B11 = "B11", _("November")
        B12 = "B12", _("Desember")
        TW1 = "TW1", _("Triwulan I")
        TW2 = "TW2", _("Triwulan II")
        TW3 = "TW3", _("Triwulan III")
        TW4 = "TW4", _("Triwulan IV")
        S1 = "S1", _("Semester I")
        S2 = "S2", _("Semester II")

    class Jenis(models.TextChoices):
        CAPAIAN_BULANAN = "capaian_bulanan", _("Laporan Capaian Kinerja Bulanan")
        INTERIM_TW = "interim_tw", _("Laporan Kinerja Interim Triwulan")
        SEMESTER = "semester", _("Laporan Kinerja Semester")

    class Status(models.TextChoices):
        DRAF = "draf", _("draf")
        DIAJUKAN = "diajukan", _("diajukan")
        TERBIT = "terbit", _("terbit")

    unit = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, related_name="laporan_periodik", verbose_name=_("unit")
    )
    tahun = models.PositiveIntegerField(_("tahun"))
    periode = models.CharField(_("periode"), max_length=3, choices=Periode.choices)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAF)
    data_cutoff = models.DateField(_("batas data"))
    penandatangan_nama = models.CharField(
        _("nama penanda tangan"), max_length=200, blank=True, validators=[tanpa_karakter_kendali]
    )
    penandatangan_nip = models.CharField(_("NIP"), max_length=40, blank=True, validators=[tanpa_karakter_kendali])
    penandatangan_jabatan = models.CharField(
        _("jabatan penanda tangan"), max_length=200, blank=True, validators=[tanpa_karakter_kendali]
    )
    penandatangan_plt = models.BooleanField(_("Plt."), default=False)
    tanggal = models.DateField(_("tanggal laporan"), null=True, blank=True)
    catatan_pimpinan = TeksPanjang(_("catatan pimpinan"), max_length=4000, blank=True)
    catatan_pengembalian = TeksPanjang(_("catatan pengembalian"), max_length=2000, blank=True)
    html_terbit = TeksPanjang(_("isi terbit (HTML cetak)"), max_length=20_000_000, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 isi terbit"), max_length=64, blank=True, editable=False)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    history = HistoricalRecords(excluded_fields=["html_terbit"])

    class Meta:
        verbose_name = _("laporan periodik")
        verbose_name_plural = _("laporan periodik")
        ordering = ["unit", "tahun", "periode", "-versi"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "periode", "versi"], name="laporan_periodik_versi_unik")
        ]

    def __str__(self):
        return f"{self.unit} {self.tahun} {self.periode} v{self.versi}"

    @property
    def jenis(self) -> str:
        if self.periode.startswith("B"):
            return self.Jenis.CAPAIAN_BULANAN
        if self.periode.startswith("S"):
            return self.Jenis.SEMESTER
        return self.Jenis.INTERIM_TW

    @property
    def bulanan(self) -> bool:
        return self.jenis == self.Jenis.CAPAIAN_BULANAN

    @property
    def dapat_diubah(self) -> bool:
        return self.status == self.Status.DRAF


class IsianPeriodik(models.Model):
    """What a periodic report says of one indikator beyond the measured numbers: the numerator and denominator
    of its realisasi s/d the period (printed when entered) and the kendala, upaya and rencana tindak lanjut."""

    laporan = models.ForeignKey(LaporanPeriodik, on_delete=models.CASCADE, related_name="isian")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="+", verbose_name=_("indikator"))
    pembilang = models.DecimalField(_("pembilang"), max_digits=20, decimal_places=4, null=True, blank=True)
    penyebut = models.DecimalField(_("penyebut"), max_digits=20, decimal_places=4, null=True, blank=True)
    kendala = TeksPanjang(_("kendala"), max_length=2000, blank=True)
    upaya = TeksPanjang(_("upaya"), max_length=2000, blank=True)
    rencana_tindak_lanjut = TeksPanjang(_("rencana tindak lanjut"), max_length=2000, blank=True)
    # Marked when the head returns the report for this indikator; cleared when the planner saves it again.
    dikembalikan = models.BooleanField(_("dikembalikan"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("isian laporan periodik")
        verbose_name_plural = _("isian laporan periodik")
        constraints = [models.UniqueConstraint(fields=["laporan", "indikator"], name="isian_periodik_unik")]


class PenjelasanAnggaranPeriodik(models.Model):
    """The cause of a budget line's gap against its RPD in a periodic report (required before submission when
    the gap is under −10 points)."""

    laporan = models.ForeignKey(LaporanPeriodik, on_delete=models.CASCADE, related_name="penjelasan_anggaran")
    mata_anggaran = models.ForeignKey(
        MataAnggaran, on_delete=models.CASCADE, related_name="+", verbose_name=_("mata anggaran")
    )
    penyebab = TeksPanjang(_("penyebab deviasi"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penjelasan anggaran periodik")
        verbose_name_plural = _("penjelasan anggaran periodik")
        constraints = [
            models.UniqueConstraint(fields=["laporan", "mata_anggaran"], name="penjelasan_anggaran_periodik_unik")
        ]


class IndikatorTahunan(models.Model):
    """An indikator measured only yearly (a survey index, the AKIP score): periodic reports before TW IV print
    "–" with "Perhitungan capaian di Triwulan IV" instead of a capaian. An indikator with `ukur_akip` is yearly
    without a row."""

    indikator = models.OneToOneField(
        Indikator, on_delete=models.CASCADE, related_name="diukur_tahunan", verbose_name=_("indikator")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator yang diukur tahunan")
        verbose_name_plural = _("indikator yang diukur tahunan")
