"""Access: login required; heads land on the dashboard; a parent's head reads the sub-units in the roll-up.
Other units refused: tests/test_rute.py (every page)."""

from django.urls import reverse

from indikator.enums import Peran
from indikator.models import UnitKerja
from tests.pabrik import buat_pengguna


def test_perlu_masuk(client, referensi):
    r = client.get(reverse("dasbor:utama"))
    assert r.status_code == 302
    assert r.url.startswith(reverse("login"))


def test_beranda_mengalihkan_pimpinan_ke_dasbor(klien_kepala):
    r = klien_kepala.get(reverse("beranda"))
    assert r.status_code == 302
    assert r.url == reverse("dasbor:utama")


def test_beranda_tetap_untuk_perencana(client, referensi):
    client.force_login(buat_pengguna("perencana", Peran.PERENCANA, referensi))
    assert client.get(reverse("beranda")).status_code == 200


def test_pimpinan_induk_membaca_unit_bawahan(client, referensi):
    induk = UnitKerja.objects.get(slug="sekretariat-utama")
    client.force_login(buat_pengguna("ses", Peran.PIMPINAN, induk))
    r = client.get(reverse("dasbor:utama"), {"unit": "biro-kerja-sama", "tahun": 2018})
    assert r.status_code == 200
    r = client.get(reverse("dasbor:rollup"), {"tahun": 2018})
    assert r.status_code == 200
    assert [b.unit.slug for b in r.context["rollup"].baris] == ["biro-kerja-sama"]


def test_unit_tanpa_renstra_menampilkan_pesan(client, referensi):
    induk = UnitKerja.objects.get(slug="sekretariat-utama")
    client.force_login(buat_pengguna("ses", Peran.PIMPINAN, induk))
    r = client.get(reverse("dasbor:utama"))
    assert r.status_code == 200
    assert r.context["dasbor"] is None
    assert r.context["tahun"] == 2018
    assert reverse("dasbor:rollup") in r.content.decode()
