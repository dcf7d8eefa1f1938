import pytest
from django.core.cache import cache
from django.test import Client

from api.token import buat_klien
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja

TAHUN = 2018


@pytest.fixture(autouse=True)
def _batas_bersih():
    """The throttle counts in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


class Api:
    """A client of /api/v1/ with a token of the given scopes."""

    def __init__(self, token: str, klien):
        self.token, self.klien, self.http = token, klien, Client()

    def get(self, jalur: str, **kepala):
        url = jalur if jalur.startswith("/") else "/api/v1/" + jalur
        return self.http.get(url, HTTP_AUTHORIZATION=f"Bearer {self.token}", **kepala)


@pytest.fixture
def token(referensi):
    """token(*cakupan, unit=<slug or None>) → Api; the reference unit by default."""

    def buat(*cakupan, unit="biro-kerja-sama", nama="uji"):
        u = UnitKerja.objects.get(slug=unit) if unit else None
        klien, t = buat_klien(nama=nama, unit=u, cakupan=list(cakupan))
        return Api(t, klien)

    return buat


@pytest.fixture
def sahkan(referensi):
    """sahkan(tahun=2018, unit=reference): the unit's year approved (its data released)."""

    def atur(tahun=TAHUN, unit=None, status=StatusPeriode.DISAHKAN):
        PeriodeUnit.objects.update_or_create(unit=unit or referensi, tahun=tahun, defaults={"status": status})

    return atur


@pytest.fixture
def unit_lain(referensi):
    return UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
