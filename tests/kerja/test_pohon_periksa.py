"""The tree's consistency page (findings by severity, links to the nodes, coverage; constant queries), the unit's
settings of the checks (head and administrator only), and the gate before submission: a finding of severity
"galat" refuses the submission with its reason, a warning is shown without blocking."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alur.pengesahan import PohonBelumKonsisten, ajukan
from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi
from indikator import models as m
from indikator.enums import StatusPeriode
from pohon.enums import Eselon, Tingkat
from pohon.models import AturanPohon, Jabatan, NodeAnggaran, NodeIndikator, NodeKinerja, PemegangJabatan
from pohon.periksa import temuan_unit

from .conftest import TAHUN

URL = reverse("kerja:pohon_konsistensi", args=["biro-ks", TAHUN])
URL_INDUK = reverse("kerja:pohon_konsistensi", args=["sestama", TAHUN])
URL_ATURAN = reverse("kerja:pohon_aturan", args=["biro-ks"])
URL_AJUKAN = reverse("kerja:pengajuan", args=["biro-ks", TAHUN])


def _pohon(data, n=1):
    """Sestama's SP node; under it, in Biro KS, `n` SK nodes with indikator and budget; one Eselon III result
    whose indikator repeats its parent's word for word; a budget line of Biro KS that no node refers to."""
    renstra_induk = m.Renstra.objects.create(
        unit=data.induk, nama="Renstra Sestama", tahun_mulai=2015, tahun_selesai=2019, skema=data.skema
    )
    kepala = Jabatan.objects.create(unit=data.unit, nama="Kepala Biro", eselon=Eselon.II)
    kabag = Jabatan.objects.create(unit=data.unit, nama="Kepala Bagian", eselon=Eselon.III, atasan=kepala)
    PemegangJabatan.objects.create(jabatan=kabag, nama="Budi", mulai=datetime.date(2016, 1, 1))
    sp = NodeKinerja.objects.create(
        unit=data.induk, renstra=renstra_induk, tingkat=Tingkat.SP, kode="SP1", uraian="Program dukungan"
    )
    for i in range(n):
        sk = NodeKinerja.objects.create(
            unit=data.unit,
            renstra=data.renstra,
            tingkat=Tingkat.SK,
            kode=f"SK{i}",
            uraian=f"Kerja sama {i}",
            induk=sp,
            pemilik=kepala,
        )
        NodeIndikator.objects.create(node=sk, indikator=data.ind1)
        NodeAnggaran.objects.create(node=sk, tahun=TAHUN, mata_anggaran=data.mata)
        es3 = NodeKinerja.objects.create(
            unit=data.unit,
            renstra=data.renstra,
            tingkat=Tingkat.ESELON_III,
            kode=f"E{i}",
            uraian=f"Hasil bagian {i}",
            induk=sk,
            pemilik=kabag,
        )
        NodeIndikator.objects.create(node=es3, indikator=data.ind1)
        NodeAnggaran.objects.create(node=es3, tahun=TAHUN, kode_program="001", pagu=D("10"))
    lain = MataAnggaran.objects.create(
        unit=data.unit, tahun=TAHUN, kode="009", nama="Belanja tanpa simpul", jenis=JenisMataAnggaran.PROGRAM
    )
    PaguRevisi.objects.create(
        mata_anggaran=lain, revisi_ke=0, berlaku_mulai=datetime.date(TAHUN, 1, 1), nilai=D("250000")
    )
    return sp


def _jumlah_kueri(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as c:
        r = client.get(URL_INDUK)
    assert r.status_code == 200
    return len(c.captured_queries), r.content.decode()


def test_halaman_konsistensi_pohon(client, data):
    sp = _pohon(data)
    # A text-only PK row (no indikator) cannot be linked to a node: not reported (it read "Indikator PK None None").
    baris = m.BarisPK.objects.filter(indikator=data.ind1).first()
    m.BarisPK.objects.create(
        versi=baris.versi, urutan=99, indikator=None, uraian_sasaran="S", uraian_indikator="Teks saja", nilai=D("1")
    )
    client.force_login(data.pengguna["pimpinan_induk"])
    n1, html = _jumlah_kueri(client)
    # Grouped by severity, each finding with its node's link target in the outline below.
    assert html.index('id="temuan-galat"') < html.index('id="temuan-peringatan"')
    assert "Simpul SP1 Program dukungan (Sekretariat Utama) belum memiliki indikator." in html
    assert "Indikator Indikator I1 pada simpul E0 Hasil bagian 0 (Biro Kerja Sama) sama persis" in html
    assert "Mata anggaran 009 Belanja tanpa simpul (Biro Kerja Sama) tidak mengacu ke simpul kinerja mana pun." in html
    # A finding opens its node in the tree editor of the node's own unit, anchored on it.
    assert f'href="{reverse("kerja:pohon", args=["sestama", TAHUN])}#simpul-{sp.pk}"' in html
    e0 = NodeKinerja.objects.get(kode="E0")
    assert f'href="{reverse("kerja:pohon", args=["biro-ks", TAHUN])}#simpul-{e0.pk}"' in html
    assert 'href="#simpul-' not in html
    assert "None" not in html
    # Coverage: Rp 1.000.000 of Rp 1.250.000 linked; the one Eselon III position owns a node.
    assert "80,00 %" in html and "Rp 1.000.000" in html and "Rp 1.250.000" in html
    assert "100,00 %" in html
    assert reverse("kerja:pohon_aturan", args=["sestama"]) in html  # the head may set the severities
    # A bigger tree costs no more queries.
    for i in range(1, 4):
        sk = NodeKinerja.objects.create(
            unit=data.unit, renstra=data.renstra, tingkat=Tingkat.SK, kode=f"X{i}", uraian="Lagi", induk=sp
        )
        NodeIndikator.objects.create(node=sk, indikator=data.ind2)
    n2, _html = _jumlah_kueri(client)
    assert n1 == n2


def test_halaman_tanpa_pohon(client, data, django_assert_num_queries):
    # The submission gate of a unit that never had a node costs one query.
    with django_assert_num_queries(1):
        assert temuan_unit(data.unit, TAHUN) == ()
    client.force_login(data.pengguna["perencana"])
    html = client.get(URL).content.decode()
    assert "Tidak ada temuan: pohon kinerja tahun ini konsisten." in html
    assert "Belum ada simpul pohon kinerja pada tahun ini." in html
    assert URL_ATURAN not in html  # a planner does not set the severities


def test_aturan_keparahan_oleh_pimpinan(client, data):
    _pohon(data)
    client.force_login(data.pengguna["perencana"])
    assert client.get(URL_ATURAN).status_code == 403
    client.force_login(data.pengguna["pimpinan"])
    r = client.get(URL_ATURAN)
    assert r.status_code == 200 and 'name="keparahan_K5"' in r.content.decode()
    r = client.post(URL_ATURAN, {"boleh_lompat_tingkat": "on", "keparahan_K5": "galat", "keparahan_K2": "galat"})
    assert r.status_code == 302
    aturan = AturanPohon.objects.get(unit=data.unit)
    # A severity equal to the default is not stored.
    assert aturan.boleh_lompat_tingkat and aturan.keparahan == {"K5": "galat"}
    html = client.get(URL).content.decode()
    galat = html[html.index('id="temuan-galat"') : html.index('id="temuan-peringatan"')]
    assert "sama persis dengan indikator induknya" in galat
    assert client.post(URL_ATURAN, {"keparahan_K5": "parah"}).status_code == 400
    assert AturanPohon.objects.get(unit=data.unit).keparahan == {"K5": "galat"}


def test_galat_pohon_menahan_pengajuan_peringatan_tidak(client, narasi_lengkap):
    data = narasi_lengkap
    sp = _pohon(data)
    # A node of Biro KS hanging nowhere: K1 (galat) on the unit's own tree.
    x = NodeKinerja.objects.create(
        unit=data.unit, renstra=data.renstra, tingkat=Tingkat.SK, kode="SK-X", uraian="Tanpa induk"
    )
    NodeIndikator.objects.create(node=x, indikator=data.ind2)
    client.force_login(data.pengguna["perencana"])
    r = client.get(URL_AJUKAN)
    ringkasan = r.context["ringkasan"]
    assert [t.kode for t in ringkasan.pohon_galat] == ["K1"]
    assert {t.kode for t in ringkasan.pohon_lain} == {"K4", "K5"}
    # Sestama's SP node has no indikator: a finding of Sestama, not of this unit's year.
    assert all(t.simpul_id != sp.pk for t in (*ringkasan.pohon_galat, *ringkasan.pohon_lain))
    html = r.content.decode()
    assert 'id="pohon-galat"' in html and "Simpul SK-X Tanpa induk (Biro Kerja Sama) tidak bergantung" in html

    r = client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on"})
    assert r.status_code == 400
    teks = re.sub(r"\s+", " ", r.content.decode())
    assert "Pohon kinerja masih memiliki 1 temuan bertingkat galat: K1: Simpul SK-X Tanpa induk" in teks
    assert m.PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN, status=StatusPeriode.DIAJUKAN).count() == 0
    with pytest.raises(PohonBelumKonsisten):
        ajukan(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["perencana"])

    # The unit's head makes K1 a warning: shown, no longer blocking.
    AturanPohon.objects.create(unit=data.unit, keparahan={"K1": "peringatan"})
    r = client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on"})
    assert r.status_code == 302
    assert m.PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN).status == StatusPeriode.DIAJUKAN
