"""Report of a unit without perspectives, with a letter-grade target, an indikator not computed and a staff table by
rank group (issue 9)."""

import pytest
from django.urls import reverse

from indikator.enums import Peran
from indikator.models import Target
from laporan.konsistensi import periksa_konsistensi
from tests.pabrik import buat_pengguna
from tests.pabrik_tanpa_perspektif import TAHUN, buat_unit_tanpa_perspektif

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_dinas(client):
    unit = buat_unit_tanpa_perspektif()
    client.force_login(buat_pengguna("perencana-dinas", Peran.PERENCANA, unit))
    return unit


def test_html_tanpa_perspektif(client, unit_dinas):
    r = client.get(reverse("laporan:html", args=[unit_dinas.slug, TAHUN]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Perspektif / Sasaran" not in html and "Perspective" not in html
    assert "NKO = rata-rata NPS sasaran" in html
    assert "NKO dihitung atas 3 dari 4 indikator; tidak dihitung: I4 (belum ada data realisasi)." in html
    assert "99,84" in html and "89,68" in html
    assert "tidak dihitung: belum ada data realisasi" in html


def test_tabel_pegawai_menurut_golongan(client, unit_dinas):
    html = client.get(reverse("laporan:html", args=[unit_dinas.slug, TAHUN])).content.decode()
    assert "Berdasarkan Golongan" in html
    assert "Berdasarkan Tingkat Pendidikan" not in html
    for teks in ("Golongan IV", "Golongan III", "Golongan I", "Tidak diketahui", "Tenaga honorer / non-ASN"):
        assert teks in html


def test_tabel_pegawai_menurut_jenis_saja(client, unit_dinas):
    from indikator.models import KomposisiPegawai

    KomposisiPegawai.objects.filter(unit=unit_dinas).exclude(golongan="").delete()
    KomposisiPegawai.objects.create(unit=unit_dinas, tahun=TAHUN, jenis="pramubakti", jumlah=6)
    html = client.get(reverse("laporan:html", args=[unit_dinas.slug, TAHUN])).content.decode()
    assert "Berdasarkan Jenis Kepegawaian" in html and "Berdasarkan Golongan" not in html
    assert "Pramubakti" in html and "Tenaga honorer / non-ASN" in html and "Jenis tidak diketahui" not in html


def test_xlsx_dan_pdf_tanpa_perspektif(client, unit_dinas):
    r = client.get(reverse("laporan:xlsx", args=[unit_dinas.slug, TAHUN]))
    assert r.status_code == 200


def test_konsistensi_mendaftar_indikator_tidak_dihitung(unit_dinas):
    Target.objects.filter(indikator__kode="I3", tahun=TAHUN).update(nilai_kualitatif="D")
    peringatan = periksa_konsistensi(unit_dinas, TAHUN)
    tidak = [p for p in peringatan if p.kode == "tidak_dihitung"]
    assert len(tidak) == 1 and tidak[0].objek.startswith("I3")
    assert "target bernilai 0" in tidak[0].pesan and "NKO dihitung atas 2 dari 4 indikator" in tidak[0].pesan
    assert [p.objek[:2] for p in peringatan if p.kode == "realisasi_kosong"] == ["I4"]
    assert not [p for p in peringatan if p.kode == "sasaran_tanpa_perspektif"]


def test_konsistensi_sasaran_tanpa_perspektif_pada_skema_berperspektif(unit_dinas):
    from indikator.models import SkemaPenilaian

    SkemaPenilaian.objects.filter(renstra__unit=unit_dinas).update(pakai_perspektif=True)
    peringatan = periksa_konsistensi(unit_dinas, TAHUN)
    assert len([p for p in peringatan if p.kode == "sasaran_tanpa_perspektif"]) == 3
