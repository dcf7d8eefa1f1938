"""The sasaran form asks for a perspective only when the scheme has perspectives (issue 9)."""

import pytest
from django.urls import reverse

from indikator.enums import Peran
from indikator.models import RevisiRenstra, Sasaran, SkemaPenilaian
from tests.pabrik import buat_pengguna
from tests.pabrik_tanpa_perspektif import buat_unit_tanpa_perspektif

pytestmark = pytest.mark.django_db


@pytest.fixture
def dinas(client):
    unit = buat_unit_tanpa_perspektif()
    client.force_login(buat_pengguna("perencana-dinas", Peran.PERENCANA, unit))
    return unit, RevisiRenstra.objects.get(renstra__unit=unit)


def test_skema_tanpa_perspektif_tidak_menanyakan_perspektif(client, dinas):
    unit, revisi = dinas
    url = reverse("kerja:sasaran_baru", args=[unit.slug, revisi.pk])
    assert 'name="perspektif"' not in client.get(url).content.decode()
    r = client.post(url, {"kode": "S9", "nama": "Sasaran baru", "level": "program"})
    assert r.status_code == 302
    assert Sasaran.objects.get(revisi=revisi, kode="S9").perspektif == ""


def test_skema_berperspektif_mewajibkan_perspektif(client, dinas):
    unit, revisi = dinas
    SkemaPenilaian.objects.filter(renstra__unit=unit).update(pakai_perspektif=True)
    url = reverse("kerja:sasaran_baru", args=[unit.slug, revisi.pk])
    assert 'name="perspektif"' in client.get(url).content.decode()
    r = client.post(url, {"kode": "S9", "nama": "Sasaran baru", "level": "program"})
    assert r.status_code == 200 and not Sasaran.objects.filter(kode="S9").exists()
    r = client.post(url, {"kode": "S9", "nama": "Sasaran baru", "level": "program", "perspektif": "customer"})
    assert r.status_code == 302
