"""Charts are pure functions from numbers to SVG strings."""

import re
from decimal import Decimal as D
from xml.etree import ElementTree as ET

from laporan import grafik

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_batang_persen_menulis_nilai_format_indonesia_dan_garis_100():
    svg = grafik.batang_persen(
        [grafik.Butir("Indeks kepuasan", D("104.47")), grafik.Butir("AKIP", D("93.05"))], judul="Capaian"
    )
    akar = _parse(svg)
    teks = [t.text for t in akar.iter(f"{SVG}text")]
    assert "104,47" in teks and "93,05" in teks
    assert "100 %" in teks
    assert len(list(akar.iter(f"{SVG}rect"))) == 2
    assert "e+" not in svg and "E-" not in svg


def test_batang_persen_tanpa_nilai_menulis_tidak_ada_data():
    svg = grafik.batang_persen([grafik.Butir("X", None)], judul="Capaian")
    assert "tidak ada data" in svg
    assert not list(_parse(svg).iter(f"{SVG}rect"))


def test_label_di_escape():
    svg = grafik.batang_persen([grafik.Butir("<b>&", D(1))], judul="a<b")
    _parse(svg)  # valid XML
    assert "<b>&" not in svg


def test_batang_kelompok_satu_batang_per_nilai():
    svg = grafik.batang_kelompok(
        ["2015", "2016", "2017"],
        [grafik.Seri("Target", (D(80), D(80), None)), grafik.Seri("Realisasi", (D("62.05"), D("69.84"), D("72.08")))],
        judul="AKIP",
    )
    akar = _parse(svg)
    # 5 bars + 2 legend squares
    assert len(list(akar.iter(f"{SVG}rect"))) == 7
    assert "69,84" in svg


def test_garis_memutus_garis_pada_data_kosong():
    svg = grafik.garis(["a", "b", "c", "d"], [grafik.Seri("AKIP", (D(1), D(2), None, D(4)))], judul="t")
    akar = _parse(svg)
    assert len(list(akar.iter(f"{SVG}polyline"))) == 1
    assert len(list(akar.iter(f"{SVG}circle"))) == 3


def test_skala_atas_membulat_ke_atas():
    assert grafik._skala_atas([D("104.47")], D(100), D(10)) == D(120)
    assert grafik._skala_atas([], D(100), D(10)) == D(110)


def test_label_panjang_dibungkus_tidak_dipotong():
    """A long bar label wraps onto up to three lines (tspans) with every word kept; the row grows to fit."""
    from decimal import Decimal

    from laporan import grafik

    label = "1. Persentase kerja sama yang ditindaklanjuti secara efektif terhadap total kerja sama BPOM"
    svg = str(grafik.batang_persen([grafik.Butir(label, Decimal("100.43"))], judul="Uji"))
    baris = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert len(baris) >= 2
    assert " ".join(baris) == label
    assert "…" not in svg


def test_label_sangat_panjang_utuh_dan_label_garis_di_dalam_gambar():
    """The longest IKU of the reference (about 150 characters) prints whole; the "100 %" label of the reference
    line lies inside the drawing (its baseline at least one font size below the top)."""
    from decimal import Decimal

    from laporan import grafik

    label = (
        "7. Jumlah Kerja Sama dan Dukungan Indonesia terhadap negara berkembang di bawah skema kerja sama "
        "selatan-selatan dan triangular (KSST) di bidang obat dan makanan"
    )
    svg = str(grafik.batang_persen([grafik.Butir(label, Decimal("100"))], judul="Uji"))
    assert " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)) == label
    y = re.search(r'<text x="[^"]+" y="([\d.]+)"[^>]*font-size="9">100 %</text>', svg)
    assert y and float(y.group(1)) >= 9
