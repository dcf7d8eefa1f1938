"""The yearly value on the realisasi page: entered in its own cell (URL quarter 0, stored as triwulan NULL), it
replaces the quarters' aggregate for capaian; emptied, the aggregate comes back. Its narrative is the one the
Laporan Kinerja prints per indikator."""

from decimal import Decimal as D

from django.urls import reverse

from indikator.models import Realisasi

from .conftest import TAHUN, potret

HTMX = {"HTTP_HX_REQUEST": "true"}


def _sel(ind):
    return reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, ind.pk, 0])


def test_halaman_realisasi_punya_isian_tahunan(client, data):
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN])).content.decode()
    # One form per row (quarters and yearly value saved together); the yearly cell is its tw0 field.
    assert f'action="{reverse("kerja:realisasi_baris", args=["biro-ks", TAHUN, data.ind1.pk])}"' in html
    assert 'name="tw0-nilai" form="form-baris-' in html
    assert "dari triwulan" in html  # I1 has only quarterly values: the year comes from them


def test_nilai_tahunan_menggantikan_agregat_triwulan_lalu_kembali_bila_dikosongkan(client, data):
    client.force_login(data.pengguna["perencana"])
    # Q1 = 7 against a target of 34: 20,59 %.
    r = client.post(_sel(data.ind1), {"nilai": "34"}, **HTMX)
    html = r.content.decode()
    assert r.status_code == 200
    assert "100,00 %" in html and "nilai tahunan dipakai" in html  # I1 also has a quarter: the row says so
    assert r["HX-Trigger"] == "realisasi-tersimpan"  # the page then refreshes its NKO line
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=None).nilai == D("34")
    # The quarters are untouched.
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=1).nilai == D("7")

    html = client.post(_sel(data.ind1), {"nilai": ""}, **HTMX).content.decode()
    assert "20,59 %" in html and "dari triwulan" in html
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=None).nilai is None


def test_nilai_tahunan_salah_ditolak_di_sel(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(_sel(data.ind1), {"nilai": "1.23.4"}, **HTMX)
    html = r.content.decode()
    assert "bukan angka yang sah" in html
    assert 'data-tw="0"' in html
    assert "HX-Trigger" not in r
    assert potret() == sebelum


def test_narasi_tahunan_disimpan_di_baris_tahunan(client, data):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 0])
    r = client.get(url)
    assert r.status_code == 200 and "Tahunan" in r.content.decode()
    r = client.post(url, {"nilai": "30", "analisis": "Target tercapai berkat koordinasi."})
    assert r.status_code == 302
    tahunan = Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=None)
    assert tahunan.nilai == D("30") and tahunan.analisis == "Target tercapai berkat koordinasi."


def test_auditor_tidak_boleh_mengisi_nilai_tahunan(client, data):
    client.force_login(data.pengguna["auditor"])
    sebelum = potret()
    assert client.post(_sel(data.ind1), {"nilai": "34"}).status_code == 403
    assert potret() == sebelum
