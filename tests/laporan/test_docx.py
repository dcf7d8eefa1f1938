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


@pytest.fixture(scope="module")
def dokumen_2018(referensi_bersama, django_db_blocker) -> tuple[bytes, str]:
    """The 2018 report's DOCX and print HTML, rendered once for the module."""
    unit = referensi_bersama.muat()
    with django_db_blocker.unblock():
        laporan = susun_laporan(unit, 2018)
        return render_docx(laporan), render_html_cetak(laporan)


def test_angka_docx_sama_dengan_html(dokumen_2018):
    docx, html = dokumen_2018
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

    docx, html = dokumen_2018
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
