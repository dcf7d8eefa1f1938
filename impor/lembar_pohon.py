"""Excel sheets of the performance tree (siklus.md §2.3): the unit's positions ("Jabatan"), their holders over time
("Pemegang jabatan") and the nodes of its tree for the year's Renstra ("Pohon kinerja").

Written by hand on the shared building blocks: a sheet is read whole (unknown parent code, unknown position, a
position of another unit are refused while reading), then every changed row is written through the tree's write
services (`pohon.services`: simpan_jabatan, simpan_pemegang, simpan_node / pindahkan_node, tautkan_indikator /
lepas_indikator), so the rules of a position's superior, a holder's dates, a node's parent, level, cycle and owner
are written once, there; a refusal becomes the row's Indonesian error. Any error anywhere rolls the whole workbook
back (`impor.layanan.impor_excel`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indikator.enums import Perspektif
from pohon.enums import Eselon, JenisCascading, JenisHasil, StatusNode, Tingkat
from pohon.models import Jabatan, NodeIndikator, NodeKinerja, PemegangJabatan
from pohon.services import (
    lepas_indikator,
    pindahkan_node,
    simpan_jabatan,
    simpan_node,
    simpan_pemegang,
    tautkan_indikator,
)

from .lembar import (
    FORMAT_BULAT,
    FORMAT_TANGGAL,
    BarisExcel,
    HasilLembar,
    Kolom,
    Lembar,
    baca_bulat,
    baca_pilihan,
    baca_teks,
    label_pilihan,
    tampilkan,
)
from .sel import baca_tanggal, baca_ya_tidak

YA_TIDAK = ["Ya", "Tidak"]


def _ya_tidak(nilai: bool) -> str:
    return "Ya" if nilai else "Tidak"


class _Pembaca:
    """Reads the cells of one row into `HasilLembar` errors (column named, message in Indonesian)."""

    def __init__(self, hasil: HasilLembar, b: BarisExcel):
        self.hasil, self.b, self.galat = hasil, b, 0

    def __call__(self, kolom: str, pembaca, *args, **kw):
        try:
            return pembaca(self.b.nilai.get(kolom), *args, **kw)
        except ValueError as e:
            self.salah(kolom, str(e))
            return None

    def salah(self, kolom: str | None, pesan: str) -> None:
        self.hasil.catat_galat(self.b.nomor, kolom, pesan)
        self.galat += 1


def _ubah(obj, isian: dict[str, tuple[str, Any, Any]], baru: bool) -> list[tuple[str, str, str]]:
    """Set `isian` {field: (column, value, shown)} on `obj`; the changed columns (column, old, new)."""
    medan = []
    for atribut, (kolom, nilai, tampil) in isian.items():
        lama = getattr(obj, atribut)
        if baru or lama != nilai:
            if not (baru and nilai in (None, "", False)):
                medan.append((kolom, KOSONG_BARU if baru else tampilkan(_tampil_lama(obj, atribut, lama)), tampil))
            setattr(obj, atribut, nilai)
    return medan


KOSONG_BARU = tampilkan(None)


def _tampil_lama(obj, atribut: str, lama):
    if atribut.endswith("_id"):
        rel = getattr(obj, atribut[:-3])
        return getattr(rel, "kode", None) or getattr(rel, "nama", None) if rel is not None else None
    field = obj._meta.get_field(atribut)
    if field.choices and lama:
        return dict(field.choices).get(lama, lama)
    return lama


def _pesan_model(obj, e: ValidationError) -> list[str]:
    """A model's validation errors, each prefixed with the field's verbose name."""
    if not hasattr(e, "error_dict"):
        return list(e.messages)
    hasil = []
    for nama, daftar in e.message_dict.items():
        try:
            label = str(obj._meta.get_field(nama).verbose_name)
        except Exception:  # noqa: BLE001 - "__all__" and unknown names: the message alone
            label = ""
        hasil += [f"{label.capitalize()}: {m}" if label else m for m in daftar]
    return hasil


def _tulis(hasil: HasilLembar, nomor: int, obj, kolom: dict[str, str], pratinjau: bool, layanan, **kw) -> bool:
    """Write one row through a `pohon.services` write (its rules are the only ones: parent, level, cycle, owner,
    superior, dates); a refusal becomes the row's errors, under the column of the field it names. The caller's
    workbook transaction rolls everything back when any row has an error."""
    if pratinjau:
        obj.skip_history_when_saving = True
    try:
        layanan(**kw)
    except ValidationError as e:
        if not hasattr(e, "error_dict"):
            for pesan in e.messages:
                hasil.catat_galat(nomor, None, pesan)
            return False
        for nama, daftar in e.message_dict.items():
            if nama in kolom:
                for pesan in daftar:
                    hasil.catat_galat(nomor, kolom[nama], pesan)
            else:
                for pesan in _pesan_model(obj, ValidationError({nama: daftar})):
                    hasil.catat_galat(nomor, None, pesan)
        return False
    return True


KOLOM_JABATAN = {"nama": "Nama jabatan", "eselon": "Eselon", "atasan": "Atasan", "urutan": "Urutan", "aktif": "Aktif"}
KOLOM_PEMEGANG = {"nama": "Nama", "nip": "NIP", "mulai": "Mulai", "selesai": "Selesai", "plt": "Plt."}
KOLOM_SIMPUL = {
    "kode": "Kode",
    "tingkat": "Tingkat",
    "uraian": "Uraian",
    "induk": "Kode induk",
    "jenis_hasil": "Jenis hasil",
    "cascading": "Cascading",
    "perspektif": "Perspektif",
    "pemilik": "Pemilik",
    "indikator": "Indikator",
    "sasaran": "Kode sasaran",
    "status": "Status",
    "tahun_mulai": "Berlaku mulai",
    "tahun_selesai": "Berlaku sampai",
    "urutan": "Urutan",
    "alasan": "Alasan",
}


# --------------------------------------------------------------------------------------------- Jabatan


class LembarJabatan(Lembar):
    """The unit's positions: name, eselon, superior (a position of the unit, else of the parent unit)."""

    judul = "Jabatan"
    kolom_kunci = ("Nama jabatan",)
    benda = gettext_lazy("jabatan")
    keterangan = gettext_lazy(
        "Jabatan unit (pemilik hasil pada pohon kinerja). Kunci baris: Nama jabatan. Atasan: nama jabatan unit "
        "ini, atau jabatan unit induknya bila tidak ada di unit ini."
    )
    contoh = ("", "Eselon III", "Kepala Biro", 1, "Ya")

    def kolom(self):
        return [
            Kolom("Nama jabatan", 40),
            Kolom("Eselon", 20, pilihan=[str(x) for x in Eselon.labels]),
            Kolom("Atasan", 40),
            Kolom("Urutan", 8, FORMAT_BULAT),
            Kolom("Aktif", 8, pilihan=YA_TIDAK),
        ]

    def baris_ekspor(self):
        for j in (
            Jabatan.objects.filter(unit=self.konteks.unit).select_related("atasan").order_by("eselon", "urutan", "nama")
        ):
            yield [
                j.nama,
                label_pilihan(Eselon, j.eselon),
                j.atasan.nama if j.atasan else "",
                j.urutan,
                _ya_tidak(j.aktif),
            ]

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        unit = self.konteks.unit
        ada = {j.nama: j for j in Jabatan.objects.filter(unit=unit)}
        induk = {j.nama: j for j in Jabatan.objects.filter(unit_id=unit.induk_id)} if unit.induk_id else {}
        baca: list[tuple[BarisExcel, dict]] = []
        terlihat: dict[str, int] = {}
        for b in baris:
            sel = _Pembaca(hasil, b)
            nama = sel("Nama jabatan", baca_teks)
            if not nama:
                if not sel.galat:
                    sel.salah("Nama jabatan", _("Wajib diisi."))
                continue
            if nama in terlihat:
                sel.salah("Nama jabatan", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[nama]})
                continue
            terlihat[nama] = b.nomor
            isi = {"nama": nama, "_ada": {k for k in b.nilai}}
            if "Eselon" in b.nilai:
                isi["eselon"] = sel("Eselon", baca_pilihan, Eselon)
            if "Atasan" in b.nilai:
                isi["atasan"] = sel("Atasan", baca_teks)
            if "Urutan" in b.nilai:
                isi["urutan"] = sel("Urutan", baca_bulat) or 0
            if "Aktif" in b.nilai:
                isi["aktif"] = True if b.nilai.get("Aktif") in (None, "") else sel("Aktif", baca_ya_tidak)
            if not sel.galat:
                baca.append((b, isi))
        # The superior: a position of this unit (in the sheet or already saved), else of the parent unit.
        nama_unit = set(ada) | set(terlihat)
        for b, isi in baca:
            a = isi.get("atasan")
            if a and a not in nama_unit and a not in induk:
                hasil.catat_galat(
                    b.nomor,
                    "Atasan",
                    _("Jabatan atasan “%(nama)s” tidak dikenal di unit ini atau unit induknya.") % {"nama": a},
                )
        if hasil.galat:
            return hasil
        pratinjau, tahun = self.konteks.pratinjau, self.konteks.tahun
        # Written through `pohon.services.simpan_jabatan` (the superior's unit, no cycle, a unique name): first
        # each position with its saved superior, then the superiors named by the sheet, so a superior named
        # further down the sheet exists and a cycle is refused on the row that closes it.
        tulis: list[tuple[BarisExcel, Jabatan, list, bool, dict]] = []
        for b, isi in baca:
            j = ada.get(isi["nama"])
            baru = j is None
            if baru:
                j = Jabatan(unit=unit, nama=isi["nama"])
            bidang = {}
            if "eselon" in isi:
                bidang["eselon"] = ("Eselon", isi["eselon"], label_pilihan(Eselon, isi["eselon"]))
            if "urutan" in isi:
                bidang["urutan"] = ("Urutan", isi["urutan"], tampilkan(isi["urutan"]))
            if "aktif" in isi:
                bidang["aktif"] = ("Aktif", isi["aktif"], tampilkan(isi["aktif"]))
            medan = _ubah(j, bidang, baru)
            if (baru or medan) and not _tulis(
                hasil, b.nomor, j, KOLOM_JABATAN, pratinjau, simpan_jabatan, jabatan=j, tahun=tahun
            ):
                continue
            tulis.append((b, j, medan, baru, isi))
        if hasil.galat:
            return hasil
        semua = {j.nama: j for _b, j, *_r in tulis} | {n: j for n, j in ada.items() if n not in terlihat}
        for b, j, medan, baru, isi in tulis:
            if "atasan" in isi:
                nama = isi["atasan"]
                tujuan = (semua.get(nama) or induk.get(nama)) if nama else None
                if j.atasan_id != (tujuan.pk if tujuan else None):
                    lama = j.atasan.nama if j.atasan_id and not baru else None
                    # A fresh copy: the service walks the superiors from the database as they now stand.
                    j.atasan = Jabatan.objects.get(pk=tujuan.pk) if tujuan else None
                    medan.append(("Atasan", tampilkan(lama), tampilkan(nama)))
                    if not _tulis(hasil, b.nomor, j, KOLOM_JABATAN, pratinjau, simpan_jabatan, jabatan=j, tahun=tahun):
                        continue
            hasil.catat(b.nomor, j.nama, medan, baru=baru)
        return hasil


# --------------------------------------------------------------------------------------------- Pemegang jabatan


def _cari_jabatan(unit, nama: str) -> tuple[Jabatan | None, str | None]:
    """The position of `unit` by name, or (None, Indonesian reason): unknown, or a position of another unit."""
    j = Jabatan.objects.filter(unit=unit, nama=nama).first()
    if j is not None:
        return j, None
    lain = Jabatan.objects.filter(nama=nama).exclude(unit=unit).select_related("unit").first()
    if lain is not None:
        return None, _("Jabatan “%(nama)s” milik unit lain (%(unit)s); pilih jabatan unit ini.") % {
            "nama": nama,
            "unit": lain.unit.nama,
        }
    return None, _("Jabatan “%(nama)s” tidak dikenal di unit ini.") % {"nama": nama}


class LembarPemegang(Lembar):
    """Who held each position of the unit, from when to when (Plt. for an acting official)."""

    judul = "Pemegang jabatan"
    kolom_kunci = ("Jabatan", "Mulai")
    benda = gettext_lazy("pemegang jabatan")
    keterangan = gettext_lazy(
        "Pejabat yang memegang jabatan unit dari tanggal Mulai sampai Selesai (kosong: masih menjabat). Kunci "
        "baris: Jabatan dan Mulai. Plt.: Ya untuk pelaksana tugas."
    )
    contoh = ("", "Nama Pejabat", "", "01/01/2018", None, "Tidak")

    def kolom(self):
        return [
            Kolom("Jabatan", 40),
            Kolom("Nama", 30),
            Kolom("NIP", 22),
            Kolom("Mulai", 12, FORMAT_TANGGAL),
            Kolom("Selesai", 12, FORMAT_TANGGAL),
            Kolom("Plt.", 8, pilihan=YA_TIDAK),
        ]

    def baris_ekspor(self):
        for p in (
            PemegangJabatan.objects.filter(jabatan__unit=self.konteks.unit)
            .select_related("jabatan")
            .order_by("jabatan__eselon", "jabatan__urutan", "jabatan__nama", "mulai")
        ):
            yield [p.jabatan.nama, p.nama, p.nip, p.mulai, p.selesai, _ya_tidak(p.plt)]

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        unit = self.konteks.unit
        ada = {(p.jabatan_id, p.mulai): p for p in PemegangJabatan.objects.filter(jabatan__unit=unit)}
        terlihat: dict[tuple, int] = {}
        simpan = []
        for b in baris:
            sel = _Pembaca(hasil, b)
            nama_jabatan = sel("Jabatan", baca_teks)
            mulai = sel("Mulai", baca_tanggal)
            if not nama_jabatan and not sel.galat:
                sel.salah("Jabatan", _("Wajib diisi."))
            if mulai is None and not sel.galat:
                sel.salah("Mulai", _("Wajib diisi."))
            if sel.galat:
                continue
            jabatan, alasan = _cari_jabatan(unit, nama_jabatan)
            if jabatan is None:
                sel.salah("Jabatan", alasan)
                continue
            kunci = (jabatan.pk, mulai)
            if kunci in terlihat:
                sel.salah("Mulai", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[kunci]})
                continue
            terlihat[kunci] = b.nomor
            p = ada.get(kunci)
            baru = p is None
            if baru:
                p = PemegangJabatan(jabatan=jabatan, mulai=mulai)
            bidang = {}
            for kolom, atribut, pembaca in (("Nama", "nama", baca_teks), ("NIP", "nip", baca_teks)):
                if kolom in b.nilai:
                    v = sel(kolom, pembaca) or ""
                    bidang[atribut] = (kolom, v, tampilkan(v))
            if "Selesai" in b.nilai:
                v = sel("Selesai", baca_tanggal)
                bidang["selesai"] = ("Selesai", v, tampilkan(v))
            if "Plt." in b.nilai:
                v = False if b.nilai.get("Plt.") in (None, "") else sel("Plt.", baca_ya_tidak)
                bidang["plt"] = ("Plt.", v, tampilkan(v))
            if sel.galat:
                continue
            simpan.append((b, p, _ubah(p, bidang, baru), baru))
        if hasil.galat:
            return hasil
        # Written through `pohon.services.simpan_pemegang` (dates in order, no two definitive holders at once).
        k = self.konteks
        for b, p, medan, baru in simpan:
            if (baru or medan) and not _tulis(
                hasil, b.nomor, p, KOLOM_PEMEGANG, k.pratinjau, simpan_pemegang, pemegang=p, tahun=k.tahun
            ):
                continue
            hasil.catat(b.nomor, f"{p.jabatan.nama} {tampilkan(p.mulai)}", medan, baru=baru)
        return hasil


# --------------------------------------------------------------------------------------------- Pohon kinerja


def _label_unit(unit) -> set[str]:
    return {x.strip().casefold() for x in (unit.slug, unit.nama, unit.singkatan) if x}


class LembarPohon(Lembar):
    """The unit's nodes for the Renstra of the year: level, text, parent (of this unit, or of the parent unit
    when "Unit induk" names it), owner position, linked indikator by code."""

    judul = "Pohon kinerja"
    kolom_kunci = ("Kode",)
    benda = gettext_lazy("simpul pohon kinerja")
    keterangan = gettext_lazy(
        "Simpul pohon kinerja unit untuk Renstra yang berlaku. Kunci baris: Kode. Kode induk: kode simpul unit ini, "
        "atau simpul unit induk bila kolom Unit induk diisi (slug, nama atau singkatannya). Simpul berada satu "
        "tingkat di bawah induknya (SS → SP → SK → Eselon III → Eselon IV → RHK) kecuali unit boleh melompati "
        "tingkat. Pemilik: nama jabatan unit ini. Indikator: kode indikator Renstra, dipisah koma."
    )
    contoh = (
        "",
        "Sasaran Kegiatan",
        "Meningkatnya kerja sama",
        "SP1",
        "sestama",
        "Outcome",
        "Penuh",
        "",
        "Kepala Biro",
        "IK1",
        "",
        "Diterima",
        None,
        None,
        1,
        "",
    )

    def kolom(self):
        return [
            Kolom("Kode", 12),
            Kolom("Tingkat", 26, pilihan=[str(x) for x in Tingkat.labels]),
            Kolom("Uraian", 50),
            Kolom("Kode induk", 12),
            Kolom("Unit induk", 18),
            Kolom("Jenis hasil", 24, pilihan=[str(x) for x in JenisHasil.labels]),
            Kolom("Cascading", 14, pilihan=[str(x) for x in JenisCascading.labels]),
            Kolom("Perspektif", 18, pilihan=[str(x) for x in Perspektif.labels]),
            Kolom("Pemilik", 36),
            Kolom("Indikator", 24),
            Kolom("Kode sasaran", 12),
            Kolom("Status", 12, pilihan=[str(x) for x in StatusNode.labels]),
            Kolom("Berlaku mulai", 10, FORMAT_BULAT),
            Kolom("Berlaku sampai", 10, FORMAT_BULAT),
            Kolom("Urutan", 8, FORMAT_BULAT),
            Kolom("Alasan", 40),
        ]

    def _simpul(self):
        renstra = self.konteks.renstra
        if renstra is None:
            return NodeKinerja.objects.none()
        return NodeKinerja.objects.filter(unit=self.konteks.unit, renstra=renstra)

    def baris_ekspor(self):
        unit = self.konteks.unit
        ind: dict[int, list[str]] = {}
        for node_id, kode in (
            NodeIndikator.objects.filter(node__in=self._simpul())
            .order_by("indikator__urutan", "indikator__kode", "id")
            .values_list("node_id", "indikator__kode")
        ):
            ind.setdefault(node_id, []).append(kode)
        for n in self._simpul().select_related("induk__unit", "pemilik", "sasaran").order_by("urutan", "kode", "id"):
            induk_lain = n.induk is not None and n.induk.unit_id != unit.pk
            yield [
                n.kode,
                label_pilihan(Tingkat, n.tingkat),
                n.uraian,
                n.induk.kode if n.induk else "",
                n.induk.unit.slug if induk_lain else "",
                label_pilihan(JenisHasil, n.jenis_hasil) if n.jenis_hasil else "",
                label_pilihan(JenisCascading, n.cascading) if n.cascading else "",
                label_pilihan(Perspektif, n.perspektif) if n.perspektif else "",
                n.pemilik.nama if n.pemilik else "",
                ", ".join(ind.get(n.pk, [])),
                n.sasaran.kode if n.sasaran else "",
                label_pilihan(StatusNode, n.status),
                n.tahun_mulai,
                n.tahun_selesai,
                n.urutan,
                n.alasan,
            ]

    def impor(self, header, baris):  # noqa: C901 - one pass of reading, one of checking, one of writing
        hasil = HasilLembar(self.judul)
        k = self.konteks
        unit, renstra = k.unit, k.renstra
        if renstra is None:
            for b in baris:
                hasil.catat_galat(
                    b.nomor,
                    None,
                    _("Belum ada Renstra yang mencakup tahun %(tahun)s untuk simpul ini.") % {"tahun": k.tahun},
                )
            return hasil
        ada = {n.kode: n for n in self._simpul().select_related("induk")}
        unit_induk = unit.induk
        simpul_induk = {}
        if unit_induk is not None:
            simpul_induk = {
                n.kode: n
                for n in NodeKinerja.objects.filter(
                    Q(tahun_mulai__isnull=True) | Q(tahun_mulai__lte=k.tahun),
                    Q(tahun_selesai__isnull=True) | Q(tahun_selesai__gte=k.tahun),
                    unit=unit_induk,
                    renstra__tahun_mulai__lte=k.tahun,
                    renstra__tahun_selesai__gte=k.tahun,
                )
                .exclude(status=StatusNode.DITOLAK)
                .order_by("-renstra__tahun_mulai", "id")
            }
        jabatan = {j.nama: j for j in Jabatan.objects.filter(unit=unit)}
        sasaran = {s.kode: s for s in k.sasaran_per_kode()}

        kode_lembar = set()
        for b in baris:
            try:
                kode_lembar.add(baca_teks(b.nilai.get("Kode")))
            except ValueError:
                pass
        baca: list[tuple[BarisExcel, dict]] = []
        terlihat: dict[str, int] = {}
        for b in baris:
            sel = _Pembaca(hasil, b)
            kode = sel("Kode", baca_teks)
            if not kode:
                if not sel.galat:
                    sel.salah("Kode", _("Wajib diisi."))
                continue
            if kode in terlihat:
                sel.salah("Kode", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[kode]})
                continue
            terlihat[kode] = b.nomor
            isi: dict[str, Any] = {"kode": kode}
            lama = ada.get(kode)
            isi["tingkat"] = (
                sel("Tingkat", baca_pilihan, Tingkat) if "Tingkat" in b.nilai or lama is None else lama.tingkat
            )
            if "Uraian" in b.nilai or lama is None:
                isi["uraian"] = sel("Uraian", baca_teks)
                if not isi["uraian"] and not sel.galat:
                    sel.salah("Uraian", _("Wajib diisi."))
            for kolom, atribut, pilihan in (
                ("Jenis hasil", "jenis_hasil", JenisHasil),
                ("Cascading", "cascading", JenisCascading),
                ("Perspektif", "perspektif", Perspektif),
            ):
                if kolom in b.nilai:
                    isi[atribut] = sel(kolom, baca_pilihan, pilihan, wajib=False) or ""
            if "Status" in b.nilai:
                isi["status"] = sel("Status", baca_pilihan, StatusNode, wajib=False) or StatusNode.DITERIMA
            for kolom, atribut in (("Berlaku mulai", "tahun_mulai"), ("Berlaku sampai", "tahun_selesai")):
                if kolom in b.nilai:
                    isi[atribut] = sel(kolom, baca_bulat, min_nilai=1)
            if "Urutan" in b.nilai:
                isi["urutan"] = sel("Urutan", baca_bulat) or 0
            if "Alasan" in b.nilai:
                isi["alasan"] = sel("Alasan", baca_teks) or ""
            if "Pemilik" in b.nilai:
                nama = sel("Pemilik", baca_teks)
                if nama:
                    j = jabatan.get(nama)
                    if j is None:
                        _j, alasan = _cari_jabatan(unit, nama)
                        sel.salah("Pemilik", alasan)
                    isi["pemilik"] = j
                else:
                    isi["pemilik"] = None
            if "Kode sasaran" in b.nilai:
                ks = sel("Kode sasaran", baca_teks)
                isi["sasaran"] = sasaran.get(ks) if ks else None
                if ks and ks not in sasaran:
                    sel.salah(
                        "Kode sasaran",
                        _("Kode sasaran “%(kode)s” tidak dikenal pada Renstra yang berlaku tahun %(tahun)s.")
                        % {"kode": ks, "tahun": k.tahun},
                    )
            if "Indikator" in b.nilai:
                daftar = [x.strip() for x in str(sel("Indikator", baca_teks) or "").split(",") if x.strip()]
                isi["indikator"] = []
                for kode_ind in daftar:
                    try:
                        isi["indikator"].append(k.cari_indikator(kode_ind))
                    except ValueError as e:
                        sel.salah("Indikator", str(e))
            # The parent: "Kode induk" in this unit's tree, or in the parent unit's when "Unit induk" names it.
            if "Kode induk" in b.nilai or "Unit induk" in b.nilai or lama is None:
                kode_induk = sel("Kode induk", baca_teks)
                nama_unit = sel("Unit induk", baca_teks)
                isi["induk"] = None
                if nama_unit and nama_unit.casefold() not in _label_unit(unit):
                    if unit_induk is None or nama_unit.casefold() not in _label_unit(unit_induk):
                        sel.salah(
                            "Unit induk",
                            _("Induk simpul harus simpul unit ini atau unit induknya, bukan “%(unit)s”.")
                            % {"unit": nama_unit},
                        )
                    elif not kode_induk:
                        sel.salah("Kode induk", _("Wajib diisi bila Unit induk diisi."))
                    elif kode_induk not in simpul_induk:
                        sel.salah(
                            "Kode induk",
                            _("Kode induk “%(kode)s” tidak dikenal di pohon %(unit)s tahun %(tahun)s.")
                            % {"kode": kode_induk, "unit": unit_induk.nama, "tahun": k.tahun},
                        )
                    else:
                        isi["induk"] = ("luar", simpul_induk[kode_induk])
                elif kode_induk:
                    if kode_induk not in ada and kode_induk not in kode_lembar:
                        sel.salah(
                            "Kode induk",
                            _("Kode induk “%(kode)s” tidak dikenal di pohon unit ini.") % {"kode": kode_induk},
                        )
                    else:
                        isi["induk"] = ("sendiri", kode_induk)
            else:
                n_induk = lama.induk
                isi["induk"] = (
                    None
                    if n_induk is None
                    else ("sendiri", n_induk.kode)
                    if n_induk.unit_id == unit.pk
                    else ("luar", n_induk)
                )
                isi["_induk_tetap"] = True
            if not sel.galat:
                baca.append((b, isi))
        if hasil.galat:
            return hasil

        pratinjau, tahun = k.pratinjau, k.tahun
        tulis: dict[str, tuple[BarisExcel, NodeKinerja, list, bool, dict]] = {}
        for b, isi in baca:
            n = ada.get(isi["kode"])
            baru = n is None
            if baru:
                n = NodeKinerja(unit=unit, renstra=renstra, kode=isi["kode"])
            bidang = {"tingkat": ("Tingkat", isi["tingkat"], label_pilihan(Tingkat, isi["tingkat"]))}
            for atribut, kolom in (
                ("uraian", "Uraian"),
                ("urutan", "Urutan"),
                ("alasan", "Alasan"),
                ("tahun_mulai", "Berlaku mulai"),
                ("tahun_selesai", "Berlaku sampai"),
            ):
                if atribut in isi:
                    bidang[atribut] = (kolom, isi[atribut], tampilkan(isi[atribut]))
            for atribut, kolom, pilihan in (
                ("jenis_hasil", "Jenis hasil", JenisHasil),
                ("cascading", "Cascading", JenisCascading),
                ("perspektif", "Perspektif", Perspektif),
                ("status", "Status", StatusNode),
            ):
                if atribut in isi:
                    v = isi[atribut]
                    bidang[atribut] = (kolom, v, label_pilihan(pilihan, v) if v else tampilkan(None))
            if "pemilik" in isi:
                j = isi["pemilik"]
                bidang["pemilik_id"] = ("Pemilik", j.pk if j else None, tampilkan(j.nama if j else None))
            if "sasaran" in isi:
                s = isi["sasaran"]
                bidang["sasaran_id"] = ("Kode sasaran", s.pk if s else None, tampilkan(s.kode if s else None))
            medan = _ubah(n, bidang, baru)
            if n.tahun_mulai and n.tahun_selesai and n.tahun_selesai < n.tahun_mulai:
                hasil.catat_galat(b.nomor, "Berlaku sampai", _("Tahun berlaku sampai sebelum tahun berlaku mulai."))
                continue
            tulis[isi["kode"]] = (b, n, medan, baru, isi)
        if hasil.galat:
            return hasil

        # Written through `pohon.services` (simpan_node, pindahkan_node: the parent's unit and status, one level
        # below it unless the unit may skip, no cycle, the owner a position of the unit), parents before their
        # children so a parent's new level and a new parent exist when the child is checked. Rows left waiting on
        # each other form a cycle: they are saved under their present parent, then moved, and the service refuses
        # the move that closes the cycle.
        def tujuan_dari(isi):
            induk = isi["induk"]
            if induk is None:
                return None
            if induk[0] == "luar":
                return induk[1]
            return tulis[induk[1]][1] if induk[1] in tulis else ada[induk[1]]

        def tulis_satu(kode: str, induk) -> bool:
            b, n, medan, baru, isi = tulis[kode]
            if pratinjau:
                n.skip_history_when_saving = True
            if n.pk is None or n.induk_id == (induk.pk if induk else None):
                if not (baru or medan):
                    return True
                n.induk = induk
                return _tulis(hasil, b.nomor, n, KOLOM_SIMPUL, pratinjau, simpan_node, node=n, tahun=tahun)
            return _tulis(
                hasil,
                b.nomor,
                n,
                KOLOM_SIMPUL,
                pratinjau,
                pindahkan_node,
                node=n,
                induk=induk,
                tahun=tahun,
                alasan=_("Diubah lewat impor Excel"),
            )

        menunggu = list(tulis)
        while menunggu:
            siap = [
                kode
                for kode in menunggu
                if not ((induk := tulis[kode][4]["induk"]) and induk[0] == "sendiri" and induk[1] in menunggu)
            ]
            if not siap:
                break
            for kode in siap:
                menunggu.remove(kode)
                b, n, medan, baru, isi = tulis[kode]
                lama_induk = n.induk_id
                if tulis_satu(kode, tujuan_dari(isi)) and lama_induk != n.induk_id:
                    lama = None if baru or lama_induk is None else NodeKinerja.objects.get(pk=lama_induk).kode
                    medan.append(("Kode induk", tampilkan(lama), tampilkan(n.induk.kode if n.induk else None)))
        for kode in menunggu:  # a cycle: saved where they stand, then moved
            n = tulis[kode][1]
            tulis_satu(kode, n.induk if n.induk_id else None)
        for kode in menunggu:
            b, n, medan, baru, isi = tulis[kode]
            tulis_satu(kode, tujuan_dari(isi))
        if hasil.galat:
            return hasil

        # The node's indikator through `tautkan_indikator` / `lepas_indikator` (the unit's own indikator only).
        tautan: dict[int, dict[int, NodeIndikator]] = {}
        for t in NodeIndikator.objects.filter(node__in=[n for _b, n, *_r in tulis.values()]).select_related(
            "indikator", "node__unit"
        ):
            tautan.setdefault(t.node_id, {})[t.indikator_id] = t
        for b, n, medan, baru, isi in tulis.values():
            if "indikator" in isi:
                lama = tautan.get(n.pk, {})
                baru_ids = [i.pk for i in isi["indikator"]]
                if list(lama) != baru_ids and set(lama) != set(baru_ids):
                    medan.append(
                        (
                            "Indikator",
                            tampilkan(", ".join(t.indikator.kode for t in lama.values()) or None),
                            tampilkan(", ".join(i.kode for i in isi["indikator"]) or None),
                        )
                    )
                    for ind_id, t in lama.items():
                        if ind_id not in baru_ids:
                            _tulis(hasil, b.nomor, t, KOLOM_SIMPUL, pratinjau, lepas_indikator, tautan=t, tahun=tahun)
                    for i in isi["indikator"]:
                        if i.pk not in lama:
                            _tulis(
                                hasil,
                                b.nomor,
                                n,
                                KOLOM_SIMPUL,
                                pratinjau,
                                tautkan_indikator,
                                node=n,
                                indikator=i,
                                tahun=tahun,
                            )
            hasil.catat(b.nomor, n.kode, medan, baru=baru)
        return hasil


__all__ = ["LembarJabatan", "LembarPemegang", "LembarPohon"]
