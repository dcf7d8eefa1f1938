"""Diagrams of the report as inline SVG: the organisation chart (Gambar "Struktur Organisasi") and the strategy map
(peta strategi).

Pure functions like `laporan.grafik`: plain values in, an SVG string out. Names are escaped and wrapped on word
boundaries (`grafik._bungkus`); boxes grow with their lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from indikator.enums import Perspektif
from pohon.enums import Tingkat

from .grafik import WARNA_SUMBU, WARNA_UTAMA, _bungkus, _k, _svg, _t

D = Decimal
LEBAR = D(680)
TINGGI_BARIS = D(13)
WARNA_LATAR = "#e8f0f8"
WARNA_LATAR_KEDUA = "#fff4e0"


@dataclass(frozen=True)
class Kotak:
    """One box of the organisation chart: the unit's name and its head (name, position); both may be empty."""

    nama: str
    kepala: str = ""
    jabatan: str = ""


@dataclass(frozen=True)
class Baris:
    """One row of the strategy map: its label (a perspective or a sasaran level) and the sasaran in it; `kunci`
    (optional, one per sasaran) names the boxes the cause–effect arrows join."""

    label: str
    sasaran: tuple[str, ...]
    kunci: tuple = ()


def _kotak(x: Decimal, y: Decimal, lebar: Decimal, baris: list[tuple[str, bool]], latar: str) -> tuple[str, Decimal]:
    """A box with centred lines (text, bold) at (x, y); returns the SVG and its height."""
    tinggi = TINGGI_BARIS * len(baris) + D(12)
    isi = [
        f'<rect x="{_k(x)}" y="{_k(y)}" width="{_k(lebar)}" height="{_k(tinggi)}" rx="4" fill="{latar}" '
        f'stroke="{WARNA_UTAMA}" stroke-width="1"/>'
    ]
    ty = y + D(16)
    for teks, tebal in baris:
        bobot = ' font-weight="bold"' if tebal else ""
        isi.append(
            f'<text x="{_k(x + lebar / 2)}" y="{_k(ty)}" text-anchor="middle" font-size="10"{bobot}>{_t(teks)}</text>'
        )
        ty += TINGGI_BARIS
    return "".join(isi), tinggi


def _baris_kotak(k: Kotak, huruf: int) -> list[tuple[str, bool]]:
    baris = [(b, True) for b in _bungkus(k.nama, huruf, 3)]
    if k.jabatan:
        baris += [(b, False) for b in _bungkus(k.jabatan, huruf, 2)]
    if k.kepala:
        baris += [(b, False) for b in _bungkus(k.kepala, huruf, 2)]
    return baris


def struktur_organisasi(unit: Kotak, *, induk: Kotak | None, anak: Sequence[Kotak], judul: str) -> str:
    """The unit under its parent (when it has one) with its sub-units in a row below, joined by lines."""
    isi: list[str] = []
    y = D(8)
    lebar_utama = D(300)
    x_utama = (LEBAR - lebar_utama) / 2
    huruf_utama = int(lebar_utama / D("6.2"))
    if induk is not None:
        svg, t = _kotak(x_utama, y, lebar_utama, _baris_kotak(induk, huruf_utama), "#ffffff")
        isi.append(svg)
        y += t
        isi.append(_garis(LEBAR / 2, y, LEBAR / 2, y + D(20)))
        y += D(20)
    svg, t = _kotak(x_utama, y, lebar_utama, _baris_kotak(unit, huruf_utama), WARNA_LATAR)
    isi.append(svg)
    y += t
    if anak:
        n = len(anak)
        jarak = D(10)
        lebar_anak = min(D(200), (LEBAR - D(16) - jarak * (n - 1)) / n)
        huruf = max(8, int(lebar_anak / D("6.2")))
        total = lebar_anak * n + jarak * (n - 1)
        x0 = (LEBAR - total) / 2
        tengah = [x0 + i * (lebar_anak + jarak) + lebar_anak / 2 for i in range(n)]
        y_cabang = y + D(14)
        isi.append(_garis(LEBAR / 2, y, LEBAR / 2, y_cabang))
        isi.append(_garis(tengah[0], y_cabang, tengah[-1], y_cabang))
        y_anak = y_cabang + D(14)
        tertinggi = D(0)
        for i, a in enumerate(anak):
            isi.append(_garis(tengah[i], y_cabang, tengah[i], y_anak))
            svg, t = _kotak(tengah[i] - lebar_anak / 2, y_anak, lebar_anak, _baris_kotak(a, huruf), WARNA_LATAR_KEDUA)
            isi.append(svg)
            tertinggi = max(tertinggi, t)
        y = y_anak + tertinggi
    return _svg(LEBAR, y + D(8), judul, isi)


def _garis(x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal) -> str:
    return f'<line x1="{_k(x1)}" y1="{_k(y1)}" x2="{_k(x2)}" y2="{_k(y2)}" stroke="{WARNA_SUMBU}" stroke-width="1"/>'


def peta_strategi(baris: Sequence[Baris], *, judul: str, panah: Sequence[tuple] = ()) -> str:
    """Rows (a perspective or a sasaran level) from top to bottom, each with a label column on the left and its
    sasaran as boxes side by side; an empty row is left out. `panah`: cause–effect arrows (kunci from, kunci to)
    between boxes, drawn over the bands from the edge of one box to the facing edge of the other."""
    baris = [b for b in baris if b.sasaran]
    kiri = D(130)
    area = LEBAR - kiri - D(8)
    jarak = D(8)
    isi: list[str] = []
    letak: dict = {}  # kunci -> (x, y, width, height)
    y = D(8)
    for i, b in enumerate(baris):
        n = len(b.sasaran)
        lebar_kotak = (area - jarak * (n + 1)) / n
        huruf = max(8, int(lebar_kotak / D("5.8")))
        kotak = [[(t, False) for t in _bungkus(s, huruf, 5)] for s in b.sasaran]
        label = _bungkus(b.label, 20, 3)
        tinggi_kotak = TINGGI_BARIS * max(len(k) for k in kotak) + D(12)
        # Arrows need room between the rows: a band with arrows gets a wider margin.
        tepi = D(16) if panah else D(8)
        tinggi = max(tinggi_kotak, TINGGI_BARIS * len(label) + D(12)) + 2 * tepi
        latar = WARNA_LATAR if i % 2 == 0 else WARNA_LATAR_KEDUA
        isi.append(
            f'<rect x="0" y="{_k(y)}" width="{_k(LEBAR)}" height="{_k(tinggi)}" fill="{latar}" '
            f'stroke="{WARNA_SUMBU}" stroke-width="0.5"/>'
        )
        ly = y + (tinggi - TINGGI_BARIS * len(label)) / 2 + D(10)
        for teks in label:
            isi.append(f'<text x="8" y="{_k(ly)}" font-size="10" font-weight="bold">{_t(teks)}</text>')
            ly += TINGGI_BARIS
        for j, k in enumerate(kotak):
            x = kiri + jarak + j * (lebar_kotak + jarak)
            svg, t_kotak = _kotak(x, y + tepi, lebar_kotak, k, "#ffffff")
            isi.append(svg)
            if j < len(b.kunci):
                letak[b.kunci[j]] = (x, y + tepi, lebar_kotak, t_kotak)
        y += tinggi
    garis = [_panah(letak[a], letak[b]) for a, b in panah if a in letak and b in letak and a != b]
    if garis:
        isi.insert(
            0,
            '<defs><marker id="panah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{WARNA_UTAMA}"/></marker></defs>',
        )
        isi += garis
    return _svg(LEBAR, y + D(8), judul, isi)


def _panah(dari: tuple, ke: tuple) -> str:
    """An arrow from box `dari` to box `ke`: between facing edges (vertical across rows, sideways in a row)."""
    x1, y1, w1, h1 = dari
    x2, y2, w2, h2 = ke
    if y1 == y2:  # the same row
        kanan = x2 > x1
        ax, bx = (x1 + w1, x2) if kanan else (x1, x2 + w2)
        ay = by = y1 + h1 / 2
    elif y2 < y1:  # cause below, effect above (the usual strategy map)
        ax, ay, bx, by = x1 + w1 / 2, y1, x2 + w2 / 2, y2 + h2
    else:
        ax, ay, bx, by = x1 + w1 / 2, y1 + h1, x2 + w2 / 2, y2
    return (
        f'<line class="panah" x1="{_k(ax)}" y1="{_k(ay)}" x2="{_k(bx)}" y2="{_k(by)}" stroke="{WARNA_UTAMA}" '
        'stroke-width="1.2" marker-end="url(#panah)"/>'
    )


def peta_strategi_pohon(pohon, tingkat: str, *, judul: str) -> str | None:
    """The BSC strategy map of one level of a performance tree (`pohon.queries.Pohon`): the level's nodes of the
    tree's unit in perspective bands (Stakeholder, Customer, Internal Process, Learning & Growth, then those
    without one) and the cause–effect arrows between them (`TautanStrategi`). None when the level has no node."""
    simpul = [s for s in pohon.telusuri() if s.tingkat == tingkat]
    if not simpul:
        return None
    kelompok = [(str(p.label), p.value) for p in Perspektif] + [(_("Tanpa perspektif"), "")]
    baris = [
        Baris(
            label,
            tuple(f"{s.kode} {s.uraian}".strip() for s in simpul if s.perspektif == nilai),
            tuple(s.id for s in simpul if s.perspektif == nilai),
        )
        for label, nilai in kelompok
    ]
    return peta_strategi(baris, judul=judul, panah=pohon.tautan)


def tingkat_peta(pohon) -> list[str]:
    """The levels of the tree that have nodes, top first (one strategy map each)."""
    ada = {s.tingkat for s in pohon.telusuri()}
    return [t.value for t in Tingkat if t.value in ada]
