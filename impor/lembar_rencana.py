"""Excel sheets of the plan's structure: Renstra, Tujuan, Sasaran, Versi PK, Pendanaan Renstra.

With these a workbook can carry a whole plan into a unit that has none: the Renstra row creates the Renstra and
its first revision (the structure the following sheets fill), the Versi PK rows create the year's Perjanjian
Kinerja. Every sheet here has one model instance per row, hence a django-import-export `ModelResource` with
natural keys (codes, version numbers, the Renstra's first year). In a filled unit the same rows update by key.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from anggaran.models import AlokasiRenstra
from indikator.enums import LevelSasaran, Perspektif
from indikator.models import PerjanjianKinerja, Renstra, RevisiRenstra, Sasaran, SkemaPenilaian, Tujuan, VersiPK

from .lembar import (
    FORMAT_RUPIAH,
    AngkaWidget,
    BulatWidget,
    HasilLembar,
    KodeWidget,
    LembarBerbasisResource,
    ModelResourceLembar,
    PilihanWidget,
    TanggalWidget,
    TeksWidget,
    baca_teks,
)


class _ButuhRenstra(LembarBerbasisResource):
    """A sheet whose rows belong to the Renstra of the year: refused, with one message, when there is none."""

    def impor(self, header, baris):
        if self.konteks.revisi is None and baris:
            hasil = HasilLembar(self.judul)
            hasil.catat_galat(
                baris[0].nomor,
                None,
                _("Tidak ada Renstra yang berlaku pada tahun %(t)s; isi lembar Renstra dulu.")
                % {"t": self.konteks.tahun},
            )
            return hasil
        return super().impor(header, baris)


# --------------------------------------------------------------------------------------------- Renstra


class SkemaWidget(KodeWidget):
    """The scoring scheme by its name (as the drop-down shows it) or its code."""

    def __init__(self):
        super().__init__(SkemaPenilaian, "nama")

    def cari(self, kode):
        for s in SkemaPenilaian.objects.all():
            if kode.lower() in {s.kode.lower(), s.nama.lower()}:
                return s
        raise ValueError(_("Skema penilaian “%(kode)s” tidak dikenal.") % {"kode": kode})

    def daftar(self) -> list[str]:
        return list(SkemaPenilaian.objects.order_by("tahun_mulai", "nama").values_list("nama", flat=True))


class RenstraResource(ModelResourceLembar):
    """The Renstra of the year (key: first year). A new Renstra gets its first revision spanning its period."""

    tahun_mulai = Field("tahun_mulai", "Tahun mulai", widget=BulatWidget())
    tahun_selesai = Field("tahun_selesai", "Tahun selesai", widget=BulatWidget())
    nama = Field("nama", "Nama Renstra", widget=TeksWidget())
    skema = Field("skema", "Skema penilaian", widget=SkemaWidget())
    visi = Field("visi", "Visi", widget=TeksWidget())
    misi = Field("misi", "Misi (satu per baris)", widget=TeksWidget())

    lebar_kolom = {"Nama Renstra": 35, "Skema penilaian": 30, "Visi": 50, "Misi (satu per baris)": 60}

    class Meta(ModelResourceLembar.Meta):
        model = Renstra
        fields = ("tahun_mulai", "tahun_selesai", "nama", "skema", "visi", "misi")
        import_id_fields = ("tahun_mulai",)

    def queryset_lingkup(self):
        return Renstra.objects.filter(unit=self.konteks.unit).select_related("skema")

    def objek_ekspor(self):
        return [self.konteks.renstra] if self.konteks.renstra else []

    def kunci_instance(self, obj):
        return (obj.tahun_mulai,)

    def init_instance(self, row=None):
        return Renstra(unit=self.konteks.unit)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.skema_id is None and "skema" not in errors:
            # Empty: the latest scheme that started by the Renstra's first year.
            instance.skema = (
                SkemaPenilaian.objects.filter(tahun_mulai__lte=instance.tahun_mulai or 0)
                .order_by("-tahun_mulai")
                .first()
                or SkemaPenilaian.objects.order_by("tahun_mulai").first()
            )
        if instance.tahun_mulai and instance.tahun_selesai and instance.tahun_selesai < instance.tahun_mulai:
            errors.setdefault("tahun_selesai", []).append(_("Tahun selesai lebih awal dari tahun mulai."))
        super().validate_instance(instance, errors, validate_unique)

    simpan_massal = False  # a new Renstra gets its first revision right after its save (below)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if not instance.revisi.exists():
            revisi = RevisiRenstra(
                renstra=instance,
                nomor=0,
                nama=_("Renstra awal"),
                berlaku_mulai=instance.tahun_mulai,
                berlaku_sampai=instance.tahun_selesai,
            )
            if self.konteks.pratinjau:
                revisi.skip_history_when_saving = True
            revisi.save()


class LembarRenstra(LembarBerbasisResource):
    judul = "Renstra"
    resource_class = RenstraResource
    benda = gettext_lazy("Renstra")
    keterangan = gettext_lazy(
        "Renstra yang berlaku pada tahun ini: periode, nama, skema penilaian, visi dan misi (satu misi per baris "
        "sel; Alt+Enter di Excel). Kunci baris: Tahun mulai. Unit tanpa Renstra: baris ini membuat Renstra beserta "
        "struktur awalnya, yang diisi lembar Tujuan, Sasaran dan Indikator & Target."
    )
    contoh = ("", 2025, 2029, "Renstra 2025–2029", "", "Terwujudnya …", "Misi pertama\nMisi kedua")


# --------------------------------------------------------------------------------------------- Tujuan


class TujuanResource(ModelResourceLembar):
    """Tujuan of the Renstra; key: code (a tujuan without a code is known by its text)."""

    kode = Field("kode", "Kode tujuan", widget=TeksWidget())
    uraian = Field("uraian", "Uraian", widget=TeksWidget())
    urutan = Field("urutan", "Urutan", widget=BulatWidget(kosong=0))

    lebar_kolom = {"Uraian": 70}

    class Meta(ModelResourceLembar.Meta):
        model = Tujuan
        fields = ("kode", "uraian", "urutan")
        import_id_fields = ("kode",)

    def queryset_lingkup(self):
        return Tujuan.objects.filter(renstra=self.konteks.renstra).order_by("urutan", "pk")

    def kunci_instance(self, obj):
        return (obj.kode or obj.uraian,)

    def kunci_baris(self, row):
        return (baca_teks(row.get("Kode tujuan")) or baca_teks(row.get("Uraian")),)

    def init_instance(self, row=None):
        return Tujuan(renstra=self.konteks.renstra)


class LembarTujuan(_ButuhRenstra):
    judul = "Tujuan"
    resource_class = TujuanResource
    benda = gettext_lazy("tujuan")
    keterangan = gettext_lazy("Tujuan Renstra. Kunci baris: Kode tujuan (tanpa kode: uraiannya).")
    contoh = ("", "Meningkatnya …", 1)


# --------------------------------------------------------------------------------------------- Sasaran


class TujuanWidget(KodeWidget):
    def __init__(self):
        super().__init__(Tujuan, "kode")

    def cari(self, kode):
        if getattr(self, "_semua", (None,))[0] is not self.konteks:  # read once per import
            self._semua = (self.konteks, list(Tujuan.objects.filter(renstra=self.konteks.renstra)))
        for t in self._semua[1]:
            if kode in {t.kode, t.uraian}:
                return t
        raise ValueError(_("Kode tujuan “%(kode)s” tidak ada pada lembar Tujuan.") % {"kode": kode})

    def render(self, value, obj=None, **kwargs):
        return (value.kode or value.uraian) if value else ""


class SasaranResource(ModelResourceLembar):
    """Sasaran of the year's Renstra revision; key: code. The perspective may be empty (a scheme without BSC)."""

    kode = Field("kode", "Kode sasaran", widget=TeksWidget())
    nama = Field("nama", "Nama sasaran", widget=TeksWidget())
    level = Field("level", "Level", widget=PilihanWidget(LevelSasaran))
    perspektif = Field("perspektif", "Perspektif", widget=PilihanWidget(Perspektif, wajib=False))
    tujuan = Field("tujuan", "Kode tujuan", widget=TujuanWidget())
    urutan = Field("urutan", "Urutan", widget=BulatWidget(kosong=0))

    lebar_kolom = {"Nama sasaran": 60, "Level": 18, "Perspektif": 28}

    class Meta(ModelResourceLembar.Meta):
        model = Sasaran
        fields = ("kode", "nama", "level", "perspektif", "tujuan", "urutan")
        import_id_fields = ("kode",)

    def queryset_lingkup(self):
        return Sasaran.objects.filter(revisi=self.konteks.revisi).select_related("tujuan").order_by("urutan", "kode")

    def kunci_instance(self, obj):
        return (obj.kode,)

    def init_instance(self, row=None):
        return Sasaran(revisi=self.konteks.revisi)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if not instance.perspektif and "perspektif" not in errors and self.konteks.renstra.skema.pakai_perspektif:
            errors["perspektif"] = [_("Wajib diisi: skema penilaian Renstra ini memakai perspektif BSC.")]
        super().validate_instance(instance, errors, validate_unique)


class LembarSasaran(_ButuhRenstra):
    judul = "Sasaran"
    resource_class = SasaranResource
    benda = gettext_lazy("sasaran")
    keterangan = gettext_lazy(
        "Sasaran Renstra yang berlaku pada tahun ini. Kunci baris: Kode sasaran. Perspektif boleh kosong bila "
        "skema penilaian tidak memakai perspektif BSC. Kode tujuan menunjuk baris lembar Tujuan."
    )
    contoh = ("", "Meningkatnya efektivitas …", "Sasaran Program", "", "", 1)


# --------------------------------------------------------------------------------------------- Versi PK


class VersiPKResource(ModelResourceLembar):
    """PK versions of the year with validity and signatories; key: version number. Creates the year's PK."""

    nomor = Field("nomor", "Versi PK", widget=BulatWidget())
    judul = Field("judul", "Judul", widget=TeksWidget())
    berlaku_mulai = Field("berlaku_mulai", "Berlaku mulai", widget=TanggalWidget())
    berlaku_sampai = Field("berlaku_sampai", "Berlaku sampai", widget=TanggalWidget())
    tanggal_tanda_tangan = Field("tanggal_tanda_tangan", "Tanggal tanda tangan", widget=TanggalWidget())
    kota = Field("kota", "Kota", widget=TeksWidget())
    pihak_pertama_nama = Field("pihak_pertama_nama", "Pihak pertama: nama", widget=TeksWidget())
    pihak_pertama_nip = Field("pihak_pertama_nip", "Pihak pertama: NIP", widget=TeksWidget())
    pihak_pertama_jabatan = Field("pihak_pertama_jabatan", "Pihak pertama: jabatan", widget=TeksWidget())
    pihak_kedua_nama = Field("pihak_kedua_nama", "Pihak kedua: nama", widget=TeksWidget())
    pihak_kedua_nip = Field("pihak_kedua_nip", "Pihak kedua: NIP", widget=TeksWidget())
    pihak_kedua_jabatan = Field("pihak_kedua_jabatan", "Pihak kedua: jabatan", widget=TeksWidget())
    kegiatan = Field("kegiatan", "Kegiatan", widget=TeksWidget())
    anggaran = Field("anggaran", "Anggaran", widget=AngkaWidget(desimal=2, format_excel=FORMAT_RUPIAH))
    keterangan = Field("keterangan", "Keterangan", widget=TeksWidget())

    lebar_kolom = {"Judul": 25, "Pihak pertama: jabatan": 25, "Pihak kedua: jabatan": 25, "Kegiatan": 30}

    class Meta(ModelResourceLembar.Meta):
        model = VersiPK
        fields = ("nomor", *VersiPK.KOLOM_UBAH)
        import_id_fields = ("nomor",)

    def queryset_lingkup(self):
        return VersiPK.objects.filter(pk_induk__unit=self.konteks.unit, pk_induk__tahun=self.konteks.tahun).order_by(
            "nomor"
        )

    def kunci_instance(self, obj):
        return (obj.nomor,)

    def init_instance(self, row=None):
        induk = self.konteks.perjanjian
        if induk is None:
            induk, _baru = PerjanjianKinerja.objects.get_or_create(unit=self.konteks.unit, tahun=self.konteks.tahun)
            self.konteks.perjanjian = induk
        return VersiPK(pk_induk=induk)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        tahun = self.konteks.tahun
        for atribut in ("berlaku_mulai", "berlaku_sampai"):
            tanggal = getattr(instance, atribut)
            if tanggal and tanggal.year != tahun and atribut not in errors:
                errors[atribut] = [_("Tanggal harus pada tahun %(t)s.") % {"t": tahun}]
        mulai, sampai = instance.berlaku_mulai, instance.berlaku_sampai
        if mulai and sampai and sampai < mulai and "berlaku_sampai" not in errors:
            errors["berlaku_sampai"] = [_("Tanggal berakhir lebih awal dari tanggal mulai.")]
        super().validate_instance(instance, errors, validate_unique)


class LembarVersiPK(LembarBerbasisResource):
    judul = "Versi PK"
    resource_class = VersiPKResource
    benda = gettext_lazy("versi PK")
    keterangan = gettext_lazy(
        "Versi Perjanjian Kinerja tahun ini dengan masa berlaku dan penandatangan. Kunci baris: Versi PK (nomor). "
        "Versi baru dibuat di sini, lalu barisnya diisi di lembar PK."
    )
    contoh = (
        "",
        "PK awal",
        "01/01/2025",
        "31/12/2025",
        "",
        "Jakarta",
        "Nama kepala unit",
        "",
        "Kepala …",
        "Nama atasan",
        "",
        "Sekretaris Utama",
        "",
        None,
        "",
    )


# --------------------------------------------------------------------------------------------- Pendanaan


class AlokasiResource(ModelResourceLembar):
    """Funding plan of the Renstra (Tabel 4): one row per programme and year; key: Program + Tahun."""

    program = Field("program", "Program", widget=TeksWidget())
    tahun = Field("tahun", "Tahun", widget=BulatWidget())
    nilai = Field("nilai", "Alokasi (Rp)", widget=AngkaWidget(desimal=2, format_excel=FORMAT_RUPIAH))
    urutan = Field("urutan", "Urutan", widget=BulatWidget(kosong=0))

    lebar_kolom = {"Program": 60, "Alokasi (Rp)": 20}

    class Meta(ModelResourceLembar.Meta):
        model = AlokasiRenstra
        fields = ("program", "tahun", "nilai", "urutan")
        import_id_fields = ("program", "tahun")

    def queryset_lingkup(self):
        return AlokasiRenstra.objects.filter(renstra=self.konteks.renstra).order_by("urutan", "program", "tahun")

    def kunci_instance(self, obj):
        return (obj.program, obj.tahun)

    def init_instance(self, row=None):
        return AlokasiRenstra(renstra=self.konteks.renstra)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        r = self.konteks.renstra
        if instance.tahun and not r.tahun_mulai <= instance.tahun <= r.tahun_selesai and "tahun" not in errors:
            errors["tahun"] = [
                _("Tahun %(t)s di luar periode Renstra %(a)s–%(b)s.")
                % {"t": instance.tahun, "a": r.tahun_mulai, "b": r.tahun_selesai}
            ]
        if instance.nilai is not None and instance.nilai < 0 and "nilai" not in errors:
            errors["nilai"] = [_("Nilai tidak boleh negatif.")]
        super().validate_instance(instance, errors, validate_unique)


class LembarPendanaan(_ButuhRenstra):
    judul = "Pendanaan Renstra"
    resource_class = AlokasiResource
    benda = gettext_lazy("alokasi pendanaan")
    keterangan = gettext_lazy(
        "Kerangka pendanaan Renstra: alokasi per program per tahun. Kunci baris: Program + Tahun."
    )
    contoh = ("", 2025, 1000000000, 1)


__all__ = ["LembarPendanaan", "LembarRenstra", "LembarSasaran", "LembarTujuan", "LembarVersiPK"]
