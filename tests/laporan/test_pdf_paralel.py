"""The report PDF rendered in parts side by side (laporan/pdf_paralel.py) is the single render's PDF: the same
pages, text per page, daftar numbers, internal links and title, also when an edit moves every later page, and
about its size (one program per font, laporan/pdf_ringkas.py); after an edit that keeps the page counts only the
edited chapter is rendered again."""

from __future__ import annotations

import re
from io import BytesIO
from unittest import mock

import pytest
from django.test import override_settings
from pypdf import PdfReader

from laporan import pdf_paralel
from laporan.models import NarasiLaporan
from laporan.pdf import render_html_cetak
from laporan.susun import susun_laporan

PARALEL = {"SAKIP_PDF_PARALEL": True, "SAKIP_PDF_PROSES": 2}
_TUNGGAL: dict[str, tuple[bytes, dict]] = {}


def _tunggal(html: str) -> tuple[bytes, dict]:
    """The single render of `html` and its page map (kept for the module: two tests use the 2018 one)."""
    if html not in _TUNGGAL:
        hasil = pdf_paralel.render_dokumen(html)
        _TUNGGAL[html] = hasil.pdf, pdf_paralel.peta_dari(hasil, pdf_paralel.pecah(html)[1])
    return _TUNGGAL[html]


def _paralel(html: str, peta: dict) -> tuple[bytes, dict]:
    with override_settings(**PARALEL, SAKIP_PDF_CACHE_BAGIAN_DETIK=0):
        with mock.patch.object(pdf_paralel, "_gabung", wraps=pdf_paralel._gabung) as gabung:
            hasil = pdf_paralel.render(html, peta)
    assert gabung.called, "rendered in parts"
    return hasil


def _rapat(teks: str) -> str:
    # A heading broken across lines at a hyphen comes out of the text layer as "Perundang- Undangan".
    return " ".join(teks.split()).replace("- ", "-").upper()


def _tautan(r: PdfReader) -> list[tuple[int, str, int]]:
    """(page of the link, target anchor, page of the target) of every internal link, 1-based."""
    tujuan = r.named_destinations
    hasil = []
    for i, hal in enumerate(r.pages, start=1):
        for a in hal.get("/Annots") or []:
            a = a.get_object()
            if "/Dest" in a:
                nama = str(a["/Dest"])
                hasil.append((i, nama, r.get_destination_page_number(tujuan[nama]) + 1))
    return hasil


def _program_font(r: PdfReader) -> set[int]:
    """The embedded font programs (object ids of /FontFile2 streams) the pages use."""
    hasil = set()
    for hal in r.pages:
        for font in (hal["/Resources"].get("/Font") or {}).values():
            for cid in font.get_object().get("/DescendantFonts", []):
                hasil.add(cid.get_object()["/FontDescriptor"].get_object().raw_get("/FontFile2").idnum)
    return hasil


def _periksa_sama(tunggal: bytes, paralel: bytes, laporan) -> None:
    a, b = PdfReader(BytesIO(tunggal)), PdfReader(BytesIO(paralel))
    # Each font embedded once, not once per part (37 programs for 7 fonts before), and the small objects
    # compressed: the merged file is about the single render's size (1.66x before).
    assert len(_program_font(b)) == len(_program_font(a))
    assert len(paralel) <= 1.15 * len(tunggal), len(paralel) / len(tunggal)
    assert len(b.pages) == len(a.pages)
    assert [p.extract_text() for p in b.pages] == [p.extract_text() for p in a.pages]
    assert b.metadata.title == a.metadata.title == f"Laporan Kinerja {laporan.unit.nama} {laporan.tahun}"
    tautan = _tautan(b)
    assert tautan == _tautan(a)
    # Each daftar link leads to the page of its heading, table, figure or lampiran, and prints that page.
    judul = {e.id: e.teks for d in (laporan.daftar_isi, laporan.daftar_tabel, laporan.daftar_gambar) for e in d}
    teks = [_rapat(p.extract_text()) for p in b.pages]
    dicek = 0
    for _asal, nama, halaman in tautan:
        if nama in judul:
            assert _rapat(judul[nama]) in teks[halaman - 1], (nama, halaman)
            dicek += 1
    assert dicek >= 30
    nomor = re.findall(r"\.{4,}\s*(\d+)", " ".join(teks[:12]))
    assert len(nomor) >= 30 and all(1 <= int(n) <= len(b.pages) for n in nomor)


@pytest.fixture
def laporan(unit):
    return susun_laporan(unit, 2018)


def test_render_paralel_sama_dengan_render_tunggal(laporan):
    html = render_html_cetak(laporan)
    tunggal, peta = _tunggal(html)
    assert set(peta["halaman"]) == {"sampul", "bab-1", "bab-2", "bab-3", "bab-4", "lampiran"}
    paralel, peta_baru = _paralel(html, peta)
    assert peta_baru == peta
    _periksa_sama(tunggal, paralel, laporan)


def test_bab_bertambah_satu_halaman_nomor_tetap_benar(unit, laporan):
    """The map of the previous render is one page short for Bab I after the edit: Bab I and every later part
    (and the daftar numbers) are rendered again, and the result is the single render's."""
    _, peta_lama = _tunggal(render_html_cetak(laporan))
    kalimat = "Kalimat tambahan yang memanjangkan Bab I sampai lebih dari satu halaman penuh. " * 8
    baris = NarasiLaporan.objects.get(unit=unit, tahun=2018, bagian="bab1_sistematika")
    baris.isi += "\n\n" + "\n\n".join([kalimat.strip()] * 5)
    baris.save()
    laporan = susun_laporan(unit, 2018)
    html = render_html_cetak(laporan)
    tunggal, peta = _tunggal(html)
    assert peta["halaman"]["bab-1"] > peta_lama["halaman"]["bab-1"]
    paralel, peta_baru = _paralel(html, peta_lama)
    assert peta_baru == peta
    _periksa_sama(tunggal, paralel, laporan)


def test_tanpa_peta_atau_paralel_mati_render_tunggal(laporan):
    html = render_html_cetak(laporan)
    with mock.patch.object(pdf_paralel, "render_dokumen", wraps=pdf_paralel.render_dokumen) as render:
        with override_settings(**PARALEL):
            pdf_paralel.render(html, None)
        with override_settings(SAKIP_PDF_PARALEL=False):
            pdf_paralel.render(html, {"halaman": {}, "jangkar": {}})
        with override_settings(SAKIP_PDF_PARALEL=True, SAKIP_PDF_PROSES=1):
            pdf_paralel.render(html, {"halaman": {}, "jangkar": {}})
    assert [c.args[0] for c in render.call_args_list] == [html] * 3


def test_suntingan_satu_bab_hanya_bab_itu_dirender_ulang(unit, laporan):
    """With the parts' cache, a narrative edit that keeps every page count renders only its own chapter."""
    from django.core.cache import cache

    cache.clear()
    html = render_html_cetak(laporan)
    with override_settings(**PARALEL, SAKIP_PDF_CACHE_BAGIAN_DETIK=600):
        _, peta = pdf_paralel.render(html, _tunggal(html)[1])
        baris = NarasiLaporan.objects.get(unit=unit, tahun=2018, bagian="bab4_saran")
        baris.isi = baris.isi.replace(" ", " sekali ", 1)
        baris.save()
        html_baru = render_html_cetak(susun_laporan(unit, 2018))
        assert html_baru != html
        with mock.patch.object(pdf_paralel.cache, "set_many", wraps=pdf_paralel.cache.set_many) as simpan:
            _, peta_baru = pdf_paralel.render(html_baru, peta)
    assert peta_baru["halaman"] == peta["halaman"]
    assert simpan.call_count == 1 and len(simpan.call_args.args[0]) == 1
