"""The roll-up of sub-units lists only the units the user may read (no NKO, serapan or pagu of other units)."""

from django.urls import reverse

from indikator.akses import dapat_membaca
from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja
from tests.pabrik import buat_pengguna


def test_perencana_induk_tidak_melihat_unit_bawahan_yang_tak_terbaca(client, referensi):
    induk = UnitKerja.objects.get(slug="sekretariat-utama")
    perencana = buat_pengguna("perencana-ses", Peran.PERENCANA, induk)
    assert not dapat_membaca(perencana, referensi)
    client.force_login(perencana)
    assert client.get(reverse("dasbor:utama"), {"unit": referensi.slug, "tahun": 2018}).status_code == 403
    r = client.get(reverse("dasbor:rollup"), {"unit": induk.slug, "tahun": 2018})
    assert r.status_code == 200
    data = r.context["rollup"]
    assert data.baris == ()
    assert data.grafik["label"] == [] and data.grafik["nko"] == []
    html = r.content.decode()
    assert referensi.nama not in html
    assert (referensi.singkatan or referensi.nama) not in html


def test_pimpinan_induk_tetap_melihat_semua_bawahan(client, referensi):
    induk = UnitKerja.objects.get(slug="sekretariat-utama")
    lain = UnitKerja.objects.create(slug="biro-lain", nama="Biro Lain", induk=induk)
    client.force_login(buat_pengguna("ses", Peran.PIMPINAN, induk))
    r = client.get(reverse("dasbor:rollup"), {"tahun": 2018})
    assert sorted(b.unit.slug for b in r.context["rollup"].baris) == sorted(["biro-kerja-sama", lain.slug])


def test_perencana_dua_unit_hanya_melihat_bawahan_miliknya(client, referensi):
    induk = UnitKerja.objects.get(slug="sekretariat-utama")
    lain = UnitKerja.objects.create(slug="biro-lain", nama="Biro Lain", induk=induk)
    perencana = buat_pengguna("perencana-dua", Peran.PERENCANA, induk)
    Keanggotaan.objects.create(pengguna=perencana, unit=lain, peran=Peran.PERENCANA)
    client.force_login(perencana)
    r = client.get(reverse("dasbor:rollup"), {"unit": induk.slug, "tahun": 2018})
    assert [b.unit.slug for b in r.context["rollup"].baris] == [lain.slug]
