"""List pages use a constant number of queries: the same count with one row and with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.models import BarisPK, Indikator, Realisasi, RencanaAksi, Target

from .conftest import TAHUN, buat_indikator


def _tambah_banyak(data, n=12):
    for i in range(n):
        ind = buat_indikator(data.sasaran, f"X{i}", urutan=10 + i)
        Target.objects.create(indikator=ind, tahun=TAHUN, nilai=10 + i)
        b = BarisPK.objects.create(versi=data.versi, urutan=10 + i, indikator=ind, uraian_sasaran="s", nilai=10)
        for tw in (1, 2):
            RencanaAksi.objects.create(baris_pk=b, triwulan=tw, target_kumulatif=tw * 5)
            Realisasi.objects.create(indikator=ind, tahun=TAHUN, triwulan=tw, nilai=tw * 4)
        m = MataAnggaran.objects.create(
            unit=data.unit, tahun=TAHUN, kode=f"001.{i}", nama=f"Komponen {i}", jenis="komponen", induk=data.mata
        )
        PaguRevisi.objects.create(mata_anggaran=m, revisi_ke=0, berlaku_mulai=f"{TAHUN}-01-01", nilai=1000)
        RealisasiAnggaran.objects.create(mata_anggaran=m, bulan=1, nilai=100)
        s = SubKegiatan.objects.create(unit=data.unit, tahun=TAHUN, nama=f"Sub {i}", mata_anggaran=m, target_output=3)
        s.indikator.add(ind)
        s.sasaran.add(data.sasaran)


HALAMAN = [
    ("kerja:realisasi", lambda d: ["biro-ks", TAHUN]),
    ("kerja:renstra", lambda d: ["biro-ks", d.renstra.pk]),
    ("kerja:target", lambda d: ["biro-ks", d.revisi.pk]),
    ("kerja:versi_pk", lambda d: ["biro-ks", d.versi.pk]),
    ("kerja:rencana_aksi", lambda d: ["biro-ks", d.versi.pk]),
    ("kerja:pk", lambda d: ["biro-ks", TAHUN]),
    ("kerja:anggaran", lambda d: ["biro-ks", TAHUN]),
    ("kerja:sub_kegiatan", lambda d: ["biro-ks", TAHUN]),
    ("kerja:riwayat_unit", lambda d: ["biro-ks", TAHUN]),
    ("kerja:pengguna", lambda d: []),
]


def _hitung(client, url):
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q)


@pytest.mark.parametrize("nama, args", HALAMAN, ids=[h[0] for h in HALAMAN])
def test_jumlah_kueri_tetap(client, data, nama, args):
    client.force_login(data.pengguna["admin"])
    url = reverse(nama, args=args(data))
    _hitung(client, url)  # warm the session
    sedikit = _hitung(client, url)
    _tambah_banyak(data)
    assert Indikator.objects.count() > 10
    assert _hitung(client, url) == sedikit


def test_jumlah_kueri_realisasi_dengan_django_assert(client, data, django_assert_num_queries):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:realisasi", args=["biro-ks", TAHUN])
    client.get(url)
    n = _hitung(client, url)
    _tambah_banyak(data, 20)
    with django_assert_num_queries(n):
        client.get(url)
