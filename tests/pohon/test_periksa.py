"""The consistency checks K1–K10 (siklus.md §2.3): a table per rule over trees built in memory (no database), exact
Decimal coverage figures, the severity override, and the reader over the database in a constant number of
queries."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.utils import timezone

from indikator.queries import TANPA_TARGET, NilaiTargetEfektif
from pohon.enums import Eselon, JenisCascading, JenisHasil, StatusNode, Tingkat
from pohon.formulas import bandingkan_jumlah, eselon_selaras, persen, teks_sama
from pohon.models import Jabatan, PemegangJabatan
from pohon.periksa import GALAT, INFO, PERINGATAN, Bahan, MataRingkas, periksa
from pohon.queries import (
    AnggaranSimpul,
    IndikatorSimpul,
    MitraSimpul,
    Pemilik,
    Pohon,
    Simpul,
    UnitRingkas,
)

INDUK = UnitRingkas(1, "Sekretariat Utama", "Sestama", "sestama", None)
ANAK = UnitRingkas(2, "Biro Kerja Sama", "Biro KS", "biro-ks", 1)
LAIN = UnitRingkas(3, "Biro Lain", "Biro Lain", "biro-lain", None)
UNITS = {u.id: u for u in (INDUK, ANAK, LAIN)}
HARI_INI = datetime.date(2018, 6, 30)


def ind(id, nama="Indikator", satuan="dokumen", target=None, kode=None):
    t = TANPA_TARGET if target is None else NilaiTargetEfektif(D(target), None, "", "", "pk")
    return IndikatorSimpul(id, kode or f"I{id}", nama, satuan, "utama", 1, t)


def pemilik(eselon, jabatan_id=None):
    return Pemilik(jabatan_id or int(eselon) * 100, f"Jabatan {eselon}", eselon, "Nama", "", False)


def simpul(id, tingkat, induk=None, unit=INDUK, **kw):
    kw.setdefault("status", StatusNode.DITERIMA)
    kw.setdefault("jenis_hasil", JenisHasil.OUTCOME)
    kw.setdefault("indikator", [ind(id * 10)] if tingkat in (Tingkat.SS, Tingkat.SP, Tingkat.SK) else [])
    kw.setdefault("anggaran", [AnggaranSimpul(id, None, f"A{id}", "", D("1"))])
    return Simpul(
        id=id,
        unit=unit,
        tingkat=tingkat,
        kode=kw.pop("kode", f"N{id}"),
        uraian=kw.pop("uraian", f"Simpul {id}"),
        jenis_hasil=kw.pop("jenis_hasil"),
        cascading=kw.pop("cascading", ""),
        status=kw.pop("status"),
        perspektif="",
        sasaran_id=None,
        induk_id=induk,
        urutan=0,
        tahun_mulai=None,
        tahun_selesai=None,
        pemilik=kw.pop("pemilik", None),
        **kw,
    )


def pohon(*daftar, luar=(), jabatan=(), pemegang=None, unit=INDUK):
    s = {n.id: n for n in daftar}
    luar = {n.id: n for n in luar}
    akar = []
    for n in daftar:
        if n.induk_id in s:
            n.induk = s[n.induk_id]
            n.induk.anak.append(n)
        else:
            n.induk = luar.get(n.induk_id)
            akar.append(n)
    return Pohon(unit, 2018, datetime.date(2018, 12, 31), UNITS, akar, s, luar, list(jabatan), pemegang or {})


def kode(hasil, k):
    return [(t.keparahan, t.simpul_id) for t in hasil.temuan if t.kode == k]


def jalankan(p, **bahan):
    bahan.setdefault("hari_ini", HARI_INI)
    bahan.setdefault("luar_berlaku", set(p.induk_luar))
    return periksa(p, Bahan(**bahan))


# ------------------------------------------------------------------ formulas


@pytest.mark.parametrize(
    ("bagian", "total", "hasil"),
    [(1, 3, D("33.33")), (2, 3, D("66.67")), (0, 5, D("0.00")), (5, 5, D("100.00")), (1, 0, None)],
)
def test_persen(bagian, total, hasil):
    assert persen(bagian, total) == hasil


@pytest.mark.parametrize(
    ("a", "b", "sama"),
    [
        ("Persentase MoU", "persentase  mou", True),
        (" Persentase\tMoU ", "PERSENTASE MOU", True),
        ("Persentase MoU", "Persentase MoU terlaksana", False),
        ("", "", False),
    ],
)
def test_teks_sama(a, b, sama):
    assert teks_sama(a, b) is sama


@pytest.mark.parametrize(
    ("induk", "anak", "selaras"),
    [("1", "2", True), ("2", "3", True), ("4", "5", True), ("4", "6", True), ("2", "4", False), ("3", "3", False)],
)
def test_eselon_selaras(induk, anak, selaras):
    assert eselon_selaras(induk, anak) is selaras


@pytest.mark.parametrize(
    ("target", "anak", "hasil"),
    [
        ("100", ["40", "50"], (D("90"), "kurang")),
        ("100", ["40", "60"], (D("100"), "")),
        ("100", ["60", "60"], (D("120"), "")),
        ("100", ["60", "60.01"], (D("120.01"), "lebih")),
    ],
)
def test_bandingkan_jumlah(target, anak, hasil):
    assert bandingkan_jumlah(D(target), [D(x) for x in anak]) == hasil


# ------------------------------------------------------------------ K1


def _k1(kasus):
    ss = simpul(1, Tingkat.SS)
    if kasus == "benar":
        return pohon(ss, simpul(2, Tingkat.SP, 1)), {}
    if kasus == "lompat":
        return pohon(ss, simpul(2, Tingkat.SK, 1)), {}
    if kasus == "lompat_boleh":
        return pohon(ss, simpul(2, Tingkat.SK, 1)), {"aturan": {1: (True, {})}}
    if kasus == "sama_tingkat":
        return pohon(ss, simpul(2, Tingkat.SS, 1)), {"aturan": {1: (True, {})}}
    if kasus == "anak_tanpa_induk":
        return pohon(ss, simpul(2, Tingkat.SK, unit=ANAK)), {}
    if kasus == "anak_di_induk_unit":
        return pohon(simpul(1, Tingkat.SP), simpul(2, Tingkat.SK, 1, unit=ANAK)), {}
    if kasus == "unit_lain":
        return pohon(simpul(1, Tingkat.SP, unit=LAIN), simpul(2, Tingkat.SK, 1, unit=ANAK), unit=ANAK), {}
    if kasus == "induk_nonaktif":
        return pohon(simpul(1, Tingkat.SS, status=StatusNode.NONAKTIF), simpul(2, Tingkat.SP, 1)), {}
    if kasus == "induk_luar_tidak_berlaku":
        luar = simpul(1, Tingkat.SP)
        return pohon(simpul(2, Tingkat.SK, 1, unit=ANAK), luar=[luar], unit=ANAK), {"luar_berlaku": set()}
    if kasus == "siklus":
        return pohon(simpul(1, Tingkat.SP, 2), simpul(2, Tingkat.SK, 1)), {}
    raise AssertionError(kasus)


@pytest.mark.parametrize(
    ("kasus", "harapan"),
    [
        ("benar", []),
        ("lompat", [(GALAT, 2)]),
        ("lompat_boleh", []),
        ("sama_tingkat", [(GALAT, 2)]),
        ("anak_tanpa_induk", [(GALAT, 2)]),
        ("anak_di_induk_unit", []),
        ("unit_lain", [(GALAT, 2)]),
        ("induk_nonaktif", [(GALAT, 2)]),
        ("induk_luar_tidak_berlaku", [(GALAT, 2)]),
        ("siklus", [(GALAT, 1), (GALAT, 2)]),
    ],
)
def test_k1_induk_satu_tingkat(kasus, harapan):
    p, bahan = _k1(kasus)
    assert kode(jalankan(p, **bahan), "K1") == harapan


def test_k1_pesan_menyebut_simpul():
    p, _ = _k1("lompat")
    (t,) = [t for t in jalankan(p).temuan if t.kode == "K1"]
    assert "N2 Simpul 2 (Sestama)" in t.pesan and "Sasaran Kegiatan" in t.pesan and "Sasaran Strategis" in t.pesan


# ------------------------------------------------------------------ K2


@pytest.mark.parametrize(
    ("tingkat", "indikator", "pk", "harapan"),
    [
        (Tingkat.SK, [], {}, [(GALAT, 2)]),
        (Tingkat.SK, [ind(7)], {}, []),
        (Tingkat.ESELON_III, [], {}, []),
        (Tingkat.SK, [ind(7)], {1: [(7, "I7", "Tujuh")]}, []),
        (Tingkat.SK, [ind(7)], {1: [(7, "I7", "Tujuh"), (8, "I8", "Delapan")]}, [(GALAT, None)]),
        # A unit without a tree in the year is not asked to link its PK indikator.
        (Tingkat.SK, [ind(7)], {3: [(9, "I9", "Sembilan")]}, []),
    ],
)
def test_k2_indikator(tingkat, indikator, pk, harapan):
    p = pohon(
        simpul(1, Tingkat.SP),
        simpul(2, tingkat, 1, indikator=indikator) if tingkat == Tingkat.SK else simpul(2, Tingkat.SK, 1),
        *([simpul(3, tingkat, 2, indikator=indikator)] if tingkat != Tingkat.SK else []),
    )
    assert kode(jalankan(p, indikator_pk=pk), "K2") == harapan


def test_k2_pesan_indikator_pk():
    p = pohon(simpul(1, Tingkat.SP))
    (t,) = jalankan(p, indikator_pk={1: [(8, "IKU-8", "Persentase MoU")]}).temuan
    assert t.pesan == "Indikator PK IKU-8 Persentase MoU (Sestama) belum tertaut ke simpul mana pun."


# ------------------------------------------------------------------ K3


@pytest.mark.parametrize(
    ("eselon_induk", "eselon_anak", "luar", "harapan"),
    [
        ("2", "3", False, []),
        ("2", "4", False, [(PERINGATAN, 2)]),
        ("4", "6", False, []),
        ("3", "3", False, [(PERINGATAN, 2)]),
        (None, "3", False, []),
        ("1", "2", True, []),
        ("1", "3", True, [(PERINGATAN, 2)]),
    ],
)
def test_k3_eselon(eselon_induk, eselon_anak, luar, harapan):
    if luar:
        induk = simpul(1, Tingkat.SP)
        p = pohon(simpul(2, Tingkat.SK, 1, unit=ANAK, pemilik=pemilik(eselon_anak)), luar=[induk], unit=ANAK)
        hasil = jalankan(p, eselon_luar={1: eselon_induk})
    else:
        induk = simpul(1, Tingkat.SP, pemilik=pemilik(eselon_induk) if eselon_induk else None)
        hasil = jalankan(pohon(induk, simpul(2, Tingkat.SK, 1, pemilik=pemilik(eselon_anak))))
    assert kode(hasil, "K3") == harapan


# ------------------------------------------------------------------ K4


def _mata(id, kode, pagu, induk=None, unit=1):
    return MataRingkas(id, unit, kode, f"Anggaran {kode}", induk, D(pagu))


@pytest.mark.parametrize(
    ("anggaran_daun", "mata", "harapan", "cakupan"),
    [
        # The leaf has no budget; no budget line: no coverage figure.
        ([], [], [(PERINGATAN, 2)], (D("0"), D("0"), None)),
        # Linked to a child line: that line only; the program line's pagu is its children's.
        (
            [AnggaranSimpul(1, 11, "001.1", "", D("300"))],
            [_mata(10, "001", "1000"), _mata(11, "001.1", "300", 10), _mata(12, "001.2", "700", 10)],
            [(PERINGATAN, None)],
            (D("1000"), D("300"), D("30.00")),
        ),
        # Linked to the program line: every line under it is covered.
        (
            [AnggaranSimpul(1, 10, "001", "", D("1000"))],
            [_mata(10, "001", "1000"), _mata(11, "001.1", "300", 10), _mata(12, "001.2", "700", 10)],
            [],
            (D("1000"), D("1000"), D("100.00")),
        ),
        # Codes typed as strings match the unit's budget line of that code.
        (
            [AnggaranSimpul(1, None, "002", "", D("5"))],
            [_mata(20, "002", "3"), _mata(21, "003", "6")],
            [(PERINGATAN, None)],
            (D("9"), D("3"), D("33.33")),
        ),
        # Another unit without a tree: its lines count in the totals but are not reported.
        (
            [AnggaranSimpul(1, 20, "002", "", D("5"))],
            [_mata(20, "002", "3"), _mata(30, "009", "7", unit=3)],
            [],
            (D("10"), D("3"), D("30.00")),
        ),
    ],
)
def test_k4_anggaran(anggaran_daun, mata, harapan, cakupan):
    p = pohon(simpul(1, Tingkat.SP, anggaran=[]), simpul(2, Tingkat.SK, 1, anggaran=anggaran_daun))
    hasil = jalankan(p, mata_anggaran=mata)
    assert kode(hasil, "K4") == harapan
    c = hasil.cakupan
    assert (c.pagu_total, c.pagu_tertaut, c.persen_anggaran) == cakupan


def test_k4_unit_lain_dihitung_terpisah():
    p = pohon(simpul(1, Tingkat.SP, anggaran=[AnggaranSimpul(1, 20, "002", "", None)]))
    hasil = jalankan(p, mata_anggaran=[_mata(20, "002", "3"), _mata(30, "009", "7", unit=3)])
    assert hasil.cakupan_unit[1].persen_anggaran == D("100.00")
    assert hasil.cakupan_unit[3].persen_anggaran == D("0.00")
    assert hasil.milik(3).cakupan.pagu_total == D("7")


# ------------------------------------------------------------------ K5


@pytest.mark.parametrize(
    ("induk", "anak", "harapan"),
    [
        ("Persentase kerja sama", "persentase  KERJA sama", [(PERINGATAN, 2)]),
        ("Persentase kerja sama", "Persentase kerja sama yang ditindaklanjuti", []),
        ("Jumlah MoU", "Jumlah MoU ", [(PERINGATAN, 2)]),
    ],
)
def test_k5_indikator_disalin(induk, anak, harapan):
    p = pohon(simpul(1, Tingkat.SP, indikator=[ind(1, induk)]), simpul(2, Tingkat.SK, 1, indikator=[ind(2, anak)]))
    assert kode(jalankan(p), "K5") == harapan


def test_k5_induk_di_unit_induk():
    luar = simpul(1, Tingkat.SP, indikator=[ind(1, "Jumlah MoU")])
    p = pohon(simpul(2, Tingkat.SK, 1, unit=ANAK, indikator=[ind(2, "jumlah mou")]), luar=[luar], unit=ANAK)
    (t,) = [t for t in jalankan(p).temuan if t.kode == "K5"]
    assert t.simpul_id == 2 and "bukti cascading lemah" in t.pesan


# ------------------------------------------------------------------ K6


@pytest.mark.parametrize(
    ("jenis", "jumlah_indikator", "harapan"),
    [
        ([JenisHasil.OUTCOME, JenisHasil.OUTPUT], [1, 1], []),  # 50 %
        ([JenisHasil.OUTCOME, JenisHasil.OUTPUT], [1, 2], [(PERINGATAN, 1)]),  # 33,33 %
        ([JenisHasil.OUTPUT, JenisHasil.OUTPUT], [0, 0], [(PERINGATAN, 1)]),  # nodes: 0 %
        ([JenisHasil.DAMPAK, JenisHasil.OUTCOME_ANTARA], [2, 1], []),
        ([JenisHasil.OUTPUT, JenisHasil.OUTCOME], [2, 1], [(PERINGATAN, 1)]),
    ],
)
def test_k6_porsi_outcome(jenis, jumlah_indikator, harapan):
    p = pohon(
        simpul(1, Tingkat.SS, jenis_hasil=jenis[0], indikator=[ind(10 + i) for i in range(jumlah_indikator[0])]),
        simpul(2, Tingkat.SP, 1, jenis_hasil=jenis[1], indikator=[ind(20 + i) for i in range(jumlah_indikator[1])]),
    )
    assert kode(jalankan(p), "K6") == harapan


def test_k6_pesan():
    p = pohon(
        simpul(1, Tingkat.SS, jenis_hasil=JenisHasil.OUTPUT, indikator=[ind(1), ind(2)]),
        simpul(2, Tingkat.SP, 1, indikator=[ind(3)]),
    )
    (t,) = [t for t in jalankan(p).temuan if t.kode == "K6"]
    assert t.pesan == "Porsi indikator outcome pada tingkat SS/SP Sestama baru 33,33 % (minimal 50 %)."


# ------------------------------------------------------------------ K7

KUM = ("kumulatif", None)


@pytest.mark.parametrize(
    ("target_anak", "satuan_anak", "cascading", "agregasi", "harapan"),
    [
        (["40", "50"], "MoU", JenisCascading.PENUH, {}, [(PERINGATAN, 1)]),
        (["40", "60"], "MoU", JenisCascading.PENUH, {}, []),
        (["60", "61"], "MoU", JenisCascading.PENUH, {}, [(INFO, 1)]),
        (["40", "50"], "mou ", JenisCascading.PENUH, {}, [(PERINGATAN, 1)]),  # same unit, other case
        (["40", "50"], "dokumen", JenisCascading.PENUH, {}, []),  # another unit of measure
        (["40", "50"], "MoU", JenisCascading.SEBAGIAN, {}, []),  # not a full cascade
        (["40", "50"], "MoU", JenisCascading.PENUH, {100: ("terakhir", None)}, []),  # not summed
        (["40", "50"], "MoU", JenisCascading.PENUH, {100: ("terakhir", "jumlah")}, [(PERINGATAN, 1)]),
        (["40", "50"], "MoU", JenisCascading.PENUH, {100: ("kumulatif", "rata_rata")}, []),
    ],
)
def test_k7_jumlah_target_anak(target_anak, satuan_anak, cascading, agregasi, harapan):
    induk = simpul(1, Tingkat.SP, indikator=[ind(100, "Jumlah MoU induk", "MoU", "100")])
    anak = [
        simpul(2 + i, Tingkat.SK, 1, cascading=cascading, indikator=[ind(200 + i, f"MoU {i}", satuan_anak, t)])
        for i, t in enumerate(target_anak)
    ]
    bahan = {100: KUM, 200: KUM, 201: KUM} | agregasi
    assert kode(jalankan(pohon(induk, *anak), agregasi=bahan), "K7") == harapan


def test_k7_pesan_angka_indonesia():
    induk = simpul(1, Tingkat.SP, indikator=[ind(100, "Jumlah MoU", "MoU", "1000.5")])
    anak = simpul(2, Tingkat.SK, 1, cascading=JenisCascading.PENUH, indikator=[ind(200, "MoU biro", "MoU", "900")])
    (t,) = [t for t in jalankan(pohon(induk, anak), agregasi={100: KUM, 200: KUM}).temuan if t.kode == "K7"]
    assert "900 MoU di bawah target Jumlah MoU" in t.pesan and "(1.000,5 MoU)" in t.pesan


# ------------------------------------------------------------------ K8


def _mitra(hari_lalu, status="diusulkan", unit=3):
    dibuat = timezone.make_aware(
        datetime.datetime.combine(HARI_INI - datetime.timedelta(days=hari_lalu), datetime.time(10))
    )
    return MitraSimpul(1, unit, "Biro Lain" if unit else "Kemenlu", "", "kontributor", "Bantu", status, dibuat, None)


@pytest.mark.parametrize(
    ("mitra", "harapan"),
    [
        (_mitra(14), []),
        (_mitra(15), [(PERINGATAN, 1)]),
        (_mitra(30, "diterima"), []),
        (_mitra(30, "ditolak"), []),
        (_mitra(30, unit=None), []),  # an external partner does not answer in the app
    ],
)
def test_k8_crosscutting_belum_dijawab(mitra, harapan):
    assert kode(jalankan(pohon(simpul(1, Tingkat.SP, mitra=[mitra]))), "K8") == harapan


# ------------------------------------------------------------------ K10


@pytest.mark.parametrize(
    ("status", "berealisasi", "harapan"),
    [
        (StatusNode.NONAKTIF, {10}, [(GALAT, 1)]),
        (StatusNode.NONAKTIF, set(), []),
        (StatusNode.DITERIMA, {10}, []),
    ],
)
def test_k10_nonaktif_berealisasi(status, berealisasi, harapan):
    p = pohon(simpul(1, Tingkat.SP, status=status))
    assert kode(jalankan(p, berealisasi=berealisasi), "K10") == harapan


# ------------------------------------------------------------------ K9


def test_k9_cakupan_jabatan_dan_pegawai():
    def jab(pk, eselon, aktif=True):
        return Jabatan(pk=pk, unit_id=1, nama=f"J{pk}", eselon=eselon, aktif=aktif)

    def pegang(jabatan_id, mulai, selesai=None):
        return PemegangJabatan(jabatan_id=jabatan_id, nama="X", mulai=mulai, selesai=selesai)

    jabatan = [
        jab(1, Eselon.II),
        jab(3, Eselon.III),
        jab(4, Eselon.IV),
        jab(5, Eselon.IV),
        jab(9, Eselon.IV, aktif=False),
        jab(6, Eselon.PELAKSANA),
        jab(7, Eselon.FUNGSIONAL),
        jab(8, Eselon.PELAKSANA),  # vacant on the tree's date
    ]
    pemegang = {
        6: [pegang(6, datetime.date(2017, 1, 1))],
        7: [pegang(7, datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))],
        8: [pegang(8, datetime.date(2017, 1, 1), datetime.date(2018, 3, 1))],
    }
    p = pohon(
        simpul(1, Tingkat.SK, pemilik=pemilik("2", 1)),
        simpul(2, Tingkat.ESELON_III, 1, pemilik=pemilik("3", 3)),
        simpul(3, Tingkat.ESELON_IV, 2, pemilik=pemilik("4", 4)),
        simpul(4, Tingkat.RHK, 3, pemilik=pemilik("6", 6)),
        simpul(5, Tingkat.ESELON_IV, 2, pemilik=pemilik("4", 5), status=StatusNode.NONAKTIF),
        jabatan=jabatan,
        pemegang=pemegang,
    )
    c = jalankan(p).cakupan
    assert (c.jabatan_struktural, c.jabatan_struktural_berhasil, c.persen_jabatan) == (3, 2, D("66.67"))
    assert (c.pegawai, c.pegawai_rhk, c.persen_pegawai) == (2, 1, D("50.00"))


# ------------------------------------------------------------------ severity


@pytest.mark.parametrize(
    ("keparahan", "harapan"),
    [({}, GALAT), ({"K2": "peringatan"}, PERINGATAN), ({"K2": "info"}, INFO), ({"K2": "lain"}, GALAT)],
)
def test_keparahan_per_unit(keparahan, harapan):
    p = pohon(simpul(1, Tingkat.SP, indikator=[]))
    (t,) = [t for t in jalankan(p, aturan={1: (False, keparahan)}).temuan if t.kode == "K2"]
    assert t.keparahan == harapan


def test_urutan_menurut_keparahan():
    p = pohon(
        simpul(1, Tingkat.SS, indikator=[], jenis_hasil=JenisHasil.OUTPUT),
        simpul(2, Tingkat.SP, 1, anggaran=[], jenis_hasil=JenisHasil.OUTPUT),
    )
    hasil = jalankan(p)
    assert [t.kode for t in hasil.temuan] == ["K2", "K4", "K6"]
    assert [(k, len(d)) for k, _label, d in hasil.menurut_keparahan()] == [(GALAT, 1), (PERINGATAN, 2)]


# ------------------------------------------------------------------ over the database


@pytest.mark.django_db
def test_periksa_pohon_dari_basis_data(dunia, django_assert_num_queries):
    """The reader: the tree of the parent unit and its child, real findings, the same number of queries for a
    bigger tree, and `cakupan_pohon` for the AKIP evaluation."""
    from anggaran.enums import JenisMataAnggaran
    from anggaran.models import MataAnggaran, PaguRevisi
    from indikator.models import Realisasi
    from pohon.models import NodeIndikator, NodeKinerja
    from pohon.periksa import cakupan_pohon, periksa_pohon
    from tests.pohon.test_susun_pohon import _pohon_dasar

    ss, (sk,) = _pohon_dasar(dunia)
    lain = MataAnggaran.objects.create(
        unit=dunia.unit, tahun=2018, kode="002", nama="Program lain", jenis=JenisMataAnggaran.PROGRAM
    )
    PaguRevisi.objects.create(
        mata_anggaran=lain, revisi_ke=0, berlaku_mulai=datetime.date(2018, 1, 1), nilai=D("300000")
    )
    mati = NodeKinerja.objects.create(
        unit=dunia.unit,
        renstra=dunia.renstra,
        tingkat=Tingkat.SK,
        kode="SK9",
        uraian="Dihentikan",
        induk=ss,
        status=StatusNode.NONAKTIF,
    )
    NodeIndikator.objects.create(node=mati, indikator=dunia.ind2)
    Realisasi.objects.create(indikator=dunia.ind2, tahun=2018, nilai=D("4"))

    with django_assert_num_queries(20):
        pohon, hasil = periksa_pohon(dunia.induk, 2018, hari_ini=datetime.date(2018, 6, 30))
    ringkas = {(t.kode, t.keparahan, t.simpul_id) for t in hasil.temuan}
    assert ("K2", GALAT, ss.pk) in ringkas  # the parent's SP node has no indikator
    assert ("K10", GALAT, mati.pk) in ringkas
    (k4,) = [t for t in hasil.temuan if t.kode == "K4" and t.simpul_id is None]
    assert k4.unit_id == dunia.unit.pk and "002 Program lain" in k4.pesan
    assert hasil.cakupan_unit[dunia.unit.pk].persen_anggaran == D("76.92")  # 1.000.000 of 1.300.000
    assert hasil.milik(dunia.unit.pk).temuan and all(
        t.unit_id == dunia.unit.pk for t in hasil.milik(dunia.unit.pk).temuan
    )

    for i in range(4):
        n = NodeKinerja.objects.create(
            unit=dunia.unit, renstra=dunia.renstra, tingkat=Tingkat.SK, kode=f"L{i}", uraian="Lagi", induk=ss
        )
        NodeIndikator.objects.create(node=n, indikator=dunia.ind1)
    with django_assert_num_queries(20):
        periksa_pohon(dunia.induk, 2018)
    # From the child unit: the parent outside is read as well (two queries more, whatever the tree's size).
    with django_assert_num_queries(22):
        periksa_pohon(dunia.unit, 2018)
    assert cakupan_pohon(dunia.unit, 2018).pagu_total == D("1300000")
