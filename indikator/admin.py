"""Django admin. Data of an approved or locked year is read-only here too (`KunciPeriodeAdmin`), a period's
status changes only through the workflow in the workspace (with its reason), never in the admin, and a deletion
that would cascade into realisasi is refused (`TolakHapusBilaAdaRealisasi`)."""

from operator import attrgetter

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import administrasi, services, versi_data
from . import models as m
from .enums import STATUS_BEKU


def tahun_beku(unit_id, daftar_tahun) -> int | None:
    """The first frozen (submitted, approved or locked) year among `daftar_tahun` of the unit, or None."""
    if unit_id is None or not daftar_tahun:
        return None
    return (
        m.PeriodeUnit.objects.filter(
            unit_id=unit_id,
            tahun__in=list(daftar_tahun),
            status__in=STATUS_BEKU,
        )
        .order_by("tahun")
        .values_list("tahun", flat=True)
        .first()
    )


class KunciPeriodeAdmin:
    """Mixin for the admin of a model that belongs to a unit's year (or to a range of years, for the structure).

    `jalur_unit`: dotted path to the unit id; `jalur_tahun`: dotted path to the year, or a pair of paths
    (first, last year). Objects of an approved or locked year cannot be changed or deleted, and no form may save
    an object into such a year."""

    jalur_unit: str = "unit_id"
    jalur_tahun: str | tuple[str, str] = "tahun"

    def daftar_tahun(self, obj) -> list[int]:
        try:
            if isinstance(self.jalur_tahun, tuple):
                mulai, selesai = (attrgetter(j)(obj) for j in self.jalur_tahun)
                return list(range(mulai, selesai + 1)) if mulai and selesai else []
            tahun = attrgetter(self.jalur_tahun)(obj)
        except (AttributeError, ObjectDoesNotExist):
            return []
        return [tahun] if tahun else []

    def tahun_beku(self, obj) -> int | None:
        try:
            unit_id = attrgetter(self.jalur_unit)(obj)
        except (AttributeError, ObjectDoesNotExist):
            return None
        return tahun_beku(unit_id, self.daftar_tahun(obj))

    def unit_tahun(self, obj) -> tuple[int | None, list[int]]:
        try:
            return attrgetter(self.jalur_unit)(obj), self.daftar_tahun(obj)
        except (AttributeError, ObjectDoesNotExist):
            return None, []

    def _naikkan_versi(self, *daftar) -> None:
        # Admin writes do not take the period lock: raise the unit-years' data version here (old and new
        # unit-year of a changed object), in the admin's transaction, so cached roll-up summaries are recomputed.
        for unit_id, tahun in daftar:
            versi_data.naikkan_versi(unit_id, tahun)

    def save_model(self, request, obj, form, change):
        lama = type(obj)._default_manager.filter(pk=obj.pk).first() if change and obj.pk else None
        super().save_model(request, obj, form, change)
        self._naikkan_versi(self.unit_tahun(obj), *([self.unit_tahun(lama)] if lama is not None else []))

    def delete_model(self, request, obj):
        unit_tahun = self.unit_tahun(obj)
        super().delete_model(request, obj)
        self._naikkan_versi(unit_tahun)

    def delete_queryset(self, request, queryset):
        daftar = [self.unit_tahun(obj) for obj in queryset]
        super().delete_queryset(request, queryset)
        self._naikkan_versi(*daftar)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.pk and self.tahun_beku(obj) is not None:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.pk and self.tahun_beku(obj) is not None:
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        admin_ini = self

        class FormKunciPeriode(form):
            def _post_clean(self):
                super()._post_clean()
                tahun = admin_ini.tahun_beku(self.instance)
                if tahun is not None:
                    self.add_error(
                        None,
                        gettext("Tahun %(tahun)s unit ini sudah disahkan atau dikunci; data tidak dapat diubah.")
                        % {"tahun": tahun},
                    )

        return FormKunciPeriode


class TolakHapusBilaAdaRealisasi:
    """Deleting (page or bulk action) an object whose deletion would cascade into realisasi is refused: the admin
    shows the reason among the protected objects and deletes nothing. `periksa_hapus` raises the reason."""

    periksa_hapus = staticmethod(services.pastikan_tanpa_realisasi)

    def get_deleted_objects(self, objs, request):
        dihapus, jumlah, izin, dilindungi = super().get_deleted_objects(objs, request)
        alasan = []
        for obj in objs:
            try:
                self.periksa_hapus(obj)
            except ValidationError as exc:
                alasan.extend(exc.messages)
        if alasan:
            for pesan in alasan:
                messages.error(request, pesan)
            dilindungi = [*dilindungi, *alasan]
        return dihapus, jumlah, izin, dilindungi


class InlineTanpaHapusBilaAdaRealisasi:
    """An inline whose rows cannot be deleted while the parent object has realisasi below it."""

    def has_delete_permission(self, request, obj=None):
        if obj is not None and services.jumlah_realisasi_terdampak(obj):
            return False
        return super().has_delete_permission(request, obj)


class KepalaInline(admin.TabularInline):
    model = m.KepalaUnit
    extra = 0


@admin.register(m.UnitKerja)
class UnitKerjaAdmin(TolakHapusBilaAdaRealisasi, SimpleHistoryAdmin):
    list_display = ["nama", "slug", "induk"]
    list_filter = ["induk"]
    search_fields = ["nama", "slug", "singkatan"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [KepalaInline]


@admin.register(m.KepalaUnit)
class KepalaUnitAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jabatan", "unit", "mulai", "selesai"]
    list_filter = ["unit"]
    search_fields = ["nama", "nip"]


@admin.register(m.Keanggotaan)
class KeanggotaanAdmin(SimpleHistoryAdmin):
    list_display = ["pengguna", "unit", "peran"]
    list_filter = ["peran", "unit"]
    search_fields = ["pengguna__username", "unit__nama"]


class BandInline(admin.TabularInline):
    model = m.BandKriteria
    extra = 0


class BobotInline(admin.TabularInline):
    model = m.BobotPerspektif
    extra = 0


@admin.register(m.SkemaPenilaian)
class SkemaPenilaianAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "tahun_mulai", "tahun_selesai", "batas_capaian", "agregasi_perspektif"]
    search_fields = ["nama", "kode"]
    inlines = [BandInline, BobotInline]


class NilaiSkalaInline(admin.TabularInline):
    model = m.NilaiSkala
    extra = 0


@admin.register(m.SkalaKualitatif)
class SkalaKualitatifAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode"]
    inlines = [NilaiSkalaInline]


class RevisiInline(InlineTanpaHapusBilaAdaRealisasi, admin.TabularInline):
    model = m.RevisiRenstra
    extra = 0


class TujuanInline(admin.TabularInline):
    model = m.Tujuan
    extra = 0


@admin.register(m.Renstra)
class RenstraAdmin(TolakHapusBilaAdaRealisasi, KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = ("tahun_mulai", "tahun_selesai")
    list_display = ["nama", "unit", "tahun_mulai", "tahun_selesai", "skema"]
    list_filter = ["unit", "tahun_mulai"]
    search_fields = ["nama"]
    inlines = [RevisiInline, TujuanInline]


@admin.register(m.RevisiRenstra)
class RevisiRenstraAdmin(TolakHapusBilaAdaRealisasi, KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "renstra.unit_id"
    jalur_tahun = ("berlaku_mulai", "berlaku_sampai")
    list_display = ["nama", "renstra", "nomor", "berlaku_mulai", "berlaku_sampai"]
    list_filter = ["renstra__unit", "berlaku_mulai"]


@admin.register(m.Tujuan)
class TujuanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "renstra.unit_id"
    jalur_tahun = ("renstra.tahun_mulai", "renstra.tahun_selesai")
    list_display = ["uraian", "renstra"]
    list_filter = ["renstra__unit"]
    search_fields = ["uraian"]


class IndikatorInline(InlineTanpaHapusBilaAdaRealisasi, admin.TabularInline):
    model = m.Indikator
    extra = 0
    fields = ["kode", "nama", "satuan", "polaritas", "agregasi", "iku", "urutan", "dipensiunkan_tahun"]


@admin.register(m.Sasaran)
class SasaranAdmin(TolakHapusBilaAdaRealisasi, KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "revisi.renstra.unit_id"
    jalur_tahun = ("revisi.berlaku_mulai", "revisi.berlaku_sampai")
    list_display = ["nama", "kode", "perspektif", "level", "revisi", "urutan"]
    list_filter = ["revisi__renstra__unit", "revisi", "perspektif", "level"]
    search_fields = ["nama", "kode"]
    inlines = [IndikatorInline]


class TargetInline(admin.TabularInline):
    model = m.Target
    extra = 0


@admin.register(m.Indikator)
class IndikatorAdmin(TolakHapusBilaAdaRealisasi, KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "sasaran.revisi.renstra.unit_id"
    jalur_tahun = ("sasaran.revisi.berlaku_mulai", "sasaran.revisi.berlaku_sampai")
    list_display = ["nama", "kode", "satuan", "polaritas", "iku", "sasaran", "dipensiunkan_tahun"]
    list_filter = [m.Indikator.JALUR_UNIT, "polaritas", "iku", "ukur_akip", "sasaran__perspektif"]
    search_fields = ["nama", "kode"]
    inlines = [TargetInline]


@admin.register(m.Target)
class TargetAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "indikator.sasaran.revisi.renstra.unit_id"
    jalur_tahun = "tahun"
    list_display = ["indikator", "tahun", "sumber", "nilai", "nilai_atas", "nilai_kualitatif", "teks_tampilan"]
    list_filter = [f"indikator__{m.Indikator.JALUR_UNIT}", "tahun", "sumber"]
    search_fields = ["indikator__nama"]


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun"]
    list_filter = ["unit", "tahun"]


class BarisPKInline(admin.TabularInline):
    model = m.BarisPK
    extra = 0


@admin.register(m.VersiPK)
class VersiPKAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "pk_induk.unit_id"
    jalur_tahun = "pk_induk.tahun"
    list_display = ["pk_induk", "nomor", "berlaku_mulai", "berlaku_sampai", "anggaran"]
    list_filter = ["pk_induk__unit", "pk_induk__tahun"]
    inlines = [BarisPKInline]


@admin.register(m.BarisPK)
class BarisPKAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "versi.pk_induk.unit_id"
    jalur_tahun = "versi.pk_induk.tahun"
    list_display = ["versi", "urutan", "uraian_indikator", "nilai", "teks_tampilan"]
    list_filter = ["versi__pk_induk__unit", "versi__pk_induk__tahun"]
    search_fields = ["uraian_indikator", "uraian_sasaran"]


@admin.register(m.RencanaAksi)
class RencanaAksiAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "baris_pk.versi.pk_induk.unit_id"
    jalur_tahun = "baris_pk.versi.pk_induk.tahun"
    list_display = ["baris_pk", "triwulan", "target_kumulatif"]
    list_filter = ["baris_pk__versi__pk_induk__unit", "baris_pk__versi__pk_induk__tahun", "triwulan"]


class BuktiInline(admin.TabularInline):
    model = m.BuktiDukung
    extra = 0


@admin.register(m.Realisasi)
class RealisasiAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "indikator.sasaran.revisi.renstra.unit_id"
    jalur_tahun = "tahun"
    list_display = ["indikator", "tahun", "triwulan", "nilai", "nilai_kualitatif"]
    list_filter = [f"indikator__{m.Indikator.JALUR_UNIT}", "tahun", "triwulan"]
    search_fields = ["indikator__nama"]
    inlines = [BuktiInline]


@admin.register(m.BuktiDukung)
class BuktiDukungAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "realisasi.indikator.sasaran.revisi.renstra.unit_id"
    jalur_tahun = "realisasi.tahun"
    list_display = ["realisasi", "keterangan", "diunggah_pada"]
    list_filter = [f"realisasi__indikator__{m.Indikator.JALUR_UNIT}", "realisasi__tahun"]


@admin.register(m.KomposisiPegawai)
class KomposisiPegawaiAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "jenis", "jenjang", "jumlah"]
    list_filter = ["unit", "tahun", "jenis"]


class KomponenAkipInline(admin.TabularInline):
    model = m.KomponenNilaiAkip
    extra = 0


@admin.register(m.NilaiAkip)
class NilaiAkipAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "regulasi", "nilai_dilaporkan"]
    list_filter = ["unit", "tahun", "regulasi"]
    inlines = [KomponenAkipInline]


class HanyaBacaAdmin:
    """Mixin for an admin whose objects are written by the app only (no add, change or delete)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(m.PeriodeUnit)
class PeriodeUnitAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    """Read-only: the status changes only through the workflow in the workspace (Ajukan, Kembalikan, Sahkan,
    Kunci, Buka kunci with its mandatory reason), which keeps the reason and the approved profile."""

    list_display = ["unit", "tahun", "status", "diubah_oleh", "diubah_pada"]
    list_filter = ["unit", "tahun", "status"]
    readonly_fields = ["unit", "tahun", "status", "komentar", "diubah_oleh", "diubah_pada", "profil_disahkan"]
    fields = readonly_fields

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "subtitle": _("Status periode hanya diubah lewat alur persetujuan di ruang kerja (dengan alasannya)."),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)


@admin.register(m.BandKriteria)
class BandKriteriaAdmin(SimpleHistoryAdmin):
    list_display = ["skema", "urutan", "label", "batas_bawah", "batas_atas", "warna"]
    list_filter = ["skema"]


@admin.register(m.BobotPerspektif)
class BobotPerspektifAdmin(SimpleHistoryAdmin):
    list_display = ["skema", "perspektif", "bobot"]
    list_filter = ["skema"]


@admin.register(m.NilaiSkala)
class NilaiSkalaAdmin(SimpleHistoryAdmin):
    list_display = ["skala", "kode", "nilai", "urutan"]
    list_filter = ["skala"]


@admin.register(m.KomponenNilaiAkip)
class KomponenNilaiAkipAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "nilai_akip.unit_id"
    jalur_tahun = "nilai_akip.tahun"
    list_display = ["nilai_akip", "komponen", "nilai"]
    list_filter = ["nilai_akip__unit", "nilai_akip__tahun"]


@admin.register(m.SurelGagal)
class SurelGagalAdmin(admin.ModelAdmin):
    """Workflow e-mails that could not be sent (`indikator.surel.kirim`): read here, deleted once handled."""

    list_display = ["waktu", "judul", "penerima", "galat"]
    search_fields = ["judul", "penerima", "galat"]
    readonly_fields = ["waktu", "judul", "penerima", "galat"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Users: a password set here for someone else is temporary (changed at their next login) ----------------------

Pengguna = get_user_model()


class PenggunaAdmin(UserAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and obj.has_usable_password() and obj.pk != request.user.pk:
            administrasi.tandai_sandi_sementara(obj, request.user)

    def user_change_password(self, request, id, form_url=""):
        lama = Pengguna.objects.filter(pk=id).values_list("password", flat=True).first()
        respons = super().user_change_password(request, id, form_url)
        pengguna = Pengguna.objects.filter(pk=id).first()
        if (
            request.method == "POST"
            and pengguna is not None
            and pengguna.password != lama
            and pengguna.has_usable_password()
            and pengguna.pk != request.user.pk
        ):
            administrasi.tandai_sandi_sementara(pengguna, request.user)
        return respons


if admin.site.is_registered(Pengguna):
    admin.site.unregister(Pengguna)
admin.site.register(Pengguna, PenggunaAdmin)


@admin.register(m.SandiSementara)
class SandiSementaraAdmin(admin.ModelAdmin):
    """Who must still choose their own password (read-only; a row goes when the user changes it)."""

    list_display = ["pengguna", "diatur_oleh", "diatur_pada"]
    search_fields = ["pengguna__username"]
    readonly_fields = ["pengguna", "diatur_oleh", "diatur_pada"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
