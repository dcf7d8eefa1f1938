"""People's words on the narrative pages: each section named by where it prints, never by its internal key;
the per-indikator analysis says where it prints; a target is not followed by its unit twice."""

import re

import pytest
from django.urls import reverse

from indikator.enums import Peran
from laporan.models import NarasiLaporan
from laporan.narasi import letak_analisis_indikator, letak_cetak
from tests.laporan.test_konsistensi import TAHUN, buat_unit
from tests.pabrik import buat_pengguna
from umum.templatetags.angka import dengan_satuan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kunci, nomor, letak",
    [
        ("kata_pengantar", None, "Kata Pengantar"),
        ("ringkasan_eksekutif", None, "Ringkasan Eksekutif"),
        ("bab1_pendahuluan", None, "Bab I · Pendahuluan (pengantar)"),
        ("bab1_maksud_tujuan", None, "Bab I · Maksud dan Tujuan"),
        ("bab2_rencana_strategis", None, "Bab II · Rencana Strategis"),
        ("bab3_nps", None, "Bab III · Capaian Kinerja Organisasi · Penjelasan Nilai Pencapaian Sasaran"),
        ("bab3_akuntabilitas_keuangan", None, "Bab III · Akuntabilitas Keuangan"),
        ("bab4_saran", None, "Bab IV · Saran"),
        ("penutup", None, "Bab IV · Penutup"),
        ("analisis", 1, "Bab III · Sasaran 1 · Analisis capaian"),
        ("upaya", 2, "Bab III · Sasaran 2 · Upaya tahun berikutnya"),
    ],
)
def test_letak_cetak(kunci, nomor, letak):
    assert letak_cetak(kunci, nomor) == letak


def test_letak_analisis_indikator():
    assert letak_analisis_indikator(2, "IKU3") == "Bab III · Sasaran 2 · di bawah kalimat capaian indikator IKU3"


@pytest.mark.parametrize(
    "teks, satuan, hasil",
    [
        ("70%", "%", "70%"),
        ("70 %", "%", "70 %"),
        ("70", "%", "70 %"),
        ("3", "dokumen", "3 dokumen"),
        ("3 Dokumen", "dokumen", "3 Dokumen"),
        ("–", "%", "–"),
        ("80–90", "", "80–90"),
        ("B", None, "B"),
    ],
)
def test_dengan_satuan(teks, satuan, hasil):
    assert dengan_satuan(teks, satuan) == hasil


def test_daftar_narasi_memakai_letak_bukan_kunci(client):
    unit = buat_unit("biro", sasaran=2)
    client.force_login(buat_pengguna("perencana", Peran.PERENCANA, unit))
    html = client.get(reverse("kerja:narasi_daftar", args=[unit.slug, TAHUN])).content.decode()
    teks = re.sub(r"<[^>]+>", " ", html)  # what people read (links' targets left out)
    assert "Bab III · Sasaran 1 · Analisis capaian" in teks
    assert "Bab III · Sasaran 2 · Analisis capaian" in teks
    assert "Kata Pengantar" in teks
    assert "kata_pengantar" not in teks and "analisis--S1" not in teks and "bab1_" not in teks


def test_halaman_ubah_menyebut_letak_cetak(client):
    unit = buat_unit("biro", sasaran=2)
    client.force_login(buat_pengguna("perencana", Peran.PERENCANA, unit))
    html = client.get(reverse("kerja:narasi_ubah", args=[unit.slug, TAHUN, "analisis--S2"])).content.decode()
    assert re.search(r"data-letak>Bab III · Sasaran 2 · Analisis capaian<", html)
    assert "Analisis per indikator" in html  # says where the other analysis goes
    NarasiLaporan.objects.create(unit=unit, tahun=TAHUN, bagian="bab4_saran", isi="Saran.")
    html = client.get(reverse("kerja:narasi_ubah", args=[unit.slug, TAHUN, "bab4_saran"])).content.decode()
    assert "data-letak>Bab IV · Saran<" in html
