"""The merged report PDF (`laporan.pdf_paralel`) as compact as a single render: one font program per font and
the small objects in a compressed object stream.

Each part rendered on its own embeds its own subset of every font it uses (WeasyPrint subsets with HarfBuzz),
and pypdf writes every dictionary as plain text; the merged file was 1.66× a single render. Here:

- `satukan_huruf`: the subsets of one font (same `/FontName`: WeasyPrint names a font by a hash of its
  description, the same in every part) become one TrueType program (fontTools). WeasyPrint's subsets keep the
  glyph ids of the font up to the highest glyph a part prints (`/W` of its CIDFont); glyphs only needed as
  parts of a composite glyph and placed above that are renumbered after it. So every glyph id a page prints
  means the same glyph in every subset, and the union is: each printed id from the subset that has it, the
  renumbered composite parts appended at the end. A font whose subsets disagree on a glyph, or that is not
  TrueType with the identity encoding, keeps its programs per part.
- `tulis_ringkas`: the objects written like WeasyPrint does (PDF 1.5+): streams as they are, every other object
  in one Flate-compressed object stream, a cross-reference stream (ISO 32000-1, 7.5.7 and 7.5.8).
"""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

from fontTools.ttLib import TTFont, TTLibError
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

# ---------------------------------------------------------------------- fonts


def _font_cid(penulis: PdfWriter) -> list[tuple[DictionaryObject, DictionaryObject]]:
    """(Type0 font, its CIDFont) of every font reachable from the catalog (pages, form XObjects, annotations)."""
    hasil: list[tuple[DictionaryObject, DictionaryObject]] = []
    dilihat: set[int] = set()
    tumpukan: list = [penulis.root_object]
    while tumpukan:
        o = tumpukan.pop()
        if isinstance(o, IndirectObject):
            if o.idnum in dilihat:
                continue
            dilihat.add(o.idnum)
            o = o.get_object()
        if isinstance(o, DictionaryObject):
            if o.get("/Subtype") == "/Type0" and "/DescendantFonts" in o:
                hasil.append((o, o["/DescendantFonts"][0].get_object()))
                continue
            tumpukan.extend(v for k, v in o.items() if k not in ("/Parent", "/P", "/Prev", "/Next", "/First", "/Last"))
        elif isinstance(o, ArrayObject):
            tumpukan.extend(o)
    return hasil


def _glyph_dicetak(lebar: ArrayObject) -> set[int]:
    """The glyph ids a CIDFont prints: those of its `/W` (`c [w ...]` and `c1 c2 w` entries)."""
    hasil, i = set(), 0
    while i < len(lebar):
        awal, isi = int(lebar[i]), lebar[i + 1]
        if isinstance(isi, ArrayObject):
            hasil.update(range(awal, awal + len(isi)))
            i += 2
        else:
            hasil.update(range(awal, int(isi) + 1))
            i += 3
    return hasil


def _buka(data: bytes) -> TTFont:
    f = TTFont(BytesIO(data), recalcBBoxes=False, recalcTimestamp=False)
    # Glyph names by id: the subsets carry no names (post format 3), and ids are what the pages print.
    f.setGlyphOrder([f"g{i}" for i in range(f["maxp"].numGlyphs)])
    return f


def _kosong(g) -> bool:
    return not g.data if hasattr(g, "data") else g.numberOfContours == 0


def _majemuk(g) -> bool:
    return struct.unpack(">h", g.data[:2])[0] < 0 if hasattr(g, "data") else g.isComposite()


class _TidakCocok(ValueError):
    """Two subsets hold different glyphs under one id: not subsets of one font."""


def _salin(hasil: TTFont, f: TTFont, asal: str, tujuan: str, peta: dict[str, str]) -> None:
    """Glyph `asal` of subset `f` as `tujuan` of `hasil`, a composite's parts renamed by `peta`."""
    g = f["glyf"].glyphs[asal]
    if not _kosong(g) and _majemuk(g):
        g = f["glyf"][asal]
        for c in g.components:
            c.glyphName = peta[c.glyphName]
    hasil["glyf"].glyphs[tujuan] = g
    hasil["hmtx"].metrics[tujuan] = f["hmtx"].metrics[asal]


def gabung_subset(subset: list[tuple[bytes, int]]) -> bytes:
    """One TrueType program from subsets of one font: (program, highest glyph id its part prints) each."""
    subset = sorted(subset, key=lambda x: -x[1])
    hasil = _buka(subset[0][0])
    urut = list(hasil.getGlyphOrder())
    glyf = hasil["glyf"]
    for data, tertinggi in subset[1:]:
        f = _buka(data)
        nama, glyf2 = f.getGlyphOrder(), f["glyf"]
        batas = min(tertinggi + 1, len(nama))
        peta = {nama[i]: urut[i] for i in range(batas)}
        for i in range(batas, len(nama)):  # renumbered parts of composite glyphs: appended
            peta[nama[i]] = f"g{len(urut)}"
            urut.append(peta[nama[i]])
        for i in range(batas, len(nama)):
            _salin(hasil, f, nama[i], peta[nama[i]], peta)
        for i in range(batas):
            g = glyf2.glyphs[nama[i]]
            if _kosong(g):
                continue
            ada = glyf.glyphs[urut[i]]
            if _kosong(ada):
                _salin(hasil, f, nama[i], urut[i], peta)
            elif hasattr(g, "data") and hasattr(ada, "data") and not _majemuk(g) and g.data != ada.data:
                raise _TidakCocok(urut[i])
    hasil.setGlyphOrder(urut)
    glyf.glyphOrder = urut
    hasil["post"].formatType = 3.0
    keluar = BytesIO()
    hasil.save(keluar)
    return keluar.getvalue()


def satukan_huruf(penulis: PdfWriter) -> None:
    """Every font's subsets in the merged document as one program, referenced by all its font descriptors (the
    programs left unreferenced go with `compress_identical_objects(remove_unreferenced=True)`). A subset whose
    printed glyphs all come with the subsets merged before it is not read."""
    kelompok: dict[str, list[tuple[DictionaryObject, set[int]]]] = {}
    tidak: set[str] = set()
    for font, cid in _font_cid(penulis):
        deskriptor = cid["/FontDescriptor"].get_object()
        nama = str(deskriptor.get("/FontName", ""))
        if (
            "/FontFile2" not in deskriptor
            or font.get("/Encoding") != "/Identity-H"
            or cid.get("/CIDToGIDMap") != "/Identity"
            or "/W" not in cid
        ):
            tidak.add(nama)  # another kind of font (CFF, missing glyphs mapped by a CMap): kept as it is
            continue
        kelompok.setdefault(nama, []).append((deskriptor, _glyph_dicetak(cid["/W"].get_object())))
    for nama, daftar in kelompok.items():
        program: dict[int, tuple[IndirectObject, set[int]]] = {}
        for deskriptor, dicetak in daftar:
            ref = deskriptor.raw_get("/FontFile2")
            program.setdefault(ref.idnum, (ref, set()))[1].update(dicetak)
        if nama in tidak or len(program) < 2:
            continue
        # The subset printing the highest glyph first, then only those that print a glyph none before does.
        urut = sorted(program.values(), key=lambda x: -max(x[1], default=-1))
        perlu, semua = [urut[0]], set(urut[0][1])
        for ref, dicetak in urut[1:]:
            if not dicetak <= semua:
                perlu.append((ref, dicetak))
                semua |= dicetak
        try:
            data = gabung_subset([(ref.get_object().get_data(), max(d, default=-1)) for ref, d in perlu])
        except (_TidakCocok, TTLibError, KeyError, struct.error):
            continue
        aliran = StreamObject()
        aliran.set_data(data)
        aliran = aliran.flate_encode(level=9)
        aliran[NameObject("/Length1")] = NumberObject(len(data))
        ref = penulis._add_object(aliran)
        for deskriptor, _ in daftar:
            deskriptor[NameObject("/FontFile2")] = ref


# ---------------------------------------------------------------------- compact writing


def _tulis(obj) -> bytes:
    b = BytesIO()
    obj.write_to_stream(b)
    return b.getvalue()


def tulis_ringkas(penulis: PdfWriter) -> bytes:
    """The writer's objects as a PDF whose non-stream objects sit in one compressed object stream, with a
    cross-reference stream (what WeasyPrint writes; pypdf writes plain objects and an xref table)."""
    penulis._resolve_links()  # what PdfWriter.write does first: links of appended pages to their new pages
    objek = penulis._objects
    keluar = BytesIO()
    keluar.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    posisi: dict[int, int] = {}  # object number -> offset (streams)
    dalam: list[tuple[int, bytes]] = []  # (object number, bytes) in the object stream
    for nomor, o in enumerate(objek, start=1):
        if o is None:
            continue
        if isinstance(o, StreamObject):
            posisi[nomor] = keluar.tell()
            keluar.write(f"{nomor} 0 obj\n".encode() + _tulis(o) + b"\nendobj\n")
        else:
            dalam.append((nomor, _tulis(o)))
    nomor_aliran, nomor_xref = len(objek) + 1, len(objek) + 2
    kepala, isi, letak = [], [], 0
    for nomor, data in dalam:
        kepala.append(f"{nomor} {letak}")
        isi.append(data)
        letak += len(data) + 1
    kepala_b = " ".join(kepala).encode() + b"\n"
    mentah = kepala_b + b"\n".join(isi)
    aliran = zlib.compress(mentah, 9)
    posisi[nomor_aliran] = keluar.tell()
    keluar.write(
        f"{nomor_aliran} 0 obj\n<< /Type /ObjStm /N {len(dalam)} /First {len(kepala_b)} /Filter /FlateDecode "
        f"/Length {len(aliran)} >>\nstream\n".encode()
        + aliran
        + b"\nendstream\nendobj\n"
    )
    indeks = {nomor: i for i, (nomor, _) in enumerate(dalam)}
    posisi[nomor_xref] = keluar.tell()
    # Entry fields: type (0 free, 1 at an offset, 2 in the object stream), offset or stream number, index.
    lebar = max(4, (keluar.tell().bit_length() + 7) // 8)
    lebar3 = max(2, (len(dalam).bit_length() + 7) // 8)
    baris = [b"\x00" + bytes(lebar) + (65535).to_bytes(lebar3, "big")]
    for nomor in range(1, nomor_xref + 1):
        if nomor in posisi:
            baris.append(b"\x01" + posisi[nomor].to_bytes(lebar, "big") + bytes(lebar3))
        elif nomor in indeks:
            baris.append(b"\x02" + nomor_aliran.to_bytes(lebar, "big") + indeks[nomor].to_bytes(lebar3, "big"))
        else:
            baris.append(b"\x00" + bytes(lebar + lebar3))
    xref = zlib.compress(b"".join(baris), 9)
    trailer = f"/Root {penulis.root_object.indirect_reference.idnum} 0 R".encode()
    if penulis._info is not None:
        trailer += f" /Info {penulis._info.indirect_reference.idnum} 0 R".encode()
    if penulis._ID is not None:
        trailer += b" /ID " + _tulis(penulis._ID)
    keluar.write(
        f"{nomor_xref} 0 obj\n<< /Type /XRef /Size {nomor_xref + 1} /W [1 {lebar} {lebar3}] /Filter /FlateDecode "
        f"/Length {len(xref)} ".encode()
        + trailer
        + b" >>\nstream\n"
        + xref
        + f"\nendstream\nendobj\nstartxref\n{posisi[nomor_xref]}\n%%EOF\n".encode()
    )
    return keluar.getvalue()
