"""Renstra goals (tujuan): created, edited and deleted on the Renstra page by the unit's planner; sasaran keep
existing when their goal is deleted; a locked year of the Renstra refuses every change; other units' planners
and auditors get 403."""

from django.urls import reverse

from indikator.enums import StatusPeriode
from indikator.models import Sasaran, Tujuan

from .conftest import TAHUN, atur_status, potret

S = "biro-ks"


def _tujuan(data, **kw):
    kw.setdefault("uraian", "Meningkatnya kerja sama BPOM")
    return Tujuan.objects.create(renstra=data.renstra, **kw)


def test_tambah_ubah_hapus_tujuan(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:tujuan_baru", args=[S, data.renstra.pk]), {"kode": "T1", "uraian": "Tujuan satu"})
    assert r.status_code == 302
    t = Tujuan.objects.get(renstra=data.renstra, kode="T1")
    assert t.urutan == 1
    html = client.get(reverse("kerja:renstra", args=[S, data.renstra.pk])).content.decode()
    assert "Tujuan satu" in html and reverse("kerja:tujuan_ubah", args=[S, t.pk]) in html

    client.post(reverse("kerja:tujuan_ubah", args=[S, t.pk]), {"kode": "T1", "uraian": "Tujuan diubah", "urutan": 1})
    t.refresh_from_db()
    assert t.uraian == "Tujuan diubah"

    sasaran = Sasaran.objects.filter(revisi__renstra=data.renstra).first()
    sasaran.tujuan = t
    sasaran.save()
    r = client.post(reverse("kerja:tujuan_hapus", args=[S, t.pk]), follow=True)
    assert "Tujuan dihapus." in r.content.decode()
    assert not Tujuan.objects.filter(pk=t.pk).exists()
    sasaran.refresh_from_db()
    assert sasaran.tujuan is None  # the sasaran itself stays


def test_uraian_wajib(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(reverse("kerja:tujuan_baru", args=[S, data.renstra.pk]), {"kode": "T9", "uraian": ""})
    assert r.status_code == 200 and "errorlist" in r.content.decode()
    assert potret() == sebelum


def test_tahun_terkunci_menolak_perubahan_tujuan(client, data):
    t = _tujuan(data)
    atur_status(data, StatusPeriode.DIKUNCI, TAHUN)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(reverse("kerja:tujuan_hapus", args=[S, t.pk]), follow=True)
    assert "tidak dapat diubah" in r.content.decode()
    client.post(reverse("kerja:tujuan_ubah", args=[S, t.pk]), {"uraian": "Diubah", "urutan": 1})
    assert potret() == sebelum


def test_auditor_dan_unit_lain_ditolak(client, data):
    t = _tujuan(data)
    sebelum = potret()
    for nama in ("auditor", "perencana_lain", "pimpinan"):
        client.force_login(data.pengguna[nama])
        assert client.post(reverse("kerja:tujuan_hapus", args=[S, t.pk])).status_code == 403, nama
        assert client.post(reverse("kerja:tujuan_baru", args=[S, data.renstra.pk]), {"uraian": "x"}).status_code == 403
    assert potret() == sebelum
