"""Dashboard of a unit without perspectives, with an indikator not computed and a yearly-only budget (issue 9)."""

import pytest
from django.urls import reverse

from indikator.enums import Peran
from tests.pabrik import buat_pengguna
from tests.pabrik_tanpa_perspektif import TAHUN, buat_unit_tanpa_perspektif

pytestmark = pytest.mark.django_db


@pytest.fixture
def halaman(client):
    unit = buat_unit_tanpa_perspektif()
    client.force_login(buat_pengguna("kepala-dinas", Peran.PIMPINAN, unit))
    r = client.get(reverse("dasbor:utama"), {"unit": unit.slug, "tahun": TAHUN})
    assert r.status_code == 200
    return r.content.decode()


def test_tanpa_grafik_dan_saringan_perspektif(halaman):
    assert 'id="grafik-perspektif"' not in halaman
    assert "NPS per perspektif" not in halaman
    assert 'name="perspektif"' not in halaman
    assert 'data-angka="nko"' in halaman and "99,84" in halaman


def test_nko_menyebut_cakupan_dan_alasan_tidak_dihitung(halaman):
    assert "dihitung atas 3 dari 4 indikator" in halaman and "dari 3 dari" not in halaman
    assert "tidak dihitung: belum ada data realisasi" in halaman
    assert "89,68" in halaman  # letter-grade target "A" against 71,74


def test_kurva_serapan_menyebut_angka_setahun(halaman):
    assert 'data-catatan="serapan-tahunan"' in halaman
    assert "hanya tercatat sebagai angka setahun" in halaman
    assert "Rp 1.500.000.000" in halaman


def test_referensi_tanpa_catatan_setahun(klien_kepala):
    html = klien_kepala.get(reverse("dasbor:utama"), {"tahun": 2018}).content.decode()
    assert 'data-catatan="serapan-tahunan"' not in html
    assert 'id="grafik-perspektif"' in html and "dihitung atas 8 dari 8 indikator" in html
