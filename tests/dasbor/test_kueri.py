"""Dashboard, roll-up and detail views run a constant number of queries whatever the number of units,
indikator and budget lines (same count at 1 and at many)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indikator.models import Indikator


def _jumlah_kueri(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url, params)
    assert r.status_code == 200
    return len(ctx.captured_queries)


def test_dasbor_unit_jumlah_kueri_tetap(client, skala):
    kecil, kepala_kecil = skala(unit=1, indikator=2, baris_anggaran=6, awalan="kecil")
    besar, kepala_besar = skala(unit=4, indikator=12, baris_anggaran=120, awalan="besar")
    client.force_login(kepala_kecil)
    n_kecil = _jumlah_kueri(client, reverse("dasbor:utama"), {"unit": "kecil-001", "tahun": 2021})
    client.force_login(kepala_besar)
    n_besar = _jumlah_kueri(client, reverse("dasbor:utama"), {"unit": "besar-003", "tahun": 2021})
    assert n_kecil == n_besar


def test_rollup_jumlah_kueri_tetap(client, skala):
    kecil, kepala_kecil = skala(unit=1, indikator=2, baris_anggaran=6, awalan="kecil")
    besar, kepala_besar = skala(unit=8, indikator=10, baris_anggaran=160, awalan="besar")
    client.force_login(kepala_kecil)
    n_kecil = _jumlah_kueri(client, reverse("dasbor:rollup"), {"unit": "kecil-induk", "tahun": 2021})
    client.force_login(kepala_besar)
    n_besar = _jumlah_kueri(client, reverse("dasbor:rollup"), {"unit": "besar-induk", "tahun": 2021})
    assert n_kecil == n_besar


def test_detail_indikator_jumlah_kueri_tetap(client, skala):
    kecil, kepala_kecil = skala(unit=1, indikator=2, baris_anggaran=6, tahun=2, awalan="kecil")
    besar, kepala_besar = skala(unit=3, indikator=12, baris_anggaran=60, tahun=4, awalan="besar")
    client.force_login(kepala_kecil)
    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit__slug="kecil-001").first()
    n_kecil = _jumlah_kueri(client, reverse("dasbor:indikator", args=[ind.pk]), {"tahun": 2021})
    client.force_login(kepala_besar)
    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit__slug="besar-002").first()
    n_besar = _jumlah_kueri(client, reverse("dasbor:indikator", args=[ind.pk]), {"tahun": 2021})
    assert n_kecil == n_besar
