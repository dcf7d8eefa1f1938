"""The performance tree in the report: its pictures and matrices as blocks of `laporan.dokumen`.

The tree's print pages (`pohon.gambar.halaman_cetak`, one A3-landscape figure each), the BSC strategy map of each
level (`laporan.bagan.peta_strategi_pohon`) and the three matrices (`pohon.matriks`) as tables. The LKj prints
them as lampiran (`lampiran.susun_lampiran`, from `Bundel.pohon`); the workspace's tree pages and their PDF and
XLSX downloads build the same blocks, so a picture or matrix looks the same everywhere.
"""

from __future__ import annotations

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pohon import gambar, matriks
from pohon.enums import Tingkat
from pohon.queries import Pohon

from .. import bagan
from ..dokumen import Baris, Gambar, Sel, Tabel
from .bantu import kepala as kepala_tabel


def tabel_matriks(m: matriks.Matriks, *, id: str = "") -> Tabel:
    """A matrix as a lampiran table (landscape, small print; money in rupiah format)."""
    baris = tuple(
        Baris(tuple(Sel(nilai, k.format if nilai is not None else "teks") for nilai, k in zip(b, m.kolom, strict=True)))
        for b in m.baris
    )
    return Tabel(
        id or f"matriks-{m.kode}", None, m.judul, kepala_tabel(*(k.label for k in m.kolom)), baris, (), True, True
    )


def gambar_halaman_pohon(pohon: Pohon) -> list[Gambar]:
    """The tree's A3-landscape print pages, one unnumbered figure each (captioned with its page and branch)."""
    halaman = gambar.halaman_cetak(pohon)
    hasil = []
    for h in halaman:
        judul = _("Pohon Kinerja %(unit)s Tahun %(tahun)s, halaman %(n)s dari %(dari)s") % {
            "unit": pohon.unit.nama,
            "tahun": pohon.tahun,
            "n": h.nomor,
            "dari": len(halaman),
        }
        if h.lanjutan:
            judul += " " + _("(lanjutan)")
        hasil.append(Gambar(f"pohon-halaman-{h.nomor}", 0, judul, mark_safe(h.svg(jumlah=len(halaman)))))
    return hasil


def peta_strategi(pohon: Pohon) -> list[tuple[str, str, str]]:
    """(level, title, SVG) of the strategy map of each level of the tree that has nodes."""
    hasil = []
    for t in bagan.tingkat_peta(pohon):
        judul = _("Peta Strategi %(tingkat)s %(unit)s Tahun %(tahun)s") % {
            "tingkat": Tingkat(t).label,
            "unit": pohon.unit.nama,
            "tahun": pohon.tahun,
        }
        svg = bagan.peta_strategi_pohon(pohon, t, judul=judul)
        if svg:
            hasil.append((t, judul, svg))
    return hasil


def gambar_peta_strategi(pohon: Pohon) -> list[Gambar]:
    return [Gambar(f"peta-{t}", 0, judul, mark_safe(svg)) for t, judul, svg in peta_strategi(pohon)]


def lampiran_pohon(pohon: Pohon | None) -> list[tuple[str, list, bool, str]]:
    """The tree's lampiran of the LKj, (title, blocks, landscape, paper): the tree (A3 landscape), the strategy
    maps, the matrices (the crosscutting one only when a node has a partner). None without a tree."""
    if pohon is None or not pohon.akar:
        return []
    unit, tahun = pohon.unit.nama, pohon.tahun
    tabel = [tabel_matriks(m) for m in matriks.semua_matriks(pohon) if not m.kosong]
    return [
        (
            _("Pohon Kinerja %(unit)s Tahun %(tahun)s") % {"unit": unit, "tahun": tahun},
            gambar_halaman_pohon(pohon),
            True,
            "a3",
        ),
        (
            _("Peta Strategi per Tingkat %(unit)s Tahun %(tahun)s") % {"unit": unit, "tahun": tahun},
            gambar_peta_strategi(pohon),
            False,
            "",
        ),
        (_("Matriks Cascading, Crosscutting dan Peran Hasil Tahun %(tahun)s") % {"tahun": tahun}, tabel, True, ""),
    ]
