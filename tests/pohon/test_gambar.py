"""`pohon.gambar`: the tree's print pages never overlap or cut a box, one top-level branch per page, a split
branch marked "lanjutan"; text escaped. Pure (no database)."""

from decimal import Decimal as D

import pytest

from pohon import gambar
from tests.pohon.contoh import pasang, pohon_contoh, pohon_dari, simpul


def _tumpang(a, b) -> bool:
    return a.x < b.x + b.lebar and b.x < a.x + a.lebar and a.y < b.y + b.tinggi and b.y < a.y + a.tinggi


def _periksa(pohon, halaman):
    for h in halaman:
        semua = [*h.kotak, *h.mitra]
        for i, a in enumerate(semua):
            assert 0 <= a.x and a.x + a.lebar <= h.lebar, (h.nomor, a)
            assert 0 <= a.y and a.y + a.tinggi <= h.tinggi, (h.nomor, a)
            for b in semua[i + 1 :]:
                assert not _tumpang(a, b), (h.nomor, a, b)
    # Every node drawn exactly once as itself (repeats are the "lanjutan" parents).
    asli = [k.simpul.id for h in halaman for k in h.kotak if not k.ulang]
    assert sorted(asli) == sorted(s.id for s in pohon.telusuri())
    # Each page holds one top-level branch.
    for h in halaman:
        akar = {_akar(k.simpul).id for k in h.kotak}
        assert akar == {h.cabang.id}


def _akar(s):
    while s.induk is not None:
        s = s.induk
    return s


@pytest.mark.parametrize(
    ("bentuk", "n_akar", "halaman_min"),
    [
        ((2,), 1, 1),
        ((2, 2), 3, 3),  # small branches: one page each
        ((2, 3, 3), 1, 2),  # 18 leaves: split
        ((12,), 1, 2),  # too many siblings for one row
        ((1, 1, 1, 1, 1), 1, 1),  # six levels deep
        ((3, 3, 2, 2, 2), 1, 3),  # deep and wide
    ],
)
def test_halaman_tanpa_tumpang_dan_terpotong(bentuk, n_akar, halaman_min):
    pohon = pohon_contoh(bentuk, n_akar=n_akar)
    halaman = gambar.halaman_cetak(pohon)
    assert len(halaman) >= halaman_min
    assert [h.nomor for h in halaman] == list(range(1, len(halaman) + 1))
    _periksa(pohon, halaman)
    for h in halaman:
        assert h.lebar == gambar.LEBAR_A3 and h.tinggi == gambar.TINGGI_A3
        if h.lanjutan:
            assert "lanjutan" in h.svg(jumlah=len(halaman))
    # A branch's first page is not marked, its later pages are; a cut box names the page its children go on.
    cabang_awal = set()
    for h in halaman:
        assert h.lanjutan == (h.cabang.id in cabang_awal)
        cabang_awal.add(h.cabang.id)
        for k in h.kotak:
            if k.lanjut_ke is not None:
                lanjut = halaman[k.lanjut_ke - 1]
                assert lanjut.lanjutan and any(u.simpul.id == k.simpul.id and u.ulang for u in lanjut.kotak)


def test_cabang_lebar_dipecah_dengan_tanda_lanjutan():
    pohon = pohon_contoh((12,))
    halaman = gambar.halaman_cetak(pohon)
    assert len(halaman) == 2
    assert not halaman[0].lanjutan and halaman[1].lanjutan and halaman[1].lanjutan_dari == 1
    ulang = [k for k in halaman[1].kotak if k.ulang]
    assert [k.simpul.kode for k in ulang] == ["SS1"]
    assert "(lanjutan)" in halaman[1].svg()


def test_layar_satu_gambar_per_cabang():
    pohon = pohon_contoh((2, 3, 3), n_akar=2)
    layar = gambar.gambar_layar(pohon)
    assert len(layar) == 2
    _periksa(pohon, layar)
    assert layar[0].lebar > gambar.LEBAR_A3  # 18 leaves side by side: scrolled on screen, never split


def test_isi_kotak_dan_teks_di_escape():
    s = simpul(0, 'SS<1>&"', uraian="Sasaran <script>alert(1)</script> & lain", pagu=D("1234567"))
    pohon = pohon_dari(s)
    svg = gambar.halaman_cetak(pohon)[0].svg()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "SS&lt;1&gt;&amp;&quot;" in svg
    assert "Rp 1.234.567" in svg  # budget of a leaf, Indonesian format
    assert "Target: 87,5 %" in svg
    assert "Jabatan tingkat 1 &lt;SS&lt;1&gt;&amp;&quot;&gt;" in svg


def test_plt_dan_jabatan_kosong():
    from pohon.queries import Pemilik

    plt = simpul(1, "A", pemilik=Pemilik(1, "Kepala Biro", "2", "Budi", "", True))
    kosong = simpul(1, "B", pemilik=Pemilik(2, "Kepala Bagian", "3", None, "", False))
    pohon = pohon_dari(pasang(simpul(0, "R"), plt, kosong))
    teks = {s.kode: [b.teks for b in gambar.isi_kotak(s)] for s in pohon.telusuri()}
    assert "Plt. Budi" in teks["A"]
    assert "(jabatan kosong)" in teks["B"]
    assert not any(t.startswith("Pagu") for t in teks["R"])  # budget only at a leaf


def test_cabang_di_bawah_simpul_unit_induk():
    import dataclasses

    from tests.pohon.contoh import UNIT

    induk = simpul(1, "SP9")
    induk = dataclasses.replace(induk, unit=dataclasses.replace(UNIT, id=9, singkatan="Settama"))
    akar = simpul(2, "SK1")
    akar.induk, akar.induk_id = induk, induk.id
    svg = gambar.halaman_cetak(pohon_dari(akar))[0].svg()
    assert "di bawah SP9 (Settama)" in svg


def test_mitra_lencana_dan_garis_putus():
    pohon = pohon_dari(pasang(simpul(0, "R"), simpul(1, "A", mitra=("Kemenlu", "Pemda X")), simpul(1, "B")))
    (h,) = gambar.halaman_cetak(pohon)
    assert [m.nama for m in h.mitra] == ["Kemenlu", "Pemda X"]
    assert len(h.garis_mitra) == 2
    svg = h.svg()
    assert ">CC</text>" in svg and 'stroke-dasharray="4 3"' in svg


def test_peta_strategi_per_tingkat_dengan_pita_dan_panah():
    from laporan import bagan

    a = simpul(0, "SS1", uraian="Stakeholder puas", perspektif="stakeholder")
    b = simpul(0, "SS2", uraian="Proses <efektif>", perspektif="internal_process")
    c = simpul(1, "SP1", uraian="Program", perspektif="customer")
    pohon = pohon_dari(a, pasang(b, c), tautan=[(b.id, a.id), (c.id, a.id)])
    assert bagan.tingkat_peta(pohon) == ["ss", "sp"]
    svg = bagan.peta_strategi_pohon(pohon, "ss", judul="Peta <SS>")
    assert "Stakeholder" in svg and "Internal Process" in svg
    assert "Customer" not in svg  # an empty band is left out
    assert svg.count('class="panah"') == 1  # the arrow to another level's node is not drawn on this map
    assert "Proses &lt;efektif&gt;" in svg and "Peta &lt;SS&gt;" in svg
    # Cause below, effect above: the arrow runs upwards.
    import re

    y1, y2 = map(float, re.search(r'class="panah" x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"', svg).groups())
    assert y2 < y1
    assert bagan.peta_strategi_pohon(pohon, "rhk", judul="x") is None


@pytest.mark.parametrize(
    ("teks", "nilai", "satuan", "harapan"),
    [
        ("95 %", None, "%", "Target: 95 %"),  # a display text that already carries its unit keeps it once
        ("", D("87.5"), "%", "Target: 87,5 %"),
        ("", D("3"), "dokumen", "Target: 3 dokumen"),
        ("", None, "%", "Target: –"),
    ],
)
def test_teks_target_satuan_sekali(teks, nilai, satuan, harapan):
    from types import SimpleNamespace

    from indikator.queries import NilaiTargetEfektif

    i = SimpleNamespace(target=NilaiTargetEfektif(nilai, None, "", teks, "pk"), satuan=satuan)
    assert gambar.teks_target(i) == harapan
