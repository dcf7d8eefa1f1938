"""The consolidation pages (/pohon/<unit>/<tahun>/konsolidasi/): a rule over a source of another unit of measure
is refused at the form with its message and nothing saved; a run over a sub-unit not approved names it; after a
run the page shows the trace."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from indikator import models as m
from indikator.enums import StatusPeriode
from pohon.models import AgregasiIndikator, HasilKonsolidasi

from .conftest import TAHUN, buat_indikator

pytestmark = pytest.mark.django_db


@pytest.fixture
def anak(data):
    """Two sub-units of the Biro: one measured in the Biro's ind1 unit (dokumen), one in kegiatan."""
    hasil = []
    for slug, satuan, nilai in (("anak-a", "dokumen", "5"), ("anak-b", "kegiatan", "7")):
        u = m.UnitKerja.objects.create(slug=slug, nama=f"Bagian {slug[-1].upper()}", induk=data.unit)
        r = m.Renstra.objects.create(unit=u, nama="R", tahun_mulai=2015, tahun_selesai=2019, skema=data.skema)
        rv = m.RevisiRenstra.objects.create(renstra=r, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2019)
        s = m.Sasaran.objects.create(revisi=rv, kode="S1", nama="Sasaran", perspektif="customer")
        i = buat_indikator(s, "A1", satuan=satuan)
        m.Realisasi.objects.create(indikator=i, tahun=TAHUN, nilai=D(nilai))
        hasil.append((u, i))
    return hasil


def test_aturan_beda_satuan_ditolak_tanpa_simpan(client, data, anak):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:konsolidasi_aturan", args=[data.unit.slug, TAHUN, data.ind1.pk])
    r = client.get(url)
    assert r.status_code == 200 and "Bagian A — A1" in r.content.decode()
    r = client.post(url, {"metode": "jumlah", "sumber": [str(anak[0][1].pk), str(anak[1][1].pk)]})
    isi = r.content.decode()
    assert r.status_code == 200
    assert "bersatuan &#x27;kegiatan&#x27;" in isi or "bersatuan 'kegiatan'" in isi
    assert not AgregasiIndikator.objects.exists()
    r = client.post(url, {"metode": "jumlah", "sumber": [str(anak[0][1].pk)]})
    assert r.status_code == 302
    assert AgregasiIndikator.objects.get(indikator=data.ind1).sumber.get().indikator == anak[0][1]


def test_hitung_menolak_unit_belum_disahkan_lalu_menampilkan_jejak(client, data, anak):
    client.force_login(data.pengguna["perencana"])
    client.post(
        reverse("kerja:konsolidasi_aturan", args=[data.unit.slug, TAHUN, data.ind1.pk]),
        {"metode": "jumlah", "sumber": [str(anak[0][1].pk)]},
    )
    hitung = reverse("kerja:konsolidasi_hitung", args=[data.unit.slug, TAHUN])
    r = client.post(hitung, follow=True)
    assert "belum disahkan: Bagian A" in r.content.decode()
    assert not HasilKonsolidasi.objects.exists()
    m.PeriodeUnit.objects.create(unit=anak[0][0], tahun=TAHUN, status=StatusPeriode.DISAHKAN)
    r = client.post(hitung, follow=True)
    isi = r.content.decode()
    assert "Konsolidasi tahun 2018 dihitung." in isi
    assert "Bagian A — A1" in isi and "masih sesuai" in isi
    assert m.Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=None).nilai == D("5")


def test_pembilang_penyebut_dicatat_dan_separuh_ditolak(client, data, anak):
    """The sub-unit's planner types the numerator and denominator of its percentage; a half pair is refused."""
    from pohon.models import RasioRealisasi
    from tests.pabrik import buat_pengguna

    unit, ind = anak[0]
    m.Indikator.objects.filter(pk=ind.pk).update(satuan="%")
    client.force_login(buat_pengguna("perencana_anak", "perencana", unit))
    url = reverse("kerja:konsolidasi_rasio", args=[unit.slug, TAHUN])
    r = client.post(url, {f"pembilang_{ind.pk}": "7", f"penyebut_{ind.pk}": ""})
    assert r.status_code == 200 and "isi pembilang dan penyebut sekaligus" in r.content.decode()
    assert not RasioRealisasi.objects.exists()
    r = client.post(url, {f"pembilang_{ind.pk}": "7", f"penyebut_{ind.pk}": "10"})
    assert r.status_code == 302
    assert RasioRealisasi.objects.values_list("pembilang", "penyebut").get() == (D("7"), D("10"))
