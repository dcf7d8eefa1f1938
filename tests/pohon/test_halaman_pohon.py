"""Pages of the performance tree: the tree editor (a constant number of queries), an offer from the parent unit
accepted by the child unit, crosscutting answered, positions and holders, who may do what, a frozen year."""

from __future__ import annotations

import pytest
from django.urls import reverse

from indikator import models as m
from indikator.enums import StatusPeriode
from pohon.enums import StatusCrosscutting, StatusNode, Tingkat
from pohon.models import Crosscutting, Jabatan, NodeAnggaran, NodeIndikator, NodeKinerja, PemegangJabatan
from tests.pohon.pabrik_pohon import bangun_pohon

pytestmark = pytest.mark.django_db
T = 2018
S = "biro-ks"


@pytest.fixture
def p(dunia):
    return bangun_pohon(dunia)


def _masuk(client, d, peran):
    client.force_login(d.pengguna[peran])
    return client


def _url(nama, *args, slug=S):
    return reverse(f"kerja:{nama}", args=[slug, T, *args])


def test_halaman_pohon_dan_jumlah_kueri(client, dunia, p, django_assert_num_queries):
    d = dunia
    _masuk(client, d, "perencana")
    NodeAnggaran.objects.create(node=p.sk, tahun=T, mata_anggaran=d.mata)  # every kind of row read once
    r = client.get(_url("pohon"))
    html = r.content.decode()
    assert r.status_code == 200
    for teks in ("SK1", "Meningkatnya kerja sama", "Kepala Biro Kerja Sama: Dra. Kepala", "Indikator I1", "SP1"):
        assert teks in html, teks
    assert "Usulan dari Sestama" in html and "Jawab usulan" in html
    n = _jumlah_kueri(client)
    assert n <= 30, n
    for i in range(4):
        anak = NodeKinerja.objects.create(
            unit=d.unit, renstra=d.renstra, tingkat=Tingkat.ESELON_III, kode=f"E{i}", uraian="x", induk=p.sk
        )
        NodeIndikator.objects.create(node=anak, indikator=d.ind2)
        NodeAnggaran.objects.create(node=anak, tahun=T, mata_anggaran=d.mata)
    with django_assert_num_queries(n):
        client.get(_url("pohon"))


def _jumlah_kueri(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        client.get(_url("pohon"))
    return len(q.captured_queries)


def test_halaman_baca_untuk_pimpinan_dan_auditor(client, dunia, p):
    for peran in ("pimpinan", "pimpinan_induk", "auditor"):
        _masuk(client, dunia, peran)
        for nama in ("pohon", "pohon_masuk", "pohon_jabatan"):
            r = client.get(_url(nama))
            assert r.status_code == 200, (peran, nama)
            assert "Tambah anak" not in r.content.decode()
        assert client.post(_url("pohon_simpul_baru"), {"tingkat": "sk", "uraian": "x"}).status_code == 403
    _masuk(client, dunia, "perencana_lain")
    assert client.get(_url("pohon")).status_code == 403


def test_usulan_induk_diterima_anak_lalu_dua_tingkat(client, dunia, p):
    d = dunia
    _masuk(client, d, "perencana_induk")
    r = client.get(_url("pohon", slug="sestama"))
    assert "Usulkan ke unit bawahan" in r.content.decode()
    r = client.post(
        reverse("kerja:pohon_simpul_tawarkan", args=["sestama", T, p.sp.pk]),
        {"unit": d.unit.pk, "tingkat": "sk", "kode": "SK3", "uraian": "Kerja sama internasional"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    baru = NodeKinerja.objects.get(kode="SK3")
    assert (baru.status, baru.unit_id, baru.induk_id, baru.diusulkan_oleh_id) == (
        StatusNode.USULAN,
        d.unit.pk,
        p.sp.pk,
        d.induk.pk,
    )
    # The child's own planner may not offer into itself (it is not the parent unit's planner).
    _masuk(client, d, "perencana")
    r = client.post(
        reverse("kerja:pohon_simpul_tawarkan", args=["sestama", T, p.sp.pk]),
        {"unit": d.unit.pk, "tingkat": "sk", "uraian": "x"},
    )
    assert r.status_code == 403
    r = client.get(_url("pohon_masuk"))
    assert "Kerja sama internasional" in r.content.decode()
    # Rejecting needs a reason; accepting names the owner.
    r = client.post(_url("pohon_usulan_jawab", baru.pk), {"aksi": "tolak", "alasan": ""}, follow=True)
    assert "Alasan wajib diisi." in r.content.decode()
    client.post(_url("pohon_usulan_jawab", baru.pk), {"aksi": "terima", "pemilik": p.kabiro.pk})
    baru.refresh_from_db()
    assert baru.status == StatusNode.DITERIMA and baru.pemilik_id == p.kabiro.pk
    r = client.post(
        _url("pohon_simpul_baru"),
        {"induk": baru.pk, "tingkat": "es3", "kode": "E1", "uraian": "Bagian", "pemilik": p.kabag.pk},
    )
    assert r.status_code == 302
    e3 = NodeKinerja.objects.get(kode="E1")
    r = client.post(_url("pohon_simpul_baru"), {"induk": e3.pk, "tingkat": "rhk", "uraian": "Lompat"})
    assert r.status_code == 200 and "terlewati" in r.content.decode()
    client.post(_url("pohon_simpul_indikator", e3.pk), {"indikator": d.ind2.pk, "peran": "utama"})
    client.post(_url("pohon_simpul_anggaran", e3.pk), {"kode_program": "063", "kode_ro": "AAA", "pagu": "1.500.000"})
    html = client.get(_url("pohon")).content.decode()
    assert "Kepala Bagian Kerja Sama" in html and "063.AAA" in html and "Rp 1.500.000" in html
    r = client.post(_url("pohon_simpul_pindah", e3.pk), {"induk": p.sk.pk, "alasan": ""})
    assert r.status_code == 200
    client.post(_url("pohon_simpul_pindah", e3.pk), {"induk": p.sk.pk, "alasan": "Penataan"})
    e3.refresh_from_db()
    assert e3.induk_id == p.sk.pk and e3.history.latest().history_change_reason == "Dipindahkan: Penataan"
    riwayat = client.get(reverse("kerja:riwayat_objek", args=["simpul-kinerja", e3.pk]))
    assert riwayat.status_code == 200 and "Dipindahkan: Penataan" in riwayat.content.decode()
    client.post(_url("pohon_simpul_anggaran", e3.pk), {"aksi": "hapus", "baris": e3.anggaran.get().pk})
    client.post(_url("pohon_simpul_nonaktif", e3.pk), {"alasan": "Bagian dihapus"})
    e3.refresh_from_db()
    assert e3.status == StatusNode.NONAKTIF and not e3.anggaran.exists()


def test_crosscutting_lewat_halaman(client, dunia, p):
    d = dunia
    _masuk(client, d, "perencana")
    r = client.post(_url("pohon_crosscutting_jawab", p.crosscutting.pk), {"aksi": "tolak", "alasan": ""}, follow=True)
    assert "Alasan wajib diisi." in r.content.decode()
    client.post(_url("pohon_crosscutting_jawab", p.crosscutting.pk), {"aksi": "terima"})
    p.crosscutting.refresh_from_db()
    assert (
        p.crosscutting.status == StatusCrosscutting.DITERIMA and p.crosscutting.dijawab_oleh == d.pengguna["perencana"]
    )
    r = client.post(
        _url("pohon_simpul_mitra", p.sk.pk),
        {
            "mitra_nama": "Kementerian Luar Negeri",
            "mitra_jenis": "kl",
            "peran": "pendukung",
            "kontribusi": "Fasilitasi",
        },
    )
    assert r.status_code == 302
    assert Crosscutting.objects.filter(node=p.sk, mitra_nama="Kementerian Luar Negeri").exists()
    assert "Crosscutting 1" in client.get(_url("pohon")).content.decode()


def test_jabatan_dan_pemegang(client, dunia, p):
    _masuk(client, dunia, "perencana")
    r = client.post(
        _url("pohon_jabatan"), {"nama": "Kepala Subbagian", "eselon": "4", "atasan": p.kabag.pk, "urutan": 0}
    )
    assert r.status_code == 302
    j = Jabatan.objects.get(nama="Kepala Subbagian")
    url = _url("pohon_jabatan_ubah", j.pk)
    client.post(url, {"aksi": "pemegang", "nama": "Andi", "mulai": "2018-01-01"})
    r = client.post(url, {"aksi": "pemegang", "nama": "Budi", "mulai": "2018-06-01"})
    assert "bertumpang" in r.content.decode()
    client.post(url, {"aksi": "pemegang", "nama": "Budi", "mulai": "2018-06-01", "plt": "on"})
    assert list(PemegangJabatan.objects.filter(jabatan=j).values_list("nama", "plt").order_by("mulai")) == [
        ("Andi", False),
        ("Budi", True),
    ]
    assert "Plt. Budi" in client.get(_url("pohon_jabatan")).content.decode()


def test_tahun_beku_tanpa_tombol_dan_ditolak(client, dunia, p):
    m.PeriodeUnit.objects.create(unit=dunia.unit, tahun=T, status=StatusPeriode.DISAHKAN)
    _masuk(client, dunia, "perencana")
    html = client.get(_url("pohon")).content.decode()
    assert "Tambah anak" not in html
    r = client.post(_url("pohon_simpul_baru"), {"induk": p.sk.pk, "tingkat": "es3", "uraian": "Baru"}, follow=True)
    assert "tidak dapat diubah" in r.content.decode()
    assert not NodeKinerja.objects.filter(uraian="Baru").exists()
    # The parent unit's planner offering into the frozen year of the child: refused with the reason.
    _masuk(client, dunia, "perencana_induk")
    r = client.post(
        reverse("kerja:pohon_simpul_tawarkan", args=["sestama", T, p.sp.pk]),
        {"unit": dunia.unit.pk, "tingkat": "sk", "uraian": "Usul beku"},
        follow=True,
    )
    assert "tidak dapat diubah" in r.content.decode()
    assert not NodeKinerja.objects.filter(uraian="Usul beku").exists()


def test_kotak_masuk_dan_jabatan_jumlah_kueri_tetap(client, dunia, p):
    """The inbox and the positions page read with the same number of queries for one row and for several."""
    d = dunia
    _masuk(client, d, "perencana")
    sebelum = {nama: _kueri(client, _url(nama)) for nama in ("pohon_masuk", "pohon_jabatan")}
    for i in range(3):
        NodeKinerja.objects.create(
            unit=d.unit,
            renstra=d.renstra,
            tingkat=Tingkat.SK,
            uraian=f"Usul {i}",
            induk=p.sp,
            status=StatusNode.USULAN,
            diusulkan_oleh=d.induk,
        )
        Crosscutting.objects.create(node=p.node_lain, mitra_unit=d.unit, peran="pendukung", kontribusi=f"K{i}")
        j = Jabatan.objects.create(unit=d.unit, nama=f"Jabatan {i}", eselon="4", atasan=p.kabag)
        PemegangJabatan.objects.create(jabatan=j, nama=f"P{i}", mulai="2018-01-01")
    sesudah = {nama: _kueri(client, _url(nama)) for nama in ("pohon_masuk", "pohon_jabatan")}
    assert sesudah == sebelum


def _kueri(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)
