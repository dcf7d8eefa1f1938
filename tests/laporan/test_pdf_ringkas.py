"""Merging PDF parts without font bloat (laporan/pdf_ringkas.py), on two one-page documents: one program per font
holding every glyph either part prints at the id the part prints it with, the text of both pages unchanged, and
the small objects in a compressed object stream."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from weasyprint import HTML

from laporan import pdf_paralel
from laporan.pdf_ringkas import _glyph_dicetak

FONT = Path(__file__).resolve().parents[2] / "static" / "fonts" / "DejaVuSans.ttf"
TEKS = ("Laporan Kinerja 2018: capaian 98,87 % (Šarž)", "Ωmega ≥ 104,47 — “ĐŽ” ﬁ ǅ")


def _bagian(teks: str) -> pdf_paralel.Hasil:
    html = (
        f'<style>@font-face {{ font-family: Uji; src: url("{FONT.as_uri()}") }} body {{ font-family: Uji }}</style>'
        f"<p>{teks}</p>"
    )
    doc = HTML(string=html).render()
    return pdf_paralel.Hasil(doc.write_pdf(), len(doc.pages), {})


def _font(r: PdfReader, halaman: int):
    (font,) = r.pages[halaman]["/Resources"]["/Font"].values()
    cid = font.get_object()["/DescendantFonts"][0].get_object()
    return cid, cid["/FontDescriptor"].get_object()


def _program(deskriptor) -> TTFont:
    f = TTFont(BytesIO(deskriptor["/FontFile2"].get_object().get_data()))
    f.setGlyphOrder([f"g{i}" for i in range(f["maxp"].numGlyphs)])
    return f


def test_satu_program_font_memuat_glyph_semua_bagian():
    bagian = [_bagian(t) for t in TEKS]
    gabung = pdf_paralel._gabung(bagian, depan_halaman=1)
    r = PdfReader(BytesIO(gabung))
    assert [" ".join(p.extract_text().split()) for p in r.pages] == list(TEKS)
    (_, desk_a), (_, desk_b) = _font(r, 0), _font(r, 1)
    assert desk_a.raw_get("/FontFile2") == desk_b.raw_get("/FontFile2")  # one program, not one per part
    gabungan = _program(desk_a)
    for b in bagian:  # each glyph a part prints is in the merged program, the same outline at the same id
        cid, desk = _font(PdfReader(BytesIO(b.pdf)), 0)
        asal = _program(desk)
        dicetak = [g for g in _glyph_dicetak(cid["/W"]) if asal["glyf"][f"g{g}"].numberOfContours]
        assert len(dicetak) >= 15
        for g in dicetak:  # a composite glyph's outline through its parts (renumbered in a part: appended)
            a, m = asal["glyf"][f"g{g}"], gabungan["glyf"][f"g{g}"]
            assert list(m.getCoordinates(gabungan["glyf"])[0]) == list(a.getCoordinates(asal["glyf"])[0]), g
        assert any(asal["glyf"][f"g{g}"].isComposite() for g in dicetak)
    # The dictionaries sit in one compressed object stream: far smaller than the parts side by side.
    assert b"/ObjStm" in gabung and b"/Type /XRef" in gabung
    assert len(gabung) < sum(len(b.pdf) for b in bagian)
