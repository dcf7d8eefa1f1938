"""Django admin of the performance tree. As in the other admins (`indikator.admin.KunciPeriodeAdmin`), a row that
belongs to a frozen (submitted, approved or locked) year of its unit can be neither changed nor deleted, and no
form saves a row into such a year: a node by the years of its Renstra period it is in force, a budget line by its
year, a holder by the years of the term, the rest through their node."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indikator.admin import KunciPeriodeAdmin, tahun_beku

from . import models as m


def _tahun_node(node) -> list[int]:
    if node is None or node.renstra_id is None:
        return []
    mulai = max(node.renstra.tahun_mulai, node.tahun_mulai or 0)
    selesai = min(node.renstra.tahun_selesai, node.tahun_selesai or 9999)
    return list(range(mulai, selesai + 1))


class KunciLewatNode(KunciPeriodeAdmin):
    """A row frozen with its node: `jalur_node` is the path to it."""

    jalur_node = "node"

    def daftar_tahun(self, obj) -> list[int]:
        return _tahun_node(getattr(obj, self.jalur_node, None) if getattr(obj, f"{self.jalur_node}_id", None) else None)

    def unit_tahun(self, obj):
        node = getattr(obj, self.jalur_node, None) if getattr(obj, f"{self.jalur_node}_id", None) else None
        return (node.unit_id if node else None), self.daftar_tahun(obj)

    def tahun_beku(self, obj):
        unit_id, tahun = self.unit_tahun(obj)
        return tahun_beku(unit_id, tahun)


@admin.register(m.AturanPohon)
class AturanPohonAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "boleh_lompat_tingkat"]


@admin.register(m.Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    """Positions belong to no year (a holder's term does): edited freely, their holders are frozen by year."""

    list_display = ["nama", "eselon", "unit", "atasan", "aktif"]
    list_filter = ["unit", "eselon", "aktif"]
    search_fields = ["nama"]


@admin.register(m.PemegangJabatan)
class PemegangJabatanAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "jabatan.unit_id"
    list_display = ["nama", "jabatan", "mulai", "selesai", "plt"]
    list_filter = ["jabatan__unit", "plt"]
    search_fields = ["nama", "nip"]

    def daftar_tahun(self, obj) -> list[int]:
        if obj.mulai is None:
            return []
        return list(range(obj.mulai.year, (obj.selesai or obj.mulai).year + 1))


class NodeIndikatorInline(admin.TabularInline):
    model = m.NodeIndikator
    extra = 0
    raw_id_fields = ["indikator"]


class NodeAnggaranInline(admin.TabularInline):
    model = m.NodeAnggaran
    extra = 0
    raw_id_fields = ["mata_anggaran"]


@admin.register(m.NodeKinerja)
class NodeKinerjaAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    list_display = ["kode", "uraian", "tingkat", "unit", "status", "pemilik"]
    list_filter = ["unit", "tingkat", "status"]
    search_fields = ["kode", "uraian"]
    raw_id_fields = ["induk", "sasaran", "pemilik"]
    inlines = [NodeIndikatorInline, NodeAnggaranInline]

    def daftar_tahun(self, obj) -> list[int]:
        return _tahun_node(obj)


@admin.register(m.NodeAnggaran)
class NodeAnggaranAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    jalur_unit = "node.unit_id"
    list_display = ["node", "tahun", "mata_anggaran", "kode_program", "kode_ro", "pagu"]
    list_filter = ["node__unit", "tahun"]
    raw_id_fields = ["node", "mata_anggaran"]


@admin.register(m.NodeIndikator)
class NodeIndikatorAdmin(KunciLewatNode, SimpleHistoryAdmin):
    list_display = ["node", "indikator", "peran"]
    list_filter = ["node__unit"]
    raw_id_fields = ["node", "indikator"]


@admin.register(m.TautanStrategi)
class TautanStrategiAdmin(KunciLewatNode, SimpleHistoryAdmin):
    jalur_node = "dari"
    list_display = ["dari", "ke"]
    list_filter = ["dari__unit"]
    raw_id_fields = ["dari", "ke"]


@admin.register(m.Crosscutting)
class CrosscuttingAdmin(KunciLewatNode, SimpleHistoryAdmin):
    list_display = ["node", "mitra_unit", "mitra_nama", "peran", "status"]
    list_filter = ["status", "peran", "node__unit"]
    search_fields = ["mitra_nama", "kontribusi"]
    raw_id_fields = ["node", "indikator_mitra"]


def _tahun_indikator(ind) -> tuple[int | None, list[int]]:
    if ind is None:
        return None, []
    renstra = ind.sasaran.revisi.renstra
    return renstra.unit_id, list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))


@admin.register(m.AgregasiIndikator)
class AgregasiIndikatorAdmin(KunciPeriodeAdmin, SimpleHistoryAdmin):
    list_display = ["indikator", "metode", "dasar_bobot"]
    list_filter = ["metode"]
    raw_id_fields = ["indikator"]

    def unit_tahun(self, obj):
        return _tahun_indikator(obj.indikator if obj.indikator_id else None)

    def daftar_tahun(self, obj):
        return self.unit_tahun(obj)[1]

    def tahun_beku(self, obj):
        return tahun_beku(*self.unit_tahun(obj))


@admin.register(m.SumberAgregasi)
class SumberAgregasiAdmin(AgregasiIndikatorAdmin):
    list_display = ["agregasi", "indikator", "bobot"]
    list_filter = []

    def unit_tahun(self, obj):
        agregasi = obj.agregasi if obj.agregasi_id else None
        return _tahun_indikator(agregasi.indikator if agregasi else None)
