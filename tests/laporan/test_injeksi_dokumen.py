"""Hostile narrative text in the printed documents (round-one probe "injection into HTML/PDF/DOCX/XLSX"): the
sanitised narrative HTML reaches the PDF without anything fetched from outside, and the Word writer puts every
character as text (no field code, no raw XML). The XLSX side: tests/laporan/test_xlsx_rumus.py; HTML:
tests/laporan/test_markdown.py."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from pypdf import PdfReader
from weasyprint import HTML

from laporan.markdown import render_markdown
from laporan.pengambil import BASE_URL, PengambilLokal
from laporan.word import _Narasi

SERANGAN = "\n\n".join(
    [
        "Awal <script>alert(1)</script> teks",
        '<img src="https://contoh.invalid/jejak.png" onerror="alert(2)">',
        '<link rel="stylesheet" href="https://contoh.invalid/gaya.css"><style>@import url(https://contoh.invalid/a.css);</style>',
        "[tautan](javascript:alert(3)) dan ![gambar](file:///etc/passwd)",
        '</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>DDEAUTO cmd "/c calc"</w:instrText>',
        '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" }',
        'Akhir =HYPERLINK("https://contoh.invalid")',
    ]
)


class _Pencatat(PengambilLokal):
    def __init__(self):
        super().__init__()
        self.diminta: list[str] = []

    def fetch(self, url, headers=None):
        self.diminta.append(url)
        return super().fetch(url, headers)


def test_narasi_bermusuhan_bersih_di_html():
    html = str(render_markdown(SERANGAN))
    for terlarang in ("<script", "onerror", "javascript:", "<link", "<style", "file:", "contoh.invalid/jejak"):
        assert terlarang not in html, terlarang
    assert "Awal" in html and "Akhir" in html


def test_narasi_bermusuhan_di_pdf_tanpa_pengambilan_luar():
    pencatat = _Pencatat()
    html = f"<html><body>{render_markdown(SERANGAN)}</body></html>"
    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=pencatat).write_pdf()
    assert [u for u in pencatat.diminta if not u.startswith("data:")] == []
    teks = "".join(h.extract_text() for h in PdfReader(BytesIO(pdf)).pages)
    assert "Awal" in teks and "Akhir" in teks
    assert "alert(1)" not in teks  # the script element is removed, not printed


def test_narasi_bermusuhan_di_word_hanya_teks():
    parser = _Narasi()
    parser.feed(str(render_markdown(SERANGAN)))
    parser.close()
    doc = Document()
    for gaya, teks in parser.hasil:
        doc.add_paragraph(teks, style=gaya)
    keluaran = BytesIO()
    doc.save(keluaran)
    keluaran.seek(0)
    dibaca = Document(keluaran)
    xml = dibaca.element.xml
    assert "instrText" not in xml and "fldChar" not in xml and "fldSimple" not in xml
    teks = "\n".join(p.text for p in dibaca.paragraphs)
    assert 'DDEAUTO cmd "/c calc"' in teks  # printed as the characters typed, never as a field
    assert "DDEAUTO c:" in teks and "Akhir" in teks
