"""The Django admin of the tree: every model opens; a row of a frozen year can be neither changed nor deleted."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from indikator import models as m
from indikator.enums import StatusPeriode
from pohon import models as pm
from pohon.enums import Eselon, Tingkat
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db


def test_admin_pohon_membekukan_tahun_beku(client, dunia, rf):
    d = dunia
    jab = pm.Jabatan.objects.create(unit=d.unit, nama="Kepala Biro", eselon=Eselon.II)
    node = pm.NodeKinerja.objects.create(unit=d.unit, renstra=d.renstra, tingkat=Tingkat.SK, uraian="SK", pemilik=jab)
    ni = pm.NodeIndikator.objects.create(node=node, indikator=d.ind1)
    na = pm.NodeAnggaran.objects.create(node=node, tahun=2018, mata_anggaran=d.mata)
    peg = pm.PemegangJabatan.objects.create(jabatan=jab, nama="A", mulai=datetime.date(2018, 1, 1))
    user = buat_pengguna("root", is_staff=True, is_superuser=True)
    client.force_login(user)
    for model in [x for x in admin.site._registry if x._meta.app_label == "pohon"]:
        url = reverse(f"admin:pohon_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    request = rf.get("/")
    request.user = user
    objek = [(pm.NodeKinerja, node), (pm.NodeIndikator, ni), (pm.NodeAnggaran, na), (pm.PemegangJabatan, peg)]
    for model, obj in objek:
        assert admin.site._registry[model].has_change_permission(request, obj)
    m.PeriodeUnit.objects.create(unit=d.unit, tahun=2018, status=StatusPeriode.DISAHKAN)
    for model, obj in objek:
        ma = admin.site._registry[model]
        assert not ma.has_change_permission(request, obj), model
        assert not ma.has_delete_permission(request, obj), model
    r = client.post(reverse("admin:pohon_nodekinerja_change", args=[node.pk]), {"uraian": "Diubah"})
    assert r.status_code == 403
    node.refresh_from_db()
    assert node.uraian == "SK"
