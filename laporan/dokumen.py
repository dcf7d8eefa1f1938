"""The Laporan Kinerja as a document: frozen dataclasses that the HTML/PDF templates and the Excel export walk.

A `Laporan` holds `Bagian` (sections: bab, sub-bab, sasaran, lampiran); a section holds blocks (`Paragraf`,
`Narasi`, `Tabel`, `Gambar`, `Daftar`, `TandaTangan`, `DokumenPK`, `DaftarPeringatan`). Nothing here reads the
database or computes a domain number: `laporan.susun.susun_laporan` fills the structure, renderers only format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from indikator.enums import StatusPeriode
from umum.format import format_angka

if TYPE_CHECKING:
    from indikator.models import UnitKerja

# ====================================================================== blocks


@dataclass(frozen=True)
class FormatSel:
    """How a kind of number cell prints, the same in every output: decimals in HTML, PDF and DOCX (None: as
    stored) and the Excel number format (the cell keeps the real number)."""

    digit: int | None
    excel: str


FORMAT_SEL = {
    "angka": FormatSel(None, "#,##0.####"),
    "persen": FormatSel(2, "0.00"),
    "rasio": FormatSel(2, "0.00"),
    "rupiah": FormatSel(0, "#,##0"),
    "bulat": FormatSel(0, "0"),
    "miliar": FormatSel(None, "#,##0.000"),
}
FORMAT_LAIN = FormatSel(2, "General")


_WARNA = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class Sel:
    """One table cell. `format`: teks, or a number kind of `FORMAT_SEL`: angka (as stored), persen (2 dec),
    rasio (2 dec), rupiah, bulat, miliar."""

    nilai: Decimal | int | str | None
    format: str = "teks"
    rowspan: int = 1
    colspan: int = 1
    tanda: str = ""  # marker shown after the value (e.g. "*" on budget lines that disagree with their children)
    tingkat: int = 0  # indentation level (budget tree)
    tebal: bool = False
    warna: str = ""  # background colour "#RRGGBB" (a kriteria's colour), or none

    @property
    def warna_aman(self) -> str:
        """The background colour when it is a valid "#RRGGBB" (never anything else into a style or a file)."""
        return self.warna if _WARNA.fullmatch(self.warna or "") else ""

    @property
    def angka(self) -> bool:
        return self.format not in ("teks",)

    @property
    def format_angka(self) -> FormatSel:
        return FORMAT_SEL.get(self.format, FORMAT_LAIN)

    @property
    def teks(self) -> str:
        """The printed text (HTML, PDF, DOCX): a number in Indonesian format with its kind's decimals, – for no
        value; text as is."""
        if self.format == "teks":
            return "–" if self.nilai in (None, "") else str(self.nilai)
        if self.nilai is None or self.nilai == "":
            return "–"
        return format_angka(self.nilai, self.format_angka.digit)


@dataclass(frozen=True)
class Baris:
    sel: tuple[Sel, ...]
    kelas: str = ""  # "", "kelompok" (group heading row), "total"


@dataclass(frozen=True)
class Petak:
    """A cell placed on its table's grid (`Tabel.kisi`): row (the header rows first, then the body), first
    column, the spans cut to the grid, and the row's class ("" in the header)."""

    baris: int
    kolom: int
    sel: Sel
    rowspan: int
    colspan: int
    kepala: bool
    kelas: str = ""


@dataclass(frozen=True)
class Tabel:
    id: str
    # None: a lampiran table (listed as a Lampiran, not as a Tabel); the chapters create numbered tables with 0 and
    # `laporan.susun` numbers them in document order.
    nomor: int | None
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

    @cached_property
    def kisi(self) -> tuple[Petak, ...]:
        """Every cell on the grid, in reading order: the one walk of rowspan/colspan that the HTML, Excel and
        Word renderers share. A cell starts at the first column its row leaves free (cells spanning down from
        the rows above take theirs); spans stop at the table's edge; a cell past the last column is left out."""
        n = self.jumlah_kolom or max((sum(s.colspan for s in b.sel) for b in self.baris), default=0)
        baris = [(s, True, "") for s in self.kepala] + [(b.sel, False, b.kelas) for b in self.baris]
        terisi: set[tuple[int, int]] = set()
        hasil: list[Petak] = []
        for r, (sel_baris, kepala, kelas) in enumerate(baris):
            k = 0
            for s in sel_baris:
                while (r, k) in terisi:
                    k += 1
                if k >= n:
                    break
                tinggi, lebar = min(s.rowspan, len(baris) - r), min(s.colspan, n - k)
                terisi.update((r + dr, k + dc) for dr in range(tinggi) for dc in range(lebar))
                hasil.append(Petak(r, k, s, tinggi, lebar, kepala, kelas))
                k += lebar
        return tuple(hasil)


# Printable width of a table in em of its font: A4 portrait 16.5 cm / landscape 26.1 cm; 8 pt, or 7 pt for a
# small table (lampiran tables print at 7 pt too, so assuming 8 pt there only errs on the wide side).
LEBAR_CM = {False: 16.5, True: 26.1}
# A text column (indikator names) needs this much to read as text, not as a column of word fragments.
LEBAR_TEKS_EM = 12.0


def pendek(s: Sel) -> bool:
    """A number or a short text (a year, "70 %"): printed on one line."""
    return s.angka or len(s.teks) <= 10


def lebar_cetak_em(kecil: bool, lanskap: bool) -> float:
    return LEBAR_CM[lanskap] / 2.54 * 72 / (7 if kecil else 8)


def minimum_em(tabel: Tabel) -> list[float]:
    """Per column the width (em) its one-line content needs: numbers and short texts never wrap (`pendek`),
    nor do single header words; bold headers are wider. Padding 2 × 3 pt included."""
    n = tabel.jumlah_kolom
    minimum = [0.0] * n
    for p in tabel.kisi:
        if p.sel.colspan != 1 or p.kolom >= n:
            continue
        if p.kepala:
            teks = str(p.sel.nilai)
            kata = max((len(w) for w in teks.split()), default=0)
            minimum[p.kolom] = max(minimum[p.kolom], (len(teks) if pendek(p.sel) else kata) * 0.7)
        elif pendek(p.sel):
            minimum[p.kolom] = max(minimum[p.kolom], len(p.sel.teks) * 0.62)
    return [m + 0.9 if m else 0.0 for m in minimum]


def muat_potret(tabel: Tabel) -> bool:
    """Whether the table fits a portrait page: every column at its one-line minimum and every text column at
    least `LEBAR_TEKS_EM` wide (the choice between a portrait table and a landscape section)."""
    teks = {p.kolom for p in tabel.kisi if not p.kepala and p.sel.colspan == 1 and not pendek(p.sel)}
    perlu = sum(max(m, LEBAR_TEKS_EM) if k in teks else m for k, m in enumerate(minimum_em(tabel)))
    return perlu <= lebar_cetak_em(tabel.kecil, lanskap=False)


@dataclass(frozen=True)
class Gambar:
    id: str
    nomor: int  # 0 until `laporan.susun` numbers the figures in document order
    judul: str
    svg: SafeString
    # An uploaded figure (`laporan.models.GambarLaporan`): its id (the image URL `laporan:gambar_berkas`) and its
    # file in private storage; `svg` is then empty.
    gambar_id: int | None = None
    berkas: str = ""
    catatan: str = ""  # printed under the caption (e.g. a chart that joins an indikator with its predecessor)
    jenis: str = field(default="gambar", init=False)

    @property
    def label(self) -> str:
        """ "Gambar 3"; empty for a lampiran figure (unnumbered, e.g. a page of the performance tree)."""
        return _("Gambar %(nomor)s") % {"nomor": self.nomor} if self.nomor else ""


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
class Kop:
    """The letterhead of a legal document: the names from the top of the organisation down to the issuing unit,
    its address, and the unit's logo when uploaded."""

    nama: tuple[str, ...]  # e.g. ("Badan Pengawas Obat dan Makanan", "Sekretariat Utama", "Biro Kerja Sama")
    alamat: str = ""
    logo_url: str = ""


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
    # The agreement's prose (PermenPANRB 53/2014; the unit's wording, `laporan.models.NaskahDinas`).
    pembuka: str = ""
    janji: str = ""
    supervisi: str = ""
    kop: Kop | None = None
    jenis: str = field(default="pk", init=False)


@dataclass(frozen=True)
class KeputusanIKU:
    """The decree that sets the IKU (Lampiran 2): heading, considerations, legal basis, decisions, signature,
    then the IKU table it sets."""

    judul: str  # "Keputusan Kepala Biro Kerja Sama"
    nomor: str
    tentang: str
    menimbang: tuple[tuple[str, str], ...]  # ("a", text): lettered, as the decree's own citations name them
    mengingat: tuple[str, ...]
    menetapkan: str
    diktum: tuple[tuple[str, str], ...]  # ("Kesatu", text)
    kota: str
    tanggal: str
    pejabat: Pejabat | None
    tabel: Tabel | None
    jabatan: str = ""  # the issuing official, the line above Menimbang ("KEPALA BIRO KERJA SAMA,")
    kop: Kop | None = None
    salinan: tuple[str, ...] = ()  # "Salinan Keputusan ini disampaikan kepada Yth.:" (none printed when empty)
    jenis: str = field(default="keputusan", init=False)


@dataclass(frozen=True)
class ButirPeringatan:
    """One item of a `DaftarPeringatan`: a consistency finding (`laporan.konsistensi`) as printed in the annex."""

    pesan: str
    lokasi: str = ""
    tingkat: str = ""


@dataclass(frozen=True)
class DaftarPeringatan:
    item: tuple[ButirPeringatan, ...]
    jenis: str = field(default="peringatan", init=False)


Blok = Paragraf | Narasi | Tabel | Gambar | Daftar | TandaTangan | DokumenPK | KeputusanIKU | DaftarPeringatan


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
    kertas: str = ""  # "a3": an A3-landscape section (the performance tree's pages), else the report's A4

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
    depan: bool = False  # in the front matter (page numbered i, ii, …)


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
    peringatan: tuple[ButirPeringatan, ...]
    dengan_peringatan: bool
    # Approval state of the unit's year (planners' workspace): only an approved or locked year is final.
    status: str = StatusPeriode.DRAFT
    status_label: str = ""
    final: bool = False
    disahkan_oleh: str = ""
    disahkan_pada: datetime | None = None
    pernyataan_reviu: Bagian | None = None  # "Pernyataan Telah Direviu", printed after the cover when entered
    # One line closing the daftar lampiran: a final report without the warnings annex says warnings remain.
    catatan_lampiran: str = ""

    def semua_bagian(self) -> Iterable[Bagian]:
        depan = (self.pernyataan_reviu,) if self.pernyataan_reviu else ()
        for b in (*depan, self.kata_pengantar, self.ringkasan, *self.bab, *self.lampiran):
            yield from b.semua_bagian()

    def semua_tabel(self) -> tuple[Tabel, ...]:
        """Every table in document order (lampiran tables and PK version tables included)."""
        hasil: list[Tabel] = []
        for b in self.semua_bagian():
            for blok in b.blok:
                if isinstance(blok, Tabel):
                    hasil.append(blok)
                elif isinstance(blok, DokumenPK | KeputusanIKU) and blok.tabel is not None:
                    hasil.append(blok.tabel)
        return tuple(hasil)

    def semua_gambar(self) -> tuple[Gambar, ...]:
        return tuple(blok for b in self.semua_bagian() for blok in b.blok if isinstance(blok, Gambar))
