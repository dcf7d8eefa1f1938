"""The access rules (`indikator.akses`) as tables: who reads, edits and approves which unit of a small tree.

Routes are covered by tests/test_rute.py (every write route refuses outsiders, auditors and frozen years); this file
states the rule each route asks."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.http import Http404

from indikator import akses
from indikator.enums import Peran
from indikator.models import UnitKerja
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db

UNIT = ("induk", "anak", "cucu", "lain")


@pytest.fixture
def pohon():
    induk = UnitKerja.objects.create(slug="induk", nama="Induk")
    anak = UnitKerja.objects.create(slug="anak", nama="Anak", induk=induk)
    cucu = UnitKerja.objects.create(slug="cucu", nama="Cucu", induk=anak)
    lain = UnitKerja.objects.create(slug="lain", nama="Lain")
    return {u.slug: u for u in (induk, anak, cucu, lain)}


def _pengguna(keanggotaan, **kolom):
    """A user with the memberships [(peran, unit slug or None)]."""
    from indikator.models import Keanggotaan

    u = buat_pengguna("u", **kolom)
    for peran, slug in keanggotaan:
        Keanggotaan.objects.create(pengguna=u, unit=UnitKerja.objects.get(slug=slug) if slug else None, peran=peran)
    return u


# (memberships, units read, units edited, units approved) over UNIT; "*" = every unit.
ATURAN = {
    "perencana": ([(Peran.PERENCANA, "anak")], {"anak"}, {"anak"}, set()),
    "pimpinan": ([(Peran.PIMPINAN, "anak")], {"anak", "cucu"}, set(), {"anak", "cucu"}),
    "pimpinan_dan_perencana": (
        [(Peran.PIMPINAN, "induk"), (Peran.PERENCANA, "lain")],
        {"induk", "anak", "cucu", "lain"},
        {"lain"},
        {"induk", "anak", "cucu"},
    ),
    "auditor_inspektorat": ([(Peran.AUDITOR, None)], "*", set(), set()),
    "auditor_unit": ([(Peran.AUDITOR, "anak")], {"anak", "cucu"}, set(), set()),
    "auditor_unit_dan_perencana": (
        [(Peran.AUDITOR, "cucu"), (Peran.PERENCANA, "lain")],
        {"cucu", "lain"},
        {"lain"},
        set(),
    ),
    "administrator": ([(Peran.ADMINISTRATOR, None)], "*", "*", "*"),
    "tanpa_peran": ([], set(), set(), set()),
}


def _semua(x):
    return set(UNIT) if x == "*" else x


@pytest.mark.parametrize("nama", ATURAN)
def test_aturan_akses(pohon, nama):
    keanggotaan, baca, ubah, sahkan = ATURAN[nama]
    u = _pengguna(keanggotaan)
    assert {s for s, x in pohon.items() if akses.dapat_membaca(u, x)} == _semua(baca)
    assert {s for s, x in pohon.items() if akses.dapat_mengubah(u, x)} == _semua(ubah)
    assert {s for s, x in pohon.items() if akses.dapat_mengesahkan(u, x)} == _semua(sahkan)
    assert set(akses.unit_terbaca(u).values_list("slug", flat=True)) == _semua(baca)
    assert (akses.id_unit_terbaca(u) is None) is (baca == "*")  # None: every unit, also those created later


@pytest.mark.parametrize(
    ("pengguna", "baca", "ubah"),
    [
        (lambda: _pengguna([], is_superuser=True), True, True),
        (lambda: AnonymousUser(), False, False),
    ],
    ids=["superuser", "anonim"],
)
def test_superuser_dan_anonim(pohon, pengguna, baca, ubah):
    u = pengguna()
    assert all(akses.dapat_membaca(u, x) is baca for x in pohon.values())
    assert all(akses.dapat_mengubah(u, x) is ubah for x in pohon.values())


@pytest.mark.parametrize(
    ("keanggotaan", "slug", "tulis", "hasil"),
    [
        ([(Peran.PERENCANA, "anak")], "anak", True, "anak"),
        ([(Peran.PERENCANA, "anak")], "lain", False, PermissionDenied),
        ([(Peran.PIMPINAN, "anak")], "cucu", False, "cucu"),
        ([(Peran.PIMPINAN, "anak")], "cucu", True, PermissionDenied),
        ([(Peran.AUDITOR, None)], "anak", False, "anak"),
        ([(Peran.AUDITOR, None)], "anak", True, PermissionDenied),
        ([(Peran.AUDITOR, "anak")], "induk", False, PermissionDenied),
        ([(Peran.ADMINISTRATOR, None)], "cucu", True, "cucu"),
        ([(Peran.ADMINISTRATOR, None)], "tidak-ada", False, Http404),
    ],
)
def test_ambil_unit(pohon, keanggotaan, slug, tulis, hasil):
    u = _pengguna(keanggotaan)
    if isinstance(hasil, str):
        assert akses.ambil_unit(u, slug, tulis=tulis).slug == hasil
    else:
        with pytest.raises(hasil):
            akses.ambil_unit(u, slug, tulis=tulis)


def test_auditor_demo_membaca_semua_unit(pohon):
    """The demo's `auditor` is the Inspektorat's (no unit): it reads every unit, also one created afterwards."""
    UnitKerja.objects.create(slug="biro-kerja-sama", nama="Biro Kerja Sama")
    call_command("buat_demo", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    auditor = get_user_model().objects.get(username="auditor")
    baru = UnitKerja.objects.create(slug="baru", nama="Baru")
    assert all(akses.dapat_membaca(auditor, x) for x in [*pohon.values(), baru])
    assert not any(akses.dapat_mengubah(auditor, x) for x in pohon.values())
