from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import NarasiLaporan


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "tahun", "bagian", "sasaran", "judul", "diubah_pada"]
    list_filter = ["unit", "tahun", "bagian"]
    search_fields = ["judul", "isi"]
