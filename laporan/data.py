"""`susun_laporan(unit, tahun)`: the whole Laporan Kinerja as frozen dataclasses (domain guide §7).

One builder feeds the HTML page, the PDF and the Excel export: every table, figure, generated sentence and
narrative section is assembled here, in document order, with a constant number of queries (the readers of
`indikator.queries` and `anggaran.queries` plus a handful of flat fetches — never one per row). Renderers
only walk the structure; they never compute a domain number.

Document model: a `Laporan` holds `Bagian` (sections: bab, sub-bab, sasaran, lampiran); a section holds
blocks (`Paragraf`, `Narasi`, `Tabel`, `Gambar`, `Daftar`, `TandaTangan`, `DokumenPK`). Tables and figures
are numbered in document order while the sections are built, and the daftar isi / tabel / gambar / lampiran
are derived from the finished structure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.utils.translation import ngettext, pgettext

from anggaran import queries as aq
from anggaran.models import AlokasiRenstra
from indikator import formulas as fi
from indikator import queries as iq
from indikator.enums import Agregasi, JenisPegawai, JenjangPendidikan, KategoriEfisiensi, Perspektif, StatusPeriode
from indikator.models import (
    Indikator,
    KepalaUnit,
    KomposisiPegawai,
    PeriodeUnit,
    Realisasi,
    RevisiRenstra,
    Sasaran,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from sakip.format import format_angka, format_persen, format_rupiah

from . import formulas as fl
from . import grafik
from .konsistensi import periksa_konsistensi
from .markdown import render_markdown
from .models import NarasiLaporan

# ====================================================================== blocks


@dataclass(frozen=True)
class Sel:
    """One table cell. `format`: teks, angka (as stored), persen (2 dec), rasio (2 dec), rupiah, bulat, miliar."""

    nilai: Decimal | int | str | None
    format: str = "teks"
    rowspan: int = 1
    colspan: int = 1
    tanda: str = ""  # marker shown after the value (e.g. "*" on budget lines that disagree with their children)
    tingkat: int = 0  # indentation level (budget tree)
    tebal: bool = False

    @property
    def angka(self) -> bool:
        return self.format not in ("teks",)


@dataclass(frozen=True)
class Baris:
    sel: tuple[Sel, ...]
    kelas: str = ""  # "", "kelompok" (group heading row), "total"


@dataclass(frozen=True)
class Tabel:
    id: str
    nomor: int | None  # None: a lampiran table (listed as a Lampiran, not as a Tabel)
    judul: str
    kepala: tuple[tuple[Sel, ...], ...]  # header rows (a Sel's rowspan/colspan apply)
    baris: tuple[Baris, ...]
    catatan: tuple[str, ...] = ()
    lanskap: bool = False
    kecil: bool = False
    jenis: str = field(default="tabel", init=False)

    @property
    def label(self) -> str:
        return _("Tabel %(nomor)s") % {"nomor": self.nomor} if self.nomor else ""

    @property
    def jumlah_kolom(self) -> int:
        return sum(s.colspan for s in self.kepala[0]) if self.kepala else 0


@dataclass(frozen=True)
class Gambar:
    id: str
    nomor: int
    judul: str
    svg: SafeString
    jenis: str = field(default="gambar", init=False)

    @property
    def label(self) -> str:
        return _("Gambar %(nomor)s") % {"nomor": self.nomor}


@dataclass(frozen=True)
class Paragraf:
    """A sentence generated from data (never a placeholder)."""

    teks: str
    jenis: str = field(default="paragraf", init=False)


@dataclass(frozen=True)
class Narasi:
    """A people-written section (Markdown, sanitised HTML)."""

    bagian: str
    judul: str
    isi: str
    html: SafeString
    jenis: str = field(default="narasi", init=False)


@dataclass(frozen=True)
class Daftar:
    item: tuple[str, ...]
    bernomor: bool = False
    judul: str = ""
    jenis: str = field(default="daftar", init=False)


@dataclass(frozen=True)
class Pejabat:
    nama: str
    nip: str
    jabatan: str


@dataclass(frozen=True)
class TandaTangan:
    kota: str
    tanggal: str
    pejabat: Pejabat
    jenis: str = field(default="ttd", init=False)


@dataclass(frozen=True)
class DokumenPK:
    """One Perjanjian Kinerja version as signed (Lampiran 3)."""

    judul: str
    periode: str
    pihak_pertama: Pejabat
    pihak_kedua: Pejabat
    tabel: Tabel
    kegiatan: str
    anggaran: Decimal | None
    kota: str
    tanggal: str
    jenis: str = field(default="pk", init=False)


@dataclass(frozen=True)
class Peringatan:
    """A consistency warning as printed in the annex."""

    pesan: str
    lokasi: str = ""
    tingkat: str = ""


@dataclass(frozen=True)
class DaftarPeringatan:
    item: tuple[Peringatan, ...]
    jenis: str = field(default="peringatan", init=False)


Blok = Paragraf | Narasi | Tabel | Gambar | Daftar | TandaTangan | DokumenPK | DaftarPeringatan


@dataclass(frozen=True)
class Bagian:
    """A section: id (anchor), number ("1.1", "A", "Lampiran 3"), title, level, blocks and sub-sections."""

    id: str
    nomor: str
    judul: str
    tingkat: int
    blok: tuple[Blok, ...] = ()
    anak: tuple[Bagian, ...] = ()
    lanskap: bool = False

    @property
    def judul_lengkap(self) -> str:
        return f"{self.nomor} {self.judul}".strip()

    def semua_blok(self) -> Iterable[Blok]:
        yield from self.blok
        for a in self.anak:
            yield from a.semua_blok()

    def semua_bagian(self) -> Iterable[Bagian]:
        yield self
        for a in self.anak:
            yield from a.semua_bagian()


@dataclass(frozen=True)
class EntriDaftar:
    id: str
    label: str  # "Tabel 7", "Lampiran 3", "BAB I" or ""
    teks: str
    tingkat: int = 1


@dataclass(frozen=True)
class RingkasanAngka:
    """Headline numbers (also handy for tests and the Excel summary sheet)."""

    jumlah_sasaran: int
    jumlah_indikator: int
    indikator_per_kriteria: tuple[tuple[str, int], ...]
    sasaran_per_kriteria: tuple[tuple[str, int], ...]
    nko: Decimal | None
    kriteria_nko: str
    total_pagu: Decimal
    total_realisasi: Decimal
    total_sisa: Decimal | None
    total_serapan: Decimal | None


@dataclass(frozen=True)
class Laporan:
    unit: UnitKerja
    tahun: int
    judul: str
    instansi: str
    logo_url: str
    kepala: Pejabat | None
    kota: str
    tanggal: str
    kata_pengantar: Bagian
    ringkasan: Bagian
    bab: tuple[Bagian, ...]
    lampiran: tuple[Bagian, ...]
    daftar_isi: tuple[EntriDaftar, ...]
    daftar_tabel: tuple[EntriDaftar, ...]
    daftar_gambar: tuple[EntriDaftar, ...]
    daftar_lampiran: tuple[EntriDaftar, ...]
    angka: RingkasanAngka
    peringatan: tuple[Peringatan, ...]
    dengan_peringatan: bool
    # Approval state of the unit's year (planners' workspace): only an approved or locked year is final.
    status: str = StatusPeriode.DRAFT
    status_label: str = ""
    final: bool = False
    disahkan_oleh: str = ""
    disahkan_pada: datetime | None = None

    def semua_bagian(self) -> Iterable[Bagian]:
        for b in (self.kata_pengantar, self.ringkasan, *self.bab, *self.lampiran):
            yield from b.semua_bagian()

    def semua_tabel(self) -> tuple[Tabel, ...]:
        """Every table in document order (lampiran tables and PK version tables included)."""
        hasil: list[Tabel] = []
        for b in self.semua_bagian():
            for blok in b.blok:
                if isinstance(blok, Tabel):
                    hasil.append(blok)
                elif isinstance(blok, DokumenPK):
                    hasil.append(blok.tabel)
        return tuple(hasil)

    def semua_gambar(self) -> tuple[Gambar, ...]:
        return tuple(blok for b in self.semua_bagian() for blok in b.blok if isinstance(blok, Gambar))


# ====================================================================== narrative placement

# Known narrative keys (NarasiLaporan.bagian) in document order, with their default sub-heading. A key of a
# chapter ("babN_...") that is not listed is appended at the end of that chapter, titled by its `judul`.
SLOT_BAB: dict[int, tuple[tuple[str, str], ...]] = {
    1: (
        ("bab1_pendahuluan", ""),
        ("bab1_latar_belakang", ""),
        ("bab1_maksud_tujuan", N_("Maksud dan Tujuan")),
        ("bab1_peran", N_("Peran dan Kedudukan Organisasi")),
        ("bab1_sdm", N_("Sumber Daya Manusia")),
        ("bab1_potensi_permasalahan", N_("Potensi dan Permasalahan")),
        ("bab1_sistematika", N_("Sistematika Penyajian Laporan Kinerja")),
    ),
    2: (
        ("bab2_pendahuluan", ""),
        ("bab2_rencana_strategis", N_("Rencana Strategis")),
        ("bab2_alokasi", ""),
        ("bab2_peta_strategi", ""),
        ("bab2_perjanjian_kinerja", N_("Perjanjian Kinerja")),
        ("bab2_program_kegiatan", ""),
    ),
    3: (
        ("bab3_pendahuluan", ""),
        ("bab3_capaian", N_("Capaian Kinerja Organisasi")),
        ("bab3_analisis", N_("Analisis Capaian Kinerja")),
        ("bab3_akuntabilitas_keuangan", N_("Akuntabilitas Keuangan")),
        ("bab3_efisiensi", N_("Analisis Efisiensi")),
    ),
    4: (
        ("bab4_pendahuluan", ""),
        ("bab4_kesimpulan", N_("Kesimpulan")),
        ("bab4_saran", N_("Saran")),
        ("bab4_penutup", ""),
        ("penutup", ""),
    ),
}
URUTAN_NARASI_SASARAN = (
    "pengantar",
    "analisis",
    "kegiatan_pendukung",
    "upaya",
    "tindak_lanjut_evaluasi",
    "cara_perhitungan",
    "faktor_pendukung",
    "kegiatan_pendukung",
    "faktor_penghambat",
    "upaya_tahun_depan",
    "rencana_tindak_lanjut",
    "rekomendasi",
)


class _Narasi:
    """The unit-year's narrative sections, looked up by key; remembers which ones were placed."""

    def __init__(self, daftar: Iterable[NarasiLaporan]):
        self.umum: dict[str, NarasiLaporan] = {}
        self.sasaran: dict[int, list[NarasiLaporan]] = defaultdict(list)
        self.terpakai: set[int] = set()
        for n in daftar:
            if not (n.isi or "").strip():
                continue
            if n.sasaran_id:
                self.sasaran[n.sasaran_id].append(n)
            else:
                self.umum[n.bagian] = n

    def _blok(self, n: NarasiLaporan) -> Narasi:
        self.terpakai.add(n.pk)
        return Narasi(bagian=n.bagian, judul=n.judul, isi=n.isi, html=render_markdown(n.isi))

    def ambil(self, bagian: str) -> Narasi | None:
        """A general section; its `judul` becomes the section heading, so the block itself carries none."""
        n = self.umum.get(bagian)
        if n is None:
            return None
        blok = self._blok(n)
        return Narasi(bagian=blok.bagian, judul="", isi=blok.isi, html=blok.html)

    def judul(self, bagian: str, bawaan: str) -> str:
        n = self.umum.get(bagian)
        return (n.judul if n is not None and n.judul else "") or bawaan

    def sisa_bab(self, bab: int) -> list[NarasiLaporan]:
        dikenal = {k for k, _j in SLOT_BAB.get(bab, ())}
        return sorted(
            (n for k, n in self.umum.items() if k.startswith(f"bab{bab}_") and k not in dikenal),
            key=lambda n: n.bagian,
        )

    def untuk_sasaran(self, sasaran_id: int) -> list[Narasi]:
        def kunci(n: NarasiLaporan):
            return (URUTAN_NARASI_SASARAN.index(n.bagian) if n.bagian in URUTAN_NARASI_SASARAN else 99, n.bagian)

        return [self._blok(n) for n in sorted(self.sasaran.get(sasaran_id, []), key=kunci)]


# ====================================================================== formatting helpers


def _angka(nilai: Decimal | None) -> str:
    """A raw value as stored (78,35; 91; 70,3)."""
    return format_angka(nilai, None)


def _target_teks(t: iq.NilaiTargetEfektif) -> str:
    if t.teks:
        return t.teks
    if t.kualitatif:
        return t.kualitatif
    if t.nilai is None:
        return "–"
    if t.nilai_atas is not None:
        return f"{_angka(t.nilai)}–{_angka(t.nilai_atas)}"
    return _angka(t.nilai)


def _target_sel(t: iq.NilaiTargetEfektif) -> Sel:
    """A target cell: the number when there is no display text (Excel keeps it numeric), else the text."""
    if t.teks or t.kualitatif or t.nilai_atas is not None:
        return Sel(_target_teks(t))
    return Sel(t.nilai, "angka")


def _realisasi_teks(nilai: Decimal | None, kual: str = "") -> str:
    return kual or _angka(nilai)


def _realisasi_sel(nilai: Decimal | None, kual: str = "") -> Sel:
    return Sel(kual) if kual else Sel(nilai, "angka")


def _label(band: fi.Band | None) -> str:
    return band.label if band is not None else "–"


def _hitungan(per_kriteria: Sequence[tuple[str, int]]) -> str:
    """ "4 Memuaskan, 3 Baik dan 1 Cukup" (bands with zero left out)."""
    bagian = [f"{n} {label}" for label, n in per_kriteria if n]
    if not bagian:
        return ""
    if len(bagian) == 1:
        return bagian[0]
    return _("%(awal)s dan %(akhir)s") % {"awal": ", ".join(bagian[:-1]), "akhir": bagian[-1]}


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _tanggal(d: date | None) -> str:
    if d is None:
        return ""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _bulan_tahun(d: date) -> str:
    return f"{BULAN[d.month - 1]} {d.year}"


ROMAWI = ("", "I", "II", "III", "IV", "V", "VI")
HURUF = "ABCDEFGHIJ"


# ====================================================================== builder


class _Penomoran:
    """Numbers tables and figures in document order (the builder creates them in that order)."""

    def __init__(self):
        self.tabel = 0
        self.gambar = 0

    def tabel_baru(self, judul: str, kepala, baris, **kw) -> Tabel:
        self.tabel += 1
        return Tabel(id=f"tabel-{self.tabel}", nomor=self.tabel, judul=judul, kepala=kepala, baris=baris, **kw)

    def gambar_baru(self, judul: str, svg: str) -> Gambar:
        self.gambar += 1
        return Gambar(id=f"gambar-{self.gambar}", nomor=self.gambar, judul=judul, svg=mark_safe(svg))


def _k(*teks: str, rowspan: int = 1, colspan: int = 1) -> Sel:
    return Sel(" ".join(teks), rowspan=rowspan, colspan=colspan)


def _kepala(*label: str) -> tuple[tuple[Sel, ...], ...]:
    return (tuple(Sel(x) for x in label),)


def _kepala_valid(unit: UnitKerja, tahun: int, kepala: Sequence[KepalaUnit]) -> KepalaUnit | None:
    """The head valid when the report is written (31 December of the year, else the latest before)."""
    hari = date(tahun, 12, 31)
    valid = [k for k in kepala if k.mulai <= hari and (k.selesai is None or k.selesai >= hari)]
    if valid:
        return max(valid, key=lambda k: k.mulai)
    lalu = [k for k in kepala if k.mulai <= hari]
    return max(lalu, key=lambda k: k.mulai) if lalu else None


def _ambil_peringatan(unit: UnitKerja, tahun: int, ukur, anggaran: aq.Anggaran, akip) -> tuple[Peringatan, ...]:
    """Consistency warnings of `laporan.konsistensi.periksa_konsistensi` for the report's warnings annex, on the
    data the builder already read."""
    return tuple(
        Peringatan(pesan=str(p.pesan), lokasi=str(p.objek), tingkat=str(p.tingkat))
        for p in periksa_konsistensi(unit, tahun, pengukuran=ukur, anggaran=anggaran, akip=akip)
    )


def susun_laporan(unit: UnitKerja, tahun: int, *, dengan_peringatan: bool = False) -> Laporan:
    """The whole annual report of a unit's year. Raises `indikator.queries.DataTidakDitemukan` when no
    Renstra covers the year. A constant number of queries, whatever the number of rows."""
    return _Penyusun(unit, tahun, dengan_peringatan).susun()


class _Penyusun:
    def __init__(self, unit: UnitKerja, tahun: int, dengan_peringatan: bool):
        self.unit = unit
        self.tahun = tahun
        self.dengan_peringatan = dengan_peringatan
        self.no = _Penomoran()

    # ------------------------------------------------------------------ fetch (constant number of queries)

    def _ambil(self) -> None:
        unit, tahun = self.unit, self.tahun
        self.ukur = iq.susun_pengukuran(unit, tahun)
        self.renstra = self.ukur.renstra
        self.revisi = self.ukur.revisi
        self.skema = self.ukur.skema
        self.tahun_renstra = list(range(self.renstra.tahun_mulai, self.renstra.tahun_selesai + 1))
        indikator_kini = [b.indikator for b in self.ukur.baris]
        self.riwayat = iq.susun_riwayat(unit, indikator_kini, self.tahun_renstra, self.skema)
        self.anggaran = aq.susun_anggaran(unit, tahun)
        self.efisiensi = aq.susun_efisiensi(unit, tahun, anggaran=self.anggaran, standar=self.skema.standar_efisiensi)
        self.akip = aq.susun_akip(unit, [t for t in self.tahun_renstra if t <= tahun])
        self.kepala = _kepala_valid(unit, tahun, list(KepalaUnit.objects.filter(unit=unit)))
        self.pegawai = list(KomposisiPegawai.objects.filter(unit=unit, tahun=tahun))
        self.tujuan = list(Tujuan.objects.filter(renstra=self.renstra).order_by("urutan"))
        self.alokasi = list(AlokasiRenstra.objects.filter(renstra=self.renstra).order_by("urutan", "tahun"))
        # Every Renstra revision with its sasaran and indikator (old and new structure tables).
        self.semua_revisi = list(
            RevisiRenstra.objects.filter(renstra=self.renstra)
            .order_by("nomor")
            .prefetch_related(
                Prefetch(
                    "sasaran",
                    queryset=Sasaran.objects.order_by("urutan", "id").prefetch_related(
                        Prefetch("indikator", queryset=Indikator.objects.order_by("urutan", "id"))
                    ),
                )
            )
        )
        semua_ind = [i for r in self.semua_revisi for s in r.sasaran.all() for i in s.indikator.all()]
        self.target_renstra: dict[tuple[int, int], Target] = {
            (t.indikator_id, t.tahun): t
            for t in Target.objects.filter(indikator__in=[i.pk for i in semua_ind], sumber="renstra")
        }
        self.versi_pk = list(
            VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun)
            .order_by("nomor")
            .prefetch_related("baris__rencana_aksi", "baris__indikator")
        )
        ind_pk = {b.indikator_id for v in self.versi_pk for b in v.baris.all() if b.indikator_id}
        self.triwulan: dict[int, list[Decimal | None]] = defaultdict(lambda: [None] * 4)
        if ind_pk:
            for r in Realisasi.objects.filter(indikator_id__in=ind_pk, tahun=tahun, triwulan__isnull=False):
                self.triwulan[r.indikator_id][r.triwulan - 1] = r.nilai
        self.narasi = _Narasi(
            NarasiLaporan.objects.filter(unit=unit, tahun=tahun).filter(
                Q(sasaran__isnull=True) | Q(sasaran__revisi=self.revisi)
            )
        )
        self.periode = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).select_related("diubah_oleh").first()
        self.peringatan = (
            _ambil_peringatan(unit, tahun, self.ukur, self.anggaran, self.akip) if self.dengan_peringatan else ()
        )

    # ------------------------------------------------------------------ assemble

    def susun(self) -> Laporan:
        self._ambil()
        kepala = (
            Pejabat(self.kepala.nama_bergelar or self.kepala.nama, self.kepala.nip, self.kepala.jabatan)
            if self.kepala
            else None
        )
        self.pejabat = kepala
        self.kota = self.unit.kota or "Jakarta"
        self.tanggal_laporan = _bulan_tahun(date(self.tahun + 1, 2, 1))
        kata_pengantar = self._kata_pengantar()
        ringkasan = self._ringkasan()
        bab = (self._bab1(), self._bab2(), self._bab3(), self._bab4())
        lampiran = self._lampiran()
        laporan_tanpa_daftar = dict(
            unit=self.unit,
            tahun=self.tahun,
            judul=_("Laporan Kinerja"),
            instansi=self.unit.instansi,
            logo_url=self.unit.logo.url if self.unit.logo else "",
            kepala=kepala,
            kota=self.kota,
            tanggal=self.tanggal_laporan,
            kata_pengantar=kata_pengantar,
            ringkasan=ringkasan,
            bab=bab,
            lampiran=lampiran,
            angka=self._angka(),
            peringatan=self.peringatan,
            dengan_peringatan=self.dengan_peringatan,
            **self._status(),
        )
        return Laporan(**laporan_tanpa_daftar, **self._daftar(kata_pengantar, ringkasan, bab, lampiran))

    def _status(self) -> dict:
        p = self.periode
        status = StatusPeriode(p.status) if p else StatusPeriode.DRAFT
        final = p is not None and p.terkunci
        oleh = ""
        if final and p.diubah_oleh:
            oleh = p.diubah_oleh.get_full_name() or p.diubah_oleh.get_username()
        return {
            "status": status.value,
            "status_label": str(status.label),
            "final": final,
            "disahkan_oleh": oleh,
            "disahkan_pada": p.diubah_pada if final else None,
        }

    def _angka(self) -> RingkasanAngka:
        a = self.anggaran
        return RingkasanAngka(
            jumlah_sasaran=len([s for s in self.ukur.sasaran if s.baris]),
            jumlah_indikator=len(self.ukur.baris),
            indikator_per_kriteria=tuple(self.ukur.hitung_per_kriteria().items()),
            sasaran_per_kriteria=self._sasaran_per_kriteria(),
            nko=self.ukur.nko,
            kriteria_nko=_label(self.ukur.kriteria_nko),
            total_pagu=a.total_pagu,
            total_realisasi=a.total_realisasi,
            total_sisa=a.total_sisa,
            total_serapan=a.total_serapan,
        )

    def _sasaran_per_kriteria(self) -> tuple[tuple[str, int], ...]:
        hasil = {b.label: 0 for b in self.skema.bands}
        for s in self.ukur.sasaran:
            if s.kriteria is not None:
                hasil[s.kriteria.label] = hasil.get(s.kriteria.label, 0) + 1
        return tuple(hasil.items())

    def _daftar(self, kata_pengantar, ringkasan, bab, lampiran) -> dict:
        isi = [EntriDaftar(kata_pengantar.id, "", kata_pengantar.judul)]
        isi += [
            EntriDaftar("daftar-isi", "", _("Daftar Isi")),
            EntriDaftar("daftar-tabel", "", _("Daftar Tabel")),
            EntriDaftar("daftar-gambar", "", _("Daftar Gambar")),
            EntriDaftar("daftar-lampiran", "", _("Daftar Lampiran")),
            EntriDaftar(ringkasan.id, "", ringkasan.judul),
        ]
        for b in bab:
            isi.append(EntriDaftar(b.id, b.nomor, b.judul, 1))
            for a in b.anak:
                if a.judul:
                    isi.append(EntriDaftar(a.id, a.nomor, a.judul, 2))
        isi.append(EntriDaftar("lampiran", "", _("Lampiran")))
        tabel, gambar = [], []
        for b in (kata_pengantar, ringkasan, *bab):
            for blok in b.semua_blok():
                if isinstance(blok, Tabel) and blok.nomor:
                    tabel.append(EntriDaftar(blok.id, blok.label, blok.judul))
                elif isinstance(blok, Gambar):
                    gambar.append(EntriDaftar(blok.id, blok.label, blok.judul))
        daftar_lampiran = [EntriDaftar(lp.id, lp.nomor, lp.judul) for lp in lampiran]
        return {
            "daftar_isi": tuple(isi),
            "daftar_tabel": tuple(tabel),
            "daftar_gambar": tuple(gambar),
            "daftar_lampiran": tuple(daftar_lampiran),
        }

    # ------------------------------------------------------------------ front matter

    def _kata_pengantar(self) -> Bagian:
        blok: list[Blok] = []
        if n := self.narasi.ambil("kata_pengantar"):
            blok.append(n)
        if self.pejabat:
            blok.append(TandaTangan(self.kota, self.tanggal_laporan, self.pejabat))
        return Bagian("kata-pengantar", "", self.narasi.judul("kata_pengantar", _("Kata Pengantar")), 1, tuple(blok))

    def _kalimat_indikator_kriteria(self) -> str:
        n = len(self.ukur.baris)
        rincian = _hitungan(tuple(self.ukur.hitung_per_kriteria().items()))
        teks = ngettext(
            "Dari %(n)s indikator kinerja, %(rincian)s.", "Dari %(n)s indikator kinerja, %(rincian)s.", n
        ) % {"n": n, "rincian": rincian or _("belum ada yang dapat dinilai")}
        return teks

    def _kalimat_sasaran_kriteria(self) -> str:
        n = len([s for s in self.ukur.sasaran if s.baris])
        rincian = _hitungan(self._sasaran_per_kriteria())
        return _("Dari %(n)s sasaran, %(rincian)s.") % {"n": n, "rincian": rincian or _("belum ada yang dapat dinilai")}

    def _kalimat_nko(self) -> str:
        bagian = [
            _("%(perspektif)s %(nps)s (%(kriteria)s)")
            % {"perspektif": p.label, "nps": format_persen(p.nps), "kriteria": _label(p.kriteria)}
            for p in self.ukur.perspektif
        ]
        teks = _(
            "Nilai Kinerja Organisasi (NKO) tahun %(tahun)s adalah %(nko)s dengan kategori %(kriteria)s, "
            "rata-rata nilai pencapaian sasaran (NPS) per perspektif: %(rincian)s."
        ) % {
            "tahun": self.tahun,
            "nko": format_persen(self.ukur.nko),
            "kriteria": _label(self.ukur.kriteria_nko),
            "rincian": "; ".join(bagian),
        }
        return teks

    def _kalimat_anggaran(self) -> str:
        a = self.anggaran
        return _(
            "Pada tahun %(tahun)s, pagu anggaran %(unit)s sebesar %(pagu)s dengan realisasi %(realisasi)s "
            "(%(serapan)s), sehingga sisa anggaran %(sisa)s."
        ) % {
            "tahun": self.tahun,
            "unit": self.unit.nama,
            "pagu": format_rupiah(a.total_pagu),
            "realisasi": format_rupiah(a.total_realisasi),
            "serapan": format_persen(a.total_serapan),
            "sisa": format_rupiah(a.total_sisa),
        }

    def _kalimat_anggaran_pk(self) -> str | None:
        nilai = [(v, v.anggaran) for v in self.versi_pk if v.anggaran is not None]
        if len(nilai) < 2 or nilai[0][1] == nilai[-1][1]:
            return None
        (v0, a0), (v1, a1) = nilai[0], nilai[-1]
        return _(
            "Anggaran dalam Perjanjian Kinerja berubah dari %(awal)s (berlaku %(mulai_awal)s) menjadi %(akhir)s "
            "(berlaku %(mulai_akhir)s)."
        ) % {
            "awal": format_rupiah(a0),
            "mulai_awal": _tanggal(v0.berlaku_mulai),
            "akhir": format_rupiah(a1),
            "mulai_akhir": _tanggal(v1.berlaku_mulai),
        }

    def _ringkasan(self) -> Bagian:
        blok: list[Blok] = []
        if n := self.narasi.ambil("ringkasan_eksekutif"):
            blok.append(n)
        blok.append(Paragraf(self._kalimat_sasaran_kriteria() + " " + self._kalimat_indikator_kriteria()))
        blok.append(
            Daftar(
                tuple(
                    _("%(sasaran)s: NPS %(nps)s, kategori %(kriteria)s")
                    % {"sasaran": s.sasaran.nama, "nps": format_persen(s.nps), "kriteria": _label(s.kriteria)}
                    for s in self.ukur.sasaran
                    if s.baris
                ),
                bernomor=True,
            )
        )
        blok.append(Paragraf(self._kalimat_nko()))
        blok.append(Paragraf(self._kalimat_anggaran()))
        if k := self._kalimat_anggaran_pk():
            blok.append(Paragraf(k))
        if n := self.narasi.ambil("ringkasan_eksekutif_penutup"):
            blok.append(n)
        judul = self.narasi.judul("ringkasan_eksekutif", _("Ringkasan Eksekutif"))
        return Bagian("ringkasan-eksekutif", "", judul, 1, tuple(blok))

    # ------------------------------------------------------------------ chapters: helpers

    def _sub(self, bab: int, nomor_fn, bagian: list[tuple[str, str, list[Blok]]]) -> list[Bagian]:
        """Sub-sections of a chapter from (key, default title, generated blocks); a sub-section is kept only
        when it has a narrative or generated content; untitled ones merge into the chapter's intro."""
        hasil: list[Bagian] = []
        for kunci, judul, blok in bagian:
            n = self.narasi.ambil(kunci) if kunci else None
            isi = ([n] if n else []) + blok
            if not isi:
                continue
            hasil.append(Bagian(f"bab-{bab}-{kunci or len(hasil)}", "", self.narasi.judul(kunci, judul), 2, tuple(isi)))
        for n in self.narasi.sisa_bab(bab):
            blok_n = self.narasi.ambil(n.bagian)
            hasil.append(Bagian(f"bab-{bab}-{n.bagian}", "", n.judul, 2, (blok_n,)))
        # Number the titled sub-sections; untitled ones (intro text) keep no number.
        bernomor: list[Bagian] = []
        i = 0
        for b in hasil:
            if b.judul:
                i += 1
                bernomor.append(Bagian(b.id, nomor_fn(i), b.judul, b.tingkat, b.blok, b.anak, b.lanskap))
            else:
                bernomor.append(b)
        return bernomor

    def _bab(self, nomor: int, judul: str, anak: list[Bagian]) -> Bagian:
        # Untitled leading sub-sections become the chapter's own blocks.
        blok: list[Blok] = []
        sisa: list[Bagian] = []
        for a in anak:
            if not a.judul and not sisa:
                blok.extend(a.blok)
            elif not a.judul:
                # untitled in the middle: attach to the previous titled section
                prev = sisa[-1]
                sisa[-1] = Bagian(prev.id, prev.nomor, prev.judul, prev.tingkat, prev.blok + a.blok, prev.anak)
            else:
                sisa.append(a)
        return Bagian(
            f"bab-{nomor}", _("BAB %(romawi)s") % {"romawi": ROMAWI[nomor]}, judul, 1, tuple(blok), tuple(sisa)
        )

    # ------------------------------------------------------------------ Bab I

    def _bab1(self) -> Bagian:
        peran: list[Blok] = []
        if self.unit.tugas and "bab1_peran" not in self.narasi.umum:
            peran.append(Paragraf(_("Tugas: %(tugas)s") % {"tugas": self.unit.tugas}))
        fungsi = tuple(x.strip() for x in self.unit.fungsi.splitlines() if x.strip())
        if fungsi and "bab1_peran" not in self.narasi.umum:
            peran.append(Daftar(fungsi, judul=_("%(unit)s menyelenggarakan fungsi:") % {"unit": self.unit.nama}))
        sdm: list[Blok] = []
        if self.pegawai:
            sdm.append(self._tabel_pegawai())
        bagian = []
        for kunci, judul in SLOT_BAB[1]:
            blok = {"bab1_peran": peran, "bab1_sdm": sdm}.get(kunci, [])
            bagian.append((kunci, _(judul) if judul else "", blok))
        anak = self._sub(1, lambda i: f"1.{i}.", bagian)
        return self._bab(1, _("PENDAHULUAN"), anak)

    def _tabel_pegawai(self) -> Tabel:
        jumlah: dict[tuple[str, str], int] = {(p.jenis, p.jenjang): p.jumlah for p in self.pegawai}
        jenis = [j for j in JenisPegawai if any(k[0] == j for k in jumlah)]
        total = {j: sum(n for (jj, _x), n in jumlah.items() if jj == j) for j in jenis}
        kepala = (
            (Sel(_("Jenjang Pendidikan"), rowspan=2), *(Sel(str(j.label), colspan=2) for j in jenis)),
            tuple(s for _j in jenis for s in (Sel(_("Jumlah")), Sel(_("Persentase (%)")))),
        )
        baris = []
        for jj in JenjangPendidikan:
            sel = [Sel(str(jj.label))]
            for j in jenis:
                n = jumlah.get((j, jj), 0)
                sel += [Sel(n, "bulat"), Sel(fl.hitung_porsi(jumlah=n, total=total[j]), "persen")]
            baris.append(Baris(tuple(sel)))
        sel = [Sel(_("Total"))]
        for j in jenis:
            sel += [Sel(total[j], "bulat"), Sel(fl.hitung_porsi(jumlah=total[j], total=total[j]), "persen")]
        baris.append(Baris(tuple(sel), "total"))
        return self.no.tabel_baru(
            _("Pegawai %(unit)s Berdasarkan Tingkat Pendidikan") % {"unit": self.unit.nama}, kepala, tuple(baris)
        )

    # ------------------------------------------------------------------ Bab II

    def _tabel_struktur(self, revisi: RevisiRenstra, judul: str, nomor: bool = True) -> Tabel | None:
        tahun = list(range(revisi.berlaku_mulai, revisi.berlaku_sampai + 1))
        if revisi.pk == self.revisi.pk:
            tahun = [t for t in self.tahun_renstra if t >= revisi.berlaku_mulai]
        kepala = (
            (
                Sel(_("Sasaran"), rowspan=2),
                Sel(_("Indikator Kinerja"), rowspan=2),
                Sel(_("Target"), colspan=len(tahun)),
            ),
            tuple(Sel(str(t)) for t in tahun),
        )
        baris = []
        for s in revisi.sasaran.all():
            daftar = list(s.indikator.all())
            for i, ind in enumerate(daftar):
                sel = [Sel(s.nama, rowspan=len(daftar))] if i == 0 else []
                sel.append(Sel(ind.nama))
                for t in tahun:
                    tg = self.target_renstra.get((ind.pk, t))
                    if tg is None:
                        sel.append(Sel("–"))
                    else:
                        sel.append(
                            _target_sel(
                                iq.NilaiTargetEfektif(
                                    tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan, "renstra"
                                )
                            )
                        )
                baris.append(Baris(tuple(sel)))
        if not baris:
            return None
        if not nomor:
            return Tabel(id="lampiran-renstra", nomor=None, judul=judul, kepala=kepala, baris=tuple(baris))
        return self.no.tabel_baru(judul, kepala, tuple(baris))

    def _tabel_alokasi(self) -> Tabel | None:
        if not self.alokasi:
            return None
        per_program: dict[str, dict[int, Decimal]] = {}
        for a in self.alokasi:
            per_program.setdefault(a.program, {})[a.tahun] = a.nilai
        tahun = self.tahun_renstra
        kepala = (
            (Sel(_("Sasaran Program / Program"), rowspan=2), Sel(_("Alokasi (Rp miliar)"), colspan=len(tahun))),
            tuple(Sel(str(t)) for t in tahun),
        )
        baris = tuple(
            Baris((Sel(p), *(Sel(fl.hitung_miliar(rupiah=nilai.get(t)), "miliar") for t in tahun)))
            for p, nilai in per_program.items()
        )
        return self.no.tabel_baru(
            _("Sasaran Program dan Alokasi Anggaran %(awal)s–%(akhir)s")
            % {"awal": self.renstra.tahun_mulai, "akhir": self.renstra.tahun_selesai},
            kepala,
            baris,
        )

    def _baris_pk(self, versi: VersiPK, *, dengan_anggaran: bool) -> list[Baris]:
        daftar = list(versi.baris.all())
        hasil = []
        for i, b in enumerate(daftar, start=1):
            t = iq.NilaiTargetEfektif(b.nilai, b.nilai_atas, b.nilai_kualitatif, b.teks_tampilan, "pk")
            sel = [Sel(i, "bulat"), Sel(b.uraian_sasaran), Sel(b.uraian_indikator or "–"), _target_sel(t)]
            if dengan_anggaran:
                if i == 1:
                    sel.append(Sel(versi.anggaran, "rupiah", rowspan=len(daftar)))
            hasil.append(Baris(tuple(sel)))
        return hasil

    def _periode(self, v: VersiPK) -> str:
        return _("%(mulai)s s.d. %(sampai)s") % {
            "mulai": _tanggal(v.berlaku_mulai),
            "sampai": _tanggal(v.berlaku_sampai),
        }

    def _tabel_pk(self) -> Tabel | None:
        if not self.versi_pk:
            return None
        kepala = _kepala(
            pgettext("nomor urut", "No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"), _("Anggaran (Rp)")
        )
        baris: list[Baris] = []
        for v in self.versi_pk:
            judul = _("Versi %(nomor)s: %(periode)s — %(pihak1)s (pihak pertama) dan %(pihak2)s (pihak kedua)") % {
                "nomor": v.nomor,
                "periode": self._periode(v),
                "pihak1": v.pihak_pertama_nama,
                "pihak2": v.pihak_kedua_nama,
            }
            baris.append(Baris((Sel(judul, colspan=5),), "kelompok"))
            baris.extend(self._baris_pk(v, dengan_anggaran=True))
        return self.no.tabel_baru(
            _("Perjanjian Kinerja %(unit)s Tahun %(tahun)s") % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
        )

    def _tabel_program(self) -> Tabel:
        per_indikator: dict[int, list[str]] = defaultdict(list)
        for e in self.efisiensi:
            for ind in e.indikator:
                per_indikator[ind.pk].append(e.sub.nama)
        kepala = _kepala(_("Sasaran"), _("Indikator Kinerja"), _("Target"), _("Program / Kegiatan / Sub-kegiatan"))
        baris = []
        for ns in self.ukur.sasaran:
            for i, b in enumerate(ns.baris):
                sel = [Sel(ns.sasaran.nama, rowspan=len(ns.baris))] if i == 0 else []
                kegiatan = per_indikator.get(b.indikator.pk, [])
                sel += [
                    Sel(b.indikator.nama),
                    _target_sel(b.target),
                    Sel("\n".join(f"{k}. {n}" for k, n in enumerate(kegiatan, start=1)) or "–"),
                ]
                baris.append(Baris(tuple(sel)))
        return self.no.tabel_baru(
            _("Program dan Kegiatan %(unit)s Tahun %(tahun)s") % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
        )

    def _bab2(self) -> Bagian:
        renstra: list[Blok] = []
        if self.renstra.visi:
            renstra.append(Paragraf(_("Visi: “%(visi)s”") % {"visi": self.renstra.visi}))
        misi = tuple(x.strip() for x in self.renstra.misi.splitlines() if x.strip())
        if misi:
            renstra.append(Daftar(misi, bernomor=True, judul=_("Misi:")))
        if self.tujuan:
            renstra.append(Daftar(tuple(t.uraian for t in self.tujuan), bernomor=True, judul=_("Tujuan:")))
        lama = [r for r in self.semua_revisi if r.nomor < self.revisi.nomor]
        for r in lama:
            t = self._tabel_struktur(
                r,
                _("Sasaran dan Indikator Kinerja %(awal)s–%(akhir)s (%(nama)s)")
                % {"awal": r.berlaku_mulai, "akhir": r.berlaku_sampai, "nama": r.nama},
            )
            if t:
                renstra.append(t)
        kini = next(r for r in self.semua_revisi if r.pk == self.revisi.pk)
        if t := self._tabel_struktur(
            kini,
            _("Sasaran dan Indikator Kinerja %(awal)s–%(akhir)s (%(nama)s)")
            % {"awal": kini.berlaku_mulai, "akhir": self.renstra.tahun_selesai, "nama": kini.nama},
        ):
            renstra.append(t)
        alokasi: list[Blok] = []
        if t := self._tabel_alokasi():
            alokasi.append(t)
        pk: list[Blok] = []
        if t := self._tabel_pk():
            pk.append(t)
        program: list[Blok] = [self._tabel_program()] if self.ukur.baris else []
        bagian = []
        for kunci, judul in SLOT_BAB[2]:
            blok = {
                "bab2_rencana_strategis": renstra,
                "bab2_alokasi": alokasi,
                "bab2_perjanjian_kinerja": pk,
                "bab2_program_kegiatan": program,
            }.get(kunci, [])
            bagian.append((kunci, _(judul) if judul else "", blok))
        anak = self._sub(2, lambda i: f"{HURUF[i - 1]}.", bagian)
        return self._bab(2, _("PERENCANAAN KINERJA"), anak)

    # ------------------------------------------------------------------ Bab III

    def _tabel_capaian(self) -> Tabel:
        kepala = _kepala(
            _("Perspektif / Sasaran"), _("Indikator Kinerja"), _("Capaian (%)"), _("NPS Sasaran (%)"), _("Kriteria")
        )
        baris: list[Baris] = []
        for ip, p in enumerate(self.ukur.perspektif):
            baris.append(
                Baris(
                    (
                        Sel(f"{HURUF[ip]}. {p.label}", colspan=3, tebal=True),
                        Sel(p.nps, "persen", tebal=True),
                        Sel(_label(p.kriteria), tebal=True),
                    ),
                    "kelompok",
                )
            )
            for ns in p.sasaran:
                for i, b in enumerate(ns.baris):
                    sel = [Sel(ns.sasaran.nama, rowspan=len(ns.baris))] if i == 0 else []
                    sel += [Sel(b.indikator.nama), Sel(b.capaian, "persen")]
                    if i == 0:
                        sel.append(Sel(ns.nps, "persen", rowspan=len(ns.baris)))
                    sel.append(Sel(_label(b.kriteria)))
                    baris.append(Baris(tuple(sel)))
        baris.append(
            Baris(
                (
                    Sel(_("Nilai Kinerja Organisasi (NKO)"), colspan=3, tebal=True),
                    Sel(self.ukur.nko, "persen", tebal=True),
                    Sel(_label(self.ukur.kriteria_nko), tebal=True),
                ),
                "total",
            )
        )
        return self.no.tabel_baru(
            _("Pencapaian Sasaran %(unit)s Tahun %(tahun)s") % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
            catatan=(
                _(
                    "NPS perspektif = rata-rata capaian indikator dalam perspektif; NKO = rata-rata NPS perspektif "
                    "(skema %(skema)s)."
                )
                % {"skema": self.skema.nama},
            ),
        )

    def _tabel_iku(self) -> Tabel:
        kepala = _kepala(
            _("Perspektif / Sasaran"),
            _("Indikator Kinerja Utama"),
            _("Satuan"),
            _("Target"),
            _("Realisasi"),
            _("Capaian (%)"),
            _("Kriteria"),
        )
        baris: list[Baris] = []
        for ip, p in enumerate(self.ukur.perspektif):
            baris.append(Baris((Sel(f"{HURUF[ip]}. {p.label}", colspan=7, tebal=True),), "kelompok"))
            for ns in p.sasaran:
                iku = [b for b in ns.baris if b.indikator.iku]
                for i, b in enumerate(iku):
                    sel = [Sel(ns.sasaran.nama, rowspan=len(iku))] if i == 0 else []
                    sel += [
                        Sel(b.indikator.nama),
                        Sel(b.indikator.satuan or "–"),
                        _target_sel(b.target),
                        _realisasi_sel(b.realisasi.nilai, b.realisasi.kualitatif),
                        Sel(b.capaian, "persen"),
                        Sel(_label(b.kriteria)),
                    ]
                    baris.append(Baris(tuple(sel)))
        return self.no.tabel_baru(
            _("Pencapaian IKU %(unit)s Tahun %(tahun)s") % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
        )

    def _kalimat_indikator(self, b: iq.BarisPengukuran) -> str:
        if not b.ada_realisasi:
            return _("Indikator “%(nama)s” belum memiliki data realisasi tahun %(tahun)s (target %(target)s).") % {
                "nama": b.indikator.nama,
                "tahun": self.tahun,
                "target": _target_teks(b.target),
            }
        satuan = f" {b.indikator.satuan}" if b.indikator.satuan and b.indikator.satuan not in ("%", "-") else ""
        persen = " %" if b.indikator.satuan == "%" else ""
        data = {
            "nama": b.indikator.nama,
            "realisasi": _realisasi_teks(b.realisasi.nilai, b.realisasi.kualitatif) + persen + satuan,
            "target": (
                _target_teks(b.target)
                if any(c.isalpha() for c in b.target.teks) or b.target.nilai is None
                else _angka(b.target.nilai) + persen + satuan
            ),
            "capaian": format_persen(b.capaian),
            "kriteria": _label(b.kriteria),
        }
        if b.capaian is None:
            return (
                _("Indikator “%(nama)s” mencapai %(realisasi)s dari target %(target)s; capaian tidak dapat dihitung.")
                % data
            )
        return (
            _(
                "Indikator “%(nama)s” mencapai %(realisasi)s dari target %(target)s, sehingga capaian indikator adalah "
                "%(capaian)s dengan kategori %(kriteria)s."
            )
            % data
        )

    def _tabel_riwayat(self, ns: iq.NpsSasaran) -> Tabel:
        akhir = self.renstra.tahun_selesai
        lalu = [t for t in reversed(self.tahun_renstra) if t < self.tahun]
        kepala1 = [Sel(pgettext("nomor urut", "No"), rowspan=2), Sel(_("Indikator"), rowspan=2)]
        kepala2: list[Sel] = []
        if akhir > self.tahun:
            kepala1.append(Sel(str(akhir)))
            kepala2.append(Sel("T"))
        kepala1.append(Sel(str(self.tahun), colspan=4))
        kepala2 += [Sel("T"), Sel("R"), Sel("%"), Sel(_("%% thd %(akhir)s") % {"akhir": akhir})]
        for t in lalu:
            kepala1.append(Sel(str(t), colspan=3))
            kepala2 += [Sel("T"), Sel("R"), Sel("%")]
        baris = []
        for i, b in enumerate(ns.baris, start=1):
            sel = [Sel(i, "bulat"), Sel(b.indikator.nama)]
            if akhir > self.tahun:
                sel.append(
                    _target_sel(b.target_akhir)
                    if (b.target_akhir.nilai is not None or b.target_akhir.teks)
                    else Sel("–")
                )
            sel += [
                _target_sel(b.target),
                _realisasi_sel(b.realisasi.nilai, b.realisasi.kualitatif),
                Sel(b.capaian, "persen"),
                Sel(b.persen_target_akhir, "persen"),
            ]
            riwayat = self.riwayat.get(b.indikator.pk)
            for t in lalu:
                nt = riwayat.untuk(t) if riwayat else None
                if nt is None or nt.kosong:
                    sel += [Sel("–"), Sel("–"), Sel("–")]
                else:
                    sel += [
                        _target_sel(nt.target) if (nt.target.nilai is not None or nt.target.teks) else Sel("–"),
                        _realisasi_sel(nt.realisasi, nt.realisasi_kualitatif),
                        Sel(nt.capaian, "persen"),
                    ]
            baris.append(Baris(tuple(sel)))
        catatan = []
        pendahulu = [
            (b.indikator, nt.indikator)
            for b in ns.baris
            if (r := self.riwayat.get(b.indikator.pk))
            for nt in r.tahun
            if nt.indikator is not None and nt.indikator.pk != b.indikator.pk and nt.tahun < self.tahun
        ]
        sudah = set()
        for ind, lama in pendahulu:
            if (ind.pk, lama.pk) in sudah:
                continue
            sudah.add((ind.pk, lama.pk))
            catatan.append(
                _("Data tahun sebelumnya untuk “%(baru)s” berasal dari indikator struktur lama “%(lama)s”.")
                % {"baru": ind.nama, "lama": lama.nama}
            )
        return self.no.tabel_baru(
            _("Pencapaian Sasaran %(sasaran)s") % {"sasaran": ns.sasaran.nama},
            (tuple(kepala1), tuple(kepala2)),
            tuple(baris),
            catatan=tuple(catatan),
            kecil=True,
        )

    def _gambar_riwayat(self, b: iq.BarisPengukuran) -> Gambar | None:
        """Target vs realisasi of an IKU across the Renstra years (only when at least two years have data)."""
        riwayat = self.riwayat.get(b.indikator.pk)
        if riwayat is None:
            return None
        tahun = [t for t in self.tahun_renstra if t <= self.tahun]
        target = tuple(riwayat.untuk(t).target.nilai if riwayat.untuk(t) else None for t in tahun)
        real = tuple(riwayat.untuk(t).realisasi if riwayat.untuk(t) else None for t in tahun)
        if sum(1 for r in real if r is not None) < 2:
            return None
        judul = _("Target dan Realisasi %(indikator)s %(awal)s–%(akhir)s") % {
            "indikator": b.indikator.nama,
            "awal": tahun[0],
            "akhir": tahun[-1],
        }
        svg = grafik.batang_kelompok(
            [str(t) for t in tahun],
            [
                grafik.Seri(_("Target"), target, grafik.WARNA_KEDUA),
                grafik.Seri(_("Realisasi"), real, grafik.WARNA_UTAMA),
            ],
            judul=judul,
        )
        return self.no.gambar_baru(judul, svg)

    def _gambar_akip(self) -> Gambar | None:
        data = [a for a in self.akip if a.nilai is not None]
        if len(data) < 2:
            return None
        judul = _("Nilai AKIP %(unit)s %(awal)s–%(akhir)s") % {
            "unit": self.unit.nama,
            "awal": data[0].tahun,
            "akhir": data[-1].tahun,
        }
        svg = grafik.garis(
            [f"{a.tahun} ({a.predikat})" for a in data],
            [grafik.Seri(_("Nilai AKIP"), tuple(a.nilai for a in data))],
            judul=judul,
        )
        return self.no.gambar_baru(judul, svg)

    def _kalimat_akip(self) -> str | None:
        data = [a for a in self.akip if a.nilai is not None]
        if not data:
            return None
        kini = data[-1]
        return _(
            "Nilai AKIP %(unit)s tahun %(tahun)s adalah %(nilai)s (predikat %(predikat)s); riwayat: %(riwayat)s."
        ) % {
            "unit": self.unit.nama,
            "tahun": kini.tahun,
            "nilai": format_angka(kini.nilai, 2),
            "predikat": kini.predikat,
            "riwayat": ", ".join(f"{format_angka(a.nilai, 2)} ({a.tahun})" for a in data),
        }

    def _sasaran_akip(self) -> int | None:
        """The sasaran that carries the AKIP score (an indikator flagged `ukur_akip`); the AKIP chart goes there."""
        for ns in self.ukur.sasaran:
            if any(b.indikator.ukur_akip for b in ns.baris):
                return ns.sasaran.pk
        return None

    def _analisis_sasaran(self) -> list[Bagian]:
        hasil = []
        sasaran_akip = self._sasaran_akip()
        nomor = 0
        for ns in self.ukur.sasaran:
            if not ns.baris:
                continue
            nomor += 1
            blok: list[Blok] = []
            iku = [b.indikator.nama for b in ns.baris if b.indikator.iku]
            if iku:
                blok.append(Daftar(tuple(iku), bernomor=len(iku) > 1, judul=_("IKU:")))
            blok.append(
                Paragraf(
                    ngettext(
                        "Keberhasilan sasaran ini diukur dengan %(n)s indikator; nilai pencapaian sasaran (NPS) "
                        "%(nps)s dengan kategori %(kriteria)s.",
                        "Keberhasilan sasaran ini diukur dengan %(n)s indikator; nilai pencapaian sasaran (NPS) "
                        "%(nps)s dengan kategori %(kriteria)s.",
                        len(ns.baris),
                    )
                    % {"n": len(ns.baris), "nps": format_persen(ns.nps), "kriteria": _label(ns.kriteria)}
                )
            )
            blok.append(self._tabel_riwayat(ns))
            for b in ns.baris:
                blok.append(Paragraf(self._kalimat_indikator(b)))
                catatan = b.realisasi.catatan
                if catatan is not None:
                    for kunci, label in (
                        ("analisis", ""),
                        ("faktor_pendukung", _("Faktor pendukung")),
                        ("faktor_penghambat", _("Faktor penghambat")),
                        ("rencana_tindak_lanjut", _("Rencana tindak lanjut")),
                    ):
                        teks = (getattr(catatan, kunci) or "").strip()
                        if teks:
                            blok.append(Narasi(kunci, label, teks, render_markdown(teks)))
            narasi = self.narasi.untuk_sasaran(ns.sasaran.pk)
            # Narrative first part (analysis) before the charts, the rest after.
            blok.extend(narasi[:1])
            for b in ns.baris:
                if b.indikator.iku and (g := self._gambar_riwayat(b)):
                    blok.append(g)
            if ns.sasaran.pk == sasaran_akip:
                if k := self._kalimat_akip():
                    blok.append(Paragraf(k))
                if g := self._gambar_akip():
                    blok.append(g)
            blok.extend(narasi[1:])
            hasil.append(
                Bagian(
                    f"sasaran-{ns.sasaran.pk}",
                    _("Sasaran %(nomor)s") % {"nomor": nomor},
                    ns.sasaran.nama,
                    3,
                    tuple(blok),
                )
            )
        return hasil

    def _tabel_anggaran_program(self) -> Tabel:
        kepala = _kepala(
            pgettext("nomor urut", "No"),
            _("Program"),
            _("Pagu (Rp)"),
            _("Realisasi (Rp)"),
            _("Sisa (Rp)"),
            _("Serapan (%)"),
        )
        baris = [
            Baris(
                (
                    Sel(b.mata.kode),
                    Sel(b.mata.nama),
                    Sel(b.pagu, "rupiah"),
                    Sel(b.realisasi, "rupiah", tanda="*" if b.selisih_realisasi else ""),
                    Sel(b.sisa, "rupiah"),
                    Sel(b.serapan, "persen"),
                )
            )
            for b in self.anggaran.akar
        ]
        a = self.anggaran
        baris.append(
            Baris(
                (
                    Sel(_("Total"), colspan=2),
                    Sel(a.total_pagu, "rupiah"),
                    Sel(a.total_realisasi, "rupiah"),
                    Sel(a.total_sisa, "rupiah"),
                    Sel(a.total_serapan, "persen"),
                ),
                "total",
            )
        )
        return self.no.tabel_baru(
            _("Realisasi Anggaran %(unit)s Tahun %(tahun)s") % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
            catatan=self._catatan_selisih(self.anggaran.akar),
        )

    def _catatan_selisih(self, baris: Iterable[aq.BarisAnggaranHasil]) -> tuple[str, ...]:
        catatan = []
        for b in baris:
            if b.selisih_pagu:
                catatan.append(
                    _("* %(kode)s: pagu tercatat %(sendiri)s, jumlah rinciannya %(anak)s.")
                    % {"kode": b.mata.kode, "sendiri": format_rupiah(b.pagu), "anak": format_rupiah(b.pagu_anak)}
                )
            if b.selisih_realisasi:
                catatan.append(
                    _("* %(kode)s: realisasi tercatat %(sendiri)s, jumlah rinciannya %(anak)s.")
                    % {
                        "kode": b.mata.kode,
                        "sendiri": format_rupiah(b.realisasi),
                        "anak": format_rupiah(b.realisasi_anak),
                    }
                )
        return tuple(catatan)

    def _tabel_anggaran_komponen(self) -> Tabel:
        kepala = _kepala(
            _("Kode"), _("Kegiatan / Komponen"), _("Pagu (Rp)"), _("Realisasi (Rp)"), _("Sisa (Rp)"), _("Serapan (%)")
        )
        baris = []
        for b in self.anggaran.baris:
            baris.append(
                Baris(
                    (
                        Sel(b.mata.kode),
                        Sel(b.mata.nama, tingkat=b.tingkat, tebal=b.tingkat == 0),
                        Sel(b.pagu, "rupiah", tanda="*" if b.selisih_pagu else ""),
                        Sel(b.realisasi, "rupiah", tanda="*" if b.selisih_realisasi else ""),
                        Sel(b.sisa, "rupiah"),
                        Sel(b.serapan, "persen"),
                    ),
                    "kelompok" if b.tingkat == 0 else "",
                )
            )
        a = self.anggaran
        baris.append(
            Baris(
                (
                    Sel(_("Total Anggaran"), colspan=2),
                    Sel(a.total_pagu, "rupiah"),
                    Sel(a.total_realisasi, "rupiah"),
                    Sel(a.total_sisa, "rupiah"),
                    Sel(a.total_serapan, "persen"),
                ),
                "total",
            )
        )
        catatan = self._catatan_selisih(self.anggaran.baris)
        if catatan:
            catatan = (
                _(
                    "Tanda * menandai baris yang angkanya sendiri berbeda dengan jumlah rinciannya; total dihitung dari angka baris induk."
                ),
                *catatan,
            )
        return self.no.tabel_baru(
            _("Realisasi Anggaran %(unit)s per Komponen Tahun %(tahun)s")
            % {"unit": self.unit.nama, "tahun": self.tahun},
            kepala,
            tuple(baris),
            catatan=catatan,
            kecil=True,
        )

    def _gambar_serapan(self) -> Gambar | None:
        akar = self.anggaran.akar
        if not akar:
            return None
        judul = _("Serapan Anggaran per Program %(unit)s Tahun %(tahun)s") % {
            "unit": self.unit.nama,
            "tahun": self.tahun,
        }
        svg = grafik.batang_persen([grafik.Butir(f"{b.mata.kode} {b.mata.nama}", b.serapan) for b in akar], judul=judul)
        return self.no.gambar_baru(judul, svg)

    def _gambar_capaian(self) -> Gambar | None:
        if not self.ukur.baris:
            return None
        judul = _("Capaian Indikator Kinerja %(unit)s Tahun %(tahun)s") % {
            "unit": self.unit.nama,
            "tahun": self.tahun,
        }
        svg = grafik.batang_persen(
            [
                grafik.Butir(
                    f"{i}. {b.indikator.nama}", b.capaian, b.kriteria.warna if b.kriteria else grafik.WARNA_UTAMA
                )
                for i, b in enumerate(self.ukur.baris, start=1)
            ],
            judul=judul,
        )
        return self.no.gambar_baru(judul, svg)

    def _kalimat_efisiensi(self) -> str | None:
        if not self.efisiensi:
            return None
        efisien = sum(1 for e in self.efisiensi if e.hasil.kategori == KategoriEfisiensi.EFISIEN)
        tidak = sum(1 for e in self.efisiensi if e.hasil.kategori == KategoriEfisiensi.TIDAK_EFISIEN)
        kosong = len(self.efisiensi) - efisien - tidak
        teks = _("Dari %(n)s sub-kegiatan, %(efisien)s efisien dan %(tidak)s tidak efisien (SE = %(se)s).") % {
            "n": len(self.efisiensi),
            "efisien": efisien,
            "tidak": tidak,
            "se": format_angka(self.efisiensi[0].hasil.se, None),
        }
        if kosong:
            teks += " " + _(
                "Efisiensi %(n)s sub-kegiatan tidak dapat dihitung karena data input atau output belum lengkap."
            ) % {"n": kosong}
        return teks + " " + _("Rincian per sub-kegiatan disajikan pada lampiran pengukuran efisiensi.")

    def _bab3(self) -> Bagian:
        capaian: list[Blok] = [self._tabel_capaian(), Paragraf(self._kalimat_nko())]
        if n := self.narasi.ambil("bab3_nps"):
            capaian.append(n)
        if self.ukur.baris:
            capaian += [self._tabel_iku(), Paragraf(self._kalimat_indikator_kriteria())]
        if g := self._gambar_capaian():
            capaian.append(g)
        analisis_anak = self._analisis_sasaran()
        keuangan: list[Blok] = [Paragraf(self._kalimat_anggaran())]
        if k := self._kalimat_anggaran_pk():
            keuangan.append(Paragraf(k))
        if self.anggaran.baris:
            keuangan += [self._tabel_anggaran_program(), self._tabel_anggaran_komponen()]
            if g := self._gambar_serapan():
                keuangan.append(g)
        efisiensi: list[Blok] = []
        if k := self._kalimat_efisiensi():
            efisiensi.append(Paragraf(k))
        bagian = []
        for kunci, judul in SLOT_BAB[3]:
            blok = {
                "bab3_capaian": capaian,
                "bab3_akuntabilitas_keuangan": keuangan,
                "bab3_efisiensi": efisiensi,
            }.get(kunci, [])
            if kunci == "bab3_analisis" and analisis_anak:
                blok = (
                    [Paragraf(_("Analisis capaian per sasaran disajikan berikut ini."))]
                    if not self.narasi.umum.get(kunci)
                    else []
                )
            bagian.append((kunci, _(judul) if judul else "", blok))
        anak = self._sub(3, lambda i: f"{HURUF[i - 1]}.", bagian)
        anak = [
            Bagian(a.id, a.nomor, a.judul, a.tingkat, a.blok, tuple(analisis_anak))
            if a.id == "bab-3-bab3_analisis"
            else a
            for a in anak
        ]
        return self._bab(3, _("AKUNTABILITAS KINERJA"), anak)

    # ------------------------------------------------------------------ Bab IV

    def _bab4(self) -> Bagian:
        kesimpulan: list[Blok] = [
            Paragraf(self._kalimat_sasaran_kriteria() + " " + self._kalimat_indikator_kriteria()),
        ]
        bagian = []
        for kunci, judul in SLOT_BAB[4]:
            blok = {"bab4_kesimpulan": kesimpulan}.get(kunci, [])
            bagian.append((kunci, _(judul) if judul else "", blok))
        anak = self._sub(4, lambda i: f"{HURUF[i - 1]}.", bagian)
        return self._bab(4, _("PENUTUP"), anak)

    # ------------------------------------------------------------------ lampiran

    def _lampiran(self) -> tuple[Bagian, ...]:
        daftar: list[tuple[str, list[Blok], bool]] = []
        kini = next(r for r in self.semua_revisi if r.pk == self.revisi.pk)
        if t := self._tabel_struktur(
            kini,
            _("Rencana Strategis %(unit)s %(awal)s–%(akhir)s")
            % {"unit": self.unit.nama, "awal": self.renstra.tahun_mulai, "akhir": self.renstra.tahun_selesai},
            nomor=False,
        ):
            daftar.append((t.judul, [t], False))
        if t := self._lampiran_iku():
            daftar.append((_("Penetapan Indikator Kinerja Utama %(unit)s") % {"unit": self.unit.nama}, [t], True))
        if self.versi_pk:
            daftar.append(
                (
                    _("Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": self.tahun},
                    [self._dokumen_pk(v) for v in self.versi_pk],
                    False,
                )
            )
        if t := self._lampiran_rencana_aksi():
            daftar.append((_("Rencana Aksi Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": self.tahun}, [t], True))
        if self.efisiensi:
            daftar.append(
                (
                    _("Pengukuran Kinerja Kegiatan Tahun %(tahun)s") % {"tahun": self.tahun},
                    [self._lampiran_pengukuran_kegiatan()],
                    True,
                )
            )
            daftar.append(
                (
                    _("Pengukuran Efisiensi Sub-kegiatan Tahun %(tahun)s") % {"tahun": self.tahun},
                    [self._lampiran_efisiensi()],
                    True,
                )
            )
        if self.dengan_peringatan:
            blok: list[Blok] = [DaftarPeringatan(self.peringatan)]
            if not self.peringatan:
                blok = [Paragraf(_("Pemeriksaan konsistensi tidak menemukan peringatan."))]
            daftar.append((_("Peringatan Konsistensi Data"), blok, False))
        hasil = []
        for i, (judul, blok, lanskap) in enumerate(daftar, start=1):
            blok_bernama = [
                Tabel(f"lampiran-{i}-tabel", None, b.judul, b.kepala, b.baris, b.catatan, b.lanskap or lanskap, b.kecil)
                if isinstance(b, Tabel)
                else b
                for b in blok
            ]
            hasil.append(
                Bagian(
                    f"lampiran-{i}",
                    _("Lampiran %(nomor)s") % {"nomor": i},
                    judul,
                    1,
                    tuple(blok_bernama),
                    lanskap=lanskap,
                )
            )
        return tuple(hasil)

    def _lampiran_iku(self) -> Tabel | None:
        kepala = _kepala(
            pgettext("nomor urut", "No"),
            _("Sasaran"),
            _("Indikator Kinerja Utama"),
            _("Definisi Operasional"),
            _("Formula"),
            _("Sumber Data"),
        )
        baris = []
        nomor = 0
        for ns in self.ukur.sasaran:
            iku = [b.indikator for b in ns.baris if b.indikator.iku]
            if not iku:
                continue
            nomor += 1
            for i, ind in enumerate(iku):
                sel = [Sel(nomor, "bulat", rowspan=len(iku)), Sel(ns.sasaran.nama, rowspan=len(iku))] if i == 0 else []
                sel += [
                    Sel(ind.nama),
                    Sel(ind.definisi_operasional or "–"),
                    Sel(ind.formula or "–"),
                    Sel(ind.sumber_data or "–"),
                ]
                baris.append(Baris(tuple(sel)))
        if not baris:
            return None
        return Tabel(
            "lampiran-iku",
            None,
            _("Indikator Kinerja Utama %(unit)s") % {"unit": self.unit.nama},
            kepala,
            tuple(baris),
            kecil=True,
        )

    def _dokumen_pk(self, v: VersiPK) -> DokumenPK:
        kepala = _kepala(pgettext("nomor urut", "No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"))
        tabel = Tabel(
            f"pk-versi-{v.nomor}",
            None,
            v.judul or _("Perjanjian Kinerja versi %(nomor)s") % {"nomor": v.nomor},
            kepala,
            tuple(self._baris_pk(v, dengan_anggaran=False)),
        )
        return DokumenPK(
            judul=v.judul or _("Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": self.tahun},
            periode=self._periode(v),
            pihak_pertama=Pejabat(v.pihak_pertama_nama, v.pihak_pertama_nip, v.pihak_pertama_jabatan),
            pihak_kedua=Pejabat(v.pihak_kedua_nama, v.pihak_kedua_nip, v.pihak_kedua_jabatan),
            tabel=tabel,
            kegiatan=v.kegiatan,
            anggaran=v.anggaran,
            kota=v.kota,
            tanggal=_tanggal(v.tanggal_tanda_tangan) if v.tanggal_tanda_tangan else "",
        )

    def _lampiran_rencana_aksi(self) -> Tabel | None:
        kepala = (
            (
                Sel(pgettext("nomor urut", "No"), rowspan=2),
                Sel(_("Sasaran"), rowspan=2),
                Sel(_("Indikator Kinerja"), rowspan=2),
                Sel(_("Target Tahunan"), rowspan=2),
                Sel(_("Target Kumulatif"), colspan=4),
                Sel(_("Realisasi Kumulatif"), colspan=4),
            ),
            tuple(Sel(f"B{3 * i}") for i in range(1, 5)) * 2,
        )
        baris = []
        nomor = 0
        for v in self.versi_pk:
            isi = [b for b in v.baris.all() if list(b.rencana_aksi.all())]
            if not isi:
                continue
            baris.append(
                Baris(
                    (
                        Sel(
                            _("PK versi %(nomor)s (%(periode)s)") % {"nomor": v.nomor, "periode": self._periode(v)},
                            colspan=12,
                        ),
                    ),
                    "kelompok",
                )
            )
            for b in isi:
                nomor += 1
                target = {r.triwulan: r.target_kumulatif for r in b.rencana_aksi.all()}
                if b.indikator_id:
                    kumulatif = fi.hitung_kumulatif_triwulan(
                        nilai_triwulan=self.triwulan[b.indikator_id], agregasi=Agregasi(b.indikator.agregasi)
                    )
                else:
                    kumulatif = [None] * 4
                t = iq.NilaiTargetEfektif(b.nilai, b.nilai_atas, b.nilai_kualitatif, b.teks_tampilan, "pk")
                baris.append(
                    Baris(
                        (
                            Sel(nomor, "bulat"),
                            Sel(b.uraian_sasaran),
                            Sel(b.uraian_indikator or "–"),
                            _target_sel(t),
                            *(Sel(target.get(q), "angka") for q in range(1, 5)),
                            *(Sel(k, "angka") for k in kumulatif),
                        )
                    )
                )
        if not baris:
            return None
        return Tabel(
            "lampiran-rencana-aksi",
            None,
            _("Rencana Aksi Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": self.tahun},
            kepala,
            tuple(baris),
            catatan=(_("B3/B6/B9/B12: kumulatif sampai bulan ke-3/6/9/12; realisasi dari data triwulanan indikator."),),
            lanskap=True,
        )

    def _lampiran_pengukuran_kegiatan(self) -> Tabel:
        kepala = _kepala(
            pgettext("nomor urut", "No"),
            _("Sasaran"),
            _("Indikator Sasaran"),
            _("Sub-kegiatan"),
            _("Indikator Kinerja"),
            _("Satuan"),
            _("Target"),
            _("Realisasi"),
            _("%"),
        )
        baris = []
        for i, e in enumerate(self.efisiensi, start=1):
            sasaran = "; ".join(s.nama for s in e.sasaran) or "–"
            indikator = "; ".join(x.nama for x in e.indikator) or "–"
            baris.append(
                Baris(
                    (
                        Sel(i, "bulat", rowspan=2),
                        Sel(sasaran, rowspan=2),
                        Sel(indikator, rowspan=2),
                        Sel(e.sub.nama, rowspan=2),
                        Sel(_("Input: Dana")),
                        Sel("Rp"),
                        Sel(e.pagu, "rupiah"),
                        Sel(e.realisasi_dana, "rupiah"),
                        Sel(e.hasil.persen_input, "persen"),
                    )
                )
            )
            baris.append(
                Baris(
                    (
                        Sel(
                            _("Output: %(uraian)s") % {"uraian": e.sub.uraian_output}
                            if e.sub.uraian_output
                            else _("Output")
                        ),
                        Sel(e.sub.satuan_output or "–"),
                        Sel(e.sub.target_output, "angka"),
                        Sel(e.sub.realisasi_output, "angka"),
                        Sel(e.hasil.persen_output, "persen"),
                    )
                )
            )
        return Tabel(
            "lampiran-pengukuran-kegiatan",
            None,
            _("Pengukuran Kinerja Kegiatan Tahun %(tahun)s") % {"tahun": self.tahun},
            kepala,
            tuple(baris),
            lanskap=True,
            kecil=True,
        )

    def _lampiran_efisiensi(self) -> Tabel:
        kepala = _kepala(
            pgettext("nomor urut", "No"),
            _("Sasaran"),
            _("Indikator"),
            _("Sub-kegiatan"),
            _("% Input"),
            _("% Output"),
            "IE",
            "SE",
            "TE",
            _("Kategori"),
        )
        baris = []
        for i, e in enumerate(self.efisiensi, start=1):
            h = e.hasil
            baris.append(
                Baris(
                    (
                        Sel(i, "bulat"),
                        Sel("; ".join(s.nama for s in e.sasaran) or "–"),
                        Sel("; ".join(x.nama for x in e.indikator) or "–"),
                        Sel(e.sub.nama),
                        Sel(h.persen_input, "persen"),
                        Sel(h.persen_output, "persen"),
                        Sel(h.ie, "rasio"),
                        Sel(h.se, "rasio"),
                        Sel(h.te, "rasio"),
                        Sel(str(h.kategori.label) if h.kategori else _("Tidak dapat dihitung")),
                    )
                )
            )
        return Tabel(
            "lampiran-efisiensi",
            None,
            _("Pengukuran Efisiensi Sub-kegiatan Tahun %(tahun)s") % {"tahun": self.tahun},
            kepala,
            tuple(baris),
            catatan=(_("IE = % output / % input; TE = (IE − SE) / SE; efisien bila IE ≥ SE."),),
            lanskap=True,
            kecil=True,
        )


__all__ = ["Laporan", "Tabel", "Gambar", "Bagian", "Sel", "Baris", "susun_laporan", "Perspektif"]
