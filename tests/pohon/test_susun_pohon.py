"""`susun_pohon`: the tree of a unit and its sub-units in a year, owners on a date, targets, budget, partners; a
constant number of queries."""

import datetime
from decimal import Decimal as D

import pytest

from indikator import models as m
from pohon.enums import Eselon, StatusNode, Tingkat
from pohon.models import Crosscutting, Jabatan, NodeAnggaran, NodeIndikator, NodeKinerja, PemegangJabatan
from pohon.queries import id_unit_turunan, susun_pohon

pytestmark = pytest.mark.django_db


def _pohon_dasar(data, n_anak=1):
    renstra_induk = m.Renstra.objects.create(
        unit=data.induk, nama="Renstra induk", tahun_mulai=2015, tahun_selesai=2019, skema=data.skema
    )
    kepala = Jabatan.objects.create(unit=data.induk, nama="Kepala Induk", eselon=Eselon.I)
    direktur = Jabatan.objects.create(unit=data.unit, nama="Kepala Biro", eselon=Eselon.II, atasan=kepala)
    PemegangJabatan.objects.create(
        jabatan=direktur, nama="Lama", mulai=datetime.date(2015, 1, 1), selesai=datetime.date(2018, 6, 30)
    )
    PemegangJabatan.objects.create(
        jabatan=direktur, nama="Pejabat Sementara", mulai=datetime.date(2018, 7, 1), plt=True
    )
    ss = NodeKinerja.objects.create(
        unit=data.induk, renstra=renstra_induk, tingkat=Tingkat.SP, kode="SP1", uraian="Program"
    )
    anak = []
    for i in range(n_anak):
        sk = NodeKinerja.objects.create(
            unit=data.unit,
            renstra=data.renstra,
            tingkat=Tingkat.SK,
            kode=f"SK{i}",
            uraian=f"Kegiatan {i}",
            induk=ss,
            pemilik=direktur,
        )
        NodeIndikator.objects.create(node=sk, indikator=data.ind1)
        NodeAnggaran.objects.create(node=sk, tahun=2018, mata_anggaran=data.mata)
        NodeAnggaran.objects.create(node=sk, tahun=2018, kode_program="063", kode_ro="AAA", pagu=D("1000"))
        Crosscutting.objects.create(node=sk, mitra_unit=data.lain, peran="kontributor", kontribusi="Bantu")
        anak.append(sk)
    NodeKinerja.objects.create(
        unit=data.unit,
        renstra=data.renstra,
        tingkat=Tingkat.SK,
        kode="X",
        uraian="Ditolak",
        induk=ss,
        status=StatusNode.DITOLAK,
    )
    return ss, anak


def test_pohon_unit_dan_induk_luar(dunia):
    data = dunia
    ss, (sk,) = _pohon_dasar(dunia)
    pohon = susun_pohon(data.unit, 2018)
    assert [s.id for s in pohon.akar] == [sk.pk]
    akar = pohon.akar[0]
    assert akar.induk.id == ss.pk and akar.induk.unit.id == data.induk.pk
    assert akar.pemilik.nama == "Pejabat Sementara" and akar.pemilik.plt
    assert [i.id for i in akar.indikator] == [data.ind1.pk]
    assert akar.indikator[0].target.sumber in {"pk", "renstra"}
    assert [a.kode for a in akar.anggaran] == [data.mata.kode, "063.AAA"]
    assert akar.anggaran[1].pagu == D("1000")
    assert akar.mitra[0].mitra_unit_id == data.lain.pk
    # The parent unit's tree holds both levels; the rejected node is left out unless asked for.
    dari_induk = susun_pohon(data.induk, 2018)
    assert [s.kode for s in dari_induk.akar] == ["SP1"]
    assert [a.kode for a in dari_induk.akar[0].anak] == ["SK0"]
    assert "X" in {s.kode for s in susun_pohon(data.induk, 2018, dengan_ditolak=True).telusuri()}
    assert susun_pohon(data.unit, 2018, tanggal=datetime.date(2018, 1, 1)).akar[0].pemilik.nama == "Lama"
    assert susun_pohon(data.unit, 2021).akar == []
    assert id_unit_turunan(data.induk.pk)[0] == data.induk.pk


def test_jumlah_kueri_tetap(dunia, django_assert_num_queries):
    """The same count for one child node and for six."""
    ss, _ = _pohon_dasar(dunia, n_anak=1)
    with django_assert_num_queries(13):
        susun_pohon(dunia.induk, 2018)
    for i in range(5):
        sk = NodeKinerja.objects.create(
            unit=dunia.unit, renstra=dunia.renstra, tingkat=Tingkat.SK, kode=f"L{i}", uraian="Lagi", induk=ss
        )
        NodeIndikator.objects.create(node=sk, indikator=dunia.ind2)
        NodeAnggaran.objects.create(node=sk, tahun=2018, mata_anggaran=dunia.mata)
    with django_assert_num_queries(13):
        assert len(list(susun_pohon(dunia.induk, 2018).telusuri())) == 7
