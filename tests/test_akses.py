import pytest
from django.core.exceptions import PermissionDenied

from indikator import akses
from indikator.enums import Peran
from indikator.models import UnitKerja
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db


@pytest.fixture
def pohon():
    induk = UnitKerja.objects.create(slug="induk", nama="Induk")
    anak = UnitKerja.objects.create(slug="anak", nama="Anak", induk=induk)
    cucu = UnitKerja.objects.create(slug="cucu", nama="Cucu", induk=anak)
    lain = UnitKerja.objects.create(slug="lain", nama="Lain")
    return induk, anak, cucu, lain


def test_perencana_hanya_unitnya(pohon):
    induk, anak, cucu, lain = pohon
    u = buat_pengguna("p", Peran.PERENCANA, anak)
    assert [akses.dapat_membaca(u, x) for x in pohon] == [False, True, False, False]
    assert [akses.dapat_mengubah(u, x) for x in pohon] == [False, True, False, False]
    with pytest.raises(PermissionDenied):
        akses.ambil_unit(u, "lain")


def test_pimpinan_membaca_sub_unit_tetapi_tidak_mengubah(pohon):
    induk, anak, cucu, lain = pohon
    u = buat_pengguna("k", Peran.PIMPINAN, anak)
    assert [akses.dapat_membaca(u, x) for x in pohon] == [False, True, True, False]
    assert [akses.dapat_mengesahkan(u, x) for x in pohon] == [False, True, True, False]
    assert not any(akses.dapat_mengubah(u, x) for x in pohon)


def test_auditor_membaca_semua_tanpa_mengubah(pohon):
    u = buat_pengguna("a", Peran.AUDITOR, None)
    assert all(akses.dapat_membaca(u, x) for x in pohon)
    assert not any(akses.dapat_mengubah(u, x) for x in pohon)
    with pytest.raises(PermissionDenied):
        akses.ambil_unit(u, "anak", tulis=True)


def test_administrator_semua(pohon):
    u = buat_pengguna("adm", Peran.ADMINISTRATOR, None)
    assert all(akses.dapat_mengubah(u, x) for x in pohon)
    assert akses.unit_terbaca(u).count() == 4


def test_tanpa_keanggotaan_tidak_membaca_apa_pun(pohon):
    u = buat_pengguna("x")
    assert akses.unit_terbaca(u).count() == 0
