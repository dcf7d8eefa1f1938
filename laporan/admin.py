from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indikator.admin import KunciPeriodeAdmin

from .models import NarasiLaporan


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "unit_id"
    jalur_tahun = "tahun"
    list_display = ["unit", "tahun", "bagian", "sasaran", "judul", "diubah_pada"]
    list_filter = ["unit", "tahun", "bagian"]
    search_fields = ["judul", "isi"]
