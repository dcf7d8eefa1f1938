"""Excel sheets of the budget: Anggaran (budget lines, pagu revisions, monthly realisasi) and Sub-kegiatan.

"Sub-kegiatan" has one instance per row and is a `ModelResource` whose input budget line is read by its code.
"Anggaran" is pivoted — one row holds the line, each pagu revision (value + date) and twelve monthly
realisasi — which `ModelResource` cannot express, so it is written by hand on the shared building blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, RencanaPenarikan, SubKegiatan
from anggaran.services import pesan_rpd_tidak_sama_pagu
from indikator.models import Indikator, Sasaran
from umum.bulan import NOMOR_BULAN, SINGKATAN_BULAN

from .lembar import (
    FORMAT_ANGKA,
    FORMAT_RUPIAH,
    FORMAT_TANGGAL,
    AngkaWidget,
    BulatWidget,
    HasilLembar,
    KodeBanyakWidget,
    KodeWidget,
    Kolom,
    Lembar,
    LembarBerbasisResource,
    ModelResourceLembar,
    TeksWidget,
    baca_desimal,
    baca_pilihan,
    baca_tanggal,
    baca_teks,
    label_pilihan,
    tampilkan,
)


def _bulk_create(objs, model, *, batch_size):
    return model.objects.bulk_create(objs, batch_size=batch_size)


def _bulk_update(objs, model, fields, *, batch_size):
    return model.objects.bulk_update(objs, fields, batch_size=batch_size)


BULAN_RENCANA = [f"Rencana {b}" for b in SINGKATAN_BULAN]
KOLOM_TAHUNAN = "Realisasi setahun"  # a yearly figure that wins over the months (a report with yearly totals only)
_POLA_PAGU = re.compile(r"^Pagu revisi (\d+)$")
_POLA_TANGGAL = re.compile(r"^Berlaku mulai revisi (\d+)$")


def _judul_pagu(n: int) -> tuple[str, str]:
    return f"Pagu revisi {n}", f"Berlaku mulai revisi {n}"


class LembarAnggaran(Lembar):
    """Budget lines of the unit's year. Pivoted: pagu revisions and Jan–Des realisasi are columns."""

    judul = "Anggaran"
    kolom_kunci = ("Kode",)
    benda = gettext_lazy("mata anggaran")
    contoh = ("", "", "Program …", str(JenisMataAnggaran.PROGRAM.label), 1000000000, "01/01/2025")
    keterangan = _(
        "Mata anggaran tahun ini. Kunci baris: Kode. Kode induk menunjuk baris lain pada lembar ini. Setiap revisi "
        "pagu punya dua kolom (nilai dan tanggal berlaku, dd/mm/yyyy); isi kolom revisi kosong berikutnya untuk "
        "menambah revisi. Realisasi setahun dipakai bila hanya angka setahun yang ada (menggantikan jumlah bulanan). "
        "Jan–Des adalah realisasi per bulan (bukan kumulatif); Rencana Jan–Rencana Des adalah "
        "rencana penarikan per bulan. Sel nilai yang dikosongkan menghapus nilai itu; angka tidak boleh negatif."
    )

    def _mata(self):
        return (
            MataAnggaran.objects.filter(unit=self.konteks.unit, tahun=self.konteks.tahun)
            .select_related("induk")
            .prefetch_related("pagu", "realisasi", "rencana_penarikan")
            .order_by("urutan", "kode")
        )

    def jumlah_revisi(self) -> int:
        ada = PaguRevisi.objects.filter(
            mata_anggaran__unit=self.konteks.unit, mata_anggaran__tahun=self.konteks.tahun
        ).values_list("revisi_ke", flat=True)
        return max(ada, default=-1) + 2  # the existing revisions plus one empty slot for the next one

    def kolom(self):
        hasil = [
            Kolom("Kode", 12),
            Kolom("Kode induk", 12),
            Kolom("Nama", 45),
            Kolom("Jenis", 18, pilihan=[str(x) for x in JenisMataAnggaran.labels]),
        ]
        for n in range(self.jumlah_revisi()):
            p, t = _judul_pagu(n)
            hasil += [Kolom(p, 18, FORMAT_RUPIAH), Kolom(t, 14, FORMAT_TANGGAL)]
        hasil.append(Kolom(KOLOM_TAHUNAN, 18, FORMAT_RUPIAH))
        hasil += [Kolom(b, 16, FORMAT_RUPIAH) for b in SINGKATAN_BULAN]
        hasil += [Kolom(b, 16, FORMAT_RUPIAH) for b in BULAN_RENCANA]
        return hasil

    def baris_ekspor(self):
        n_rev = self.jumlah_revisi()
        for m in self._mata():
            pagu = {p.revisi_ke: p for p in m.pagu.all()}
            real = {r.bulan: r.nilai for r in m.realisasi.all()}
            rencana = {r.bulan: r.nilai for r in m.rencana_penarikan.all()}
            baris = [m.kode, m.induk.kode if m.induk else "", m.nama, label_pilihan(JenisMataAnggaran, m.jenis)]
            for n in range(n_rev):
                p = pagu.get(n)
                baris += [p.nilai if p else None, p.berlaku_mulai if p else None]
            baris.append(m.realisasi_tahunan)
            yield baris + [real.get(i) for i in NOMOR_BULAN] + [rencana.get(i) for i in NOMOR_BULAN]

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        k = self.konteks
        ada = {m.kode: m for m in self._mata()}
        revisi = sorted({int(m.group(1)) for h in header if (m := _POLA_PAGU.match(h) or _POLA_TANGGAL.match(h))})
        urutan = max((m.urutan for m in ada.values()), default=0)
        terlihat: dict[str, int] = {}
        induk_diminta: list[tuple[int, MataAnggaran, str, list]] = []
        pagu_buat, pagu_ubah, hapus = [], [], []
        # Monthly values: model → (rows to create, rows to update)
        bulanan_buat = {RealisasiAnggaran: [], RencanaPenarikan: []}
        bulanan_ubah = {RealisasiAnggaran: [], RencanaPenarikan: []}
        pending = []  # (row, mata, medan, baru, pagu ops, monthly ops)

        for b in baris:
            v = b.nilai
            galat_awal = len(hasil.galat)

            def sel(kolom, pembaca, *args, _v=v, _b=b, **kw):
                try:
                    return pembaca(_v.get(kolom), *args, **kw)
                except ValueError as e:
                    hasil.catat_galat(_b.nomor, kolom, str(e))
                    return None

            kode = baca_teks(v.get("Kode"))
            if not kode:
                hasil.catat_galat(b.nomor, "Kode", _("Wajib diisi."))
                continue
            if kode in terlihat:
                hasil.catat_galat(b.nomor, "Kode", _("Baris ganda dengan baris %(n)s.") % {"n": terlihat[kode]})
                continue
            terlihat[kode] = b.nomor
            m = ada.get(kode)
            baru = m is None
            if baru:
                urutan += 1
                m = MataAnggaran(unit=k.unit, tahun=k.tahun, kode=kode, urutan=urutan)
            medan = []
            for atribut, kolom, pembaca, args in (
                ("nama", "Nama", baca_teks, ()),
                ("jenis", "Jenis", baca_pilihan, (JenisMataAnggaran,)),
            ):
                if kolom not in v:
                    continue
                nilai = sel(kolom, pembaca, *args)
                if nilai is None:
                    continue
                lama = getattr(m, atribut)
                if baru or lama != nilai:
                    medan.append((kolom, tampilkan(None if baru else lama), tampilkan(nilai)))
                setattr(m, atribut, nilai)
            if KOLOM_TAHUNAN in v:
                tahunan = sel(KOLOM_TAHUNAN, baca_desimal, desimal=2, min_nilai=0)
                if KOLOM_TAHUNAN not in {g.kolom for g in hasil.galat[galat_awal:]} and (
                    baru and tahunan is not None or not baru and m.realisasi_tahunan != tahunan
                ):
                    medan.append((KOLOM_TAHUNAN, tampilkan(None if baru else m.realisasi_tahunan), tampilkan(tahunan)))
                    m.realisasi_tahunan = tahunan
            if baru and not m.nama and "Nama" not in {g.kolom for g in hasil.galat[galat_awal:]}:
                hasil.catat_galat(b.nomor, "Nama", _("Wajib diisi untuk mata anggaran baru."))

            # Pagu revisions
            pagu_lama = {} if baru else {p.revisi_ke: p for p in m.pagu.all()}
            ops_pagu = []
            for n in revisi:
                kp, kt = _judul_pagu(n)
                nilai = sel(kp, baca_desimal, desimal=2, min_nilai=0) if kp in v else None
                tanggal = sel(kt, baca_tanggal) if kt in v else None
                p = pagu_lama.get(n)
                if kp not in v and p is not None:
                    nilai = p.nilai
                if kt not in v and p is not None:
                    tanggal = p.berlaku_mulai
                if nilai is None and tanggal is None:
                    if p is not None and kp in v:
                        ops_pagu.append(("hapus", p))
                        medan.append((kp, tampilkan(p.nilai), tampilkan(None)))
                    continue
                if nilai is None:
                    if kp not in {g.kolom for g in hasil.galat[galat_awal:]}:
                        hasil.catat_galat(b.nomor, kp, _("Nilai pagu wajib diisi bila tanggalnya diisi."))
                    continue
                if tanggal is None:
                    if n == 0:
                        tanggal = dt.date(k.tahun, 1, 1)
                    else:
                        if kt not in {g.kolom for g in hasil.galat[galat_awal:]}:
                            hasil.catat_galat(b.nomor, kt, _("Tanggal berlaku revisi wajib diisi."))
                        continue
                if p is None:
                    ops_pagu.append(("buat", PaguRevisi(revisi_ke=n, berlaku_mulai=tanggal, nilai=nilai)))
                    medan.append((kp, tampilkan(None), tampilkan(nilai)))
                    if n != 0 or tanggal != dt.date(k.tahun, 1, 1):
                        medan.append((kt, tampilkan(None), tampilkan(tanggal)))
                elif (p.nilai, p.berlaku_mulai) != (nilai, tanggal):
                    if p.nilai != nilai:
                        medan.append((kp, tampilkan(p.nilai), tampilkan(nilai)))
                    if p.berlaku_mulai != tanggal:
                        medan.append((kt, tampilkan(p.berlaku_mulai), tampilkan(tanggal)))
                    p.nilai, p.berlaku_mulai = nilai, tanggal
                    ops_pagu.append(("ubah", p))

            # Monthly realisasi (Jan–Des) and monthly plan (Rencana Jan–Rencana Des)
            ops_bulanan = []
            for model, kolom_bulan, relasi in (
                (RealisasiAnggaran, SINGKATAN_BULAN, "realisasi"),
                (RencanaPenarikan, BULAN_RENCANA, "rencana_penarikan"),
            ):
                lama_bulan = {} if baru else {r.bulan: r for r in getattr(m, relasi).all()}
                for i, kolom in enumerate(kolom_bulan, start=1):
                    if kolom not in v:
                        continue
                    nilai = sel(kolom, baca_desimal, desimal=2, min_nilai=0)
                    if kolom in {g.kolom for g in hasil.galat[galat_awal:]}:
                        continue
                    r = lama_bulan.get(i)
                    sebelum = r.nilai if r else None
                    if sebelum == nilai:
                        continue
                    medan.append((kolom, tampilkan(sebelum), tampilkan(nilai)))
                    if nilai is None:
                        ops_bulanan.append(("hapus", r))
                    elif r is None:
                        ops_bulanan.append(("buat", model(bulan=i, nilai=nilai)))
                    else:
                        r.nilai = nilai
                        ops_bulanan.append(("ubah", r))

            if len(hasil.galat) == galat_awal:
                pesan = _rpd_tidak_sama_pagu(m, baru, pagu_lama, ops_pagu, ops_bulanan)
                if pesan:
                    hasil.catat_galat(b.nomor, BULAN_RENCANA[-1], pesan)
            if "Kode induk" in v:
                induk_diminta.append((b.nomor, m, baca_teks(v.get("Kode induk")), medan))
            if len(hasil.galat) > galat_awal:
                continue
            try:
                m.full_clean(exclude=["induk", "unit"], validate_unique=False, validate_constraints=False)
            except ValidationError as e:
                for atribut, pesan in e.message_dict.items():
                    for p in pesan:
                        hasil.catat_galat(b.nomor, {"nama": "Nama", "jenis": "Jenis"}.get(atribut), p)
                continue
            pending.append((b.nomor, m, medan, baru, ops_pagu, ops_bulanan))

        # Save lines first (new ones need an id), then parents (which may be rows further down), then values.
        for _nomor, m, medan, baru, _op, _or in pending:
            if baru or medan and any(k in ("Nama", "Jenis", KOLOM_TAHUNAN) for k, _a, _b in medan):
                m.save()
        semua = {m.kode: m for m in MataAnggaran.objects.filter(unit=k.unit, tahun=k.tahun)}
        for nomor, m, kode_induk, medan in induk_diminta:
            if m.pk is None:
                continue
            induk = None
            if kode_induk:
                induk = semua.get(kode_induk)
                if induk is None:
                    hasil.catat_galat(
                        nomor, "Kode induk", _("Kode induk “%(kode)s” tidak ada pada tahun ini.") % {"kode": kode_induk}
                    )
                    continue
                if induk.pk == m.pk or _leluhur(induk, semua, m.pk):
                    hasil.catat_galat(nomor, "Kode induk", _("Kode induk membuat hubungan berputar."))
                    continue
            if m.induk_id != (induk.pk if induk else None):
                lama = m.induk.kode if m.induk_id and m.induk else None
                if not (lama is None and induk is None):
                    medan.append(("Kode induk", tampilkan(lama), tampilkan(induk.kode if induk else None)))
                m.induk = induk
                m.save(update_fields=["induk"])
                semua[m.kode] = m
        for nomor, m, medan, baru, ops_pagu, ops_bulanan in pending:
            for jenis, obj in ops_pagu:
                obj.mata_anggaran = m
                {"buat": pagu_buat, "ubah": pagu_ubah, "hapus": hapus}[jenis].append(obj)
            for jenis, obj in ops_bulanan:
                obj.mata_anggaran = m
                if jenis == "hapus":
                    hapus.append(obj)
                else:
                    (bulanan_buat if jenis == "buat" else bulanan_ubah)[type(obj)].append(obj)
            hasil.catat(nomor, m.kode, medan, baru=baru)
        # A preview is rolled back: it writes the same rows without their audit-trail copies.
        buat = _bulk_create if self.konteks.pratinjau else bulk_create_with_history
        ubah = _bulk_update if self.konteks.pratinjau else bulk_update_with_history
        if pagu_buat:
            buat(pagu_buat, PaguRevisi, batch_size=500)
        if pagu_ubah:
            ubah(pagu_ubah, PaguRevisi, ["nilai", "berlaku_mulai"], batch_size=500)
        for model, objek in bulanan_buat.items():
            if objek:
                buat(objek, model, batch_size=500)
        for model, objek in bulanan_ubah.items():
            if objek:
                ubah(objek, model, ["nilai"], batch_size=500)
        for obj in hapus:
            obj.delete()
        return hasil


def _rpd_tidak_sama_pagu(m: MataAnggaran, baru: bool, pagu_lama: dict, ops_pagu: list, ops_bulanan: list) -> str:
    """The row's monthly plan as it will be after this import must sum to its pagu as it will be (the form's rule,
    `anggaran.services.pesan_rpd_tidak_sama_pagu`): refused otherwise, and with it the whole workbook. Checked
    only when the row changes its pagu or its plan (an untouched row is not refused for an older plan)."""
    if not ops_pagu and not any(isinstance(r, RencanaPenarikan) for _j, r in ops_bulanan):
        return ""
    pagu = {n: p.nilai for n, p in pagu_lama.items()}  # "ubah" changed these objects in place already
    for jenis, p in ops_pagu:
        if jenis == "hapus":
            pagu.pop(p.revisi_ke, None)
        else:
            pagu[p.revisi_ke] = p.nilai
    rencana = {} if baru else {r.bulan: r.nilai for r in m.rencana_penarikan.all()}
    for jenis, r in ops_bulanan:
        if not isinstance(r, RencanaPenarikan):
            continue
        if jenis == "hapus":
            rencana.pop(r.bulan, None)
        else:
            rencana[r.bulan] = r.nilai
    terkini = pagu[max(pagu)] if pagu else None
    return pesan_rpd_tidak_sama_pagu(m, [rencana.get(b) for b in NOMOR_BULAN], terkini)


def _leluhur(induk: MataAnggaran, semua: dict[str, MataAnggaran], pk: int) -> bool:
    """True when `pk` is an ancestor of `induk` (setting it as parent would make a cycle)."""
    per_id = {m.pk: m for m in semua.values()}
    cur, langkah = induk, 0
    while cur is not None and cur.induk_id and langkah < 100:
        if cur.induk_id == pk:
            return True
        cur, langkah = per_id.get(cur.induk_id), langkah + 1
    return False


# --------------------------------------------------------------------------------------------- Sub-kegiatan


class MataAnggaranWidget(KodeWidget):
    """Input budget line of a sub-kegiatan, by its code within the unit's year."""

    def __init__(self):
        super().__init__(MataAnggaran, "kode")

    def cari(self, kode):
        if getattr(self, "_per_kode", (None,))[0] is not self.konteks:  # read once per import (later sheets)
            semua = MataAnggaran.objects.filter(unit=self.konteks.unit, tahun=self.konteks.tahun)
            self._per_kode = (self.konteks, {m.kode: m for m in semua})
        m = self._per_kode[1].get(kode)
        if m is None:
            raise ValueError(_("Kode mata anggaran “%(kode)s” tidak ada pada tahun ini.") % {"kode": kode})
        return m


def _cari_sasaran(konteks, kode: str) -> Sasaran:
    for s in konteks.sasaran_per_kode():
        if s.kode == kode:
            return s
    raise ValueError(_("Kode sasaran “%(kode)s” tidak ada pada Renstra ini.") % {"kode": kode})


def _cari_indikator(konteks, kode: str) -> Indikator:
    return konteks.cari_indikator(kode)


class SubKegiatanResource(ModelResourceLembar):
    """Sub-kegiatan of the year; key: name. Pagu and realisasi dana are shown for reference, not imported."""

    nama = Field("nama", "Nama", widget=TeksWidget())
    urutan = Field("urutan", "Urutan", widget=BulatWidget(kosong=0))
    mata_anggaran = Field("mata_anggaran", "Kode mata anggaran", widget=MataAnggaranWidget())
    sasaran = Field("sasaran", "Kode sasaran", widget=KodeBanyakWidget(Sasaran, _cari_sasaran))
    indikator = Field("indikator", "Kode indikator", widget=KodeBanyakWidget(Indikator, _cari_indikator))
    pagu = Field(None, "Pagu (info)", readonly=True, widget=AngkaWidget(format_excel=FORMAT_RUPIAH))
    realisasi_dana = Field(None, "Realisasi dana (info)", readonly=True, widget=AngkaWidget(format_excel=FORMAT_RUPIAH))
    uraian_output = Field("uraian_output", "Uraian output", widget=TeksWidget())
    satuan_output = Field("satuan_output", "Satuan output", widget=TeksWidget())
    target_output = Field("target_output", "Target output", widget=AngkaWidget(min_nilai=0, format_excel=FORMAT_ANGKA))
    realisasi_output = Field(
        "realisasi_output", "Realisasi output", widget=AngkaWidget(min_nilai=0, format_excel=FORMAT_ANGKA)
    )
    keterangan = Field("keterangan", "Keterangan", widget=TeksWidget())

    lebar_kolom = {
        "Nama": 45,
        "Kode mata anggaran": 14,
        "Pagu (info)": 18,
        "Realisasi dana (info)": 18,
        "Uraian output": 35,
    }

    class Meta(ModelResourceLembar.Meta):
        model = SubKegiatan
        fields = (
            "nama",
            "urutan",
            "mata_anggaran",
            "sasaran",
            "indikator",
            "pagu",
            "realisasi_dana",
            "uraian_output",
            "satuan_output",
            "target_output",
            "realisasi_output",
            "keterangan",
        )
        import_id_fields = ("nama",)

    def queryset_lingkup(self):
        return (
            SubKegiatan.objects.filter(unit=self.konteks.unit, tahun=self.konteks.tahun)
            .select_related("mata_anggaran")
            .prefetch_related("mata_anggaran__pagu", "mata_anggaran__realisasi", "sasaran", "indikator")
            .order_by("urutan", "nama")
        )

    def kunci_instance(self, obj):
        return (obj.nama,)

    def init_instance(self, row=None):
        return SubKegiatan(unit=self.konteks.unit, tahun=self.konteks.tahun)

    def dehydrate_pagu(self, obj):
        m = obj.mata_anggaran
        if m is None:
            return None
        pagu = sorted(m.pagu.all(), key=lambda p: p.revisi_ke)
        return pagu[-1].nilai if pagu else None

    def dehydrate_realisasi_dana(self, obj):
        m = obj.mata_anggaran
        if m is None:
            return None
        realisasi = m.realisasi.all()
        return sum((r.nilai for r in realisasi), Decimal(0)) if realisasi else None


class LembarSubKegiatan(LembarBerbasisResource):
    judul = "Sub-kegiatan"
    resource_class = SubKegiatanResource
    benda = gettext_lazy("sub-kegiatan")
    contoh = ("", 1, "001", "S1", "IK1", None, None, "Dokumen …", "dokumen", 10, 9, "")
    keterangan = _(
        "Sub-kegiatan tahun ini. Kunci baris: Nama. Input = Kode mata anggaran (dari lembar Anggaran); output = "
        "uraian, satuan, target dan realisasi. Kode sasaran dan Kode indikator yang didukung: beberapa kode "
        "dipisah koma. Kolom “(info)” hanya informasi dan tidak dibaca kembali."
    )


__all__ = ["FORMAT_ANGKA", "LembarAnggaran", "LembarSubKegiatan", "SubKegiatanResource"]
