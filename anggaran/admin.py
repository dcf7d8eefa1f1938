from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indikator.admin import KunciPeriodeAdmin, TolakHapusBilaAdaRealisasi

from . import models as m
from .services import pastikan_tanpa_realisasi_anggaran


class PaguInline(admin.TabularInline):
    model = m.PaguRevisi
    extra = 0


class RealisasiInline(admin.TabularInline):
    model = m.RealisasiAnggaran
    extra = 0


class RencanaInline(admin.TabularInline):
    model = m.RencanaPenarikan
    extra = 0


@admin.register(m.MataAnggaran)
class MataAnggaranAdmin(TolakHapusBilaAdaRealisasi, KunciPeriodeAdmin, SimpleHistoryAdmin):
    periksa_hapus = staticmethod(pastikan_tanpa_realisasi_anggaran)
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["kode", "nama", "jenis", "unit", "tahun", "induk"]
    list_filter = ["unit", "tahun", "jenis"]
    search_fields = ["kode", "nama"]
    inlines = [PaguInline, RealisasiInline, RencanaInline]


@admin.register(m.PaguRevisi)
class PaguRevisiAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "mata_anggaran.unit_id"
    jalur_tahun = "mata_anggaran.tahun"
    list_display = ["mata_anggaran", "revisi_ke", "berlaku_mulai", "nilai"]
    list_filter = ["mata_anggaran__unit", "mata_anggaran__tahun"]


@admin.register(m.RealisasiAnggaran)
class RealisasiAnggaranAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "mata_anggaran.unit_id"
    jalur_tahun = "mata_anggaran.tahun"
    list_display = ["mata_anggaran", "bulan", "nilai"]
    list_filter = ["mata_anggaran__unit", "mata_anggaran__tahun", "bulan"]


@admin.register(m.RencanaPenarikan)
class RencanaPenarikanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "mata_anggaran.unit_id"
    jalur_tahun = "mata_anggaran.tahun"
    list_display = ["mata_anggaran", "bulan", "nilai"]
    list_filter = ["mata_anggaran__unit", "mata_anggaran__tahun"]


@admin.register(m.SubKegiatan)
class SubKegiatanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["nama", "unit", "tahun", "mata_anggaran", "satuan_output", "target_output", "realisasi_output"]
    list_filter = ["unit", "tahun"]
    search_fields = ["nama"]
    filter_horizontal = ["sasaran", "indikator"]


@admin.register(m.AlokasiRenstra)
class AlokasiRenstraAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "renstra.unit_id"
    jalur_tahun = "tahun"
    list_display = ["renstra", "program", "tahun", "nilai"]
    list_filter = ["renstra__unit", "tahun"]
