"""A chapter's skeleton: its sub-sections from the narrative catalogue's slots (`laporan.narasi.SLOT_BAB`)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from ..bundel import Bundel
from ..dokumen import Bagian, Blok
from ..narasi import SLOT_BAB
from .bantu import HURUF, ROMAWI


def sub_bab(
    b: Bundel, bab: int, nomor_fn: Callable[[int], str], bagian: list[tuple[str, str, list[Blok]]]
) -> list[Bagian]:
    """Sub-sections of a chapter from (key, default title, generated blocks); a sub-section is kept only
    when it has a narrative or generated content; untitled ones merge into the chapter's intro."""
    hasil: list[Bagian] = []
    for kunci, judul, blok in bagian:
        n = b.narasi.ambil(kunci) if kunci else None
        isi = ([n] if n else []) + blok
        if not isi:
            continue
        hasil.append(Bagian(f"bab-{bab}-{kunci or len(hasil)}", "", b.narasi.judul(kunci, judul), 2, tuple(isi)))
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


def slot(b: Bundel, bab: int, nomor_fn: Callable[[int], str], isi: dict[str, list[Blok]]) -> list[Bagian]:
    """`sub_bab` over the chapter's slots, with the generated blocks of some of them (by key)."""
    bagian = [(kunci, _(judul) if judul else "", isi.get(kunci, [])) for kunci, judul in SLOT_BAB[bab]]
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
