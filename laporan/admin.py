from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indikator.admin import HanyaBacaAdmin, KunciPeriodeAdmin

from .models import (
    BerkasLaporan,
    GambarLaporan,
    IndikatorTahunan,
    IsianPeriodik,
    LaporanPeriodik,
    NarasiLaporan,
    NaskahDinas,
    NaskahDinasDisahkan,
    PenjelasanAnggaranPeriodik,
    PernyataanReviu,
)


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "bagian", "sasaran", "judul", "diubah_pada"]
    list_filter = ["unit", "tahun", "bagian"]
    search_fields = ["judul", "isi"]


@admin.register(BerkasLaporan)
class BerkasLaporanAdmin(SimpleHistoryAdmin):
    """Read-only: the rows are made and updated by the report task (`laporan.tugas`)."""

    list_display = ["unit", "tahun", "format", "status", "final", "ukuran", "dibuat_pada", "selesai_pada", "detak"]
    list_filter = ["format", "status", "final", "tahun"]
    search_fields = ["unit__nama", "hash", "alasan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NaskahDinas)
class NaskahDinasAdmin(SimpleHistoryAdmin):
    """A unit's wording of the PK agreement and the IKU decree (starts from the standard wording)."""

    list_display = ["unit", "iku_nomor", "iku_tanggal"]
    search_fields = ["unit__nama"]


@admin.register(NaskahDinasDisahkan)
class NaskahDinasDisahkanAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    """The wording an approved year prints, kept at its approval: read-only (written by the approval only)."""

    list_display = ["unit", "tahun", "iku_nomor", "disimpan_pada"]
    list_filter = ["tahun"]
    search_fields = ["unit__nama"]


@admin.register(PernyataanReviu)
class PernyataanReviuAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    """The inspectorate's review statement of a unit's year (printed after the report's cover)."""

    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "pereviu_nama", "tanggal"]
    list_filter = ["unit", "tahun"]


@admin.register(GambarLaporan)
class GambarLaporanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    """Uploaded report figures (managed by planners on the workspace page; caption, place and order here too)."""

    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "bagian", "urutan", "judul", "diubah_pada"]
    list_filter = ["unit", "tahun", "bagian"]
    search_fields = ["judul"]
    fields = ["unit", "tahun", "bagian", "judul", "urutan"]

    def has_add_permission(self, request):
        return False  # an upload goes through the workspace page (pixel cap and resize)


# Periodic reports are written by the workspace only (laporan/periodik.py: the year's lock, submit, issue with its
# hash): read-only here, so no admin edit can change an issued report or a frozen year.
@admin.register(LaporanPeriodik)
class LaporanPeriodikAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    list_display = ("unit", "tahun", "periode", "versi", "status")
    list_filter = ("status", "periode")


@admin.register(IsianPeriodik)
class IsianPeriodikAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    list_display = ("laporan", "indikator")


@admin.register(PenjelasanAnggaranPeriodik)
class PenjelasanAnggaranPeriodikAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    list_display = ("laporan", "mata_anggaran")


@admin.register(IndikatorTahunan)
class IndikatorTahunanAdmin(admin.ModelAdmin):
    """Indikator measured only yearly (periodic reports print "–" with the TW IV note): set by administrators."""

    list_display = ("indikator",)
    autocomplete_fields = ()
    raw_id_fields = ("indikator",)
