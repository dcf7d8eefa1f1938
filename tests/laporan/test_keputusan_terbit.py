"""The IKU decree as issued (and the PK agreement's letterhead): decree number, letterhead (instansi, parent unit,
unit, address, logo), Menimbang lettered a., b., c. with its citations filled from the letters, "Ditetapkan di …
pada tanggal …", the optional "Salinan … disampaikan kepada" list; the approved year's kept copy of these fields;
the workspace form that edits them under the period lock. Document model and HTML only (no PDF render)."""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja, VersiPK
from laporan.bab.lampiran import lampiran_iku
from laporan.bab.naskah import keputusan_iku, kop_surat
from laporan.bundel import ambil_bundel_iku
from laporan.models import (
    IKU_MENIMBANG,
    NaskahDinas,
    NaskahDinasDisahkan,
    huruf,
    rujukan_huruf,
    rujukan_menimbang_salah,
)
from laporan.pdf import html_keputusan_iku, html_pk, susun_dokumen_pk
from tests.pabrik import buat_pengguna

TAHUN = 2018
MENIMBANG_TIGA = (
    "bahwa perlu mengukur kinerja {unit};\n"
    "bahwa Renstra {awal}–{akhir} telah disesuaikan;\n"
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {huruf_sebelumnya}, perlu menetapkan Keputusan "
    "{jabatan_kepala};"
)


def _keputusan(unit):
    b = ambil_bundel_iku(unit, TAHUN)
    return keputusan_iku(b, lampiran_iku(b))


@pytest.mark.parametrize(("i", "harapan"), [(0, "a"), (1, "b"), (2, "c"), (25, "z"), (26, "aa"), (27, "bb")])
def test_huruf_butir(i, harapan):
    assert huruf(i) == harapan


@pytest.mark.parametrize(
    ("n", "harapan"),
    [
        (0, ""),
        (1, "huruf a"),
        (2, "huruf a dan huruf b"),
        (3, "huruf a, huruf b, dan huruf c"),
        (4, "huruf a, huruf b, huruf c, dan huruf d"),
    ],
)
def test_rujukan_huruf(n, harapan):
    assert rujukan_huruf(n) == harapan


@pytest.mark.parametrize(
    ("teks", "salah"),
    [
        (IKU_MENIMBANG, []),  # the placeholder: filled from the letters
        ("bahwa satu;\nbahwa sebagaimana dimaksud pada huruf a, perlu;", []),
        ("bahwa satu;\nbahwa dua;\nbahwa dimaksud dalam huruf a dan huruf b, perlu;", []),
        ("bahwa satu;\nbahwa dimaksud dalam huruf a dan huruf b, perlu;", [("b", "b")]),  # cites itself
        ("bahwa dimaksud pada huruf a, perlu;", [("a", "a")]),
        ("bahwa satu;\nbahwa dua;\nbahwa dimaksud dalam huruf a, huruf c, dan huruf d;", [("c", "c"), ("c", "d")]),
        ("bahwa satu;\nbahwa sebagaimana dimaksud dalam Pasal 5 huruf c Undang-Undang;", []),  # another act's
    ],
)
def test_rujukan_menimbang_salah(teks, salah):
    assert rujukan_menimbang_salah(teks) == salah


@pytest.mark.parametrize(
    ("instansi", "induk", "nama", "harapan"),
    [
        ("Badan POM", "Sekretariat Utama", "Biro Kerja Sama", ("Badan POM", "Sekretariat Utama", "Biro Kerja Sama")),
        ("Badan POM", None, "Biro Kerja Sama", ("Badan POM", "Biro Kerja Sama")),
        ("Badan POM", "Badan POM", "Sekretariat Utama", ("Badan POM", "Sekretariat Utama")),  # parent = instansi
        ("", None, "Badan POM", ("Badan POM",)),
    ],
)
def test_kop_surat_nama_sekali_dari_atas(instansi, induk, nama, harapan):
    unit = UnitKerja(nama=nama, instansi=instansi, alamat="Jl. Uji 1")
    kop = kop_surat(unit, UnitKerja(nama=induk) if induk else None)
    assert (kop.nama, kop.alamat, kop.logo_url) == (harapan, "Jl. Uji 1", "")


def test_keputusan_terbit_dengan_nomor_kop_huruf_dan_salinan(unit):
    NaskahDinas.objects.create(
        unit=unit,
        iku_nomor="HK.04.1.23.02.19.0200 TAHUN 2019",
        iku_tanggal=date(2019, 2, 8),
        iku_kota="Bandung",
        iku_menimbang=MENIMBANG_TIGA,
        iku_diktum="Menimbang {huruf_menimbang} menjadi dasar.\nKeputusan ini mulai berlaku pada tanggal ditetapkan.",
        iku_salinan="Seluruh Pejabat Pimpinan Tinggi Madya;\nKepala Balai Besar/Balai POM di seluruh Indonesia.",
    )
    unit.logo.name = "logo/bks.png"  # printed when uploaded (the letterhead reads the stored name only)
    unit.save(update_fields=["logo"])
    k = _keputusan(unit)
    assert k.nomor == "HK.04.1.23.02.19.0200 TAHUN 2019"
    assert k.kop.nama == ("Badan Pengawas Obat dan Makanan", "Sekretariat Utama", "Biro Kerja Sama")
    assert k.kop.alamat.startswith("Jl. Percetakan Negara No. 23") and k.kop.logo_url.endswith("logo/bks.png")
    assert [h for h, _ in k.menimbang] == ["a", "b", "c"]
    assert "sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan Kepala Biro" in k.menimbang[2][1]
    assert k.diktum[0] == ("Kesatu", "Menimbang huruf a, huruf b, dan huruf c menjadi dasar.")
    assert (k.kota, k.tanggal, k.jabatan) == ("Bandung", "8 Februari 2019", "Kepala Biro Kerja Sama")
    assert k.salinan == ("Seluruh Pejabat Pimpinan Tinggi Madya;", "Kepala Balai Besar/Balai POM di seluruh Indonesia.")

    html = " ".join(render_to_string("laporan/_keputusan.html", {"blok": k}).split())
    assert "NOMOR HK.04.1.23.02.19.0200 TAHUN 2019" in html
    assert 'class="kop-surat"' in html and 'src="/media/logo/bks.png"' in html
    assert "BADAN PENGAWAS OBAT DAN MAKANAN" in html and "SEKRETARIAT UTAMA" in html
    assert html.index("SEKRETARIAT UTAMA") < html.index("KEPUTUSAN KEPALA BIRO KERJA SAMA")
    assert "KEPALA BIRO KERJA SAMA,</p>" in html  # the issuing official above Menimbang
    assert [html.index(f'<span class="huruf">{h}.</span>') for h in "abc"] == sorted(
        html.index(f'<span class="huruf">{h}.</span>') for h in "abc"
    )
    assert "Ditetapkan di Bandung</p><p>pada tanggal 8 Februari 2019</p>" in html
    assert "Salinan Keputusan ini disampaikan kepada Yth.:" in html
    assert '<span class="huruf">2.</span>Kepala Balai Besar/Balai POM di seluruh Indonesia.</p>' in html


def test_keputusan_baku_tanpa_salinan(unit):
    k = _keputusan(unit)
    assert k.nomor == "" and k.salinan == () and k.kota == "Jakarta"  # the unit's city
    assert [h for h, _ in k.menimbang] == ["a", "b"]
    assert "sebagaimana dimaksud pada huruf a, perlu menetapkan" in k.menimbang[1][1]
    html = render_to_string("laporan/_keputusan.html", {"blok": k})
    assert "Salinan" not in html and 'class="salinan"' not in html and "NOMOR" not in html
    assert "{huruf" not in html and "<img" not in html  # no logo uploaded


def test_migrasi_memakai_menimbang_baku_yang_sekarang():
    """The data migration moves rows holding the old standard Menimbang onto today's default."""
    from importlib import import_module

    m = import_module("laporan.migrations.0011_naskah_keputusan_terbit")
    assert m.BARU == IKU_MENIMBANG and "pada huruf a," in m.LAMA


def test_pk_dengan_kop_surat(unit):
    versi = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=TAHUN).order_by("nomor").last()
    d = susun_dokumen_pk(versi)
    assert d.kop.nama == ("Badan Pengawas Obat dan Makanan", "Sekretariat Utama", "Biro Kerja Sama")
    html = html_pk(versi)
    assert html.index('class="kop-surat"') < html.index('class="judul-pk"')


def test_tahun_disahkan_mencetak_salinan_naskahnya(unit):
    """Approval keeps the new fields; a later edit from an open year changes only the open year's decree."""
    from indikator import periode
    from laporan.dinas import KOLOM_NASKAH, simpan_naskah

    NaskahDinas.objects.create(
        unit=unit, iku_nomor="NOMOR/2018", iku_kota="Bogor", iku_salinan="Inspektur Utama", iku_tanggal=date(2019, 1, 2)
    )
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": StatusPeriode.DIAJUKAN})
    periode.sahkan_periode(unit=unit, tahun=TAHUN, oleh=buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit))
    kept = NaskahDinasDisahkan.objects.get(unit=unit, tahun=TAHUN)
    assert (kept.iku_nomor, kept.iku_kota, kept.iku_salinan) == ("NOMOR/2018", "Bogor", "Inspektur Utama")

    n = NaskahDinas.objects.get(unit=unit)
    ubah = {k: getattr(n, k) for k in KOLOM_NASKAH} | {
        "iku_nomor": "NOMOR/BARU",
        "iku_kota": "Depok",
        "iku_salinan": "",
    }
    assert simpan_naskah(unit=unit, tahun=2019, data=ubah)
    k = _keputusan(unit)
    assert (k.nomor, k.kota, k.salinan, k.tanggal) == ("NOMOR/2018", "Bogor", ("Inspektur Utama",), "2 Januari 2019")
    html = html_keputusan_iku(unit, TAHUN)
    assert "Ditetapkan di Bogor" in html and "Inspektur Utama" in html and "Depok" not in html


def _url(unit, tahun=TAHUN):
    return f"/laporan/{unit.slug}/{tahun}/naskah/"


def _data(**lain):
    n = NaskahDinas()
    data = {"aksi": "naskah"} | {f"naskah-{k}": getattr(n, k) for k in ("pk_pembuka", "pk_janji", "pk_supervisi")}
    data |= {f"naskah-{k}": getattr(n, k) for k in ("iku_menimbang", "iku_mengingat", "iku_diktum")}
    return data | {f"naskah-{k}": v for k, v in lain.items()}


@pytest.mark.parametrize(
    ("isian", "status", "tersimpan"),
    [
        ({"iku_kota": "Bandung", "iku_salinan": "Sekretaris Utama\r\nInspektur Utama"}, 302, True),
        ({"iku_kota": "Bandung\tBarat", "iku_salinan": ""}, 400, False),  # one-line field: no control characters
        ({"iku_kota": "", "iku_salinan": "x" * 3001}, 400, False),  # over the limit
        ({"iku_menimbang": "bahwa satu;\nbahwa dimaksud dalam huruf c, perlu;"}, 400, False),  # a wrong citation
    ],
)
def test_formulir_mengubah_isian_keputusan(klien, unit, isian, status, tersimpan, django_assert_max_num_queries):
    assert 'name="naskah-iku_salinan"' in klien.get(_url(unit)).content.decode()
    with django_assert_max_num_queries(40):
        r = klien.post(_url(unit), _data(iku_nomor="HK/1", **isian))
    assert r.status_code == status
    if "iku_menimbang" in isian:
        assert "Butir b merujuk huruf c, yang bukan butir menimbang sebelumnya." in r.content.decode()
    n = NaskahDinas.objects.filter(unit=unit).first()
    if tersimpan:
        assert (n.iku_nomor, n.iku_kota, n.iku_salinan) == ("HK/1", "Bandung", "Sekretaris Utama\nInspektur Utama")
    else:
        assert n is None


def test_formulir_tahun_terkunci_menolak_isian_keputusan(klien, unit):
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": StatusPeriode.DISAHKAN})
    r = klien.post(_url(unit), _data(iku_nomor="HK/1", iku_kota="Bandung", iku_salinan="Sekretaris Utama"))
    assert r.status_code == 409
    assert not NaskahDinas.objects.filter(unit=unit).exists()


def test_word_mencetak_kop_huruf_dan_salinan(unit):
    """The DOCX's decree (laporan.word) prints the same new parts as the PDF."""
    from laporan.word import _Penulis

    NaskahDinas.objects.create(unit=unit, iku_nomor="HK/9", iku_menimbang=MENIMBANG_TIGA, iku_salinan="Inspektur Utama")
    w = _Penulis(None)
    w._keputusan(_keputusan(unit), lanskap=False)
    teks = [p.text for p in w.doc.paragraphs]
    assert teks[:3] == ["BADAN PENGAWAS OBAT DAN MAKANAN", "SEKRETARIAT UTAMA", "BIRO KERJA SAMA"]
    assert "NOMOR HK/9" in teks and "KEPALA BIRO KERJA SAMA," in teks
    assert [t[:3] for t in teks if t[:2] in ("a.", "b.", "c.")] == ["a. ", "b. ", "c. "]
    assert any("dimaksud dalam huruf a dan huruf b," in t for t in teks)
    assert teks[teks.index("Salinan Keputusan ini disampaikan kepada Yth.:") + 1] == "1. Inspektur Utama"
