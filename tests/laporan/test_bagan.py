"""Generated diagrams: the organisation chart and the strategy map (SVG content, escaping, placement, numbering)."""

from datetime import date

import pytest

from indikator.enums import LevelSasaran
from indikator.models import KepalaUnit, Sasaran, UnitKerja
from laporan import bagan
from laporan.dokumen import Gambar
from laporan.susun import susun_laporan


def test_struktur_organisasi_nama_kepala_dan_escape():
    svg = bagan.struktur_organisasi(
        bagan.Kotak("Biro Kerja Sama", kepala="Dra. A <B>", jabatan="Kepala Biro"),
        induk=bagan.Kotak("Sekretariat Utama"),
        anak=[bagan.Kotak("Bagian Kerja Sama Bilateral & Regional"), bagan.Kotak("Bagian Tata Usaha")],
        judul="Struktur <Organisasi>",
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for teks in ("Biro Kerja Sama", "Sekretariat Utama", "Kepala Biro", "Dra. A &lt;B&gt;", "Bagian Tata Usaha"):
        assert teks in svg
    assert "<B>" not in svg and "&amp;" in svg
    assert "<title>Struktur &lt;Organisasi&gt;</title>" in svg
    # parent above, sub-units joined by lines
    assert svg.index("Sekretariat Utama") < svg.index("Biro Kerja Sama") < svg.index("Bagian Tata Usaha")
    assert svg.count("<line") >= 5


def test_struktur_tanpa_induk_dan_anak():
    svg = bagan.struktur_organisasi(bagan.Kotak("Unit Tunggal"), induk=None, anak=[], judul="S")
    assert "Unit Tunggal" in svg and "<line" not in svg


def test_peta_strategi_baris_dan_nama_panjang_dibungkus():
    panjang = "Meningkatnya efektivitas kerja sama luar negeri dan dalam negeri di bidang pengawasan Obat dan Makanan"
    svg = bagan.peta_strategi(
        [
            bagan.Baris("Stakeholder Perspective", (panjang,)),
            bagan.Baris("Customer Perspective", ()),
            bagan.Baris("Learning & Growth Perspective", ("SDM <kompeten>", "Anggaran akuntabel")),
        ],
        judul="Peta Strategi",
    )
    assert "Stakeholder" in svg and "Learning &amp; Growth" in svg
    assert "Customer Perspective" not in svg  # an empty row is left out
    assert "SDM &lt;kompeten&gt;" in svg and "Anggaran akuntabel" in svg
    # the long name is wrapped over several text lines, never cut
    assert panjang not in svg and "Makanan" in svg and "…" not in svg


def _gambar(laporan) -> list[Gambar]:
    return list(laporan.semua_gambar())


@pytest.mark.django_db
def test_laporan_memuat_struktur_dan_peta_bernomor(unit):
    induk = UnitKerja.objects.create(slug="induk-x", nama="Sekretariat Utama X")
    unit.induk = induk
    unit.save()
    anak = UnitKerja.objects.create(slug="bagian-x", nama="Bagian Kerja Sama Bilateral", induk=unit)
    KepalaUnit.objects.create(unit=anak, nama="Budi Santoso", jabatan="Kepala Bagian", mulai=date(2017, 1, 1))
    lap = susun_laporan(unit, 2018)
    gambar = _gambar(lap)
    assert [g.nomor for g in gambar] == list(range(1, len(gambar) + 1))
    struktur, peta = gambar[0], gambar[1]
    assert struktur.judul == f"Struktur Organisasi {unit.nama}" and struktur.label == "Gambar 1"
    for teks in ("Sekretariat Utama X", "Bagian Kerja Sama Bilateral", "Budi Santoso", "Kepala Bagian", unit.nama):
        assert teks in struktur.svg
    assert peta.judul.startswith("Peta Strategi") and peta.label == "Gambar 2"
    # Bab I holds the chart, Bab II the map; the Daftar Gambar lists both first, in order
    assert struktur in tuple(lap.bab[0].semua_blok()) and peta in tuple(lap.bab[1].semua_blok())
    assert [(e.label, e.teks) for e in lap.daftar_gambar[:2]] == [
        ("Gambar 1", struktur.judul),
        ("Gambar 2", peta.judul),
    ]
    sasaran = list(Sasaran.objects.filter(revisi__renstra__unit=unit, revisi__berlaku_mulai__lte=2018))
    assert any(s.nama[:20] in peta.svg for s in sasaran)
    assert "Customer Perspective" in peta.svg and "Internal Process" in peta.svg


@pytest.mark.django_db
def test_peta_strategi_per_level_tanpa_perspektif(unit):
    from indikator.models import SkemaPenilaian

    SkemaPenilaian.objects.update(pakai_perspektif=False)
    lap = susun_laporan(unit, 2018)
    peta = next(g for g in _gambar(lap) if g.judul.startswith("Peta Strategi"))
    assert "Customer Perspective" not in peta.svg
    assert any(str(lv.label) in peta.svg for lv in LevelSasaran)


@pytest.mark.django_db
def test_html_mencetak_gambar(klien, unit):
    r = klien.get(f"/laporan/{unit.slug}/2018/")
    html = r.content.decode()
    assert "Gambar 1" in html and f"Struktur Organisasi {unit.nama}" in html and "Peta Strategi" in html
