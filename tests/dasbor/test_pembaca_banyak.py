"""Batch readers: the same results as the per-unit readers, with a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran.queries import susun_anggaran, susun_anggaran_banyak
from indikator.queries import susun_pengukuran, susun_pengukuran_banyak
from indikator.rencana_aksi import baca_rencana_aksi


def _ringkas_pengukuran(p):
    return (
        p.nko,
        [(x.perspektif, x.nps) for x in p.perspektif],
        [(b.indikator.pk, b.target, b.realisasi.nilai, b.capaian, b.kriteria) for b in p.baris],
        [(s.sasaran.pk, s.nps) for s in p.sasaran],
    )


def _ringkas_anggaran(a):
    return (
        a.total_pagu,
        a.total_realisasi,
        a.total_serapan,
        a.realisasi_bulanan,
        a.rencana_bulanan,
        [(b.mata.pk, b.tingkat, b.pagu, b.realisasi, b.serapan, b.selisih_pagu) for b in a.baris],
    )


def test_susun_pengukuran_banyak_sama_dengan_per_unit(skala, referensi):
    hasil, _ = skala(unit=3, indikator=6)
    units = [*hasil.units, referensi]
    for tahun in (2018, 2021):
        banyak = susun_pengukuran_banyak(units, tahun)
        for u in units:
            if u.pk in banyak:
                assert _ringkas_pengukuran(banyak[u.pk]) == _ringkas_pengukuran(susun_pengukuran(u, tahun))
    assert set(susun_pengukuran_banyak(units, 2021)) == {u.pk for u in hasil.units}
    assert set(susun_pengukuran_banyak(units, 2018)) == {referensi.pk}


def test_susun_anggaran_banyak_sama_dengan_per_unit(skala, referensi):
    hasil, _ = skala(unit=3, indikator=2, baris_anggaran=40)
    units = [*hasil.units, referensi]
    banyak = susun_anggaran_banyak(units, 2018)
    assert _ringkas_anggaran(banyak[referensi.pk]) == _ringkas_anggaran(susun_anggaran(referensi, 2018))
    banyak = susun_anggaran_banyak(units, 2021)
    for u in hasil.units:
        assert _ringkas_anggaran(banyak[u.pk]) == _ringkas_anggaran(susun_anggaran(u, 2021))


def test_pembaca_banyak_jumlah_kueri_tetap(skala):
    sedikit, _ = skala(unit=1, indikator=2, baris_anggaran=6, awalan="a")
    banyak, _ = skala(unit=6, indikator=9, baris_anggaran=120, awalan="b")
    jumlah = []
    for hasil in (sedikit, banyak):
        with CaptureQueriesContext(connection) as ctx:
            susun_pengukuran_banyak(hasil.units, 2021)
            susun_anggaran_banyak(hasil.units, 2021)
        jumlah.append(len(ctx.captured_queries))
    assert jumlah[0] == jumlah[1]


def test_baca_rencana_aksi_target_kumulatif_per_triwulan(skala):
    hasil, _ = skala(unit=1, indikator=3)
    unit = hasil.units[0]
    p = susun_pengukuran(unit, 2021)
    ra = baca_rencana_aksi(unit, 2021)
    assert set(ra.indikator) == {b.indikator.pk for b in p.baris}
    for b in p.baris:
        target = ra.indikator[b.indikator.pk].target_kumulatif
        assert len(target) == 4 and None not in target
        assert target[3] == b.target.nilai  # the plan reaches the yearly target in TW 4
