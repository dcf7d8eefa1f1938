"""The performance tree drawn as SVG (pure: a `queries.Pohon` in, SVG text out; no query).

Top-down boxes coloured by level: code and level, the result's text wrapped, each indikator with its target and
unit, the owner position and its holder (an acting one as "Plt."), the budget at a leaf (Indonesian format); a
node with a crosscutting partner carries a badge and a dashed connector to the partner's box in the page's
partner strip.

Layout: every leaf takes the next column slot and a parent is centred over its children, so the subtrees of
siblings occupy disjoint column ranges and no two boxes overlap; a row is as tall as its tallest box.

Printing (`halaman_cetak`): one top-level branch per A3-landscape page. A branch too wide for a page is split
between pages, the parent box repeated (dashed, "lanjutan") above each group of children; a branch too deep is
cut between two rows, the cut box saying on which page its children continue. A box is never cut.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from django.utils.translation import gettext as _

from umum.format import format_rupiah
from umum.templatetags.angka import dengan_satuan

from .enums import Tingkat
from .queries import Pohon, Simpul

# A3 landscape (420 × 297 mm) less 10 mm margins, in CSS pixels (96 per inch): 400 × 277 mm.
LEBAR_A3 = 1510
TINGGI_A3 = 1045
TEPI = 12
LEBAR_KOTAK = 196
JARAK_X = 14
JARAK_Y = 40
KEPALA_HALAMAN = 50  # title and subtitle
TINGGI_BARIS = 11
PITA_KOTAK = 17  # the coloured band with code and level
HURUF = 34  # characters per line in a box (9 px DejaVu Sans)
MAKS_URAIAN = 4
MAKS_INDIKATOR = 3
LEBAR_MITRA = 160
TINGGI_MITRA = 30
FONT = "DejaVu Sans, sans-serif"

# (band, fill) per level, top to bottom.
WARNA_TINGKAT = {
    Tingkat.SS: ("#0b4f8a", "#e3eef9"),
    Tingkat.SP: ("#2e7d32", "#e6f4e4"),
    Tingkat.SK: ("#b26a00", "#fff3dc"),
    Tingkat.ESELON_III: ("#ad1457", "#fce6ef"),
    Tingkat.ESELON_IV: ("#5e35b1", "#eee7f8"),
    Tingkat.RHK: ("#455a64", "#eceff1"),
}
WARNA_GARIS = "#555555"
WARNA_MITRA = "#c62828"


def _t(teks: str) -> str:
    return escape(teks, quote=True)


def _bungkus(teks: str, maks: int, baris: int) -> list[str]:
    """Wrapped on word boundaries into at most `baris` lines; only the last line is shortened (…)."""
    hasil = textwrap.wrap(teks, maks, break_long_words=True) or [""]
    if len(hasil) > baris:
        sisa = " ".join(hasil[baris - 1 :])
        hasil = hasil[: baris - 1] + [sisa if len(sisa) <= maks else sisa[: maks - 1].rstrip() + "…"]
    return hasil


# ---------------------------------------------------------------------- box content


@dataclass(frozen=True)
class BarisTeks:
    teks: str
    gaya: str  # uraian, indikator, target, pemilik, pagu, lain


def teks_target(i) -> str:
    """'Target: 34 dokumen' (the target in Indonesian format and the indikator's unit)."""
    # A display text that already ends with its unit ("95 %") keeps it once, like the pages' `dengan_satuan`.
    return _("Target: %(nilai)s") % {"nilai": dengan_satuan(i.target.teks_target(), i.satuan)}


def isi_kotak(s: Simpul) -> list[BarisTeks]:
    """The lines of a node's box below its band."""
    baris = [BarisTeks(t, "uraian") for t in _bungkus(s.uraian, HURUF, MAKS_URAIAN)]
    for i in s.indikator[:MAKS_INDIKATOR]:
        baris += [BarisTeks(t, "indikator") for t in _bungkus(f"• {i.nama}", HURUF, 2)]
        baris.append(BarisTeks(_bungkus(teks_target(i), HURUF, 1)[0], "target"))
    if len(s.indikator) > MAKS_INDIKATOR:
        lain = len(s.indikator) - MAKS_INDIKATOR
        baris.append(BarisTeks(_("+ %(n)s indikator lain") % {"n": lain}, "lain"))
    if s.pemilik is not None:
        baris += [BarisTeks(t, "pemilik") for t in _bungkus(s.pemilik.jabatan, HURUF, 2)]
        if s.pemilik.nama is None:
            pemegang = _("(jabatan kosong)")
        else:
            pemegang = (_("Plt. %(nama)s") if s.pemilik.plt else "%(nama)s") % {"nama": s.pemilik.nama}
        baris.append(BarisTeks(_bungkus(pemegang, HURUF, 1)[0], "pemilik"))
    if s.daun and s.pagu is not None:
        baris.append(BarisTeks(_bungkus(_("Pagu: %(rp)s") % {"rp": format_rupiah(s.pagu)}, HURUF, 1)[0], "pagu"))
    return baris


def tinggi_kotak(s: Simpul) -> int:
    return PITA_KOTAK + TINGGI_BARIS * len(isi_kotak(s)) + 8


def label_kepala(s: Simpul) -> str:
    kode = f"{s.kode} · " if s.kode else ""
    return _bungkus(f"{kode}{Tingkat(s.tingkat).label}", HURUF - 4, 1)[0]


# ---------------------------------------------------------------------- pages


@dataclass
class KotakGambar:
    simpul: Simpul
    x: int
    y: int
    lebar: int
    tinggi: int
    ulang: bool = False  # a parent repeated above a continued group ("lanjutan")
    lanjut_ke: int | None = None  # page number where its children continue


@dataclass(frozen=True)
class KotakMitra:
    nama: str
    x: int
    y: int
    lebar: int = LEBAR_MITRA
    tinggi: int = TINGGI_MITRA


@dataclass
class Halaman:
    nomor: int
    judul: str
    cabang: Simpul
    lebar: int
    tinggi: int
    lanjutan: bool  # not the first page of its branch
    lanjutan_dari: int | None = None  # the page its repeated parent box was drawn on
    kotak: list[KotakGambar] = field(default_factory=list)
    garis: list[tuple[int, int, int, int]] = field(default_factory=list)
    mitra: list[KotakMitra] = field(default_factory=list)
    garis_mitra: list[tuple[int, int, int, int]] = field(default_factory=list)

    def svg(self, *, jumlah: int | None = None) -> str:
        return _svg_halaman(self, jumlah)


Rantai = tuple[tuple[Simpul, bool], ...]  # parent boxes above the forest, top first: (node, repeated)


@dataclass
class _Rencana:
    """One page before drawing: a chain of parent boxes on top (a repeated one is marked "lanjutan"), and a
    forest of subtrees shown `kedalaman` rows deep."""

    cabang: Simpul
    rantai: Rantai
    hutan: list[Simpul]
    kedalaman: int
    lanjutan_dari: _Rencana | None = None
    lanjut: dict[int, _Rencana] = field(default_factory=dict)  # cut node id -> first page of its children


def _tampak(s: Simpul, sisa: int) -> list[Simpul]:
    """A node's children drawn on the page (none below the page's last row)."""
    return s.anak if sisa > 1 else []


def _daun(hutan: Iterable[Simpul], kedalaman: int) -> int:
    """Column slots the forest takes when drawn `kedalaman` rows deep."""
    jumlah = 0
    for s in hutan:
        anak = _tampak(s, kedalaman)
        jumlah += _daun(anak, kedalaman - 1) if anak else 1
    return jumlah


def _tinggi_baris(hutan: list[Simpul], kedalaman: int) -> list[int]:
    hasil: list[int] = []
    lapis = list(hutan)
    for d in range(kedalaman):
        if not lapis:
            break
        hasil.append(max(tinggi_kotak(s) for s in lapis))
        lapis = [a for s in lapis for a in _tampak(s, kedalaman - d)]
    return hasil


def _mitra(simpul: Iterable[Simpul]) -> list[str]:
    hasil: list[str] = []
    for s in simpul:
        for m in s.mitra:
            if m.mitra not in hasil:
                hasil.append(m.mitra)
    return hasil


def _terlihat(hutan: list[Simpul], kedalaman: int) -> list[Simpul]:
    """The forest's nodes drawn on the page, with the rows left below each (1: its children are not drawn)."""
    return [s for s, _sisa in _terlihat_sisa(hutan, kedalaman)]


def _terlihat_sisa(hutan: list[Simpul], kedalaman: int) -> list[tuple[Simpul, int]]:
    hasil: list[tuple[Simpul, int]] = []

    def jalan(s: Simpul, sisa: int):
        hasil.append((s, sisa))
        for a in _tampak(s, sisa):
            jalan(a, sisa - 1)

    for s in hutan:
        jalan(s, kedalaman)
    return hasil


def _per_baris_mitra(lebar: int) -> int:
    return max(1, (lebar - 2 * TEPI + JARAK_X) // (LEBAR_MITRA + JARAK_X))


def _tinggi_perlu(rantai: Rantai, hutan: list[Simpul], kedalaman: int, lebar: int) -> int:
    baris = [tinggi_kotak(k) for k, _u in rantai] + _tinggi_baris(hutan, kedalaman)
    tinggi = KEPALA_HALAMAN + sum(baris) + JARAK_Y * (len(baris) - 1) + 24  # room for a "continues" note
    mitra = _mitra([*(k for k, ulang in rantai if not ulang), *_terlihat(hutan, kedalaman)])
    if mitra:
        tinggi += JARAK_Y + (TINGGI_MITRA + 10) * -(-len(mitra) // _per_baris_mitra(lebar))
    return tinggi + TEPI


def _kedalaman_penuh(hutan: list[Simpul]) -> int:
    return max((1 + _kedalaman_penuh(s.anak) for s in hutan), default=0)


def _ulang(rantai: Rantai) -> Rantai:
    return tuple((k, True) for k, _u in rantai)


def _rencanakan(cabang: Simpul, rantai: Rantai, hutan: list[Simpul], lebar: int, tinggi: int) -> list[_Rencana]:
    per_halaman = max(1, (lebar - 2 * TEPI + JARAK_X) // (LEBAR_KOTAK + JARAK_X))
    # The deepest forest the page's height holds (at least one row).
    kedalaman = 1
    for k in range(_kedalaman_penuh(hutan), 1, -1):
        if _tinggi_perlu(rantai, hutan, k, lebar) <= tinggi:
            kedalaman = k
            break
    if _daun(hutan, kedalaman) > per_halaman:
        if len(hutan) > 1:
            # Siblings split into groups that fit; the parent boxes repeat above each later group.
            kelompok: list[list[Simpul]] = [[]]
            for s in hutan:
                if kelompok[-1] and _daun([*kelompok[-1], s], kedalaman) > per_halaman:
                    kelompok.append([])
                kelompok[-1].append(s)
            hasil: list[_Rencana] = []
            for i, g in enumerate(kelompok):
                hasil += _rencanakan(cabang, rantai if i == 0 else _ulang(rantai), g, lebar, tinggi)
            return hasil
        tunggal = hutan[0]
        # One subtree too wide: it joins the parent chain and its children become the forest (the chain keeps
        # the boxes not drawn yet and the nearest parent), when the chain leaves room for a row below it.
        turun = tuple((k, u) for i, (k, u) in enumerate(rantai) if not u or i == len(rantai) - 1) + ((tunggal, False),)
        if _tinggi_perlu(turun, tunggal.anak, 1, lebar) <= tinggi:
            return _rencanakan(cabang, turun, tunggal.anak, lebar, tinggi)
        while kedalaman > 1 and _daun(hutan, kedalaman) > per_halaman:
            kedalaman -= 1
    r = _Rencana(cabang, rantai, hutan, kedalaman)
    hasil = [r]
    for s, sisa in _terlihat_sisa(hutan, kedalaman):
        if s.anak and not _tampak(s, sisa):
            lanjutan = _rencanakan(cabang, ((s, True),), s.anak, lebar, tinggi)
            lanjutan[0].lanjutan_dari = r
            r.lanjut[s.id] = lanjutan[0]
            hasil += lanjutan
    return hasil


def _tata(r: _Rencana, nomor: int, judul: str, lebar: int, tinggi: int, lanjutan: bool) -> Halaman:
    """Boxes placed: leaves in column slots left to right, a parent centred over its children, the chain of
    parent boxes one per row above the forest."""
    h = Halaman(nomor=nomor, judul=judul, cabang=r.cabang, lebar=lebar, tinggi=tinggi, lanjutan=lanjutan)
    y_rantai = [KEPALA_HALAMAN]
    for k, _u in r.rantai:
        y_rantai.append(y_rantai[-1] + tinggi_kotak(k) + JARAK_Y)
    tinggi_baris = _tinggi_baris(r.hutan, r.kedalaman)
    y_baris = [y_rantai.pop()]
    for t in tinggi_baris[:-1]:
        y_baris.append(y_baris[-1] + t + JARAK_Y)
    slot = LEBAR_KOTAK + JARAK_X
    n_daun = _daun(r.hutan, r.kedalaman)
    x_awal = max(TEPI, (lebar - (n_daun * slot - JARAK_X)) // 2)
    kolom = [0]
    kotak: dict[int, KotakGambar] = {}

    def letak(s: Simpul, d: int, sisa: int) -> KotakGambar:
        anak = _tampak(s, sisa)
        if anak:
            kotak_anak = [letak(a, d + 1, sisa - 1) for a in anak]
            x = (kotak_anak[0].x + kotak_anak[-1].x) // 2
        else:
            x = x_awal + kolom[0] * slot
            kolom[0] += 1
        k = KotakGambar(s, x, y_baris[d], LEBAR_KOTAK, tinggi_kotak(s))
        kotak[s.id] = k
        for a in anak:
            h.garis += _siku(k, kotak[a.id])
        return k

    bawah = [letak(s, 0, r.kedalaman) for s in r.hutan]
    x = (bawah[0].x + bawah[-1].x) // 2
    for (s, ulang), y in reversed(list(zip(r.rantai, y_rantai, strict=True))):
        kk = KotakGambar(s, x, y, LEBAR_KOTAK, tinggi_kotak(s), ulang=ulang)
        h.garis += [g for b in bawah for g in _siku(kk, b)]
        h.kotak.append(kk)
        bawah = [kk]
    h.kotak += list(kotak.values())
    h.kotak.sort(key=lambda k: (k.y, k.x))
    # The partner strip below the lowest box; dashed connectors drawn under the boxes.
    asli = [k for k in h.kotak if not k.ulang]
    nama_mitra = _mitra(k.simpul for k in asli)
    if nama_mitra:
        y = max(k.y + k.tinggi for k in h.kotak) + JARAK_Y
        posisi = _letak_mitra(nama_mitra, asli, lebar, y)
        h.mitra += posisi.values()
        for k in asli:
            for m in k.simpul.mitra:
                km = posisi[m.mitra]
                h.garis_mitra.append((k.x + k.lebar - 20, k.y + k.tinggi, km.x + km.lebar // 2, km.y))
    return h


def _letak_mitra(nama: list[str], kotak: list[KotakGambar], lebar: int, y: int) -> dict[str, KotakMitra]:
    """The partner boxes in the strip below the tree: each under the first box that names it when the row has room
    (short connectors), else packed left to right in as many rows as `_tinggi_perlu` reserved."""
    per_baris = _per_baris_mitra(lebar)
    baris_maks = -(-len(nama) // per_baris)
    pusat = {}
    for k in kotak:
        for m in k.simpul.mitra:
            pusat.setdefault(m.mitra, k.x + k.lebar // 2)
    urut = sorted(nama, key=lambda n: pusat[n])
    hasil: dict[str, KotakMitra] = {}
    baris, akhir = 0, TEPI - JARAK_X
    for n in urut:
        x = min(max(TEPI, pusat[n] - LEBAR_MITRA // 2), lebar - TEPI - LEBAR_MITRA)
        x = max(x, akhir + JARAK_X)
        if x + LEBAR_MITRA > lebar - TEPI:
            baris, akhir = baris + 1, TEPI - JARAK_X
            x = min(max(TEPI, pusat[n] - LEBAR_MITRA // 2), lebar - TEPI - LEBAR_MITRA)
        if baris >= baris_maks:
            break
        hasil[n] = KotakMitra(n, x, y + baris * (TINGGI_MITRA + 10))
        akhir = x + LEBAR_MITRA
    else:
        return hasil
    return {  # packed
        n: KotakMitra(n, TEPI + c * (LEBAR_MITRA + JARAK_X), y + b * (TINGGI_MITRA + 10))
        for i, n in enumerate(nama)
        for b, c in [divmod(i, per_baris)]
    }


def _siku(atas: KotakGambar, bawah: KotakGambar) -> list[tuple[int, int, int, int]]:
    """An elbow connector from the bottom centre of `atas` to the top centre of `bawah`."""
    x1, y1 = atas.x + atas.lebar // 2, atas.y + atas.tinggi
    x2, y2 = bawah.x + bawah.lebar // 2, bawah.y
    tengah = y2 - JARAK_Y // 2
    return [(x1, y1, x1, tengah), (x1, tengah, x2, tengah), (x2, tengah, x2, y2)]


def _judul(pohon: Pohon) -> str:
    return _("Pohon Kinerja %(unit)s Tahun %(tahun)s") % {"unit": pohon.unit.nama, "tahun": pohon.tahun}


def halaman_cetak(pohon: Pohon, *, lebar: int = LEBAR_A3, tinggi: int = TINGGI_A3) -> list[Halaman]:
    """The tree on A3-landscape pages: one top-level branch per page, a branch too big split over several pages
    ("lanjutan"), numbered from 1."""
    rencana: list[_Rencana] = []
    for akar in pohon.akar:
        rencana += _rencanakan(akar, (), [akar], lebar, tinggi)
    nomor = {id(r): i for i, r in enumerate(rencana, start=1)}
    halaman: list[Halaman] = []
    awal_cabang: set[int] = set()
    for i, r in enumerate(rencana, start=1):
        lanjutan = r.cabang.id in awal_cabang
        awal_cabang.add(r.cabang.id)
        h = _tata(r, i, _judul(pohon), lebar, tinggi, lanjutan)
        if r.lanjutan_dari is not None:
            h.lanjutan_dari = nomor[id(r.lanjutan_dari)]
        elif lanjutan:
            h.lanjutan_dari = i - 1
        for k in h.kotak:
            if k.simpul.id in r.lanjut:
                k.lanjut_ke = nomor[id(r.lanjut[k.simpul.id])]
        halaman.append(h)
    return halaman


def gambar_layar(pohon: Pohon) -> list[Halaman]:
    """The tree for the screen: each top-level branch whole in one drawing (scrolled sideways when wide)."""
    hasil = []
    for i, akar in enumerate(pohon.akar, start=1):
        kedalaman = _kedalaman_penuh([akar])
        n = _daun([akar], kedalaman)
        lebar = max(LEBAR_KOTAK + 2 * TEPI, n * (LEBAR_KOTAK + JARAK_X) - JARAK_X + 2 * TEPI)
        r = _Rencana(akar, (), [akar], kedalaman)
        tinggi = _tinggi_perlu((), [akar], kedalaman, lebar)
        hasil.append(_tata(r, i, _judul(pohon), lebar, tinggi, False))
    return hasil


# ---------------------------------------------------------------------- SVG


def _svg_kotak(k: KotakGambar) -> str:
    pita, isi = WARNA_TINGKAT.get(k.simpul.tingkat, ("#455a64", "#ffffff"))
    garis = ' stroke-dasharray="5 3"' if k.ulang else ""
    bagian = [
        f'<g class="simpul" data-simpul="{k.simpul.id}">',
        f'<rect x="{k.x}" y="{k.y}" width="{k.lebar}" height="{k.tinggi}" rx="4" fill="{isi}" stroke="{pita}" '
        f'stroke-width="1.2"{garis}/>',
        f'<rect x="{k.x}" y="{k.y}" width="{k.lebar}" height="{PITA_KOTAK}" rx="4" fill="{pita}"/>',
        f'<text x="{k.x + 5}" y="{k.y + 12}" font-size="9" font-weight="bold" fill="#ffffff">'
        f"{_t(label_kepala(k.simpul))}</text>",
    ]
    if k.simpul.mitra:
        bx = k.x + k.lebar - 26
        bagian.append(
            f'<rect x="{bx}" y="{k.y + 3}" width="22" height="11" rx="5" fill="#ffffff" stroke="{WARNA_MITRA}"/>'
            f'<text x="{bx + 11}" y="{k.y + 11}" font-size="7" font-weight="bold" text-anchor="middle" '
            f'fill="{WARNA_MITRA}">CC</text>'
        )
    gaya = {
        "uraian": ' font-weight="bold"',
        "indikator": "",
        "target": ' fill="#0b4f8a"',
        "pemilik": ' font-style="italic" fill="#333333"',
        "pagu": ' font-weight="bold" fill="#2e7d32"',
        "lain": ' fill="#777777"',
    }
    y = k.y + PITA_KOTAK + TINGGI_BARIS
    for b in isi_kotak(k.simpul):
        bagian.append(f'<text x="{k.x + 5}" y="{y}" font-size="9"{gaya[b.gaya]}>{_t(b.teks)}</text>')
        y += TINGGI_BARIS
    if k.ulang:
        bagian.append(
            f'<text x="{k.x + k.lebar // 2}" y="{k.y - 4}" font-size="9" font-style="italic" text-anchor="middle" '
            f'fill="{WARNA_MITRA}">{_t(_("(lanjutan)"))}</text>'
        )
    if k.lanjut_ke is not None:
        bagian.append(
            f'<text x="{k.x + k.lebar // 2}" y="{k.y + k.tinggi + 13}" font-size="9" font-style="italic" '
            f'text-anchor="middle" fill="{WARNA_MITRA}">'
            f"{_t(_('▼ lanjutan di halaman %(n)s') % {'n': k.lanjut_ke})}</text>"
        )
    bagian.append("</g>")
    return "".join(bagian)


def _svg_halaman(h: Halaman, jumlah: int | None) -> str:
    sub = [_("Cabang %(kode)s") % {"kode": h.cabang.kode or h.cabang.uraian[:40]}]
    induk = h.cabang.induk
    if induk is not None:  # a branch hanging from the parent unit's node
        sub.append(
            _("di bawah %(induk)s (%(unit)s)") % {"induk": induk.kode or induk.uraian[:40], "unit": induk.unit.label}
        )
    if jumlah:
        sub.append(_("halaman %(n)s dari %(dari)s") % {"n": h.nomor, "dari": jumlah})
    if h.lanjutan:
        sub.append(_("lanjutan dari halaman %(n)s") % {"n": h.lanjutan_dari} if h.lanjutan_dari else _("lanjutan"))
    judul = f"{h.judul} — {', '.join(sub)}"
    # A one-column branch is narrower than its title: widen the picture so the title is never cut off
    # (about 0.6 em per character of the 14 px bold title, 0.55 em of the 10 px line under it).
    lebar = max(h.lebar, 2 * TEPI + int(len(h.judul) * 8.6), 2 * TEPI + int(len(" · ".join(sub)) * 5.6))
    isi = [
        f'<text x="{TEPI}" y="20" font-size="14" font-weight="bold">{_t(h.judul)}</text>',
        f'<text x="{TEPI}" y="37" font-size="10">{_t(" · ".join(sub))}</text>',
    ]
    isi += [
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{WARNA_GARIS}" stroke-width="1"/>'
        for x1, y1, x2, y2 in h.garis
    ]
    for x1, y1, x2, y2 in h.garis_mitra:
        isi.append(
            f'<path d="M{x1},{y1} C{x1},{y1 + 30} {x2},{y2 - 30} {x2},{y2}" fill="none" stroke="{WARNA_MITRA}" '
            f'stroke-width="1" stroke-dasharray="4 3"/>'
        )
    isi += [_svg_kotak(k) for k in h.kotak]
    for m in h.mitra:
        isi.append(
            f'<g class="mitra"><rect x="{m.x}" y="{m.y}" width="{m.lebar}" height="{m.tinggi}" rx="12" '
            f'fill="#ffffff" stroke="{WARNA_MITRA}" stroke-dasharray="4 3"/>'
            f'<text x="{m.x + m.lebar // 2}" y="{m.y + 19}" font-size="9" text-anchor="middle">'
            f"{_t(_bungkus(m.nama, 28, 1)[0])}</text></g>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pohon-kinerja" viewBox="0 0 {lebar} {h.tinggi}" '
        f'width="{lebar}" height="{h.tinggi}" role="img" aria-label="{_t(judul)}" font-family="{FONT}" '
        f'font-size="9"><title>{_t(judul)}</title>' + "".join(isi) + "</svg>"
    )
