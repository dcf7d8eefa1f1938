"""Admin of the AKIP evaluation: templates are read-only once used (a new version is made by
`evaluasi.templat.salin_versi_baru`), evaluations and their answers are read-only once the LHE is issued. The
models refuse such a change on every path anyway; the admin shows them read-only instead of failing."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models as m


@admin.register(m.LkeTemplate)
class LkeTemplateAdmin(admin.ModelAdmin):
    list_display = ["nama", "versi", "regulasi", "tahun_berlaku", "status", "tingkat_komponen"]
    list_filter = ["regulasi", "status"]
    search_fields = ["nama", "kode"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj is not None and obj.terpakai)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.terpakai)


@admin.register(m.LkeKriteria)
class LkeKriteriaAdmin(admin.ModelAdmin):
    list_display = ["kode", "pertanyaan", "skala", "nilai_per", "aturan_saran"]
    list_filter = ["sub__komponen__template", "nilai_per"]
    search_fields = ["kode", "pertanyaan"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and m.Evaluasi.objects.filter(template_id=obj.sub.komponen.template_id).exists()
        )

    has_delete_permission = has_change_permission


class JawabanInline(admin.TabularInline):
    model = m.Jawaban
    fields = ["kriteria", "nilai_mandiri", "nilai_anggota", "nilai_ketua", "nilai_final", "saran_nilai"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(m.Evaluasi)
class EvaluasiAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "tahun", "jenis", "status", "nilai_total", "predikat", "contoh"]
    list_filter = ["jenis", "status", "tahun"]
    search_fields = ["unit__nama"]
    readonly_fields = ["hash", "terbit_pada", "nilai_total", "predikat"]
    inlines = [JawabanInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj is not None and obj.terkunci)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.terkunci)
