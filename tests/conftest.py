import os

import pytest

os.environ.setdefault("SAKIP_TESTING", "1")


@pytest.fixture
def referensi(db):
    """The Biro Kerja Sama reference data (Laporan Kinerja 2018) loaded into the test database."""
    from indikator.referensi import muat_referensi

    return muat_referensi()


@pytest.fixture
def unit_bks(referensi):
    from indikator.models import UnitKerja

    return UnitKerja.objects.get(slug="biro-kerja-sama")


@pytest.fixture(autouse=True)
def bahasa_indonesia():
    """Every test starts in Indonesian: a request made in English (language switcher) leaves its language active
    in the thread, which would otherwise leak into messages checked by later tests."""
    from django.utils import translation

    with translation.override("id"):
        yield
