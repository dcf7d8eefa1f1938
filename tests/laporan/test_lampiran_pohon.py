"""The performance tree in the LKj: the tree's A3 pages, the strategy maps and the three matrices as lampiran,
only when the unit has a tree; the same document in HTML, PDF, DOCX and XLSX (rendered once here)."""

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from laporan.dokumen import Gambar, Tabel
from laporan.excel import render_xlsx
from laporan.pdf import render_html_cetak, render_pdf
from laporan.susun import susun_laporan
from laporan.word import render_docx
from tests.dunia import TAHUN
from tests.pohon.data import buat_pohon

pytestmark = pytest.mark.django_db

JUDUL = ("Pohon Kinerja Biro Kerja Sama Tahun 2018", "Peta Strategi per Tingkat", "Matriks Cascading, Crosscutting")


def _lampiran_pohon(laporan):
    return [lp for lp in laporan.lampiran if lp.judul.startswith(JUDUL)]


def test_tanpa_pohon_tanpa_lampiran(dunia):
    assert _lampiran_pohon(susun_laporan(dunia.unit, TAHUN)) == []


def test_lampiran_pohon_di_semua_keluaran(dunia):
    buat_pohon(dunia, n_sk=3, n_es3=2, n_es4=2)
    laporan = susun_laporan(dunia.unit, TAHUN)
    pohon, peta, matriks = _lampiran_pohon(laporan)
    assert pohon.kertas == "a3" and pohon.lanskap
    halaman = [b for b in pohon.blok if isinstance(b, Gambar)]
    assert len(halaman) >= 1 and all(g.nomor == 0 and g.label == "" for g in halaman)
    assert "halaman 1 dari" in halaman[0].judul
    assert len({g.id for g in pohon.blok}) == len(pohon.blok)
    assert [g.judul.split(" Biro")[0] for g in peta.blok] == [
        "Peta Strategi Sasaran Strategis",
        "Peta Strategi Sasaran Kegiatan",
        "Peta Strategi Hasil Eselon III",
        "Peta Strategi Hasil Eselon IV",
    ]
    tabel = [b for b in matriks.blok if isinstance(b, Tabel)]
    assert [t.judul for t in tabel] == [
        "Matriks Cascading Kinerja",
        "Matriks Crosscutting",
        "Matriks Peran Hasil (Dialog Kinerja)",
    ]
    assert len({t.id for t in tabel}) == 3
    # Lampiran figures stay out of the Daftar Gambar.
    assert all(not e.teks.startswith("Pohon Kinerja") for e in laporan.daftar_gambar)

    html = render_html_cetak(laporan)
    assert 'class="bagian tingkat-1 lanskap kertas-a3' in html and html.count('class="pohon-kinerja"') == len(halaman)
    assert "Kementerian Luar Negeri" in html and "Plt. Plt Bagian" in html

    isi_pdf = render_pdf(laporan)
    pdf = PdfReader(BytesIO(isi_pdf))
    ukuran = {
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4)) for p in pdf.pages
    }
    assert (420, 297) in ukuran and (210, 297) in ukuran  # the tree's A3-landscape pages among the A4 ones
    teks_a3 = [p.extract_text() for p in pdf.pages if round(float(p.mediabox.width) / 72 * 25.4) == 420]
    assert len(teks_a3) == len(halaman)  # one page per figure, none cut over two
    assert all("Pohon Kinerja Biro Kerja Sama" in t for t in teks_a3)

    doc = Document(BytesIO(render_docx(laporan)))
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert halaman[0].judul in teks
    gambar_docx = len(doc.inline_shapes)
    assert gambar_docx >= len(halaman) + len(peta.blok)
    sel = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "Kepala Subbagian" in sel

    wb = load_workbook(BytesIO(render_xlsx(laporan)))
    judul = [ws["A1"].value for ws in wb.worksheets]
    assert "Matriks Peran Hasil (Dialog Kinerja)" in judul
