"""DOCX from the same document model: every number of every table equals the HTML's, headings as Word headings,
a table-of-contents field, page numbers, the legal documents; `export_lakip --format docx` and the download."""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from io import BytesIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from laporan.pdf import render_html_cetak
from laporan.susun import susun_laporan
from laporan.word import render_docx

ANGKA = re.compile(r"^-?[\d.]+(,\d+)?$")


def _angka_html(teks: str) -> Counter:
    sel = re.findall(r"<td[^>]*>(.*?)</td>", teks, re.S)
    bersih = [html_lib.unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", s)).strip() for s in sel]
    return Counter(s for s in bersih if ANGKA.match(s))


def _angka_docx(doc) -> Counter:
    hasil: Counter = Counter()
    for t in doc.tables:
        dilihat = set()
        for baris in t.rows:
            if baris._tr.trPr is not None and baris._tr.trPr.find(qn("w:tblHeader")) is not None:
                continue  # header rows (the HTML's <th>)
            for c in baris.cells:
                if c._tc in dilihat:  # a merged cell repeats in every row and column it spans
                    continue
                dilihat.add(c._tc)
                teks = c.text.rstrip("*").strip()
                if ANGKA.match(teks):
                    hasil[teks] += 1
    return hasil


def _peta(laporan) -> dict:
    """A page map as the PDF's (`laporan.pdf_paralel`): every daftar anchor on a page of its own."""
    entri = (*laporan.daftar_isi, *laporan.daftar_tabel, *laporan.daftar_gambar, *laporan.daftar_lampiran)
    return {"halaman": {}, "jangkar": {e.id: 100 + i for i, e in enumerate(entri)}}


@pytest.fixture(scope="module")
def dokumen_2018(referensi_bersama, django_db_blocker):
    """The 2018 report's DOCX (with a PDF page map), print HTML and document model, rendered once for the
    module."""
    unit = referensi_bersama.muat()
    with django_db_blocker.unblock():
        laporan = susun_laporan(unit, 2018)
        return render_docx(laporan, _peta(laporan)), render_html_cetak(laporan), laporan


def test_angka_docx_sama_dengan_html(dokumen_2018):
    docx, html, _laporan = dokumen_2018
    doc = Document(BytesIO(docx))
    dari_html = _angka_html(html)
    dari_docx = _angka_docx(doc)
    assert sum(dari_html.values()) > 500
    assert dari_docx == dari_html
    for nilai in ("98,87", "104,47", "8.225.900.000", "7.223.880.286", "87,82"):
        assert dari_docx[nilai] >= 1


def test_struktur_docx(dokumen_2018):
    doc = Document(BytesIO(dokumen_2018[0]))
    judul = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "BAB III AKUNTABILITAS KINERJA") in judul
    assert ("Heading 2", "A. Capaian Kinerja") in judul
    xml = doc.element.xml
    assert 'TOC \\o "1-2"' in xml
    assert "PAGE" in doc.sections[0].footer._element.xml
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert teks.count("Pihak pertama berjanji akan mewujudkan target kinerja") == 3
    assert "MEMUTUSKAN" in teks and "Tabel 5. Perjanjian Kinerja Biro Kerja Sama Tahun 2018" in teks
    assert teks.index("Tabel 7. Pencapaian Sasaran") < teks.index("Tabel 8. Pencapaian IKU")


def test_ekspor_dan_unduh_docx(client, unit, tmp_path):
    from indikator.enums import Peran
    from tests.pabrik import buat_pengguna

    berkas = tmp_path / "l.docx"
    call_command("export_lakip", unit=unit.slug, tahun=2018, format_="docx", output=str(berkas))
    assert Document(str(berkas)).tables
    from django.test import TestCase

    from laporan.models import BerkasLaporan

    client.force_login(buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit))
    url = reverse("laporan:docx", args=[unit.slug, 2018])
    halaman = client.get(reverse("laporan:html", args=[unit.slug, 2018])).content.decode()
    assert url in halaman and "Buat Word" in halaman
    # The request only queues the file (the tests' immediate backend renders it when the request commits).
    with mock.patch("laporan.word.render_docx", side_effect=AssertionError("dirender di dalam permintaan")):
        with TestCase.captureOnCommitCallbacks(execute=False):
            r = client.post(url)
    assert r.status_code == 302
    BerkasLaporan.objects.filter(format="docx").delete()
    with TestCase.captureOnCommitCallbacks(execute=True):
        r = client.post(url)
    berkas = BerkasLaporan.objects.get(unit=unit, tahun=2018, format="docx")
    assert r.status_code == 302 and berkas.status == "selesai", berkas.alasan
    r = client.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert 'filename="laporan-kinerja-biro-kerja-sama-2018.docx"' in r["Content-Disposition"]
    assert Document(BytesIO(b"".join(r.streaming_content))).tables
    client.logout()
    assert client.get(url).status_code == 302


def _keterangan_html(teks: str) -> list[str]:
    return [
        " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", k)).split())
        for k in re.findall(r"<figure class=\"gambar\".*?<figcaption>(.*?)</figcaption>", teks, re.S)
    ]


def test_gambar_docx_sama_dengan_html_dan_png_terbaca(dokumen_2018):
    """Every figure of the HTML is an image in the DOCX, in the same order, each followed by its numbered caption;
    each embedded image decodes as a non-empty PNG."""
    from PIL import Image

    docx, html, _laporan = dokumen_2018
    doc = Document(BytesIO(docx))
    paragraf = doc.paragraphs
    keterangan, gambar = [], []
    for i, p in enumerate(paragraf):
        blip = p._p.xpath(".//a:blip/@r:embed")
        if blip:
            keterangan.append(paragraf[i + 1].text)
            gambar.append(doc.part.related_parts[blip[0]].blob)
    dari_html = _keterangan_html(html)
    assert len(dari_html) >= 4
    assert keterangan == dari_html
    assert len(doc.inline_shapes) == len(dari_html)
    for isi in gambar:
        with Image.open(BytesIO(isi)) as png:
            assert png.format == "PNG"
            assert png.size[0] > 0 and png.size[1] > 0
            assert png.getextrema() != ((255, 255),) * len(png.getbands())  # something is drawn


def test_svg_ke_png_resolusi_cetak_dan_font_cetak():
    from PIL import Image

    from laporan import bagan, raster

    svg = bagan.struktur_organisasi(bagan.Kotak("Biro Kerja Sama", kepala="Dr. A"), induk=None, anak=[], judul="S")
    with Image.open(BytesIO(raster.svg_ke_png(svg))) as png:
        assert abs(png.size[0] - round(float(raster.lebar_cm(svg)) / 2.54 * raster.DPI)) <= 1
    # Only text: the machine's fonts are skipped, so ink means the embedded print font was found and used.
    teks = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="2" y="15">Abc</text></svg>'
    with Image.open(BytesIO(raster.svg_ke_png(teks))) as png:
        assert png.convert("L").getextrema()[0] < 128


# ---------------------------------------------------------------------- a Word document (issue 20)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tabel_per_bagian(doc) -> list[tuple[int, object]]:
    """(section index, w:tbl) of every body table, in document order: a paragraph holding a w:sectPr ends its
    section."""
    hasil, bagian = [], 0
    for el in doc.element.body.iterchildren():
        if el.tag == f"{W}tbl":
            hasil.append((bagian, el))
        elif el.tag == f"{W}p" and el.find(f"{W}pPr/{W}sectPr") is not None:
            bagian += 1
    return hasil


def _tabel_lanskap(laporan) -> list[bool]:
    """Per table of the model (document order) whether the PDF prints it landscape: a wide table
    (`figure.tabel-laporan.lebar`) or any table of a landscape section (`section.lanskap`)."""
    from laporan.dokumen import DokumenPK, KeputusanIKU, Tabel

    hasil = []

    def jalan(b, lanskap):
        lanskap = lanskap or b.lanskap
        for x in b.blok:
            if isinstance(x, Tabel):
                hasil.append(lanskap or x.lanskap)
            elif isinstance(x, DokumenPK | KeputusanIKU) and x.tabel is not None:
                hasil.append(lanskap or x.tabel.lanskap)
        for a in b.anak:
            jalan(a, lanskap)

    depan = (laporan.pernyataan_reviu,) if laporan.pernyataan_reviu else ()
    for b in (*depan, laporan.kata_pengantar, laporan.ringkasan, *laporan.bab, *laporan.lampiran):
        jalan(b, False)
    return hasil


def test_docx_a4_dan_bagian_lanskap_untuk_tabel_lebar(dokumen_2018):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    docx, _html, laporan = dokumen_2018
    doc = Document(BytesIO(docx))
    for s in doc.sections:  # A4 with the PDF's margins, portrait or landscape
        lanskap = s.orientation == WD_ORIENT.LANDSCAPE
        lebar, tinggi = (Cm(29.7), Cm(21)) if lanskap else (Cm(21), Cm(29.7))
        assert abs(s.page_width - lebar) < Cm(0.01) and abs(s.page_height - tinggi) < Cm(0.01)
        assert abs(s.left_margin - (Cm(1.8) if lanskap else Cm(2.5))) < Cm(0.01)
    tabel = _tabel_per_bagian(doc)
    harapan = _tabel_lanskap(laporan)
    assert len(tabel) == len(harapan) == len(laporan.semua_tabel())
    assert [doc.sections[i].orientation == WD_ORIENT.LANDSCAPE for i, _t in tabel] == harapan
    # The year-on-year tables that do not fit portrait (Tabel 10–12, the PDF's rule `dokumen.muat_potret`; 9, 13
    # and 14 fit) and Lampiran 5–6 on landscape pages, the rest portrait.
    lebar = {t.label for t in laporan.semua_tabel() if t.nomor and t.lanskap}
    assert lebar == {f"Tabel {n}" for n in range(10, 13)}
    assert [b.lanskap for b in laporan.lampiran][4:6] == [True, True]
    assert 2 < sum(harapan) < len(harapan)
    # A section break only where the orientation changes (never an empty page between two of the same).
    assert all(a.orientation != b.orientation for a, b in zip(doc.sections, doc.sections[1:], strict=False))


def test_docx_tabel_lebar_kolom_tetap_kepala_berulang_angka_rata_kanan(dokumen_2018):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document(BytesIO(dokumen_2018[0]))
    assert doc.tables
    for t in doc.tables:
        tblPr = t._tbl.tblPr
        assert tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        grid = [int(g.get(f"{W}w")) for g in t._tbl.tblGrid.findall(f"{W}gridCol")]
        assert min(grid) > 0
        assert abs(sum(grid) - int(tblPr.find(f"{W}tblW").get(f"{W}w"))) <= len(grid)
        assert t.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
        for tr in t._tbl.tr_lst:  # every cell as wide as the grid columns it spans
            k = 0
            for tc in tr.tc_lst:
                assert int(tc.tcPr.find(f"{W}tcW").get(f"{W}w")) == sum(grid[k : k + tc.grid_span])
                k += tc.grid_span
    # The number cells of the model (`Sel.angka`) right-aligned, as the PDF's `td.angka`.
    tabel = dokumen_2018[2].semua_tabel()
    assert len(tabel) == len(doc.tables)
    rata = []
    for t, model in zip(doc.tables, tabel, strict=True):
        sel, n = t._cells, model.jumlah_kolom
        rata += [sel[p.baris * n + p.kolom].paragraphs[0].alignment for p in model.kisi if p.sel.angka]
    assert len(rata) > 500 and set(rata) == {WD_ALIGN_PARAGRAPH.RIGHT}


def _field_daftar(doc) -> dict[str, list[tuple[str, str]]]:
    """Every TOC field of the body: instruction -> its cached entries (text, page)."""
    hasil: dict[str, list[tuple[str, str]]] = {}
    terbuka = None
    for p in doc.paragraphs:
        instr = "".join(p._p.xpath("./w:r/w:instrText/text()")).strip()
        if instr.startswith("TOC"):
            terbuka = hasil.setdefault(instr, [])
        if terbuka is not None:
            if p.text:
                teks, _tab, halaman = p.text.partition("\t")
                terbuka.append((teks, halaman))
            if p._p.xpath("./w:r/w:fldChar[@w:fldCharType='end']"):
                terbuka = None
    return hasil


def test_docx_daftar_isi_dan_daftar_keterangan_terisi_dengan_halaman_peta(dokumen_2018):
    docx, _html, laporan = dokumen_2018
    doc = Document(BytesIO(docx))
    peta = _peta(laporan)["jangkar"]
    daftar = _field_daftar(doc)
    assert set(daftar) == {
        'TOC \\o "1-2" \\h \\z \\u',
        'TOC \\h \\z \\c "Tabel"',
        'TOC \\h \\z \\c "Gambar"',
        'TOC \\h \\z \\c "Lampiran"',
    }
    # The daftar isi: the document's level 1–2 headings (what Word rebuilds), the PDF's entries and pages.
    isi = daftar['TOC \\o "1-2" \\h \\z \\u']
    judul = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert [t for t, _h in isi] == judul
    assert [t.casefold() for t in judul] == [f"{e.label} {e.teks}".strip().casefold() for e in laporan.daftar_isi]
    assert [h for _t, h in isi] == [str(peta[e.id]) for e in laporan.daftar_isi]
    for seq, entri, pemisah in (
        ("Tabel", laporan.daftar_tabel, ". "),
        ("Gambar", laporan.daftar_gambar, ". "),
        ("Lampiran", laporan.daftar_lampiran, " "),
    ):
        assert daftar[f'TOC \\h \\z \\c "{seq}"'] == [(f"{e.label}{pemisah}{e.teks}", str(peta[e.id])) for e in entri]
        assert entri
    pengaturan = doc.settings.element.find(f"{W}updateFields")
    assert pengaturan is not None and pengaturan.get(f"{W}val") == "true"


def test_docx_keterangan_dengan_field_seq(dokumen_2018):
    """Each caption (Tabel, Gambar, Lampiran) numbers itself with a SEQ field whose cached result is the
    model's number, so Word renumbers them and rebuilds the lists from them."""
    docx, _html, laporan = dokumen_2018
    doc = Document(BytesIO(docx))
    nomor: dict[str, list[str]] = {"Tabel": [], "Gambar": [], "Lampiran": []}
    for p in doc.paragraphs:
        instr = "".join(p._p.xpath("./w:r/w:instrText/text()")).split()
        if instr[:1] == ["SEQ"]:
            # The result: the runs between the field's separate and end characters.
            hasil = p._p.xpath(
                "./w:r[preceding-sibling::w:r/w:fldChar[@w:fldCharType='separate']]"
                "[following-sibling::w:r/w:fldChar[@w:fldCharType='end']]/w:t/text()"
            )
            nomor[instr[1]].append("".join(hasil))
    assert nomor["Tabel"] == [str(e.label.split()[-1]) for e in laporan.daftar_tabel]
    assert nomor["Tabel"] == [str(i) for i in range(1, len(laporan.daftar_tabel) + 1)]
    assert nomor["Gambar"] == [str(i) for i in range(1, len(laporan.daftar_gambar) + 1)]
    assert nomor["Lampiran"] == [str(i) for i in range(1, len(laporan.lampiran) + 1)]


@pytest.mark.parametrize(
    "peta, teks",
    [
        # an anchor the map does not know (a section added since the PDF): no page rather than a wrong one
        ({"jangkar": {"bab-1": 9}}, ["BAB I PENDAHULUAN\t9", "1.1. Latar Belakang"]),
        ({"jangkar": {"bab-1": 9, "bab-1-1": 10}}, ["BAB I PENDAHULUAN\t9", "1.1. Latar Belakang\t10"]),
        (None, ["BAB I PENDAHULUAN", "1.1. Latar Belakang"]),  # no PDF yet: entries only, Word adds the pages
    ],
)
def test_daftar_isi_halaman_dari_peta_pdf(peta, teks):
    from laporan.word import TOC_ISI, _Penulis

    penulis = _Penulis(None, peta)
    tempat = penulis.doc.add_paragraph()
    penulis._isi_daftar(tempat, TOC_ISI, [(1, "BAB I PENDAHULUAN", "bab-1"), (2, "1.1. Latar Belakang", "bab-1-1")])
    assert [p.text for p in penulis.doc.paragraphs] == teks
    assert [p.style.name for p in penulis.doc.paragraphs] == ["toc 1", "toc 2"]


def test_docx_setiap_daftar_bernomor_mulai_dari_satu(dokumen_2018):
    """Each numbered list (IKU of a sasaran, numbered narrative lists) counts from 1: its own numbering restarting
    at 1, not the "List Number" style's one count through the document (it printed 45., 46. in Bab III)."""
    doc = Document(BytesIO(dokumen_2018[0]))
    numbering = doc.part.numbering_part.element
    dipakai = []
    for p in doc.paragraphs:
        if p.style.name == "List Number":
            numPr = p._p.pPr.numPr if p._p.pPr is not None else None
            assert numPr is not None and numPr.numId is not None, p.text
            if not dipakai or dipakai[-1] != numPr.numId.val:
                dipakai.append(numPr.numId.val)
    assert len(dipakai) > 5 and len(set(dipakai)) == len(dipakai)  # one numbering per list, never reused
    for num_id in dipakai:
        awal = numbering.num_having_numId(num_id).xpath("./w:lvlOverride/w:startOverride/@w:val")
        assert awal == ["1"], num_id
