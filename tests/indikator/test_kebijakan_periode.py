"""The period policy, written once (`indikator.enums.STATUS_BEKU` / `STATUS_FINAL`): what each status means for
edits, for the report and for the profile a year prints. No database."""

import pytest

from indikator.enums import STATUS_BEKU, STATUS_FINAL, StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja
from indikator.periode import profil_tahun

POTRET = {"unit": {"nama": "Nama saat disahkan"}, "kepala": None}


@pytest.mark.parametrize(
    ("status", "beku", "final"),
    [
        (StatusPeriode.DRAFT, False, False),
        (StatusPeriode.DIKEMBALIKAN, False, False),
        (StatusPeriode.DIAJUKAN, True, False),
        (StatusPeriode.DISAHKAN, True, True),
        (StatusPeriode.DIKUNCI, True, True),
    ],
)
def test_status_beku_dan_final(status, beku, final):
    periode = PeriodeUnit(status=status)
    assert (status in STATUS_BEKU, periode.dibekukan) == (beku, beku)
    assert (status in STATUS_FINAL, periode.final) == (final, final)
    assert STATUS_FINAL <= STATUS_BEKU


@pytest.mark.parametrize(
    ("status", "potret", "nama", "disimpan"),
    [
        (StatusPeriode.DISAHKAN, POTRET, "Nama saat disahkan", True),
        (StatusPeriode.DIKUNCI, POTRET, "Nama saat disahkan", True),
        (StatusPeriode.DIAJUKAN, POTRET, "Nama sekarang", False),
        (StatusPeriode.DRAFT, POTRET, "Nama sekarang", False),
        (StatusPeriode.DISAHKAN, None, "Nama sekarang", False),  # approved before profiles were kept
    ],
)
def test_profil_tahun(status, potret, nama, disimpan):
    unit = UnitKerja(pk=1, slug="u", nama="Nama sekarang")
    profil = profil_tahun(PeriodeUnit(unit=unit, tahun=2018, status=status, profil_disahkan=potret), unit)
    assert (profil.unit.nama, profil.disimpan, profil.kepala) == (nama, disimpan, None)
