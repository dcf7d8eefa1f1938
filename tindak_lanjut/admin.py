"""The register in the Django admin: read only (every write goes through tindak_lanjut.services and .reviu, which
check the roles, the period lock and the state machine)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indikator.admin import HanyaBacaAdmin

from .models import (
    BuktiTindakLanjut,
    ButirReviu,
    CatatanReviu,
    PengingatTindakLanjut,
    Rekomendasi,
    RencanaAksiTL,
    ReviuLaporan,
    SumberRekomendasi,
    TindakLanjut,
)


@admin.register(SumberRekomendasi)
class SumberRekomendasiAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("nomor", "jenis", "unit", "tanggal", "tahun_objek")
    list_filter = ("jenis",)
    search_fields = ("nomor", "penerbit", "unit__nama")


@admin.register(Rekomendasi)
class RekomendasiAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("__str__", "unit_pj", "tahun", "status", "batas_waktu")
    list_filter = ("status", "prioritas", "tahun")
    search_fields = ("uraian", "sumber__nomor", "unit_pj__nama", "kode_kriteria")


@admin.register(RencanaAksiTL)
class RencanaAksiTLAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("__str__", "rekomendasi", "target_tanggal", "status")
    list_filter = ("status",)
    search_fields = ("uraian",)


@admin.register(TindakLanjut)
class TindakLanjutAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("__str__", "rekomendasi", "tanggal", "progres", "verifikasi")
    list_filter = ("verifikasi",)
    search_fields = ("uraian",)


@admin.register(BuktiTindakLanjut)
class BuktiTindakLanjutAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("__str__", "jenis", "dokumen", "dokumen_tahun")


@admin.register(PengingatTindakLanjut)
class PengingatTindakLanjutAdmin(HanyaBacaAdmin, admin.ModelAdmin):
    list_display = ("rekomendasi", "tanggal")


@admin.register(ReviuLaporan)
class ReviuLaporanAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("unit", "tahun", "status", "hasil", "nomor_lhr")
    list_filter = ("status", "hasil")


@admin.register(ButirReviu)
class ButirReviuAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("reviu", "kode", "terpenuhi", "otomatis")


@admin.register(CatatanReviu)
class CatatanReviuAdmin(HanyaBacaAdmin, SimpleHistoryAdmin):
    list_display = ("reviu", "bab", "jadi_rekomendasi")
