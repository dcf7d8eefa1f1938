"""Specification tables for the periodic-report formulas of `indikator.formulas`: the period, the cumulative
Rencana Aksi target at its end, capaian against it and against the annual target, the yearly-only rule, the
capped mean and the "perlu perhatian" rules. Pure: no database."""

from datetime import date
from decimal import Decimal as D

import pytest

from indikator.enums import Polaritas, RumusNegatif
from indikator.formulas import (
    CapaianPeriode,
    TargetKumulatifMenurun,
    akhir_periode,
    baca_tenggat_periodik,
    hitung_capaian_periode,
    hitung_rata_capaian_periode,
    hitung_target_periode,
    periode_jenis,
    perlu_perhatian,
    tenggat_periode,
    triwulan_periode,
)

pytestmark = pytest.mark.tanpa_db


@pytest.mark.parametrize(
    ("periode", "triwulan", "akhir"),
    [
        ("B01", 1, date(2018, 1, 31)),
        ("B02", 1, date(2018, 2, 28)),
        ("B03", 1, date(2018, 3, 31)),
        ("B05", 2, date(2018, 5, 31)),
        ("B12", 4, date(2018, 12, 31)),
        ("TW1", 1, date(2018, 3, 31)),
        ("TW2", 2, date(2018, 6, 30)),
        ("TW3", 3, date(2018, 9, 30)),
        ("TW4", 4, date(2018, 12, 31)),
        ("S1", 2, date(2018, 6, 30)),
        ("S2", 4, date(2018, 12, 31)),
    ],
)
def test_periode(periode, triwulan, akhir):
    assert triwulan_periode(periode=periode) == triwulan
    assert akhir_periode(tahun=2018, periode=periode) == akhir


def test_periode_tidak_dikenal():
    with pytest.raises(ValueError):
        triwulan_periode(periode="TW5")


@pytest.mark.parametrize(
    ("target", "triwulan", "harapan"),
    [
        ((D("7"), D("14"), D("26"), D("34")), 1, D("7")),
        ((D("7"), D("14"), D("26"), D("34")), 2, D("14")),
        ((D("7"), D("14"), D("26"), D("34")), 4, D("34")),
        ((None, None, None, D("1")), 2, None),  # only a year-end target: no TW II target
        ((D("10"), D("10"), D("10"), D("10")), 3, D("10")),  # flat is not a decrease
        ((D("5"), None, D("8"), D("9")), 2, None),
        ((None, None, None, None), 1, None),
    ],
)
def test_target_periode_kumulatif(target, triwulan, harapan):
    assert hitung_target_periode(target_kumulatif=target, triwulan=triwulan) == harapan


@pytest.mark.parametrize(
    ("target", "tw_salah", "sebelum", "nilai"),
    [
        ((D("7"), D("14"), D("12"), D("34")), 3, D("14"), D("12")),
        ((D("7"), None, D("6"), D("34")), 3, D("7"), D("6")),
        ((D("50"), D("60"), D("70"), D("69.99")), 4, D("70"), D("69.99")),
    ],
)
def test_target_kumulatif_menurun_ditolak(target, tw_salah, sebelum, nilai):
    # Refused for any quarter asked: the whole plan contradicts itself.
    for tw in (1, 2, 3, 4):
        with pytest.raises(TargetKumulatifMenurun) as e:
            hitung_target_periode(target_kumulatif=target, triwulan=tw)
        assert (e.value.triwulan, e.value.sebelum, e.value.nilai) == (tw_salah, sebelum, nilai)


POS, NEG = Polaritas.POSITIF, Polaritas.NEGATIF


@pytest.mark.parametrize(
    ("polaritas", "t_periode", "t_tahun", "r", "tw", "rumus", "periode", "tahunan"),
    [
        # positive: R/T×100, both against the period's cumulative target and the year's
        (POS, D("14"), D("34"), D("13"), 2, RumusNegatif.CERMIN, D("92.86"), D("38.24")),
        (POS, D("7"), D("34"), D("7"), 1, RumusNegatif.CERMIN, D("100.00"), D("20.59")),
        (POS, D("14"), D("34"), D("20"), 2, RumusNegatif.CERMIN, D("142.86"), D("58.82")),  # never capped per row
        (POS, D("26"), D("34"), D("0"), 3, RumusNegatif.CERMIN, D("0.00"), D("0.00")),
        (POS, None, D("34"), D("10"), 2, RumusNegatif.CERMIN, None, D("29.41")),  # no RA target in force
        (POS, D("14"), D("34"), None, 2, RumusNegatif.CERMIN, None, None),  # no realisasi: never 0
        (POS, D("0"), D("34"), D("3"), 1, RumusNegatif.CERMIN, None, D("8.82")),  # T = 0 not computable
        # negative: (2T − R)/T×100 (cermin) or T/R×100 (kebalikan)
        (NEG, D("5"), D("4"), D("4"), 2, RumusNegatif.CERMIN, D("120.00"), D("100.00")),
        (NEG, D("5"), D("4"), D("6"), 2, RumusNegatif.CERMIN, D("80.00"), D("50.00")),
        (NEG, D("5"), D("4"), D("6"), 2, RumusNegatif.KEBALIKAN, D("83.33"), D("66.67")),
        (NEG, D("0"), D("0"), D("0"), 3, RumusNegatif.CERMIN, D("100"), D("100")),
    ],
)
def test_capaian_periode(polaritas, t_periode, t_tahun, r, tw, rumus, periode, tahunan):
    hasil = hitung_capaian_periode(
        polaritas=polaritas,
        target_periode=t_periode,
        target_tahunan=t_tahun,
        realisasi_kumulatif=r,
        triwulan=tw,
        rumus_negatif=rumus,
    )
    assert hasil == CapaianPeriode(periode, tahunan)
    for x in (hasil.capaian_periode, hasil.capaian_tahunan):
        assert x is None or isinstance(x, D)


@pytest.mark.parametrize("tw", [1, 2, 3])
def test_hanya_tahunan_sebelum_tw4_tidak_dihitung(tw):
    hasil = hitung_capaian_periode(
        polaritas=POS,
        target_periode=D("75"),
        target_tahunan=D("75"),
        realisasi_kumulatif=D("0"),
        triwulan=tw,
        hanya_tahunan=True,
    )
    assert hasil == CapaianPeriode(None, None, ditunda=True)  # "–", never 0


def test_hanya_tahunan_di_tw4_dihitung_dan_kualitatif_ditunda():
    hasil = hitung_capaian_periode(
        polaritas=POS,
        target_periode=D("75"),
        target_tahunan=D("75"),
        realisasi_kumulatif=D("78.35"),
        triwulan=4,
        hanya_tahunan=True,
    )
    assert hasil == CapaianPeriode(D("104.47"), D("104.47"))
    kual = hitung_capaian_periode(
        polaritas=Polaritas.KUALITATIF,
        target_periode=D("80"),
        target_tahunan=D("80"),
        realisasi_kumulatif=D("70"),
        triwulan=2,
    )
    assert kual.ditunda


@pytest.mark.parametrize(
    ("capaian", "batas", "harapan"),
    [
        ((D("92.86"), D("142.86"), None), D("120"), D("106.43")),  # capped at 120 before the mean
        ((D("92.86"), D("142.86"), None), None, D("117.86")),
        ((None, None), D("120"), None),
        ((D("50"), D("100"), D("100")), D("120"), D("83.33")),
    ],
)
def test_rata_capaian_periode_dengan_batas(capaian, batas, harapan):
    assert hitung_rata_capaian_periode(capaian=capaian, batas=batas) == harapan


@pytest.mark.parametrize(
    ("ada", "kembali", "capaian", "sebelum", "ditunda", "harapan"),
    [
        (False, False, None, None, False, ("belum_diisi",)),
        (False, False, None, None, True, ()),  # yearly-only before TW IV: not "missing"
        (True, True, D("95"), None, False, ("dikembalikan",)),
        (True, False, D("89.99"), None, False, ("di_bawah_ambang",)),
        (True, False, D("90"), None, False, ()),
        (True, False, D("95"), D("105"), False, ()),  # exactly 10 points: not more than 10
        (True, False, D("95"), D("105.01"), False, ("turun",)),
        (True, True, D("70"), D("95"), False, ("dikembalikan", "di_bawah_ambang", "turun")),
    ],
)
def test_perlu_perhatian(ada, kembali, capaian, sebelum, ditunda, harapan):
    assert (
        perlu_perhatian(
            ada_realisasi=ada,
            dikembalikan=kembali,
            capaian_periode=capaian,
            capaian_sebelumnya=sebelum,
            ambang=D("90"),
            ditunda=ditunda,
        )
        == harapan
    )


def test_oktober_masih_triwulan_iv_tetapi_belum_tahun():
    # October and November belong to TW IV but are not the year yet: a yearly-only indikator stays deferred.
    hasil = hitung_capaian_periode(
        polaritas=POS,
        target_periode=D("75"),
        target_tahunan=D("75"),
        realisasi_kumulatif=D("70"),
        triwulan=4,
        hanya_tahunan=True,
        akhir_tahun=False,
    )
    assert hasil == CapaianPeriode(None, None, ditunda=True)


@pytest.mark.parametrize(
    ("periode", "hari", "harapan"),
    [
        ("TW1", 14, date(2018, 4, 14)),
        ("TW4", 20, date(2019, 1, 20)),
        ("B02", 7, date(2018, 3, 7)),
        ("S1", 0, date(2018, 6, 30)),
    ],
)
def test_tenggat_periode(periode, hari, harapan):
    assert tenggat_periode(tahun=2018, periode=periode, hari=hari) == harapan


def test_baca_tenggat_dan_jenis():
    assert baca_tenggat_periodik("TW:14, s:20,") == {"TW": 14, "S": 20}
    assert baca_tenggat_periodik("") == {}
    with pytest.raises(ValueError):
        baca_tenggat_periodik("X:3")
    assert periode_jenis("TW") == ("TW1", "TW2", "TW3", "TW4")
    assert periode_jenis("S") == ("S1", "S2")
    assert len(periode_jenis("B")) == 12
