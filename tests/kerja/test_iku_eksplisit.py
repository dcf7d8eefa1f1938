"""Issue 19, finding 4: IKU is an explicit Ya/Tidak, and a year without any IKU is a consistency warning.

Before, the IKU checkbox defaulted to off: indikator named IKU1–3 dropped out of the IKU table and the IKU decree
without a word (and saving an indikator form without the box ticked turned IKU off)."""

import re

import pytest
from django.urls import reverse

from indikator.models import Indikator
from laporan.konsistensi import periksa_konsistensi

from .conftest import TAHUN, potret

PESAN_WAJIB = "Pilih Ya atau Tidak: apakah indikator ini IKU?"


def _radio_iku(html: str) -> dict[str, bool]:
    """value → checked, of the IKU radio buttons."""
    return {
        re.search(r'value="([^"]*)"', tag).group(1): "checked" in tag
        for tag in re.findall(r'<input[^>]*name="iku"[^>]*>', html)
    }


def _isi(**lain):
    return {"kode": "IKU3", "nama": "Indeks kepuasan", "polaritas": "positif", "agregasi": "terakhir", **lain}


def test_indikator_baru_tanpa_pilihan_iku(client, data):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:indikator_baru", args=["biro-ks", data.sasaran.pk])
    assert _radio_iku(client.get(url).content.decode()) == {"ya": False, "tidak": False}
    sebelum = potret()
    r = client.post(url, _isi())
    assert r.status_code == 200
    assert PESAN_WAJIB in r.content.decode()
    assert potret() == sebelum


@pytest.mark.parametrize("pilihan, iku", [("ya", True), ("tidak", False)])
def test_indikator_baru_menyimpan_pilihan_iku(client, data, pilihan, iku):
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:indikator_baru", args=["biro-ks", data.sasaran.pk]), _isi(iku=pilihan))
    assert r.status_code == 302
    assert Indikator.objects.get(kode="IKU3").iku is iku


def test_ubah_indikator_menampilkan_pilihan_tersimpan_dan_tidak_mematikan_iku_diam_diam(client, data):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:indikator_ubah", args=["biro-ks", data.ind1.pk])
    halaman = client.get(url).content.decode()
    assert _radio_iku(halaman) == {"ya": True, "tidak": False}
    versi = re.search(r'name="versi" value="([^"]*)"', halaman).group(1)
    r = client.post(url, _isi(kode="I1", versi=versi))  # the IKU answer left out: refused, not "Tidak"
    assert r.status_code == 200
    assert PESAN_WAJIB in r.content.decode()
    data.ind1.refresh_from_db()
    assert data.ind1.iku is True


@pytest.mark.parametrize(
    "iku, ada_peringatan", [((True, False), False), ((False, True), False), ((False, False), True)]
)
def test_peringatan_tahun_tanpa_iku(data, iku, ada_peringatan):
    for ind, nilai in zip((data.ind1, data.ind2), iku, strict=True):
        Indikator.objects.filter(pk=ind.pk).update(iku=nilai)
    peringatan = [p for p in periksa_konsistensi(data.unit, TAHUN) if p.kode == "iku_kosong"]
    if not ada_peringatan:
        assert peringatan == []
        return
    (p,) = peringatan
    assert p.pesan.startswith(f"Tidak ada indikator tahun {TAHUN} yang ditandai sebagai IKU")
    assert p.objek == data.renstra.nama
    assert p.url == reverse("kerja:renstra", args=["biro-ks", data.renstra.pk])


def test_halaman_konsistensi_menautkan_daftar_indikator(client, data):
    Indikator.objects.update(iku=False)
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:konsistensi", args=["biro-ks", TAHUN])).content.decode()
    assert "Tahun tanpa Indikator Kinerja Utama (IKU)" in html
    assert f'href="{reverse("kerja:renstra", args=["biro-ks", data.renstra.pk])}"' in html
