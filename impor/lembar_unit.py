"""Excel sheets of the unit's own figures: Nilai AKIP (evaluation results per year) and Pegawai (staff table).

"Nilai AKIP" is pivoted (one row per year holds the result and its components side by side), so it is written by
hand on the shared building blocks; "Pegawai" has one `KomposisiPegawai` per row and is a `ModelResource`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from indikator.enums import GolonganPegawai, JenisPegawai, JenjangPendidikan, KomponenAkip, RegulasiAkip
from indikator.models import KomponenNilaiAkip, KomposisiPegawai, NilaiAkip

from .lembar import (
    FORMAT_ANGKA,
    FORMAT_BULAT,
    BulatWidget,
    HasilLembar,
    Kolom,
    Lembar,
    LembarBerbasisResource,
    ModelResourceLembar,
    PilihanWidget,
    baca_bulat,
    baca_desimal,
    baca_pilihan,
    baca_teks,
    label_pilihan,
    tampilkan,
)

# --------------------------------------------------------------------------------------------- Nilai AKIP


def _simpan(obj, pratinjau: bool) -> None:
    if pratinjau:
        obj.skip_history_when_saving = True
    obj.save()


class LembarAkip(Lembar):
    """AKIP results of the unit up to this year: one row per year, components as columns (key: Tahun)."""

    judul = "Nilai AKIP"
    kolom_kunci = ("Tahun",)
    benda = gettext_lazy("nilai AKIP")
    keterangan = gettext_lazy(
        "Hasil evaluasi AKIP unit per tahun. Kunci baris: Tahun. Isi nilai tiap komponen bila ada (totalnya "
        "dihitung), atau hanya Nilai total dilaporkan. Sel yang dikosongkan menghapus nilai itu."
    )
    contoh = ("", "PermenPANRB 88/2021", 78.5, "Inspektorat Utama", 25, 22, 12, 19.5, None)

    def _komponen(self) -> list[tuple[str, str]]:
        return [(k.value, str(k.label)) for k in KomponenAkip]

    def kolom(self):
        return [
            Kolom("Tahun", 8, FORMAT_BULAT),
            Kolom("Regulasi", 22, pilihan=[str(label) for label in RegulasiAkip.labels]),
            Kolom("Nilai total dilaporkan", 14, FORMAT_ANGKA),
            Kolom("Evaluator", 25),
        ] + [Kolom(label, 14, FORMAT_ANGKA) for _kode, label in self._komponen()]

    def _nilai(self):
        return (
            NilaiAkip.objects.filter(unit=self.konteks.unit, tahun__lte=self.konteks.tahun)
            .prefetch_related("komponen")
            .order_by("tahun")
        )

    def baris_ekspor(self):
        for n in self._nilai():
            komponen = {k.komponen: k.nilai for k in n.komponen.all()}
            yield [n.tahun, label_pilihan(RegulasiAkip, n.regulasi), n.nilai_dilaporkan, n.evaluator] + [
                komponen.get(kode) for kode, _label in self._komponen()
            ]

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        k = self.konteks
        ada = {n.tahun: n for n in self._nilai()}
        terlihat: dict[int, int] = {}
        for b in baris:
            v = b.nilai
            galat_awal = len(hasil.galat)

            def sel(kolom, pembaca, *args, _v=v, _b=b, **kw):
                try:
                    return pembaca(_v.get(kolom), *args, **kw)
                except ValueError as e:
                    hasil.catat_galat(_b.nomor, kolom, str(e))
                    return None

            tahun = sel("Tahun", baca_bulat, min_nilai=1)
            if tahun is None:
                if len(hasil.galat) == galat_awal:
                    hasil.catat_galat(b.nomor, "Tahun", _("Wajib diisi."))
                continue
            if tahun > k.tahun:
                hasil.catat_galat(
                    b.nomor, "Tahun", _("Tahun %(t)s sesudah tahun workbook (%(w)s).") % {"t": tahun, "w": k.tahun}
                )
                continue
            if tahun in terlihat:
                hasil.catat_galat(b.nomor, "Tahun", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[tahun]})
                continue
            terlihat[tahun] = b.nomor
            n = ada.get(tahun)
            baru = n is None
            if baru:
                n = NilaiAkip(unit=k.unit, tahun=tahun)
            medan = []
            isian = {}
            if "Regulasi" in v:
                regulasi = sel("Regulasi", baca_pilihan, RegulasiAkip, wajib=False)
                isian["regulasi"] = ("Regulasi", regulasi or RegulasiAkip.PERMENPAN_12_2015)
            if "Nilai total dilaporkan" in v:
                total = sel("Nilai total dilaporkan", baca_desimal, min_nilai=0)
                if total is not None and total > 100:
                    hasil.catat_galat(b.nomor, "Nilai total dilaporkan", _("Nilai AKIP paling besar 100."))
                isian["nilai_dilaporkan"] = ("Nilai total dilaporkan", total)
            if "Evaluator" in v:
                isian["evaluator"] = ("Evaluator", sel("Evaluator", baca_teks))
            komponen_lama = {} if baru else {x.komponen: x for x in n.komponen.all()}
            komponen_baru = {}
            for kode, label in self._komponen():
                if label in v:
                    komponen_baru[kode] = (label, sel(label, baca_desimal, min_nilai=0))
            if len(hasil.galat) > galat_awal:
                continue
            for atribut, (kolom, nilai) in isian.items():
                lama = getattr(n, atribut)
                if baru or lama != nilai:
                    if not (baru and nilai in (None, "")):
                        medan.append((kolom, tampilkan(None if baru else lama), tampilkan(nilai)))
                setattr(n, atribut, nilai)
            try:
                n.full_clean(exclude=["unit"], validate_unique=False, validate_constraints=False)
            except ValidationError as e:
                for pesan in e.messages:
                    hasil.catat_galat(b.nomor, None, pesan)
                continue
            if baru or any(m[0] in {"Regulasi", "Nilai total dilaporkan", "Evaluator"} for m in medan):
                _simpan(n, k.pratinjau)
            for kode, (label, nilai) in komponen_baru.items():
                x = komponen_lama.get(kode)
                sebelum = x.nilai if x else None
                if sebelum == nilai:
                    continue
                medan.append((label, tampilkan(sebelum), tampilkan(nilai)))
                if nilai is None:
                    x.delete()
                elif x is None:
                    _simpan(KomponenNilaiAkip(nilai_akip=n, komponen=kode, nilai=nilai), k.pratinjau)
                else:
                    x.nilai = nilai
                    _simpan(x, k.pratinjau)
            hasil.catat(b.nomor, str(tahun), medan, baru=baru)
        return hasil


# --------------------------------------------------------------------------------------------- Pegawai


class PegawaiResource(ModelResourceLembar):
    """Staff table of the year in the categories the unit reports; an empty category is unknown."""

    jenis = Field("jenis", "Jenis pegawai", widget=PilihanWidget(JenisPegawai, wajib=False))
    jenjang = Field("jenjang", "Jenjang pendidikan", widget=PilihanWidget(JenjangPendidikan, wajib=False))
    golongan = Field("golongan", "Golongan", widget=PilihanWidget(GolonganPegawai, wajib=False))
    jumlah = Field("jumlah", "Jumlah", widget=BulatWidget())

    lebar_kolom = {"Jenis pegawai": 24, "Jenjang pendidikan": 26, "Golongan": 16}

    class Meta(ModelResourceLembar.Meta):
        model = KomposisiPegawai
        fields = ("jenis", "jenjang", "golongan", "jumlah")
        import_id_fields = ("jenis", "jenjang", "golongan")

    def queryset_lingkup(self):
        return KomposisiPegawai.objects.filter(unit=self.konteks.unit, tahun=self.konteks.tahun).order_by(
            "jenis", "jenjang", "golongan"
        )

    def kunci_instance(self, obj):
        return (obj.jenis, obj.jenjang, obj.golongan)

    def init_instance(self, row=None):
        return KomposisiPegawai(unit=self.konteks.unit, tahun=self.konteks.tahun)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.jumlah is None and "jumlah" not in errors:
            errors["jumlah"] = [_("Wajib diisi.")]
        super().validate_instance(instance, errors, validate_unique)


class LembarPegawai(LembarBerbasisResource):
    judul = "Pegawai"
    resource_class = PegawaiResource
    benda = gettext_lazy("baris pegawai")
    keterangan = gettext_lazy(
        "Komposisi pegawai pada akhir tahun, menurut kategori yang dilaporkan unit (jenis, jenjang pendidikan "
        "dan/atau golongan; kategori yang tidak diketahui dibiarkan kosong). Kunci baris: ketiga kategori itu."
    )
    contoh = ("", "S1", "", 12)


__all__ = ["LembarAkip", "LembarPegawai"]
