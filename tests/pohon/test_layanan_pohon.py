"""Writes of the performance tree (`pohon.services`): what each accepts, a table of every refusal (a clear message,
nothing saved), the period lock, and the history with its reasons."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from anggaran.models import MataAnggaran
from indikator import models as m
from indikator.enums import StatusPeriode
from indikator.periode import PeriodeBeku
from pohon import services as s
from pohon.enums import Eselon, JenisMitra, PeranMitra, StatusCrosscutting, StatusNode, Tingkat
from pohon.models import (
    AturanPohon,
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    TautanStrategi,
)
from tests.dunia import buat_indikator

pytestmark = pytest.mark.django_db
T = 2018


@dataclass
class Pohon:
    d: object
    renstra_induk: m.Renstra
    kepala: Jabatan
    kabiro: Jabatan
    kabag: Jabatan
    jab_lain: Jabatan
    ss: NodeKinerja  # parent unit, SS
    sp: NodeKinerja  # parent unit, SP
    sk: NodeKinerja  # unit, SK under sp
    e3: NodeKinerja  # unit, es3 under sk
    lain: NodeKinerja  # another unit's SK
    ind_induk: m.Indikator
    ind_lain: m.Indikator


@pytest.fixture
def p(dunia):
    d = dunia
    renstra_induk = m.Renstra.objects.create(
        unit=d.induk, nama="Renstra induk", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    rev = m.RevisiRenstra.objects.create(
        renstra=renstra_induk, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2019
    )
    sas_induk = m.Sasaran.objects.create(revisi=rev, kode="SI", nama="Sasaran induk")
    ind_induk = buat_indikator(sas_induk, "II1")
    renstra_lain = m.Renstra.objects.create(
        unit=d.lain, nama="Renstra lain", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    rev_lain = m.RevisiRenstra.objects.create(
        renstra=renstra_lain, nomor=0, nama="A", berlaku_mulai=2015, berlaku_sampai=2019
    )
    ind_lain = buat_indikator(m.Sasaran.objects.create(revisi=rev_lain, kode="SL", nama="Sasaran lain"), "IL1")
    kepala = Jabatan.objects.create(unit=d.induk, nama="Sekretaris Utama", eselon=Eselon.I)
    kabiro = Jabatan.objects.create(unit=d.unit, nama="Kepala Biro", eselon=Eselon.II, atasan=kepala)
    kabag = Jabatan.objects.create(unit=d.unit, nama="Kepala Bagian", eselon=Eselon.III, atasan=kabiro)
    jab_lain = Jabatan.objects.create(unit=d.lain, nama="Kepala Biro Lain", eselon=Eselon.II)
    ss = NodeKinerja.objects.create(unit=d.induk, renstra=renstra_induk, tingkat=Tingkat.SS, kode="SS1", uraian="SS")
    sp = NodeKinerja.objects.create(
        unit=d.induk, renstra=renstra_induk, tingkat=Tingkat.SP, kode="SP1", uraian="SP", induk=ss
    )
    sk = NodeKinerja.objects.create(
        unit=d.unit, renstra=d.renstra, tingkat=Tingkat.SK, kode="SK1", uraian="SK", induk=sp, pemilik=kabiro
    )
    e3 = NodeKinerja.objects.create(
        unit=d.unit, renstra=d.renstra, tingkat=Tingkat.ESELON_III, kode="E1", uraian="E3", induk=sk, pemilik=kabag
    )
    lain = NodeKinerja.objects.create(unit=d.lain, renstra=renstra_lain, tingkat=Tingkat.SK, kode="L1", uraian="L")
    return Pohon(d, renstra_induk, kepala, kabiro, kabag, jab_lain, ss, sp, sk, e3, lain, ind_induk, ind_lain)


def _baru(p, **kw):
    kw.setdefault("unit", p.d.unit)
    kw.setdefault("tingkat", Tingkat.ESELON_III)
    kw.setdefault("uraian", "Hasil baru")
    kw.setdefault("induk", p.sk)
    return NodeKinerja(**kw)


def _jumlah():
    return (
        NodeKinerja.objects.count(),
        NodeIndikator.objects.count(),
        NodeAnggaran.objects.count(),
        TautanStrategi.objects.count(),
        Crosscutting.objects.count(),
        Jabatan.objects.count(),
        PemegangJabatan.objects.count(),
        list(NodeKinerja.objects.order_by("pk").values_list("induk_id", "status", "pemilik_id")),
    )


def test_buat_ubah_pindah_nonaktifkan(p):
    n = s.simpan_node(node=_baru(p, kode="E2", pemilik=p.kabag), tahun=T)
    assert n.renstra_id == p.d.renstra.pk and n.status == StatusNode.DITERIMA
    n.uraian = "Diubah"
    s.simpan_node(node=n, tahun=T, versi=str(n.history.latest().history_id))
    e4 = s.simpan_node(node=_baru(p, tingkat=Tingkat.ESELON_IV, induk=n, kode="E4"), tahun=T)
    s.pindahkan_node(node=e4, induk=p.e3, tahun=T, alasan="Reorganisasi bagian")
    e4.refresh_from_db()
    assert e4.induk_id == p.e3.pk
    assert e4.history.latest().history_change_reason == "Dipindahkan: Reorganisasi bagian"
    s.nonaktifkan_node(node=e4, tahun=T, alasan="Kegiatan dihentikan")
    e4.refresh_from_db()
    assert e4.status == StatusNode.NONAKTIF and e4.alasan == "Kegiatan dihentikan"
    assert e4.history.count() == 3


def test_lompat_tingkat_bila_aturan_mengizinkan(p):
    AturanPohon.objects.create(unit=p.d.unit, boleh_lompat_tingkat=True)
    n = s.simpan_node(node=_baru(p, tingkat=Tingkat.ESELON_IV), tahun=T)  # SK → es4, es3 skipped
    assert n.pk


def _siklus(p):
    e4 = NodeKinerja.objects.create(
        unit=p.d.unit, renstra=p.d.renstra, tingkat=Tingkat.ESELON_IV, uraian="e4", induk=p.e3
    )
    return e4


TOLAK_NODE = [
    ("induk unit lain", lambda p: _baru(p, tingkat=Tingkat.SK, induk=p.lain), "induk_unit"),
    ("tingkat sama dengan induk", lambda p: _baru(p, tingkat=Tingkat.SK), "tingkat_terbalik"),
    ("tingkat di atas induk", lambda p: _baru(p, tingkat=Tingkat.SS), "tingkat_terbalik"),
    ("dua tingkat di bawah", lambda p: _baru(p, tingkat=Tingkat.ESELON_IV), "lompat_tingkat"),
    ("tiga tingkat di bawah", lambda p: _baru(p, tingkat=Tingkat.RHK), "lompat_tingkat"),
    ("pemilik unit lain", lambda p: _baru(p, pemilik=p.jab_lain), "pemilik_unit"),
    ("pemilik unit induk", lambda p: _baru(p, pemilik=p.kepala), "pemilik_unit"),
    (
        "sasaran unit lain",
        lambda p: _baru(p, sasaran=p.ind_lain.sasaran),
        "sasaran",
    ),
    ("renstra unit lain", lambda p: _baru(p, renstra=p.renstra_induk), "renstra_unit"),
    (
        "induk nonaktif",
        lambda p: _baru(
            p,
            induk=NodeKinerja.objects.create(
                unit=p.d.unit, renstra=p.d.renstra, tingkat=Tingkat.SK, uraian="x", status=StatusNode.NONAKTIF
            ),
        ),
        "induk_tidak_aktif",
    ),
    ("tanpa renstra tahun itu", lambda p: _baru(p, unit=p.d.induk, tingkat=Tingkat.SS, induk=None), "tanpa_renstra"),
]


@pytest.mark.parametrize(("nama", "buat", "kode"), TOLAK_NODE, ids=[t[0] for t in TOLAK_NODE])
def test_simpan_node_ditolak(p, nama, buat, kode):
    node = buat(p)
    tahun = 2021 if kode == "tanpa_renstra" else T
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        s.simpan_node(node=node, tahun=tahun)
    assert e.value.messages and all(pesan for pesan in e.value.messages)
    assert kode in _kode(e.value)
    assert _jumlah() == sebelum


def test_siklus_ditolak(p):
    """The level rule refuses most cycles; on data edited outside the service (a lower level above a higher one)
    the walk up the parents still refuses a move that would close a loop."""
    e4 = _siklus(p)
    NodeKinerja.objects.filter(pk=p.e3.pk).update(tingkat=Tingkat.ESELON_IV)
    NodeKinerja.objects.filter(pk=e4.pk).update(tingkat=Tingkat.RHK)
    e3 = NodeKinerja.objects.get(pk=p.e3.pk)
    x = NodeKinerja.objects.create(unit=p.d.unit, renstra=p.d.renstra, tingkat=Tingkat.ESELON_III, uraian="x")
    NodeKinerja.objects.filter(pk=x.pk).update(induk=e4)  # x (es3) below e4 (rhk): corrupt data
    e3.induk = x
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        s.pindahkan_node(node=e3, induk=NodeKinerja.objects.get(pk=x.pk), tahun=T, alasan="uji")
    assert "melingkar" in " ".join(e.value.messages)
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("aksi", "kode"),
    [
        (lambda p: s.pindahkan_node(node=p.e3, induk=p.sk, tahun=T, alasan=" "), "alasan_wajib"),
        (lambda p: s.pindahkan_node(node=p.e3, induk=p.lain, tahun=T, alasan="x"), "induk_unit"),
        (lambda p: s.nonaktifkan_node(node=p.sk, tahun=T, alasan="x"), "ada_anak"),
        (lambda p: s.nonaktifkan_node(node=p.e3, tahun=T, alasan=""), "alasan_wajib"),
        (lambda p: s.simpan_node(node=_ganti_induk(p), tahun=T), "pindah"),
        (lambda p: s.simpan_node(node=_ubah(p.e3), tahun=T, versi="1"), "berubah"),
    ],
    ids=[
        "pindah tanpa alasan",
        "pindah ke unit lain",
        "nonaktif beranak",
        "nonaktif tanpa alasan",
        "ganti induk lewat ubah",
        "token basi",
    ],
)
def test_pindah_dan_nonaktif_ditolak(p, aksi, kode):
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        aksi(p)
    assert kode in _kode(e.value)
    assert _jumlah() == sebelum


def _ganti_induk(p):
    n = NodeKinerja.objects.get(pk=p.e3.pk)
    n.induk = None
    return n


def _ubah(n):
    n.uraian = "Baru"
    return n


def _kode(e: ValidationError) -> set:
    if hasattr(e, "error_dict"):
        return {g.code for daftar in e.error_dict.values() for g in daftar}
    return {g.code for g in e.error_list}


# --- indikator, budget, strategy links -------------------------------------------------------------------------


def test_indikator_anggaran_tautan(p):
    d = p.d
    t = s.tautkan_indikator(node=p.sk, indikator=d.ind1, tahun=T)
    s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, mata_anggaran=d.mata), tahun=T)
    a = s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, kode_program="063", kode_ro="AAA", pagu=D("1500")), tahun=T)
    sk2 = NodeKinerja.objects.create(unit=d.unit, renstra=d.renstra, tingkat=Tingkat.SK, uraian="SK2", induk=p.sp)
    s.tautkan_strategi(dari=p.sk, ke=sk2, tahun=T)
    assert NodeAnggaran.objects.filter(node=p.e3, tahun=T).count() == 2
    s.hapus_anggaran(anggaran=a, tahun=T)
    s.lepas_indikator(tautan=t, tahun=T)
    assert not NodeIndikator.objects.exists() and NodeAnggaran.objects.count() == 1


def _mata_lain(p, **kw):
    kw.setdefault("unit", p.d.lain)
    kw.setdefault("tahun", T)
    return MataAnggaran.objects.create(kode="X", nama="X", jenis="program", **kw)


TOLAK_LAIN = [
    ("indikator unit lain", lambda p: s.tautkan_indikator(node=p.sk, indikator=p.ind_lain, tahun=T), "indikator_unit"),
    (
        "indikator unit induk",
        lambda p: s.tautkan_indikator(node=p.sk, indikator=p.ind_induk, tahun=T),
        "indikator_unit",
    ),
    (
        "indikator ganda",
        lambda p: [s.tautkan_indikator(node=p.sk, indikator=p.d.ind1, tahun=T) for _ in range(2)],
        "indikator_ganda",
    ),
    (
        "anggaran di SP",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.sp, kode_program="1", pagu=1), tahun=T),
        "tingkat_anggaran",
    ),
    (
        "mata anggaran unit lain",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, mata_anggaran=_mata_lain(p)), tahun=T),
        "mata_unit",
    ),
    (
        "mata anggaran tahun lain",
        lambda p: s.tambah_anggaran(
            anggaran=NodeAnggaran(node=p.e3, mata_anggaran=_mata_lain(p, unit=p.d.unit, tahun=2017)), tahun=T
        ),
        "mata_unit",
    ),
    (
        "mata dan kode",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, mata_anggaran=p.d.mata, kode_ro="A"), tahun=T),
        "mata_dan_kode",
    ),
    (
        "tanpa kode",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, pagu=D("5")), tahun=T),
        "tanpa_kode",
    ),
    (
        "tanpa pagu",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, kode_ro="A"), tahun=T),
        "tanpa_pagu",
    ),
    (
        "pagu negatif",
        lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, kode_ro="A", pagu=D("-1")), tahun=T),
        "pagu_negatif",
    ),
    (
        "mata ganda",
        lambda p: [
            s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, mata_anggaran=p.d.mata), tahun=T) for _ in range(2)
        ],
        "mata_ganda",
    ),
    ("tautan diri", lambda p: s.tautkan_strategi(dari=p.sk, ke=p.sk, tahun=T), "diri"),
    ("tautan beda tingkat", lambda p: s.tautkan_strategi(dari=p.sk, ke=p.e3, tahun=T), "tautan_tingkat"),
    ("tautan unit lain", lambda p: s.tautkan_strategi(dari=p.sk, ke=p.lain, tahun=T), "tautan_unit"),
    (
        "atasan unit lain",
        lambda p: s.simpan_jabatan(jabatan=Jabatan(unit=p.d.unit, nama="Staf", eselon="6", atasan=p.jab_lain), tahun=T),
        "atasan_unit",
    ),
    (
        "atasan melingkar",
        lambda p: s.simpan_jabatan(jabatan=_atasan(p.kabiro, p.kabag), tahun=T),
        "atasan_siklus",
    ),
    (
        "nama jabatan ganda",
        lambda p: s.simpan_jabatan(jabatan=Jabatan(unit=p.d.unit, nama="kepala biro", eselon="2"), tahun=T),
        "jabatan_ganda",
    ),
    (
        "pemegang definitif bertumpang",
        lambda p: [
            s.simpan_pemegang(
                pemegang=PemegangJabatan(jabatan=p.kabiro, nama=n, mulai=datetime.date(2018, b, 1)), tahun=T
            )
            for n, b in (("A", 1), ("B", 6))
        ],
        "tumpang",
    ),
    (
        "selesai sebelum mulai",
        lambda p: s.simpan_pemegang(
            pemegang=PemegangJabatan(
                jabatan=p.kabiro, nama="A", mulai=datetime.date(2018, 5, 1), selesai=datetime.date(2018, 1, 1)
            ),
            tahun=T,
        ),
        "tanggal_urut",
    ),
]


def _atasan(j, atasan):
    j.atasan = atasan
    return j


@pytest.mark.parametrize(("nama", "aksi", "kode"), TOLAK_LAIN, ids=[t[0] for t in TOLAK_LAIN])
def test_tulis_lain_ditolak(p, nama, aksi, kode):
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        aksi(p)
    assert kode in _kode(e.value), e.value.messages
    if nama not in {"indikator ganda", "mata ganda", "pemegang definitif bertumpang"}:  # the first one saved
        assert _jumlah() == sebelum


def test_pemegang_plt_boleh_bertumpang(p):
    s.simpan_pemegang(pemegang=PemegangJabatan(jabatan=p.kabiro, nama="A", mulai=datetime.date(2018, 1, 1)), tahun=T)
    s.simpan_pemegang(
        pemegang=PemegangJabatan(jabatan=p.kabiro, nama="Plt B", mulai=datetime.date(2018, 6, 1), plt=True), tahun=T
    )
    s.simpan_pemegang(
        pemegang=PemegangJabatan(
            jabatan=p.kabag, nama="C", mulai=datetime.date(2017, 1, 1), selesai=datetime.date(2018, 2, 28)
        ),
        tahun=T,
    )
    s.simpan_pemegang(pemegang=PemegangJabatan(jabatan=p.kabag, nama="D", mulai=datetime.date(2018, 3, 1)), tahun=T)
    assert PemegangJabatan.objects.count() == 4


# --- offer and crosscutting ---------------------------------------------------------------------------------------


def test_usulan_diterima_dan_ditolak(p):
    u = s.tawarkan_node(
        node=NodeKinerja(unit=p.d.unit, tingkat=Tingkat.SK, kode="SK9", uraian="Usul", induk=p.sp), tahun=T
    )
    assert u.status == StatusNode.USULAN and u.diusulkan_oleh_id == p.d.induk.pk and u.renstra_id == p.d.renstra.pk
    s.terima_usulan(node=u, tahun=T, pemilik=p.kabiro)
    u.refresh_from_db()
    assert u.status == StatusNode.DITERIMA and u.pemilik_id == p.kabiro.pk
    v = s.tawarkan_node(node=NodeKinerja(unit=p.d.unit, tingkat=Tingkat.SK, uraian="Lagi", induk=p.sp), tahun=T)
    with pytest.raises(ValidationError):
        s.tolak_usulan(node=v, tahun=T, alasan="")
    s.tolak_usulan(node=v, tahun=T, alasan="Bukan tugas biro")
    v.refresh_from_db()
    assert v.status == StatusNode.DITOLAK and v.alasan == "Bukan tugas biro"
    with pytest.raises(ValidationError) as e:
        s.terima_usulan(node=v, tahun=T)
    assert "bukan_usulan" in _kode(e.value)


@pytest.mark.parametrize(
    ("buat", "kode"),
    [
        (lambda p: NodeKinerja(unit=p.d.unit, tingkat=Tingkat.SK, uraian="x", induk=p.sk), "usulan_induk"),
        (lambda p: NodeKinerja(unit=p.d.unit, tingkat=Tingkat.SK, uraian="x"), "usulan_induk"),
        (lambda p: NodeKinerja(unit=p.d.lain, tingkat=Tingkat.SK, uraian="x", induk=p.sp), "usulan_induk"),
        (lambda p: NodeKinerja(unit=p.d.unit, tingkat=Tingkat.ESELON_III, uraian="x", induk=p.sp), "lompat_tingkat"),
    ],
    ids=["induk di unit sendiri", "tanpa induk", "unit bukan anak", "lompat tingkat"],
)
def test_usulan_ditolak(p, buat, kode):
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        s.tawarkan_node(node=buat(p), tahun=T)
    assert kode in _kode(e.value)
    assert _jumlah() == sebelum


def test_crosscutting(p):
    d = p.d
    c = s.ajukan_crosscutting(
        crosscutting=Crosscutting(
            node=p.sk, mitra_unit=d.lain, peran=PeranMitra.KONTRIBUTOR, kontribusi="Data", indikator_mitra=p.ind_lain
        ),
        tahun=T,
    )
    assert c.status == StatusCrosscutting.DIUSULKAN
    with pytest.raises(ValidationError):
        s.jawab_crosscutting(crosscutting=c, tahun=T, terima=False, alasan="", oleh=None)
    s.jawab_crosscutting(
        crosscutting=c, tahun=T, terima=False, alasan="Tidak terkait", oleh=d.pengguna["perencana_lain"]
    )
    c.refresh_from_db()
    assert c.status == StatusCrosscutting.DITOLAK and c.dijawab_oleh == d.pengguna["perencana_lain"] and c.dijawab_pada
    with pytest.raises(ValidationError):
        s.jawab_crosscutting(crosscutting=c, tahun=T, terima=True, alasan="", oleh=None)
    e = s.ajukan_crosscutting(
        crosscutting=Crosscutting(
            node=p.sk,
            mitra_nama="Kementerian Luar Negeri",
            mitra_jenis=JenisMitra.KL,
            peran="pendukung",
            kontribusi="x",
        ),
        tahun=T,
    )
    assert e.status == StatusCrosscutting.DITERIMA


def _cc(p, **kw):
    kw.setdefault("node", p.sk)
    kw.setdefault("peran", PeranMitra.KONTRIBUTOR)
    kw.setdefault("kontribusi", "Data")
    return Crosscutting(**kw)


TOLAK_CC = [
    ("mitra diri", lambda p: _cc(p, mitra_unit=p.d.unit), "mitra_sendiri"),
    ("tanpa mitra", lambda p: _cc(p), "tanpa_mitra"),
    ("dua mitra", lambda p: _cc(p, mitra_unit=p.d.lain, mitra_nama="X"), "dua_mitra"),
    ("eksternal tanpa jenis", lambda p: _cc(p, mitra_nama="X"), "tanpa_jenis"),
    ("indikator bukan milik mitra", lambda p: _cc(p, mitra_unit=p.d.lain, indikator_mitra=p.d.ind1), "indikator_mitra"),
    (
        "indikator untuk eksternal",
        lambda p: _cc(p, mitra_nama="X", mitra_jenis="kl", indikator_mitra=p.ind_lain),
        "indikator_eksternal",
    ),
    ("tanpa kontribusi", lambda p: _cc(p, mitra_unit=p.d.lain, kontribusi=" "), "tanpa_kontribusi"),
]


@pytest.mark.parametrize(("nama", "buat", "kode"), TOLAK_CC, ids=[t[0] for t in TOLAK_CC])
def test_crosscutting_ditolak(p, nama, buat, kode):
    sebelum = _jumlah()
    with pytest.raises(ValidationError) as e:
        s.ajukan_crosscutting(crosscutting=buat(p), tahun=T)
    assert kode in _kode(e.value)
    assert _jumlah() == sebelum


# --- the period lock ----------------------------------------------------------------------------------------------

TULIS_BEKU = [
    lambda p: s.simpan_node(node=_baru(p), tahun=T),
    lambda p: s.pindahkan_node(node=p.e3, induk=p.sk, tahun=T, alasan="x"),
    lambda p: s.nonaktifkan_node(node=p.e3, tahun=T, alasan="x"),
    lambda p: s.tautkan_indikator(node=p.sk, indikator=p.d.ind1, tahun=T),
    lambda p: s.tambah_anggaran(anggaran=NodeAnggaran(node=p.e3, kode_ro="A", pagu=1), tahun=T),
    lambda p: s.simpan_jabatan(jabatan=Jabatan(unit=p.d.unit, nama="Baru", eselon="4"), tahun=T),
    lambda p: s.simpan_pemegang(
        pemegang=PemegangJabatan(jabatan=p.kabag, nama="A", mulai=datetime.date(2018, 1, 1)), tahun=T
    ),
    lambda p: s.tawarkan_node(node=NodeKinerja(unit=p.d.unit, tingkat=Tingkat.SK, uraian="x", induk=p.sp), tahun=T),
    lambda p: s.ajukan_crosscutting(crosscutting=_cc(p, mitra_unit=p.d.lain), tahun=T),
]


@pytest.mark.parametrize("status", [StatusPeriode.DIAJUKAN, StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
@pytest.mark.parametrize("aksi", TULIS_BEKU)
def test_tahun_beku_menolak(p, status, aksi):
    m.PeriodeUnit.objects.update_or_create(unit=p.d.unit, tahun=T, defaults={"status": status})
    sebelum = _jumlah()
    with pytest.raises(PeriodeBeku):
        aksi(p)
    assert _jumlah() == sebelum


def test_jawaban_mitra_mengunci_tahun_mitra(p):
    c = s.ajukan_crosscutting(crosscutting=_cc(p, mitra_unit=p.d.lain), tahun=T)
    m.PeriodeUnit.objects.create(unit=p.d.lain, tahun=T, status=StatusPeriode.DISAHKAN)
    with pytest.raises(PeriodeBeku):
        s.jawab_crosscutting(crosscutting=c, tahun=T, terima=True, alasan="", oleh=None)
    c.refresh_from_db()
    assert c.status == StatusCrosscutting.DIUSULKAN
