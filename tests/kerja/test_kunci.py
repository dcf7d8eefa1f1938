"""Approved (disahkan) and locked (dikunci) years refuse every write, with a clear Indonesian message; a realisasi
of an indikator not in force that year is refused before anything is written. Every write route on a frozen year:
tests/test_rute.py."""

import pytest
from django.urls import reverse

from indikator import models as m
from indikator import periode, services
from indikator.enums import StatusPeriode

from .conftest import TAHUN, atur_status, potret

PESAN = "tidak dapat diubah"


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


def _revisi_baru(data):
    """A revision from 2019 on: the dataset's indikator are no longer in force in 2019."""
    return m.RevisiRenstra.objects.create(
        renstra=data.renstra, nomor=1, nama="Revisi 2019", berlaku_mulai=2019, berlaku_sampai=2019
    )


@pytest.mark.parametrize(
    ("tahun", "siapkan"),
    [(2020, None), (2100, None), (2014, None), (2019, _revisi_baru)],
    ids=["tanpa-renstra", "2100", "sebelum-renstra", "revisi-lain"],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "biasa"])
def test_realisasi_indikator_tidak_berlaku_ditolak_tanpa_tulis(client, data, tahun, siapkan, htmx):
    """Finding 2 (round two): the htmx save of an indikator not in force that year wrote the value, then
    answered 500. Now refused with the reason, nothing written."""
    if siapkan:
        siapkan(data)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    url = reverse("kerja:realisasi_sel", args=["biro-ks", tahun, data.ind1.pk, 2])
    r = client.post(url, {"nilai": "9"}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}), follow=not htmx)
    assert r.status_code == 200
    assert f"Indikator I1 tidak berlaku pada tahun {tahun}" in r.content.decode()
    assert potret() == sebelum
    for nama, args in (("realisasi_baris", []), ("realisasi_rincian", [2])):
        r = client.post(reverse(f"kerja:{nama}", args=["biro-ks", tahun, data.ind1.pk, *args]), {"tw2-nilai": "9"})
        assert r.status_code in (200, 404)
        assert potret() == sebelum


@pytest.mark.parametrize(("tahun", "berlaku"), [(2014, False), (2015, True), (2019, True), (2020, False)])
def test_indikator_berlaku(data, tahun, berlaku):
    assert services.indikator_berlaku(data.ind1, tahun) is berlaku


@pytest.mark.parametrize(
    ("status", "pesan"),
    [
        (None, None),  # no period row: draft
        (StatusPeriode.DRAFT, None),
        (StatusPeriode.DIKEMBALIKAN, None),
        (StatusPeriode.DIAJUKAN, f"Data Biro Kerja Sama tahun {TAHUN} sedang diajukan untuk disahkan dan dibekukan"),
        (StatusPeriode.DISAHKAN, f"Data Biro Kerja Sama tahun {TAHUN} sudah disahkan dan tidak dapat diubah."),
        (StatusPeriode.DIKUNCI, f"Data Biro Kerja Sama tahun {TAHUN} sudah dikunci dan tidak dapat diubah."),
    ],
)
def test_kunci_periode_per_status(data, status, pesan):
    """The one lock rule every write route asks (tests/test_rute.py posts to each on a frozen year), whoever
    writes: the same for planners and administrators. Only the year itself is frozen."""
    if status:
        atur_status(data, status)
    for fungsi in (periode.pastikan_dapat_diubah, periode.kunci_periode_untuk_tulis):
        if pesan is None:
            fungsi(data.unit, TAHUN)
        else:
            with pytest.raises(periode.PeriodeBeku) as e:
                fungsi(data.unit, TAHUN)
            assert e.value.messages[0].startswith(pesan)
        fungsi(data.unit, TAHUN + 1)
    if pesan:
        with pytest.raises(periode.PeriodeBeku):
            periode.kunci_rentang_untuk_tulis(data.unit, tahun_mulai=2015, tahun_selesai=2019)


def test_admin_juga_ditolak_saat_terkunci(client, kunci):
    client.force_login(kunci.pengguna["admin"])
    sebelum = potret()
    r = client.post(
        reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, kunci.ind1.pk, 2]), {"nilai": "9"}, follow=True
    )
    assert f"Data Biro Kerja Sama tahun {TAHUN} sudah dikunci dan tidak dapat diubah." in r.content.decode()
    assert potret() == sebelum


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "biasa"])
def test_realisasi_triwulan_di_luar_1_4_ditolak_dengan_alasan(client, data, htmx):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    url = reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 5])
    r = client.post(url, {"nilai": "9"}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}), follow=not htmx)
    assert r.status_code == 200
    assert "Triwulan harus 1 sampai 4." in r.content.decode()
    assert potret() == sebelum
