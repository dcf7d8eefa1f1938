"""Figure markers `[[gambar:<id>]]`: an uploaded figure printed at its marker inside the narrative, in the same
place in HTML (and so the PDF, which prints that HTML) and DOCX, numbered in print order; a figure without a
marker still after the text; a marker that places nothing is a consistency warning; no HTML through a marker."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from docx import Document

from laporan.konsistensi import periksa_konsistensi
from laporan.markdown import pecah_penanda, penanda_gambar, penanda_salah, render_markdown
from laporan.models import GambarLaporan, NarasiLaporan
from laporan.pdf import render_html_cetak
from laporan.susun import susun_laporan
from laporan.word import render_docx
from tests.laporan.test_gambar_unggahan import TAHUN, _png, _unggah, privat  # noqa: F401 (fixture)
from tests.laporan.test_struktur import periksa_struktur


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("Teks saja.", ["Teks saja."]),
        ("Awal:\n\n[[gambar:7]]\n\nAkhir.", ["Awal:", 7, "Akhir."]),
        ("Awal:\n  [[gambar:7]]  \nAkhir.", ["Awal:", 7, "Akhir."]),
        ("[[gambar:7]]\n[[gambar:8]]", [7, 8]),
        ("Di tengah [[gambar:7]] kalimat.", ["Di tengah [[gambar:7]] kalimat."]),
        ('[[gambar:7"><script>alert(1)</script>]]', ['[[gambar:7"><script>alert(1)</script>]]']),
    ],
)
def test_pecah_penanda(teks, harapan):
    assert pecah_penanda(teks) == harapan


def test_penanda_salah():
    teks = "A\n[[gambar:1]]\nB [[gambar:2]]\n[[gambar:1]]\n[[gambar:3]]\n[[ gambar: x ]]"
    assert penanda_salah(teks, {1, 2}) == ["[[gambar:2]]", "[[gambar:1]]", "[[gambar:3]]", "[[ gambar: x ]]"]
    assert penanda_salah("A\n\n[[gambar:1]]\n", {1}) == []


def test_penanda_tidak_membawa_html():
    html = str(render_markdown('[[gambar:1"><img src=x onerror=alert(1)>]]\n\n[[gambar:<script>1</script>]]'))
    assert "<img" not in html and "<script" not in html


def _narasi(unit, isi: str) -> None:
    NarasiLaporan.objects.filter(unit=unit, tahun=TAHUN, bagian="bab1_peran", sasaran=None).update(isi=isi)


def _dua_gambar(klien, unit):
    _unggah(klien, unit, judul="Alur Kerja Sama", urutan="1")
    _unggah(klien, unit, judul="Jejaring Mitra", urutan="2")
    return list(GambarLaporan.objects.order_by("urutan"))


@pytest.mark.django_db
def test_gambar_dicetak_di_penandanya_html_docx_dan_nomor_urut_cetak(klien, unit):
    alur, mitra = _dua_gambar(klien, unit)
    # the marked figure is the second in upload order but prints first: at its marker, inside the text
    _narasi(
        unit,
        f"Biro berperan seperti pada gambar berikut:\n\n{penanda_gambar(mitra.pk)}\n\nPenutup peran biro.",
    )
    lap = susun_laporan(unit, TAHUN)
    assert periksa_struktur(lap) == []
    peran = next(a for a in lap.bab[0].anak if any(getattr(x, "bagian", "") == "bab1_peran" for x in a.blok))
    urutan = [(x.jenis, getattr(x, "isi", "") or getattr(x, "judul", "")) for x in peran.blok]
    i = urutan.index(("narasi", "Biro berperan seperti pada gambar berikut:"))
    assert urutan[i : i + 4] == [
        ("narasi", "Biro berperan seperti pada gambar berikut:"),
        ("gambar", "Jejaring Mitra"),
        ("narasi", "Penutup peran biro."),
        ("gambar", "Alur Kerja Sama"),
    ]
    semua = list(lap.semua_gambar())
    assert [g.nomor for g in semua] == list(range(1, len(semua) + 1))
    assert [(e.label, e.teks) for e in lap.daftar_gambar] == [(g.label, g.judul) for g in semua]
    nomor = {g.judul: g.nomor for g in semua}
    assert nomor["Jejaring Mitra"] + 1 == nomor["Alur Kerja Sama"]

    # HTML (the PDF's input): text, marked figure, rest of the text, unmarked figure; no marker left
    html = render_html_cetak(lap)
    assert "[[gambar" not in html
    posisi = [
        html.index("gambar berikut:"),
        html.index(f'src="/laporan/gambar/{mitra.pk}/"'),
        html.index("Penutup peran biro."),
        html.index(f'src="/laporan/gambar/{alur.pk}/"'),
    ]
    assert posisi == sorted(posisi)

    # DOCX: the same order of paragraphs and images
    doc = Document(BytesIO(render_docx(lap)))
    teks = [p.text for p in doc.paragraphs]
    a = teks.index("Biro berperan seperti pada gambar berikut:")
    assert teks[a + 2 : a + 4] == [f"Gambar {nomor['Jejaring Mitra']}. Jejaring Mitra", "Penutup peran biro."]
    assert doc.paragraphs[a + 1]._p.xpath(".//a:blip")
    assert teks[a + 5] == f"Gambar {nomor['Alur Kerja Sama']}. Alur Kerja Sama"
    assert not any("[[gambar" in t for t in teks)
    assert not [p for p in periksa_konsistensi(unit, TAHUN) if p.kode == "penanda_gambar"]


@pytest.mark.django_db
def test_penanda_tak_dikenal_menjadi_peringatan(klien, unit):
    alur, _mitra = _dua_gambar(klien, unit)
    _unggah(klien, unit, bagian="bab1_sdm", judul="Piramida Pegawai", urutan="1")
    lain = GambarLaporan.objects.get(bagian="bab1_sdm")
    _narasi(
        unit, f"Teks peran.\n\n[[gambar:999999]]\n\n{penanda_gambar(lain.pk)}\n\nDi tengah {penanda_gambar(alur.pk)}."
    )
    peringatan = [p for p in periksa_konsistensi(unit, TAHUN) if p.kode == "penanda_gambar"]
    assert len(peringatan) == 1
    for penanda in ("[[gambar:999999]]", penanda_gambar(lain.pk), penanda_gambar(alur.pk)):
        assert penanda in peringatan[0].pesan
    assert peringatan[0].url == f"/laporan/{unit.slug}/{TAHUN}/narasi/bab1_peran/"
    # the report's draft lists it; the unknown own-line markers print nothing, the figures print after the text
    lap = susun_laporan(unit, TAHUN, dengan_peringatan=True)
    assert any("[[gambar:999999]]" in p.pesan for p in lap.peringatan)
    html = render_html_cetak(lap)
    assert not re.search(r"<p>\[\[gambar:\d+\]\]</p>", html)
    assert html.count(f'src="/laporan/gambar/{lain.pk}/"') == 1


@pytest.mark.django_db
def test_editor_dan_halaman_gambar_menampilkan_penanda(klien, unit):
    alur, _mitra = _dua_gambar(klien, unit)
    halaman = klien.get(f"/laporan/{unit.slug}/{TAHUN}/narasi/bab1_peran/").content.decode()
    assert f'<code class="penanda-gambar">{penanda_gambar(alur.pk)}</code>' in halaman
    halaman = klien.get(f"/laporan/{unit.slug}/{TAHUN}/gambar/").content.decode()
    assert f'<code class="penanda-gambar">{penanda_gambar(alur.pk)}</code>' in halaman
