"""Approved (disahkan) and locked (dikunci) years refuse every write, with a clear Indonesian message."""

import pytest
from django.urls import reverse

from indikator import periode, services
from indikator.enums import StatusPeriode

from .conftest import TAHUN, atur_status, potret
from .titik import TITIK

PESAN = "tidak dapat diubah"


@pytest.mark.parametrize("status", [StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
@pytest.mark.parametrize("titik", TITIK, ids=lambda t: t.nama)
@pytest.mark.parametrize("peran", ["perencana", "admin"])
def test_tulis_ditolak_saat_periode_terkunci(client, data, titik, peran, status):
    atur_status(data, status)
    client.force_login(data.pengguna[peran])
    sebelum = potret()
    r = client.post(titik.url(data), titik.isi(data), follow=True)
    assert r.status_code == 200
    assert potret() == sebelum
    isi = r.content.decode()
    assert PESAN in isi
    assert f"Data Biro Kerja Sama tahun {TAHUN} sudah {StatusPeriode(status).label.lower()}" in isi


def test_htmx_realisasi_ditolak_saat_terkunci_tampil_di_baris(client, kunci):
    client.force_login(kunci.pengguna["perencana"])
    sebelum = potret()
    url = reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, kunci.ind1.pk, 2])
    r = client.post(url, {"nilai": "9"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert PESAN in r.content.decode()
    assert potret() == sebelum


def test_tahun_lain_tetap_dapat_diubah(client, kunci):
    """Only the locked year is frozen: the same indikator's 2019 realisasi can be entered."""
    client.force_login(kunci.pengguna["perencana"])
    r = client.post(reverse("kerja:realisasi_sel", args=["biro-ks", 2019, kunci.ind1.pk, 1]), {"nilai": "3"})
    assert r.status_code == 302
    assert kunci.ind1.realisasi.get(tahun=2019, triwulan=1).nilai == 3


def test_halaman_menampilkan_status_terkunci_tanpa_isian(client, kunci):
    client.force_login(kunci.pengguna["perencana"])
    isi = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN])).content.decode()
    assert "semua perubahan ditolak" in isi
    assert 'name="nilai"' not in isi


def test_layanan_menolak_tulis_langsung_saat_terkunci(kunci):
    with pytest.raises(periode.PeriodeBeku):
        services.simpan_realisasi(indikator=kunci.ind1, tahun=TAHUN, triwulan=2, nilai=1)
    with pytest.raises(periode.PeriodeBeku):
        services.pensiunkan_indikator(indikator=kunci.ind2, tahun=TAHUN)


def test_versi_pk_pertama_membuat_pk_tahun(data):
    """The year's first PK version creates the year's PK (one write service, `services.simpan_versi_pk`)."""
    import datetime

    from indikator.models import PerjanjianKinerja, VersiPK

    tahun = TAHUN + 1
    versi = VersiPK(
        pk_induk=PerjanjianKinerja(unit=data.unit, tahun=tahun),
        berlaku_mulai=datetime.date(tahun, 1, 1),
        berlaku_sampai=datetime.date(tahun, 12, 31),
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala Biro",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Sekretaris Utama",
    )
    services.simpan_versi_pk(versi=versi)
    pk = PerjanjianKinerja.objects.get(unit=data.unit, tahun=tahun)
    assert list(pk.versi.values_list("nomor", flat=True)) == [1]
