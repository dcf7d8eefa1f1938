from django.contrib import admin

from .models import KlienApi, PanggilanApi


@admin.register(KlienApi)
class KlienApiAdmin(admin.ModelAdmin):
    list_display = ("nama", "unit", "awalan", "dibuat_pada", "kedaluwarsa", "dicabut_pada", "terakhir_dipakai")
    readonly_fields = ("hash_token", "awalan", "dibuat_oleh", "dibuat_pada", "terakhir_dipakai")
    search_fields = ("nama", "awalan")


@admin.register(PanggilanApi)
class PanggilanApiAdmin(admin.ModelAdmin):
    list_display = ("waktu", "klien", "endpoint", "status", "baris")
    list_filter = ("status",)
    date_hierarchy = "waktu"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
