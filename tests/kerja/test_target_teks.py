"""A range or qualitative target reads the same on every page (`umum.format.format_target`).

Before, the realisasi sheet and the Rencana Aksi page showed only the lower bound of a range (80 for 80–90) and
the Rencana Aksi page "–" for a qualitative target; `hitung_capaian` printed only the lower bound too."""

from decimal import Decimal as D
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from indikator import models as m
from indikator.enums import Polaritas

from .conftest import TAHUN


def _rentang(data):
    data.ind1.polaritas = Polaritas.RENTANG
    data.ind1.save()
    m.Target.objects.filter(indikator=data.ind1, tahun=TAHUN).update(nilai=D("80"), nilai_atas=D("90.5"))
    m.BarisPK.objects.filter(pk=data.baris1.pk).update(nilai=D("80"), nilai_atas=D("90.5"))


def test_lembar_realisasi_menampilkan_rentang(client, data):
    _rentang(data)
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN])).content.decode()
    assert "80–90,50<br>" in html  # angka_ringkas: 2 decimals, a zero fraction dropped


def test_rencana_aksi_menampilkan_rentang_dan_kualitatif(client, data):
    _rentang(data)
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:rencana_aksi", args=["biro-ks", data.versi.pk])
    assert '<td class="angka">80–90,5</td>' in client.get(url).content.decode()
    m.BarisPK.objects.filter(pk=data.baris1.pk).update(nilai=None, nilai_atas=None, nilai_kualitatif="A")
    assert '<td class="angka">A</td>' in client.get(url).content.decode()


def test_hitung_capaian_menampilkan_rentang(data):
    _rentang(data)
    out = StringIO()
    call_command("hitung_capaian", "--unit", "biro-ks", "--tahun", str(TAHUN), stdout=out)
    assert "target 80–90,5 |" in out.getvalue()
