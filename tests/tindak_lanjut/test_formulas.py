"""The register's pure rules: state machine, verification note, overdue, ageing, reminder days, share followed
up and the LKE answer it suggests (tables of exact expectations)."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from tindak_lanjut import formulas as f
from tindak_lanjut.enums import HasilVerifikasi as H
from tindak_lanjut.enums import Peristiwa as E
from tindak_lanjut.enums import StatusRekomendasi as S

SEMUA = [(s, e) for s in S for e in E]


@pytest.mark.parametrize(
    ("status", "peristiwa", "hasil"),
    [
        (S.BELUM, E.RENCANA, S.PROSES),
        (S.BELUM, E.TINDAK_LANJUT, S.PROSES),
        (S.BELUM, E.VERIFIKASI_SESUAI, None),
        (S.BELUM, E.VERIFIKASI_BELUM_SESUAI, None),
        (S.BELUM, E.VERIFIKASI_TIDAK_DAPAT, S.TIDAK_DAPAT),
        (S.PROSES, E.RENCANA, S.PROSES),
        (S.PROSES, E.TINDAK_LANJUT, S.PROSES),
        (S.PROSES, E.VERIFIKASI_SESUAI, S.SESUAI),
        (S.PROSES, E.VERIFIKASI_BELUM_SESUAI, S.BELUM_SESUAI),
        (S.PROSES, E.VERIFIKASI_TIDAK_DAPAT, S.TIDAK_DAPAT),
        (S.BELUM_SESUAI, E.RENCANA, S.BELUM_SESUAI),
        (S.BELUM_SESUAI, E.TINDAK_LANJUT, S.PROSES),
        (S.BELUM_SESUAI, E.VERIFIKASI_SESUAI, None),
        (S.BELUM_SESUAI, E.VERIFIKASI_BELUM_SESUAI, None),
        (S.BELUM_SESUAI, E.VERIFIKASI_TIDAK_DAPAT, S.TIDAK_DAPAT),
    ]
    + [(s, e, "final") for s in (S.SESUAI, S.TIDAK_DAPAT) for e in E],
)
def test_mesin_status(status, peristiwa, hasil):
    if hasil is None or hasil == "final":
        with pytest.raises(ValidationError) as e:
            f.status_berikut(status, peristiwa)
        assert e.value.code == ("final" if hasil == "final" else "transisi")
    else:
        assert f.status_berikut(status, peristiwa) == hasil


def test_tabel_mencakup_semua_pasangan():
    assert len(SEMUA) == 25


@pytest.mark.parametrize(
    ("hasil", "catatan", "boleh"),
    [
        (H.SESUAI, "", True),
        (H.SESUAI, "baik", True),
        (H.BELUM_SESUAI, "", False),
        (H.BELUM_SESUAI, "   ", False),
        (H.BELUM_SESUAI, "bukti kurang", True),
        (H.TIDAK_DAPAT, "", False),
        (H.TIDAK_DAPAT, "organisasi dibubarkan", True),
    ],
)
def test_catatan_verifikasi(hasil, catatan, boleh):
    if boleh:
        f.periksa_verifikasi(hasil, catatan)
    else:
        with pytest.raises(ValidationError):
            f.periksa_verifikasi(hasil, catatan)


B = datetime.date(2019, 3, 31)


def h(n):
    return B + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("hari_ini", "status", "telat", "umur"),
    [
        (h(-1), S.PROSES, False, None),
        (h(0), S.PROSES, False, None),
        (h(1), S.PROSES, True, "0-30"),
        (h(30), S.BELUM, True, "0-30"),
        (h(31), S.BELUM_SESUAI, True, "31-90"),
        (h(90), S.PROSES, True, "31-90"),
        (h(91), S.PROSES, True, ">90"),
        (h(400), S.BELUM, True, ">90"),
        (h(400), S.SESUAI, False, None),
        (h(400), S.TIDAK_DAPAT, False, None),
    ],
)
def test_terlambat_dan_umur(hari_ini, status, telat, umur):
    assert f.terlambat(B, status, hari_ini) is telat
    assert f.kelompok_umur(B, status, hari_ini) == umur


@pytest.mark.parametrize(
    ("hari_ini", "status", "ingat"),
    [
        (h(-8), S.BELUM, False),
        (h(-7), S.BELUM, True),
        (h(-6), S.BELUM, False),
        (h(-4), S.PROSES, False),
        (h(-3), S.PROSES, True),
        (h(-2), S.PROSES, False),
        (h(-1), S.BELUM_SESUAI, True),
        (h(0), S.PROSES, False),
        (h(1), S.PROSES, True),
        (h(2), S.PROSES, False),
        (h(7), S.PROSES, False),
        (h(8), S.PROSES, True),
        (h(15), S.BELUM, True),
        (h(-7), S.SESUAI, False),
        (h(8), S.TIDAK_DAPAT, False),
    ],
)
def test_hari_pengingat(hari_ini, status, ingat):
    assert f.perlu_pengingat(B, status, hari_ini) is ingat


@pytest.mark.parametrize(
    ("status", "porsi", "huruf"),
    [
        ([], None, "E"),
        ([S.TIDAK_DAPAT], None, "E"),
        ([S.BELUM], D("0.00"), "E"),
        ([S.SESUAI], D("100.00"), "A"),
        ([S.SESUAI, S.SESUAI, S.SESUAI, S.TIDAK_DAPAT], D("100.00"), "A"),
        ([S.SESUAI, S.PROSES, S.PROSES], D("33.33"), "D"),
        ([S.SESUAI, S.SESUAI, S.PROSES], D("66.67"), "C"),
        ([S.SESUAI, S.BELUM], D("50.00"), "C"),
        ([S.SESUAI] * 3 + [S.BELUM_SESUAI], D("75.00"), "B"),
        ([S.SESUAI] * 9 + [S.BELUM], D("90.00"), "A"),
        ([S.SESUAI] * 8 + [S.BELUM] + [S.PROSES], D("80.00"), "B"),
        ([S.SESUAI] * 7 + [S.BELUM] * 2, D("77.78"), "B"),
    ],
)
def test_porsi_sesuai_dan_huruf(status, porsi, huruf):
    assert f.porsi_sesuai(status) == porsi
    assert f.huruf_porsi(porsi) == huruf


@pytest.mark.parametrize(
    ("status", "terakhir", "hasil"),
    [
        (S.SESUAI, D("60"), D("100")),
        (S.PROSES, D("60"), D("60")),
        (S.BELUM, None, D("0")),
        (S.TIDAK_DAPAT, None, D("0")),
    ],
)
def test_progres_matriks(status, terakhir, hasil):
    assert f.progres_rekomendasi(status, terakhir) == hasil


@pytest.mark.parametrize(
    ("progres", "boleh"), [(D("-0.01"), False), (D("0"), True), (D("100"), True), (D("100.01"), False)]
)
def test_progres_batas(progres, boleh):
    if boleh:
        f.periksa_progres(progres)
    else:
        with pytest.raises(ValidationError):
            f.periksa_progres(progres)
