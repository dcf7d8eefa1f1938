"""Yearly budget realisasi (issue 9): a yearly figure wins over the months, the monthly curve leaves it out and says
so, and the budget line page writes it through the service (bad input changes nothing)."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anggaran import services
from anggaran.models import MataAnggaran
from anggaran.queries import susun_anggaran
from indikator.enums import Peran
from tests.pabrik import buat_pengguna
from tests.pabrik_tanpa_perspektif import TAHUN, buat_unit_tanpa_perspektif

pytestmark = pytest.mark.django_db


def test_angka_setahun_menang_atas_bulanan():
    unit = buat_unit_tanpa_perspektif()
    a = susun_anggaran(unit, TAHUN)
    komponen = a.cari("01.1")
    assert komponen.realisasi_tahunan == D("1500000000")
    assert komponen.realisasi == D("1500000000")  # not 1.5 bn + the 100 m of March
    assert komponen.serapan == D("75.00")
    assert a.cari("01").realisasi_anak == D("1500000000")
    assert a.total_realisasi == D("1500000000")
    # The curve has no month for it (no false December, no March either) and says what it leaves out.
    assert a.realisasi_bulanan == (D(0),) * 12
    assert a.realisasi_tanpa_bulan == D("1500000000") and a.ada_tahunan


def test_tanpa_angka_setahun_bulanan_berlaku():
    unit = buat_unit_tanpa_perspektif()
    MataAnggaran.objects.filter(kode="01.1").update(realisasi_tahunan=None)
    a = susun_anggaran(unit, TAHUN)
    assert a.cari("01.1").realisasi == D("100000000")
    assert a.realisasi_bulanan[2] == D("100000000") and not a.ada_tahunan


def test_layanan_menolak_negatif_dan_memperingatkan_di_atas_pagu():
    unit = buat_unit_tanpa_perspektif()
    mata = MataAnggaran.objects.get(unit=unit, kode="01.1")
    with pytest.raises(ValidationError):
        services.simpan_realisasi_tahunan_anggaran(mata_anggaran=mata, nilai=D("-1"))
    assert MataAnggaran.objects.get(pk=mata.pk).realisasi_tahunan == D("1500000000")
    peringatan = services.simpan_realisasi_tahunan_anggaran(mata_anggaran=mata, nilai=D("2500000000"))
    assert peringatan and "melebihi pagu" in peringatan[0]
    services.simpan_realisasi_tahunan_anggaran(mata_anggaran=mata, nilai=None)
    assert MataAnggaran.objects.get(pk=mata.pk).realisasi_tahunan is None


def test_halaman_mata_anggaran_mengisi_angka_setahun(client):
    unit = buat_unit_tanpa_perspektif()
    client.force_login(buat_pengguna("perencana-dinas", Peran.PERENCANA, unit))
    mata = MataAnggaran.objects.get(unit=unit, kode="01.1")
    url = reverse("kerja:mata_anggaran", args=[unit.slug, mata.pk])
    html = client.get(url).content.decode()
    assert 'id="form-realisasi-tahunan"' in html and 'id="realisasi-tahunan-berlaku"' in html
    post = reverse("kerja:realisasi_tahunan", args=[unit.slug, mata.pk])
    r = client.post(post, {"nilai": "1.750.000.000,00"})
    assert r.status_code == 302
    assert MataAnggaran.objects.get(pk=mata.pk).realisasi_tahunan == D("1750000000")
    r = client.post(post, {"nilai": "-5"})
    assert r.status_code == 200 and "Realisasi tidak boleh negatif." in r.content.decode()
    r = client.post(post, {"nilai": "dua juta"})
    assert r.status_code == 200
    assert MataAnggaran.objects.get(pk=mata.pk).realisasi_tahunan == D("1750000000")
