"""Every role against every write view: allowed roles change data; every other role gets 403 and nothing changes."""

import pytest

from .conftest import potret
from .titik import TITIK

DIIZINKAN = ("admin", "perencana")
DITOLAK = ("pimpinan", "pimpinan_induk", "auditor", "perencana_lain", "pimpinan_lain", "tanpa_peran")


@pytest.mark.parametrize("titik", TITIK, ids=lambda t: t.nama)
@pytest.mark.parametrize("peran", DIIZINKAN)
def test_peran_berwenang_dapat_menulis(client, data, titik, peran):
    client.force_login(data.pengguna[peran])
    sebelum = potret()
    r = client.post(titik.url(data), titik.isi(data))
    assert r.status_code == 302, r.content.decode()[:3000]
    assert potret() != sebelum


@pytest.mark.parametrize("titik", TITIK, ids=lambda t: t.nama)
@pytest.mark.parametrize("peran", DITOLAK)
def test_peran_lain_ditolak_403_tanpa_perubahan(client, data, titik, peran):
    client.force_login(data.pengguna[peran])
    sebelum = potret()
    r = client.post(titik.url(data), titik.isi(data))
    assert r.status_code == 403
    assert potret() == sebelum


@pytest.mark.parametrize("titik", TITIK, ids=lambda t: t.nama)
def test_anonim_diarahkan_ke_login_tanpa_perubahan(client, data, titik):
    sebelum = potret()
    r = client.post(titik.url(data), titik.isi(data))
    assert r.status_code == 302 and "/masuk/" in r["Location"]
    assert potret() == sebelum


@pytest.mark.parametrize("peran", ["admin", "perencana", "pimpinan", "pimpinan_induk", "auditor"])
@pytest.mark.parametrize(
    "nama, args",
    [
        ("kerja:renstra_daftar", lambda d: ["biro-ks"]),
        ("kerja:renstra", lambda d: ["biro-ks", d.renstra.pk]),
        ("kerja:target", lambda d: ["biro-ks", d.revisi.pk]),
        ("kerja:pk", lambda d: ["biro-ks", 2018]),
        ("kerja:versi_pk", lambda d: ["biro-ks", d.versi.pk]),
        ("kerja:rencana_aksi", lambda d: ["biro-ks", d.versi.pk]),
        ("kerja:realisasi", lambda d: ["biro-ks", 2018]),
        ("kerja:realisasi_rincian", lambda d: ["biro-ks", 2018, d.ind1.pk, 1]),
        ("kerja:anggaran", lambda d: ["biro-ks", 2018]),
        ("kerja:mata_anggaran", lambda d: ["biro-ks", d.mata.pk]),
        ("kerja:sub_kegiatan", lambda d: ["biro-ks", 2018]),
        ("kerja:riwayat_unit", lambda d: ["biro-ks", 2018]),
        ("kerja:bukti_unduh", lambda d: ["biro-ks", d.bukti.pk]),
    ],
)
def test_pembaca_unit_dapat_membaca(client, data, peran, nama, args):
    from django.urls import reverse

    client.force_login(data.pengguna[peran])
    assert client.get(reverse(nama, args=args(data))).status_code == 200


@pytest.mark.parametrize("peran", ["perencana_lain", "pimpinan_lain", "tanpa_peran"])
@pytest.mark.parametrize(
    "nama, args",
    [
        ("kerja:renstra", lambda d: ["biro-ks", d.renstra.pk]),
        ("kerja:realisasi", lambda d: ["biro-ks", 2018]),
        ("kerja:anggaran", lambda d: ["biro-ks", 2018]),
        ("kerja:riwayat_unit", lambda d: ["biro-ks", 2018]),
        ("kerja:bukti_unduh", lambda d: ["biro-ks", d.bukti.pk]),
    ],
)
def test_unit_lain_tidak_dapat_membaca(client, data, peran, nama, args):
    from django.urls import reverse

    client.force_login(data.pengguna[peran])
    assert client.get(reverse(nama, args=args(data))).status_code == 403


def test_objek_unit_lain_lewat_slug_sendiri_404(client, data):
    """A planner of another unit cannot reach this unit's objects through their own unit's slug."""
    from django.urls import reverse

    client.force_login(data.pengguna["perencana_lain"])
    sebelum = potret()
    r = client.post(reverse("kerja:indikator_ubah", args=["biro-lain", data.ind1.pk]), {"nama": "x"})
    assert r.status_code == 404
    assert potret() == sebelum
