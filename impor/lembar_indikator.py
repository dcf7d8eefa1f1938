"""Excel sheets of the planning and measurement data: Indikator & Target, PK, Rencana Aksi, Realisasi.

PK and Realisasi have one model instance per row and are django-import-export `ModelResource`s with
natural-key widgets (indikator code, PK version number). "Indikator & Target" (one column per Renstra year)
and "Rencana Aksi" (B3/B6/B9/B12 side by side) are pivoted: one row holds several instances of another model,
which `ModelResource` cannot express, so those two sheets are written by hand on the same building blocks.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from indikator.enums import Agregasi, Polaritas, SumberTarget
from indikator.models import (
    BarisPK,
    Indikator,
    NilaiSkala,
    Realisasi,
    RencanaAksi,
    Sasaran,
    SkalaKualitatif,
    Target,
)
from indikator.services import tolak_isian_konsolidasi
from indikator.target import baca_isian_target
from umum.format import format_target

from .lembar import (
    FORMAT_ANGKA,
    AngkaWidget,
    BulatWidget,
    HasilLembar,
    IndikatorWidget,
    Kolom,
    Lembar,
    LembarBerbasisResource,
    ModelResourceLembar,
    TeksWidget,
    TriwulanWidget,
    VersiPKWidget,
    baca_desimal,
    baca_pilihan,
    baca_teks,
    label_pilihan,
    sel_kosong,
    tampilkan,
    tulis_massal,
)
from .sel import baca_ya_tidak

_POLA_TARGET = re.compile(r"^(Teks target|Target) (\d{4})$")
# Text fields of an indikator and their columns on the "Indikator & Target" sheet.
TEKS_INDIKATOR = {
    "definisi_operasional": "Definisi operasional",
    "formula": "Formula",
    "sumber_data": "Sumber data",
    "penanggung_jawab": "Penanggung jawab",
}


def _teks_target(t: Target | BarisPK | None):
    """A target cell: the grade for qualitative targets, "lo – hi" text for ranges, else the number (the display
    text has a column of its own)."""
    if t is None:
        return None
    return format_target(t.nilai, t.nilai_atas, t.nilai_kualitatif, pemisah=" – ", mentah=True)


def baca_target(
    nilai, *, polaritas: str, kode_skala: list[str] | None, kode_huruf: list[str] | None = None
) -> tuple[Decimal | None, Decimal | None, str]:
    """Parse a target cell into (nilai, nilai_atas, nilai_kualitatif): `indikator.target.baca_isian_target`, the
    parser of every route, on the indikator's own scale (`kode_skala`), else the scheme's letter scale (`kode_huruf`).
    """
    isian = baca_isian_target(nilai, polaritas=polaritas, skala=kode_skala or kode_huruf)
    return isian.nilai, isian.nilai_atas, isian.kualitatif


# --------------------------------------------------------------------------------------------- Indikator & Target


class LembarIndikator(Lembar):
    """Renstra indikator of the revision valid in the year, with the Renstra target of every Renstra year.

    Pivoted (one "Target <tahun>" and "Teks target <tahun>" column per year), hence not a ModelResource.
    New indikator may be added under an existing sasaran code; an emptied target cell removes that target.
    """

    judul = "Indikator & Target"
    kolom_kunci = ("Kode sasaran", "Kode indikator")
    benda = gettext_lazy("indikator")
    contoh = (
        "",
        "",
        "IK1",
        "Persentase …",
        "%",
        str(Polaritas.POSITIF.label),
        str(Agregasi.TERAKHIR.label),
        "Ya",
        "Tidak",
        "",
        "Perbandingan …",
        "(a / b) × 100",
        "Laporan …",
        "Kepala Bagian …",
        80,
        "",
    )
    keterangan = _(
        "Indikator Renstra yang berlaku pada tahun ini, dengan target setiap tahun Renstra. Kunci baris: "
        "Kode sasaran + Kode indikator. Baris dengan kode indikator baru menambah indikator. Target rentang "
        "ditulis “80 – 90”; target kualitatif ditulis kodenya (mis. A). Sel target yang dikosongkan menghapus "
        "target tahun itu. Nilai AKIP: “Ya” bila realisasi indikator itu adalah nilai AKIP unit. Target huruf "
        "(mis. A) boleh untuk indikator angka bila skema penilaian punya skala nilai huruf. Skala kualitatif "
        "wajib untuk polaritas Kualitatif. Unit tanpa Renstra: kolom target disiapkan untuk lima tahun mulai "
        "tahun workbook; kolom tahun di luar periode Renstra harus kosong."
    )

    def tahun_renstra(self) -> list[int]:
        r = self.konteks.revisi
        if r is None:  # a new unit: five years from the workbook's year (the usual Renstra period)
            return list(range(self.konteks.tahun, self.konteks.tahun + 5))
        return list(range(r.renstra.tahun_mulai, r.renstra.tahun_selesai + 1))

    def kolom(self):
        hasil = [
            Kolom("Kode sasaran", 12),
            Kolom("Sasaran", 40, info=True),
            Kolom("Kode indikator", 14),
            Kolom("Nama indikator", 50),
            Kolom("Satuan", 12),
            Kolom("Polaritas", 24, pilihan=[str(x) for x in Polaritas.labels]),
            Kolom("Agregasi", 18, pilihan=[str(x) for x in Agregasi.labels]),
            Kolom("IKU", 7, pilihan=[_("Ya"), _("Tidak")]),
            Kolom("Nilai AKIP", 11, pilihan=[_("Ya"), _("Tidak")]),
            Kolom("Skala kualitatif", 16, pilihan=list(SkalaKualitatif.objects.values_list("kode", flat=True)) or None),
        ] + [Kolom(judul, 30) for judul in TEKS_INDIKATOR.values()]
        for t in self.tahun_renstra():
            hasil += [Kolom(f"Target {t}", 12, FORMAT_ANGKA), Kolom(f"Teks target {t}", 20)]
        return hasil

    def _indikator(self):
        return (
            Indikator.objects.filter(sasaran__revisi=self.konteks.revisi)
            .select_related("sasaran", "skala")
            .prefetch_related("target")
            .order_by("sasaran__urutan", "sasaran__kode", "urutan", "kode")
        )

    def baris_ekspor(self):
        if not self.konteks.revisi:
            return
        tahun = self.tahun_renstra()
        for ind in self._indikator():
            target = {t.tahun: t for t in ind.target.all() if t.sumber == SumberTarget.RENSTRA}
            baris = [
                ind.sasaran.kode,
                ind.sasaran.nama,
                ind.kode,
                ind.nama,
                ind.satuan,
                label_pilihan(Polaritas, ind.polaritas),
                label_pilihan(Agregasi, ind.agregasi),
                _("Ya") if ind.iku else _("Tidak"),
                _("Ya") if ind.ukur_akip else _("Tidak"),
                ind.skala.kode if ind.skala else "",
            ] + [getattr(ind, atribut) for atribut in TEKS_INDIKATOR]
            for t in tahun:
                baris += [_teks_target(target.get(t)), target[t].teks_tampilan if t in target else ""]
            yield baris

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        k = self.konteks
        if not k.revisi:
            if baris:
                hasil.catat_galat(None, None, _("Tidak ada Renstra yang berlaku pada tahun %(t)s.") % {"t": k.tahun})
            return hasil
        sasaran = {s.kode: s for s in Sasaran.objects.filter(revisi=k.revisi)}
        ada = {(i.sasaran.kode, i.kode): i for i in self._indikator()}
        skala = {}
        for n in NilaiSkala.objects.all():
            skala.setdefault(n.skala_id, []).append(n.kode)
        skala_per_kode = {s.kode.lower(): s for s in SkalaKualitatif.objects.all()}
        huruf = skala.get(getattr(k.revisi.renstra.skema, "skala_huruf_id", None))
        urutan_maks = Indikator.objects.filter(sasaran__revisi=k.revisi).aggregate(m=Max("urutan"))["m"] or 0
        tahun_kolom = [(t, f"Target {t}", f"Teks target {t}") for t in self.tahun_renstra() if f"Target {t}" in header]
        periode = set(self.tahun_renstra())
        tahun_luar = [h for h in header if (m := _POLA_TARGET.match(h)) and int(m.group(2)) not in periode]
        terlihat: dict[tuple, int] = {}
        target_baru, target_ubah, target_hapus = [], [], []
        indikator_baru, indikator_ubah = [], []

        for b in baris:
            galat_awal = len(hasil.galat)
            v = b.nilai

            def sel(kolom, pembaca, *args, _v=v, _b=b, **kw):
                try:
                    return pembaca(_v.get(kolom), *args, **kw)
                except ValueError as e:
                    hasil.catat_galat(_b.nomor, kolom, str(e))
                    return None

            kode_s, kode_i = baca_teks(v.get("Kode sasaran")), baca_teks(v.get("Kode indikator"))
            if not kode_s:
                hasil.catat_galat(b.nomor, "Kode sasaran", _("Wajib diisi."))
            elif kode_s not in sasaran:
                hasil.catat_galat(
                    b.nomor, "Kode sasaran", _("Kode sasaran “%(kode)s” tidak ada pada Renstra ini.") % {"kode": kode_s}
                )
            if not kode_i:
                hasil.catat_galat(b.nomor, "Kode indikator", _("Wajib diisi."))
            if len(hasil.galat) > galat_awal:
                continue
            kunci = (kode_s, kode_i)
            if kunci in terlihat:
                hasil.catat_galat(
                    b.nomor, "Kode indikator", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[kunci]}
                )
                continue
            terlihat[kunci] = b.nomor
            ind = ada.get(kunci)
            baru = ind is None
            if baru:
                urutan_maks += 1
                ind = Indikator(sasaran=sasaran[kode_s], kode=kode_i, urutan=urutan_maks)
            medan = []
            isian = {}
            if "Nama indikator" in v:
                isian["nama"] = ("Nama indikator", sel("Nama indikator", baca_teks))
            if "Satuan" in v:
                isian["satuan"] = ("Satuan", sel("Satuan", baca_teks))
            if "Polaritas" in v:
                isian["polaritas"] = ("Polaritas", sel("Polaritas", baca_pilihan, Polaritas))
            if "Agregasi" in v:
                isian["agregasi"] = ("Agregasi", sel("Agregasi", baca_pilihan, Agregasi))
            if "IKU" in v:
                isian["iku"] = ("IKU", sel("IKU", baca_ya_tidak))
            if "Nilai AKIP" in v:
                isian["ukur_akip"] = ("Nilai AKIP", sel("Nilai AKIP", baca_ya_tidak))
            if "Skala kualitatif" in v:
                kode_skala = baca_teks(v.get("Skala kualitatif")).lower()
                if kode_skala and kode_skala not in skala_per_kode:
                    hasil.catat_galat(
                        b.nomor,
                        "Skala kualitatif",
                        _("Skala “%(kode)s” tidak dikenal; pilih salah satu: %(daftar)s.")
                        % {"kode": kode_skala, "daftar": ", ".join(sorted(skala_per_kode))},
                    )
                isian["skala"] = ("Skala kualitatif", skala_per_kode.get(kode_skala))
            for atribut, kolom in TEKS_INDIKATOR.items():
                if kolom in v:
                    isian[atribut] = (kolom, sel(kolom, baca_teks))
            for kolom in tahun_luar:
                if not sel_kosong(v.get(kolom)):
                    hasil.catat_galat(
                        b.nomor,
                        kolom,
                        _("Tahun di luar periode Renstra (%(a)s–%(b)s); kosongkan sel ini.")
                        % {"a": min(periode), "b": max(periode)},
                    )
            if len(hasil.galat) > galat_awal:
                continue
            for atribut, (kolom, nilai) in isian.items():
                lama = getattr(ind, atribut)
                if baru or lama != nilai:
                    if not (baru and nilai in (None, "")):
                        medan.append((kolom, tampilkan(None if baru else lama), tampilkan(nilai)))
                setattr(ind, atribut, nilai)
            if baru and not ind.nama:
                hasil.catat_galat(b.nomor, "Nama indikator", _("Wajib diisi untuk indikator baru."))
                continue
            try:
                ind.full_clean(  # the sasaran and the scale were looked up above: no existence query per row
                    exclude=["sasaran", "pendahulu", "skala"], validate_unique=False, validate_constraints=False
                )
            except ValidationError as e:
                for atribut, pesan in e.message_dict.items():
                    kolom = {
                        "nama": "Nama indikator",
                        "satuan": "Satuan",
                        "polaritas": "Polaritas",
                        "skala": "Skala kualitatif",
                        **TEKS_INDIKATOR,
                    }.get(atribut)
                    for p in pesan:
                        hasil.catat_galat(b.nomor, kolom, p)
                continue
            # Targets
            lama_target = {} if baru else {t.tahun: t for t in ind.target.all() if t.sumber == SumberTarget.RENSTRA}
            rencana = []
            for t, k_nilai, k_teks in tahun_kolom:
                parsed = sel(
                    k_nilai, baca_target, polaritas=ind.polaritas, kode_skala=skala.get(ind.skala_id), kode_huruf=huruf
                )
                teks = sel(k_teks, baca_teks) if k_teks in v else None
                rencana.append((t, k_nilai, k_teks, parsed, teks))
            if len(hasil.galat) > galat_awal:
                continue
            if baru:
                indikator_baru.append(ind)
            elif medan:
                indikator_ubah.append(ind)
            for t, k_nilai, k_teks, parsed, teks in rencana:
                nilai, atas, kual = parsed or (None, None, "")
                tg = lama_target.get(t)
                if teks is None:
                    teks = tg.teks_tampilan if tg else ""
                kosong = nilai is None and not kual and not teks
                sebelum = _teks_target(tg), (tg.teks_tampilan if tg else "")
                if tg is None and kosong:
                    continue
                if kosong:
                    target_hapus.append(tg.pk)
                elif tg is None:
                    tg = Target(indikator=ind, tahun=t, sumber=SumberTarget.RENSTRA)
                    tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan = nilai, atas, kual, teks
                    target_baru.append(tg)
                elif (tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan) != (nilai, atas, kual, teks):
                    tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan = nilai, atas, kual, teks
                    target_ubah.append(tg)
                sesudah = (None, "") if kosong else (_teks_target(tg), tg.teks_tampilan)
                if sebelum[0] != sesudah[0]:
                    medan.append((k_nilai, tampilkan(sebelum[0]), tampilkan(sesudah[0])))
                if sebelum[1] != sesudah[1]:
                    medan.append((k_teks, tampilkan(sebelum[1]), tampilkan(sesudah[1])))
            hasil.catat(b.nomor, f"{kode_s} / {kode_i}", medan, baru=baru)

        # Indikator first, in batches (new targets then take the new indikator's id).
        tulis_massal(Indikator, indikator_baru, indikator_ubah, riwayat=not k.pratinjau)
        for ind in indikator_baru + indikator_ubah:
            k.daftarkan_indikator(ind)
        if target_baru:
            bulk_create_with_history(target_baru, Target)
        if target_ubah:
            bulk_update_with_history(target_ubah, Target, ["nilai", "nilai_atas", "nilai_kualitatif", "teks_tampilan"])
        if target_hapus:
            for t in Target.objects.filter(pk__in=target_hapus):
                t.delete()
        return hasil


# --------------------------------------------------------------------------------------------- PK


class BarisPKResource(ModelResourceLembar):
    """Rows of every PK version of the year; key: version number + row order."""

    versi = Field("versi", "Versi PK", widget=VersiPKWidget())
    urutan = Field("urutan", "Urutan", widget=BulatWidget())
    uraian_sasaran = Field("uraian_sasaran", "Sasaran", widget=TeksWidget())
    indikator = Field("indikator", "Kode indikator", widget=IndikatorWidget(lintas_revisi=True))
    uraian_indikator = Field("uraian_indikator", "Indikator", widget=TeksWidget())
    nilai = Field("nilai", "Target", widget=AngkaWidget())
    nilai_atas = Field("nilai_atas", "Target batas atas", widget=AngkaWidget())
    nilai_kualitatif = Field("nilai_kualitatif", "Target kualitatif", widget=TeksWidget())
    teks_tampilan = Field("teks_tampilan", "Teks target", widget=TeksWidget())

    lebar_kolom = {"Sasaran": 40, "Indikator": 50, "Teks target": 20}

    class Meta(ModelResourceLembar.Meta):
        model = BarisPK
        fields = (
            "versi",
            "urutan",
            "uraian_sasaran",
            "indikator",
            "uraian_indikator",
            "nilai",
            "nilai_atas",
            "nilai_kualitatif",
            "teks_tampilan",
        )
        import_id_fields = ("versi", "urutan")

    def queryset_lingkup(self):
        return (
            BarisPK.objects.filter(versi__pk_induk__unit=self.konteks.unit, versi__pk_induk__tahun=self.konteks.tahun)
            .select_related("versi", "indikator")
            .order_by("versi__nomor", "urutan")
        )

    def kunci_instance(self, obj):
        return (obj.versi_id, obj.urutan)


class LembarPK(LembarBerbasisResource):
    judul = "PK"
    resource_class = BarisPKResource
    benda = gettext_lazy("baris PK")
    contoh = ("", 1, "Meningkatnya …", "IK1", "Persentase …", 80, None, "", "80%")
    keterangan = _(
        "Baris setiap versi Perjanjian Kinerja tahun ini. Kunci baris: Versi PK + Urutan. Versi PK diambil dari "
        "lembar Versi PK (dibuat di sana dalam impor yang sama) atau dari ruang kerja; baris baru dengan urutan "
        "baru ditambahkan."
    )


# --------------------------------------------------------------------------------------------- Rencana Aksi

TRIWULAN_B = {1: "B3", 2: "B6", 3: "B9", 4: "B12"}


class LembarRencanaAksi(Lembar):
    """Cumulative quarterly targets (B3/B6/B9/B12) per PK row, side by side: pivoted, hence hand-written."""

    judul = "Rencana Aksi"
    kolom_kunci = ("Versi PK", "Urutan")
    benda = gettext_lazy("baris rencana aksi")
    contoh = ("", 1, "IK1", "Persentase …", 80, 20, 40, 60, 80)
    keterangan = _(
        "Target kumulatif per triwulan (B3, B6, B9, B12) setiap baris PK. Kunci baris: Versi PK + Urutan (sama "
        "dengan lembar PK). Sel yang dikosongkan menghapus target triwulan itu."
    )

    def kolom(self):
        return [
            Kolom("Versi PK", 9, "0"),
            Kolom("Urutan", 8, "0"),
            Kolom("Kode indikator", 14, info=True),
            Kolom("Indikator", 50, info=True),
            Kolom("Target PK", 12, FORMAT_ANGKA, info=True),
        ] + [Kolom(b, 11, FORMAT_ANGKA) for b in TRIWULAN_B.values()]

    def _baris_pk(self):
        return (
            BarisPK.objects.filter(versi__pk_induk__unit=self.konteks.unit, versi__pk_induk__tahun=self.konteks.tahun)
            .select_related("versi", "indikator")
            .prefetch_related("rencana_aksi")
            .order_by("versi__nomor", "urutan")
        )

    def baris_ekspor(self):
        for bp in self._baris_pk():
            ra = {r.triwulan: r.target_kumulatif for r in bp.rencana_aksi.all()}
            yield [
                bp.versi.nomor,
                bp.urutan,
                bp.indikator.kode if bp.indikator else "",
                bp.uraian_indikator,
                _teks_target(bp),
            ] + [ra.get(tw) for tw in TRIWULAN_B]

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        pk_rows = {}
        for bp in self._baris_pk():
            pk_rows[(bp.versi.nomor, bp.urutan)] = bp
        terlihat: dict[tuple, int] = {}
        buat, ubah, hapus = [], [], []
        for b in baris:
            v = b.nilai
            galat_awal = len(hasil.galat)
            kunci = []
            for kolom in ("Versi PK", "Urutan"):
                try:
                    n = baca_desimal(v.get(kolom), desimal=0)
                    if n is None:
                        raise ValueError(_("Wajib diisi."))
                    kunci.append(int(n))
                except ValueError as e:
                    hasil.catat_galat(b.nomor, kolom, str(e))
            if len(hasil.galat) > galat_awal:
                continue
            kunci = tuple(kunci)
            bp = pk_rows.get(kunci)
            if bp is None:
                hasil.catat_galat(
                    b.nomor,
                    "Urutan",
                    _("Baris PK versi %(v)s urutan %(u)s tidak ada (lihat lembar PK).")
                    % {"v": kunci[0], "u": kunci[1]},
                )
                continue
            if kunci in terlihat:
                hasil.catat_galat(b.nomor, "Urutan", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[kunci]})
                continue
            terlihat[kunci] = b.nomor
            lama = {r.triwulan: r for r in bp.rencana_aksi.all()}
            medan, ops = [], []
            for tw, kolom in TRIWULAN_B.items():
                if kolom not in v:
                    continue
                try:
                    nilai = baca_desimal(v.get(kolom))
                except ValueError as e:
                    hasil.catat_galat(b.nomor, kolom, str(e))
                    continue
                r = lama.get(tw)
                sebelum = r.target_kumulatif if r else None
                if sebelum == nilai:
                    continue
                medan.append((kolom, tampilkan(sebelum), tampilkan(nilai)))
                if nilai is None:
                    ops.append(("hapus", r))
                elif r is None:
                    ops.append(("buat", RencanaAksi(baris_pk=bp, triwulan=tw, target_kumulatif=nilai)))
                else:
                    r.target_kumulatif = nilai
                    ops.append(("ubah", r))
            if len(hasil.galat) > galat_awal:
                continue
            for jenis, obj in ops:
                {"buat": buat, "ubah": ubah, "hapus": hapus}[jenis].append(obj)
            hasil.catat(b.nomor, f"{kunci[0]} / {kunci[1]}", medan, baru=False)
        if buat:
            bulk_create_with_history(buat, RencanaAksi)
        if ubah:
            bulk_update_with_history(ubah, RencanaAksi, ["target_kumulatif"])
        for obj in hapus:
            obj.delete()
        return hasil


# --------------------------------------------------------------------------------------------- Realisasi


class RealisasiResource(ModelResourceLembar):
    """Realisasi of the year per indikator: one row for the yearly value ("Tahunan") and one per quarter."""

    indikator = Field("indikator", "Kode indikator", widget=IndikatorWidget())
    nama_indikator = Field("indikator__nama", "Indikator", readonly=True, widget=TeksWidget())
    triwulan = Field("triwulan", "Triwulan", widget=TriwulanWidget())
    nilai = Field("nilai", "Nilai", widget=AngkaWidget())
    nilai_kualitatif = Field("nilai_kualitatif", "Nilai kualitatif", widget=TeksWidget())
    analisis = Field("analisis", "Analisis", widget=TeksWidget())
    faktor_pendukung = Field("faktor_pendukung", "Faktor pendukung", widget=TeksWidget())
    faktor_penghambat = Field("faktor_penghambat", "Faktor penghambat", widget=TeksWidget())
    rencana_tindak_lanjut = Field("rencana_tindak_lanjut", "Rencana tindak lanjut", widget=TeksWidget())

    lebar_kolom = {
        "Indikator": 45,
        "Triwulan": 10,
        "Analisis": 40,
        "Faktor pendukung": 30,
        "Faktor penghambat": 30,
        "Rencana tindak lanjut": 30,
    }

    class Meta(ModelResourceLembar.Meta):
        model = Realisasi
        fields = (
            "indikator",
            "nama_indikator",
            "triwulan",
            "nilai",
            "nilai_kualitatif",
            "analisis",
            "faktor_pendukung",
            "faktor_penghambat",
            "rencana_tindak_lanjut",
        )
        import_id_fields = ("indikator", "triwulan")

    def queryset_lingkup(self):
        return Realisasi.objects.filter(
            indikator__sasaran__revisi=self.konteks.revisi, tahun=self.konteks.tahun
        ).select_related("indikator")

    def kunci_instance(self, obj):
        return (obj.indikator_id, obj.triwulan)

    def init_instance(self, row=None):
        return Realisasi(tahun=self.konteks.tahun)

    @cached_property
    def _id_konsolidasi(self) -> set[int]:
        """The scope's indikator whose realisasi is consolidated from sub-units (one query per import)."""
        return set(
            Indikator.objects.filter(sasaran__revisi=self.konteks.revisi, konsolidasi__isnull=False).values_list(
                "pk", flat=True
            )
        )

    def get_or_init_instance(self, instance_loader, row):
        instance, baru = super().get_or_init_instance(instance_loader, row)
        # The stored cell as loaded, before the row's values are set on it (the consolidation rule compares).
        instance._lama = None if baru else Realisasi(nilai=instance.nilai, nilai_kualitatif=instance.nilai_kualitatif)
        return instance, baru

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A consolidated indikator's value is refused like on the page (`indikator.services.tolak_isian_konsolidasi`);
        a row that leaves the stored cell as it is (an exported workbook sent back) passes."""
        errors = dict(import_validation_errors or {})
        if instance.indikator_id in self._id_konsolidasi:
            lama = getattr(instance, "_lama", None)
            nk = (instance.nilai_kualitatif or "").strip().upper()
            berubah = (
                (instance.nilai is not None or nk)
                if lama is None
                else (lama.nilai != instance.nilai or (lama.nilai_kualitatif or "") != nk)
            )
            if berubah and "nilai" not in errors:
                try:
                    tolak_isian_konsolidasi(lama, instance.triwulan, instance.nilai, instance.nilai_kualitatif)
                except ValidationError as e:
                    errors.setdefault("nilai", []).extend(e.messages)
        super().validate_instance(instance, errors or None, validate_unique)

    def objek_ekspor(self):
        """Every active indikator with a yearly row and four quarter rows, filled where data exist."""
        if not self.konteks.revisi:
            return []
        ada = {self.kunci_instance(r): r for r in self.queryset_lingkup()}
        hasil = []
        daftar = (
            Indikator.objects.filter(sasaran__revisi=self.konteks.revisi)
            .select_related("sasaran")
            .order_by("sasaran__urutan", "sasaran__kode", "urutan", "kode")
        )
        for ind in daftar:
            if not ind.aktif_pada(self.konteks.tahun):
                continue
            for tw in (None, 1, 2, 3, 4):
                r = ada.get((ind.pk, tw)) or Realisasi(indikator=ind, tahun=self.konteks.tahun, triwulan=tw)
                r.indikator = ind
                hasil.append(r)
        return hasil


class LembarRealisasi(LembarBerbasisResource):
    judul = "Realisasi"
    resource_class = RealisasiResource
    benda = gettext_lazy("realisasi")
    contoh = ("", "Persentase …", "Tahunan", 82.5, "", "Analisis capaian …", "…", "…", "…")
    keterangan = _(
        "Realisasi indikator tahun ini: satu baris “Tahunan” dan satu baris per triwulan (1–4). Kunci baris: "
        "Kode indikator + Triwulan. Baris yang seluruh nilainya kosong dan belum pernah diisi dilewati."
    )
