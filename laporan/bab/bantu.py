"""Small helpers of the chapters: values as cells and text, dates in Indonesian, new tables and figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from indikator import formulas as fi
from indikator import queries as iq
from umum.bulan import NAMA_BULAN
from umum.format import format_angka

from ..bundel import Bundel
from ..dokumen import Gambar, Pejabat, Sel, Tabel

ROMAWI = ("", "I", "II", "III", "IV", "V", "VI")
HURUF = "ABCDEFGHIJ"


def tanggal(d: date | None) -> str:
    if d is None:
        return ""
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def bulan_tahun(d: date) -> str:
    return f"{NAMA_BULAN[d.month - 1]} {d.year}"


# ---------------------------------------------------------------------- the report's signature


def pejabat(b: Bundel) -> Pejabat | None:
    """The head who signs the report."""
    k = b.kepala
    return Pejabat(k.nama_bergelar or k.nama, k.nip, k.jabatan) if k else None


def kota(b: Bundel) -> str:
    return b.unit.kota or "Jakarta"


def tanggal_laporan(b: Bundel) -> str:
    """The report is dated February of the following year."""
    return bulan_tahun(date(b.tahun + 1, 2, 1))


# ---------------------------------------------------------------------- values


def angka(nilai: Decimal | None) -> str:
    """A raw value as stored (78,35; 91; 70,3)."""
    return format_angka(nilai, None)


def target_sel(t: iq.NilaiTargetEfektif) -> Sel:
    """A target cell: the number when there is no display text (Excel keeps it numeric), else the text."""
    nilai = t.teks_target(mentah=True)
    return Sel(nilai) if isinstance(nilai, str) else Sel(nilai, "angka")


def realisasi_teks(nilai: Decimal | None, kual: str = "") -> str:
    return kual or angka(nilai)


def realisasi_sel(nilai: Decimal | None, kual: str = "") -> Sel:
    return Sel(kual) if kual else Sel(nilai, "angka")


def label_kriteria(band: fi.Band | None) -> str:
    return band.label if band is not None else "–"


def hitungan(per_kriteria: Sequence[tuple[str, int]]) -> str:
    """ "4 Memuaskan, 3 Baik dan 1 Cukup" (bands with zero left out)."""
    bagian = [f"{n} {nama}" for nama, n in per_kriteria if n]
    if not bagian:
        return ""
    if len(bagian) == 1:
        return bagian[0]
    return _("%(awal)s dan %(akhir)s") % {"awal": ", ".join(bagian[:-1]), "akhir": bagian[-1]}


# ---------------------------------------------------------------------- tables and figures


def kepala(*label: str) -> tuple[tuple[Sel, ...], ...]:
    """A one-row table header."""
    return (tuple(Sel(x) for x in label),)


def tabel_baru(judul: str, kepala, baris, **kw) -> Tabel:
    """A numbered table of a chapter (numbered in document order by `laporan.susun`)."""
    return Tabel(id="", nomor=0, judul=judul, kepala=kepala, baris=baris, **kw)


def gambar_baru(judul: str, svg: str) -> Gambar:
    """A figure of a chapter (numbered in document order by `laporan.susun`)."""
    return Gambar(id="", nomor=0, judul=judul, svg=mark_safe(svg))


def gambar_unggahan(g) -> Gambar:
    """An uploaded figure (`laporan.models.GambarLaporan`) as a report figure."""
    return Gambar(id="", nomor=0, judul=g.judul, svg=mark_safe(""), gambar_id=g.pk, berkas=g.berkas.name)
