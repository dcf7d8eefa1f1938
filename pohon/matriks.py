"""The tree's matrices (pure: a `queries.Pohon` in, rows of plain values out; no query): the cascading matrix,
the crosscutting matrix and the role–result matrix (Matriks Peran Hasil, the evidence of the "Dialog Kinerja").

A `Matriks` is what the page, the XLSX download and the LKj lampiran all print: column headings, and rows of
cells (text, or a Decimal for money printed in Indonesian format by each output).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .enums import Eselon, PeranMitra, StatusCrosscutting, Tingkat
from .queries import Pohon, Simpul

KOSONG = "-"


@dataclass(frozen=True)
class Kolom:
    label: str
    format: str = "teks"  # teks, rupiah


@dataclass(frozen=True)
class Matriks:
    kode: str  # cascading, crosscutting, peran-hasil (file names, anchors)
    judul: str
    kolom: tuple[Kolom, ...]
    baris: tuple[tuple[str | Decimal | None, ...], ...]

    @property
    def kosong(self) -> bool:
        return not self.baris


def _label(pilihan, nilai: str) -> str:
    try:
        return str(pilihan(nilai).label)
    except ValueError:
        return nilai


def _nama(s: Simpul) -> str:
    p = s.pemilik
    if p is None or p.nama is None:
        return KOSONG
    return _("Plt. %(nama)s") % {"nama": p.nama} if p.plt else p.nama


def matriks_cascading(pohon: Pohon) -> Matriks:
    """Level | Kode | Sasaran | Indikator | Satuan | Target | Jabatan PJ | Nama | Anggaran: one row per indikator
    of each node, depth first (a node without indikator: one row); the budget on the node's first row."""
    kolom = (
        Kolom(_("Level")),
        Kolom(_("Kode")),
        Kolom(_("Sasaran")),
        Kolom(_("Indikator")),
        Kolom(_("Satuan")),
        Kolom(_("Target")),
        Kolom(_("Jabatan PJ")),
        Kolom(_("Nama")),
        Kolom(_("Anggaran"), "rupiah"),
    )
    baris = []
    for s in pohon.telusuri():
        jabatan = s.pemilik.jabatan if s.pemilik else KOSONG
        indikator = s.indikator or [None]
        for i, ind in enumerate(indikator):
            baris.append(
                (
                    _label(Tingkat, s.tingkat),
                    s.kode,
                    s.uraian,
                    ind.nama if ind else KOSONG,
                    (ind.satuan or KOSONG) if ind else KOSONG,
                    ind.target.teks_target() if ind else KOSONG,
                    jabatan,
                    _nama(s),
                    s.pagu if i == 0 else None,
                )
            )
    return Matriks("cascading", _("Matriks Cascading Kinerja"), kolom, tuple(baris))


def matriks_crosscutting(pohon: Pohon) -> Matriks:
    """Sasaran/Indikator | Unit pengampu | Mitra | Peran | Kontribusi | Status: one row per partner of a node."""
    kolom = (
        Kolom(_("Sasaran/Indikator")),
        Kolom(_("Unit pengampu")),
        Kolom(_("Mitra")),
        Kolom(_("Peran")),
        Kolom(_("Kontribusi")),
        Kolom(_("Status")),
    )
    baris = []
    for s in pohon.telusuri():
        if not s.mitra:
            continue
        sasaran = f"{s.kode} {s.uraian}".strip()
        if s.indikator:
            sasaran += "\n" + "\n".join(f"• {i.nama}" for i in s.indikator)
        for m in s.mitra:
            baris.append(
                (
                    sasaran,
                    s.unit.label,
                    m.mitra,
                    _label(PeranMitra, m.peran),
                    m.kontribusi or KOSONG,
                    _label(StatusCrosscutting, m.status),
                )
            )
    return Matriks("crosscutting", _("Matriks Crosscutting"), kolom, tuple(baris))


def _puncak(pohon: Pohon, s: Simpul) -> Simpul:
    """The column a node falls under: the parent unit's node its branch hangs from, else its branch's root."""
    while s.induk is not None and s.induk.id in pohon.simpul:
        s = s.induk
    return pohon.induk_luar.get(s.induk_id, s) if s.induk_id else s


def matriks_peran_hasil(pohon: Pohon) -> Matriks:
    """Matriks Peran Hasil: columns the parent's top-level nodes (the parent unit's nodes the tree hangs from,
    else the tree's own roots), rows the positions of the tree's units by eselon, each cell the results the
    position owns under that column ("-" when none)."""
    kolom_simpul: list[Simpul] = []
    milik: dict[tuple[int, int], list[str]] = {}
    for s in pohon.telusuri():
        p = _puncak(pohon, s)
        if p not in kolom_simpul:
            kolom_simpul.append(p)
        if s.pemilik is not None:
            milik.setdefault((s.pemilik.jabatan_id, p.id), []).append(f"{s.kode} {s.uraian}".strip())
    urutan_eselon = {e.value: i for i, e in enumerate(Eselon)}
    jabatan = sorted(
        (j for j in pohon.jabatan if j.aktif or any(k[0] == j.pk for k in milik)),
        key=lambda j: (urutan_eselon.get(j.eselon, 99), j.urutan, j.nama, j.pk),
    )
    kolom = (
        Kolom(_("Jabatan")),
        Kolom(_("Eselon")),
        Kolom(_("Pemegang")),
        *(Kolom(f"{p.kode} {p.uraian}".strip()) for p in kolom_simpul),
    )
    baris = []
    for j in jabatan:
        pemilik = pohon.pemilik_jabatan(j)
        if pemilik.nama is None:
            pemegang = _("(kosong)")
        else:
            pemegang = _("Plt. %(nama)s") % {"nama": pemilik.nama} if pemilik.plt else pemilik.nama
        sel = ["\n".join(milik.get((j.pk, p.id), [])) or KOSONG for p in kolom_simpul]
        baris.append((j.nama, _label(Eselon, j.eselon), pemegang, *sel))
    return Matriks("peran-hasil", _("Matriks Peran Hasil (Dialog Kinerja)"), kolom, tuple(baris))


def semua_matriks(pohon: Pohon) -> list[Matriks]:
    return [matriks_cascading(pohon), matriks_crosscutting(pohon), matriks_peran_hasil(pohon)]
