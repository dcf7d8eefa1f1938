"""A chapter's skeleton: its sub-sections from the narrative catalogue's slots (`laporan.narasi.SLOT_BAB`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from django.utils.translation import gettext as _

from ..bundel import Bundel
from ..dokumen import Bagian, Blok, Narasi, Paragraf
from ..markdown import render_markdown
from ..narasi import SLOT_BAB
from . import kalimat
from .bantu import HURUF, ROMAWI

# A paragraph that is plain prose (no heading, list item, table row or quote) may be split off a narrative.
_BUKAN_PROSA = re.compile(r"^\s*(#|[-*+]\s|\d+[.)]\s|\||>)")


def pisah_narasi(n: Narasi | None) -> tuple[Narasi | None, Narasi | None]:
    """A narrative split after its first paragraph, so that a generated table or sentence can sit between the
    introduction and the rest (the reference report's order). A text of one paragraph, or one that does not
    open with plain prose, stays whole (first part)."""
    if n is None:
        return None, None
    bagian = re.split(r"\n[ \t]*\n", n.isi.strip(), maxsplit=1)
    if len(bagian) < 2 or _BUKAN_PROSA.match(bagian[0]) or not bagian[1].strip():
        return n, None
    awal, sisa = bagian[0].strip(), bagian[1].strip()
    return (
        dataclasses.replace(n, isi=awal, html=render_markdown(awal)),
        dataclasses.replace(n, judul="", isi=sisa, html=render_markdown(sisa)),
    )


def narasi_atau_draf(b: Bundel, kunci: str) -> tuple[Narasi | None, Paragraf | None]:
    """A general section's saved text, else its generated first draft (`kalimat.draf_narasi`) with, in a draft
    report, the marker that says it awaits review (a final report prints no marker)."""
    n = b.narasi.ambil(kunci)
    if n is not None:
        return n, None
    teks = kalimat.draf_narasi(b, kunci)
    if not teks:
        return None, None
    draf = Narasi(bagian=kunci, judul="", isi=teks, html=render_markdown(teks))
    return draf, (None if b.periode.final else Paragraf(kalimat.penanda_draf()))


def sub_bab(
    b: Bundel,
    bab: int,
    nomor_fn: Callable[[int], str],
    bagian: Sequence[tuple[str, str, Sequence[Blok], Sequence[Blok], Sequence[Blok]]],
) -> list[Bagian]:
    """Sub-sections of a chapter from (key, default title, blocks before the narrative, blocks after its first
    paragraph, blocks after it); a sub-section is kept only when it has a narrative or generated content;
    untitled ones merge into the chapter's intro."""
    hasil: list[Bagian] = []
    pembuka = True  # the chapter's opening texts (untitled slots before the first titled one)
    for kunci, judul, sebelum, sela, sesudah in bagian:
        pembuka = pembuka and not judul
        n, penanda = narasi_atau_draf(b, kunci) if kunci else (None, None)
        if sela:
            n1, n2 = pisah_narasi(n)
            teks = [x for x in (n1,) if x] + list(sela) + [x for x in (n2,) if x]
        else:
            teks = [n] if n else []
        if penanda is not None:
            teks.insert(0, penanda)
        isi = [*sebelum, *teks, *sesudah]
        if not isi:
            continue
        # An opening text prints under the chapter's heading as the reference does, even when its stored row
        # carries a title ("Pendahuluan" would become an extra "1.1." and shift every number after it).
        judul_cetak = "" if pembuka else b.narasi.judul(kunci, judul)
        hasil.append(Bagian(f"bab-{bab}-{kunci or len(hasil)}", "", judul_cetak, 2, tuple(isi)))
    for n in b.narasi.sisa_bab(bab):
        blok_n = b.narasi.ambil(n.bagian)
        hasil.append(Bagian(f"bab-{bab}-{n.bagian}", "", n.judul, 2, (blok_n,)))
    # Number the titled sub-sections; untitled ones (intro text) keep no number.
    bernomor: list[Bagian] = []
    i = 0
    for a in hasil:
        if a.judul:
            i += 1
            bernomor.append(Bagian(a.id, nomor_fn(i), a.judul, a.tingkat, a.blok, a.anak, a.lanskap))
        else:
            bernomor.append(a)
    return bernomor


def slot(
    b: Bundel,
    bab: int,
    nomor_fn: Callable[[int], str],
    isi: Mapping[str, Sequence[Blok]],
    *,
    awal: Mapping[str, Sequence[Blok]] | None = None,
    sela: Mapping[str, Sequence[Blok]] | None = None,
) -> list[Bagian]:
    """`sub_bab` over the chapter's slots, with the generated blocks of some of them (by key): `awal` before the
    narrative (a text that comments "the table above"), `sela` after its first paragraph, `isi` after it."""
    awal, sela = awal or {}, sela or {}
    bagian = [
        (kunci, _(judul) if judul else "", awal.get(kunci, ()), sela.get(kunci, ()), isi.get(kunci, ()))
        for kunci, judul in SLOT_BAB[bab]
    ]
    return sub_bab(b, bab, nomor_fn, bagian)


def susun_bab(nomor: int, judul: str, anak: list[Bagian]) -> Bagian:
    """The chapter: untitled leading sub-sections become its own blocks."""
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
    return Bagian(f"bab-{nomor}", _("BAB %(romawi)s") % {"romawi": ROMAWI[nomor]}, judul, 1, tuple(blok), tuple(sisa))


def huruf(i: int) -> str:
    """Sub-section numbers A., B., ... (Bab II–IV)."""
    return f"{HURUF[i - 1]}."
