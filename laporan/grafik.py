"""Charts as inline SVG, generated on the server from numbers (identical in HTML and PDF; no JavaScript).

Pure functions: numbers in, an SVG string out. Geometry is computed with Decimal and converted to text only
when the SVG is written (`_k`). Labels are escaped; values are printed in Indonesian format.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from html import escape

from umum.format import format_angka

D = Decimal
NOL = D(0)
SERATUS = D(100)
FONT = "DejaVu Sans, sans-serif"
WARNA_UTAMA = "#0b4f8a"
WARNA_KEDUA = "#f29f05"
WARNA_GARIS = "#c62828"
WARNA_SUMBU = "#555555"
WARNA_GRID = "#dddddd"


def _k(nilai: Decimal) -> str:
    """A coordinate as SVG text (1 decimal, no exponent)."""
    return format(nilai.quantize(D("0.1")), "f")


def _t(teks: str, maks: int | None = None) -> str:
    if maks is not None and len(teks) > maks:
        teks = teks[: maks - 1].rstrip() + "…"
    return escape(teks, quote=True)


def _bungkus(teks: str, maks: int, baris: int = 3) -> list[str]:
    """A label wrapped on word boundaries into at most `baris` lines of `maks` characters (only a label longer
    than that is shortened, on its last line)."""
    hasil = textwrap.wrap(teks, maks, break_long_words=True) or [""]
    if len(hasil) > baris:
        hasil = hasil[: baris - 1] + [_potong(" ".join(hasil[baris - 1 :]), maks)]
    return hasil


def _potong(teks: str, maks: int) -> str:
    return teks if len(teks) <= maks else teks[: maks - 1].rstrip() + "…"


def _skala_atas(nilai: Sequence[Decimal], minimum: Decimal, langkah: Decimal) -> Decimal:
    """The axis maximum: the largest value (or `minimum`) plus 10 %, rounded up to a multiple of `langkah`."""
    tertinggi = max([minimum, *nilai])
    if tertinggi <= 0:
        return langkah
    return ((tertinggi * D("1.1")) / langkah).to_integral_value(rounding=ROUND_CEILING) * langkah


def _langkah(rentang: Decimal) -> Decimal:
    """A round grid step giving about five grid lines."""
    for kandidat in (D(1), D(2), D(5), D(10), D(20), D(25), D(50), D(100), D(200), D(500), D(1000)):
        if rentang / kandidat <= 6:
            return kandidat
    return (rentang / 5).to_integral_value(rounding=ROUND_CEILING)


def _svg(lebar: Decimal, tinggi: Decimal, judul: str, isi: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" viewBox="0 0 {_k(lebar)} {_k(tinggi)}" '
        f'width="{_k(lebar)}" height="{_k(tinggi)}" role="img" aria-label="{_t(judul)}" '
        f'font-family="{FONT}" font-size="11">'
        f"<title>{_t(judul)}</title>" + "".join(isi) + "</svg>"
    )


@dataclass(frozen=True)
class Butir:
    """One bar: label, value (None = no data) and an optional colour."""

    label: str
    nilai: Decimal | None
    warna: str = WARNA_UTAMA


def batang_persen(butir: Sequence[Butir], *, judul: str, garis: Decimal = SERATUS, lebar_label: int = 260) -> str:
    """Horizontal bars of percentages with a dashed reference line (100 % by default).

    A bar without value shows "tidak ada data". The axis runs from 0 to the largest value (at least the
    reference line) plus 10 %."""
    lebar = D(680)
    kiri = D(lebar_label)
    kanan = D(60)
    atas = D(22)  # room for the reference line's label above the first bar
    bawah = D(28)
    area = lebar - kiri - kanan
    nilai = [b.nilai for b in butir if b.nilai is not None]
    maks = _skala_atas(nilai, garis, D(10))
    # Labels wrap (never cut mid-word); a row grows with its label's lines.
    maks_huruf = int(lebar_label / 6.2)
    label = [_bungkus(b.label, maks_huruf, baris=8) for b in butir]
    tinggi_baris = [max(D(24), D(12) * len(lb) + D(8)) for lb in label]
    tinggi = atas + sum(tinggi_baris, D(0)) + (D(0) if butir else D(24)) + bawah

    def x(v: Decimal) -> Decimal:
        return kiri + area * v / maks

    isi: list[str] = []
    langkah = _langkah(maks)
    v = NOL
    while v <= maks:
        isi.append(
            f'<line x1="{_k(x(v))}" y1="{_k(atas)}" x2="{_k(x(v))}" y2="{_k(tinggi - bawah)}" '
            f'stroke="{WARNA_GRID}" stroke-width="0.6"/>'
            f'<text x="{_k(x(v))}" y="{_k(tinggi - bawah + 14)}" text-anchor="middle" fill="{WARNA_SUMBU}" '
            f'font-size="9">{format_angka(v, 0)}</text>'
        )
        v += langkah
    y = atas
    for i, b in enumerate(butir):
        tinggi_ini = tinggi_baris[i]
        tengah = y + tinggi_ini / 2
        awal = tengah + 4 - D(6) * (len(label[i]) - 1)
        baris_label = "".join(
            f'<tspan x="{_k(kiri - 6)}" y="{_k(awal + D(12) * j)}">{_t(teks)}</tspan>'
            for j, teks in enumerate(label[i])
        )
        isi.append(f'<text text-anchor="end" fill="#222"><title>{_t(b.label)}</title>{baris_label}</text>')
        y += tinggi_ini
        if b.nilai is None:
            isi.append(
                f'<text x="{_k(kiri + 4)}" y="{_k(tengah + 4)}" fill="{WARNA_SUMBU}" font-style="italic">'
                "tidak ada data</text>"
            )
            continue
        panjang = max(x(max(b.nilai, NOL)) - kiri, NOL)
        isi.append(
            f'<rect x="{_k(kiri)}" y="{_k(tengah - 8)}" width="{_k(panjang)}" height="16" '
            f'fill="{_t(b.warna)}"/>'
            f'<text x="{_k(kiri + panjang + 4)}" y="{_k(tengah + 4)}" fill="#222">{format_angka(b.nilai, 2)}</text>'
        )
    isi.append(
        f'<line x1="{_k(x(garis))}" y1="{_k(atas - 6)}" x2="{_k(x(garis))}" y2="{_k(tinggi - bawah)}" '
        f'stroke="{WARNA_GARIS}" stroke-width="1.4" stroke-dasharray="5,3"/>'
        f'<text x="{_k(x(garis))}" y="{_k(atas - 9)}" text-anchor="middle" fill="{WARNA_GARIS}" font-size="9">'
        f"{format_angka(garis, 0)} %</text>"
        f'<line x1="{_k(kiri)}" y1="{_k(atas)}" x2="{_k(kiri)}" y2="{_k(tinggi - bawah)}" stroke="{WARNA_SUMBU}"/>'
    )
    return _svg(lebar, tinggi, judul, isi)


@dataclass(frozen=True)
class Seri:
    """One data series: name, colour and one value per category (None = no data)."""

    nama: str
    nilai: tuple[Decimal | None, ...]
    warna: str = WARNA_UTAMA


def _legenda(seri: Sequence[Seri], x0: Decimal, y: Decimal) -> list[str]:
    isi = []
    x = x0
    for s in seri:
        isi.append(
            f'<rect x="{_k(x)}" y="{_k(y - 9)}" width="10" height="10" fill="{_t(s.warna)}"/>'
            f'<text x="{_k(x + 14)}" y="{_k(y)}" fill="#222">{_t(s.nama)}</text>'
        )
        x += D(24) + D(len(s.nama)) * D("6.5")
    return isi


def _sumbu_y(maks: Decimal, kiri: Decimal, kanan: Decimal, atas: Decimal, dasar: Decimal, y) -> list[str]:
    isi = []
    langkah = _langkah(maks)
    v = NOL
    while v <= maks:
        isi.append(
            f'<line x1="{_k(kiri)}" y1="{_k(y(v))}" x2="{_k(kanan)}" y2="{_k(y(v))}" stroke="{WARNA_GRID}" '
            f'stroke-width="0.6"/><text x="{_k(kiri - 5)}" y="{_k(y(v) + 3)}" text-anchor="end" '
            f'fill="{WARNA_SUMBU}" font-size="9">{format_angka(v, 0)}</text>'
        )
        v += langkah
    isi.append(f'<line x1="{_k(kiri)}" y1="{_k(dasar)}" x2="{_k(kanan)}" y2="{_k(dasar)}" stroke="{WARNA_SUMBU}"/>')
    return isi


def batang_kelompok(kategori: Sequence[str], seri: Sequence[Seri], *, judul: str) -> str:
    """Vertical grouped bars: one group per category (e.g. year), one bar per series (e.g. target, realisasi)."""
    lebar, tinggi = D(640), D(250)
    kiri, kanan, atas, bawah = D(46), D(14), D(30), D(30)
    area_x = lebar - kiri - kanan
    dasar = tinggi - bawah
    nilai = [v for s in seri for v in s.nilai if v is not None]
    maks = _skala_atas(nilai, D(1), _langkah(max([D(1), *nilai])))

    def y(v: Decimal) -> Decimal:
        return dasar - (dasar - atas) * v / maks

    isi = _sumbu_y(maks, kiri, lebar - kanan, atas, dasar, y)
    n = max(len(kategori), 1)
    lebar_kelompok = area_x / n
    lebar_batang = min(D(34), lebar_kelompok * D("0.8") / max(len(seri), 1))
    for i, kat in enumerate(kategori):
        x0 = kiri + lebar_kelompok * i + (lebar_kelompok - lebar_batang * len(seri)) / 2
        for j, s in enumerate(seri):
            v = s.nilai[i] if i < len(s.nilai) else None
            if v is None:
                continue
            xb = x0 + lebar_batang * j
            isi.append(
                f'<rect x="{_k(xb)}" y="{_k(y(max(v, NOL)))}" width="{_k(lebar_batang - 2)}" '
                f'height="{_k(dasar - y(max(v, NOL)))}" fill="{_t(s.warna)}"/>'
                f'<text x="{_k(xb + (lebar_batang - 2) / 2)}" y="{_k(y(max(v, NOL)) - 3)}" text-anchor="middle" '
                f'font-size="8.5" fill="#222">{format_angka(v, None)}</text>'
            )
        isi.append(
            f'<text x="{_k(kiri + lebar_kelompok * i + lebar_kelompok / 2)}" y="{_k(dasar + 15)}" '
            f'text-anchor="middle" fill="#222">{_t(kat)}</text>'
        )
    isi.extend(_legenda(seri, kiri, D(16)))
    return _svg(lebar, tinggi, judul, isi)


def garis(kategori: Sequence[str], seri: Sequence[Seri], *, judul: str) -> str:
    """Line chart with labelled points (e.g. the AKIP score per year); gaps where a value is None."""
    lebar, tinggi = D(640), D(240)
    kiri, kanan, atas, bawah = D(46), D(24), D(30), D(30)
    dasar = tinggi - bawah
    nilai = [v for s in seri for v in s.nilai if v is not None]
    maks = _skala_atas(nilai, D(1), _langkah(max([D(1), *nilai])))

    def y(v: Decimal) -> Decimal:
        return dasar - (dasar - atas) * v / maks

    n = max(len(kategori), 1)
    jarak = (lebar - kiri - kanan) / n

    def x(i: int) -> Decimal:
        return kiri + jarak * i + jarak / 2

    isi = _sumbu_y(maks, kiri, lebar - kanan, atas, dasar, y)
    for i, kat in enumerate(kategori):
        isi.append(f'<text x="{_k(x(i))}" y="{_k(dasar + 15)}" text-anchor="middle" fill="#222">{_t(kat)}</text>')
    for s in seri:
        potongan: list[list[tuple[Decimal, Decimal]]] = [[]]
        for i, v in enumerate(s.nilai):
            if v is None:
                potongan.append([])
                continue
            potongan[-1].append((x(i), y(v)))
            isi.append(
                f'<circle cx="{_k(x(i))}" cy="{_k(y(v))}" r="3.2" fill="{_t(s.warna)}"/>'
                f'<text x="{_k(x(i))}" y="{_k(y(v) - 7)}" text-anchor="middle" font-size="9" fill="#222">'
                f"{format_angka(v, None)}</text>"
            )
        for p in potongan:
            if len(p) > 1:
                titik = " ".join(f"{_k(a)},{_k(b)}" for a, b in p)
                isi.append(f'<polyline points="{titik}" fill="none" stroke="{_t(s.warna)}" stroke-width="1.8"/>')
    isi.extend(_legenda(seri, kiri, D(16)))
    return _svg(lebar, tinggi, judul, isi)
