"""The first hour of a new unit (issue 19, finding 2): no code typed for a unit, no role preselected, the
administrator's empty home leads to creating a unit, the guided start proposes the scheme of the Renstra's period
and shows its bands, the first report's year is chosen, and home says "Belum ada rencana" until a plan exists."""

import html as html_lib
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from alur.salin import teks_band, urut_band
from demo.referensi import pastikan_preset
from indikator.enums import Peran
from indikator.models import BandKriteria, Renstra, SkemaPenilaian, UnitKerja
from tests.pabrik import buat_pengguna


@pytest.fixture
def admin(db):
    """An administrator right after createsuperuser: no unit exists yet."""
    pastikan_preset()
    return buat_pengguna("root", is_superuser=True, is_staff=True)


@pytest.fixture
def baru(admin):
    unit = UnitKerja.objects.create(slug="unit-baru", nama="Unit Baru", singkatan="UB")
    return unit, buat_pengguna("perencana_baru", Peran.PERENCANA, unit)


@pytest.mark.parametrize(
    ("ada", "isi", "kode"),
    [
        ([], {"nama": "Biro Hukum"}, "biro-hukum"),  # no code typed: made from the name
        (["biro-hukum"], {"nama": "Biro Hukum"}, "biro-hukum-2"),  # unique with a suffix
        (["biro-hukum", "biro-hukum-2"], {"nama": "Biro Hukum"}, "biro-hukum-3"),
        ([], {"nama": "Biro Hukum", "slug": "hukum"}, "hukum"),  # editable
    ],
)
def test_unit_baru_tanpa_kode_diketik(client, admin, ada, isi, kode):
    for s in ada:
        UnitKerja.objects.create(slug=s, nama=s)
    client.force_login(admin)
    r = client.post(reverse("kerja:admin_unit_baru"), {"urutan": 0, "kota": "Jakarta", **isi})
    assert r.status_code == 302, r.content.decode()
    assert UnitKerja.objects.get(slug=kode).nama == "Biro Hukum"


def test_formulir_unit_kode_singkat_bukan_slug_dan_kode_tetap_saat_diubah(client, admin):
    client.force_login(admin)
    html = client.get(reverse("kerja:admin_unit_baru")).content.decode()
    assert "Kode singkat" in html and ">Slug<" not in html
    assert html.index('name="nama"') < html.index('name="slug"')  # the name first
    UnitKerja.objects.create(slug="hukum", nama="Biro Hukum")
    r = client.post(reverse("kerja:admin_unit_ubah", args=["hukum"]), {"nama": "Biro Hukum dan Humas", "urutan": 0})
    assert r.status_code == 302
    assert UnitKerja.objects.get(slug="hukum").nama == "Biro Hukum dan Humas"


def test_tambah_peran_tanpa_peran_terpilih(client, baru, admin):
    unit, perencana = baru
    client.force_login(admin)
    url = reverse("kerja:admin_unit_detail", args=[unit.slug])
    html = client.get(url).content.decode()
    pilihan = re.search(r'<select name="peran"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)" selected', pilihan) == [""]  # only the empty choice
    assert "— pilih peran —" in pilihan
    # Posted without a role: refused, nothing granted.
    r = client.post(url, {"aksi": "peran", "pengguna": perencana.pk, "unit": unit.pk, "peran": ""})
    assert r.status_code == 200 and "peran" in r.context["form_peran"].errors
    assert list(perencana.keanggotaan.values_list("peran", flat=True)) == [Peran.PERENCANA]


def test_beranda_administrator_tanpa_unit_mengarah_ke_tambah_unit(client, admin):
    client.force_login(admin)
    html = client.get(reverse("beranda")).content.decode()
    assert "Hubungi administrator" not in html
    assert reverse("kerja:admin_unit_baru") in html and "Tambah unit" in html


def test_beranda_pengguna_tanpa_unit_tetap_diminta_menghubungi_administrator(client, db):
    client.force_login(buat_pengguna("tamu"))
    assert "Hubungi administrator" in client.get(reverse("beranda")).content.decode()


def test_beranda_belum_ada_rencana_sampai_renstra_dibuat(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    html = client.get(reverse("beranda")).content.decode()
    assert "Isi realisasi dan narasi" not in html
    assert (
        f'<a href="{reverse("kerja:mulai", args=[unit.slug])}" class="langkah-mulai">Belum ada rencana — mulai di sini</a>'
        in html
    )
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(tahun_mulai=2025, tahun_selesai=2029))
    assert r.status_code == 302
    html = client.get(reverse("beranda")).content.decode()
    assert "Belum ada rencana" not in html and "Isi realisasi dan narasi" in html


def _isi(**lain):
    return {
        "pilihan": "preset",
        "skema": "",
        "nama": "Renstra Unit Baru 2015-2019",
        "tahun_mulai": "2015",
        "tahun_selesai": "2019",
        **lain,
    }


@pytest.mark.parametrize(
    ("mulai", "selesai", "kode"),
    [(2015, 2019, "bpom-2015-2019"), (2020, 2024, "bpom-2020-2024"), (2017, 2021, "bpom-2015-2019")],
)
def test_mulai_tanpa_pilihan_skema_memakai_preset_periode_renstra(client, baru, mulai, selesai, kode):
    unit, perencana = baru
    client.force_login(perencana)
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(tahun_mulai=mulai, tahun_selesai=selesai))
    assert r.status_code == 302
    skema = Renstra.objects.get(unit=unit).skema
    assert skema.kode == kode
    # The message says which bands the unit got.
    html = client.get(r["Location"]).content.decode()
    assert skema.nama in html and all(b.label in html for b in skema.band.all())
    if kode == "bpom-2015-2019":
        pita = "; ".join(PITA_2015_2019).replace(":", "")
        assert pita in html_lib.unescape(html)


def test_mulai_tidak_memilih_skema_tahun_ini_dan_menampilkan_pita(client, baru, django_assert_num_queries):
    unit, perencana = baru
    client.force_login(perencana)
    client.get(reverse("kerja:mulai", args=[unit.slug]))  # caches warmed
    with django_assert_num_queries(14):  # the bands of both presets in 2 queries, not one per preset
        html = client.get(reverse("kerja:mulai", args=[unit.slug])).content.decode()
    pilihan = re.search(r'<select name="skema"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert "selected" in pilihan.split("</option>")[0]  # the empty choice: "as the Renstra period"
    assert pilihan.count("selected") == 1
    for skema in SkemaPenilaian.objects.filter(kode__in=["bpom-2015-2019", "bpom-2020-2024"]):
        assert f'data-preset="{skema.kode}"' in html
        assert all(b.label in html for b in skema.band.all())
    # The bands as people say them, from the lowest capaian to the highest.
    assert _pita(html, "bpom-2015-2019") == PITA_2015_2019
    assert _pita(html, "bpom-2020-2024") == [
        "Sangat Kurang: < 50 %",
        "Kurang: ≥ 50 % dan < 70 %",
        "Cukup: ≥ 70 % dan < 90 %",
        "Baik: ≥ 90 % dan ≤ 110 %",
        "Sangat Baik: > 110 % dan ≤ 120 %",
        "Tidak dapat disimpulkan: > 120 %",
    ]


PITA_2015_2019 = [
    "Kurang: < 90 %",
    "Cukup: ≥ 90 % dan < 100 %",
    "Baik: = 100 %",
    "Memuaskan: > 100 % dan ≤ 120 %",
    "Tidak dapat disimpulkan: > 120 %",
]


def _pita(html: str, kode: str) -> list[str]:
    """The band lines of one preset on the guided start page, unescaped."""
    blok = re.search(rf'data-preset="{kode}".*?<ul>(.*?)</ul>', html, re.S).group(1)
    return [html_lib.unescape(li) for li in re.findall(r"<li>(.*?)</li>", blok)]


def _band(bawah, bawah_ink, atas, atas_ink, urutan=0):
    return BandKriteria(
        label=f"B{urutan}",
        urutan=urutan,
        batas_bawah=None if bawah is None else D(bawah),
        bawah_inklusif=bawah_ink,
        batas_atas=None if atas is None else D(atas),
        atas_inklusif=atas_ink,
    )


@pytest.mark.parametrize(
    ("bawah", "bawah_ink", "atas", "atas_ink", "teks"),
    [
        ("100", True, "100", True, "= 100 %"),
        ("100.5", True, "100.5", True, "= 100,5 %"),
        ("100", True, "100", False, "≥ 100 % dan < 100 %"),  # not an exact band: said as stored
        (None, True, "90", False, "< 90 %"),
        (None, True, "90", True, "≤ 90 %"),
        ("120", False, None, False, "> 120 %"),
        ("120", True, None, False, "≥ 120 %"),
        ("90", True, "100", False, "≥ 90 % dan < 100 %"),
        ("100", False, "120", True, "> 100 % dan ≤ 120 %"),
        (None, True, None, False, "semua capaian"),
    ],
)
def test_teks_band(bawah, bawah_ink, atas, atas_ink, teks):
    assert teks_band(_band(bawah, bawah_ink, atas, atas_ink)) == teks


def test_urut_band_dari_terendah_dan_tanpa_batas_terakhir():
    # Stored highest first, as the BPOM 2015–2019 preset is, with a band without bounds first.
    bands = [
        _band(None, True, None, False, 0),
        _band("120", False, None, False, 1),
        _band("100", False, "120", True, 2),
        _band("100", True, "100", True, 3),
        _band("90", True, "100", False, 4),
        _band(None, True, "90", False, 5),
    ]
    assert [b.urutan for b in urut_band(bands)] == [5, 4, 3, 2, 1, 0]


def test_preset_periode_lain_ditolak_dengan_nama_preset_yang_benar(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    salah = SkemaPenilaian.objects.get(kode="bpom-2020-2024")
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(skema=salah.pk))
    assert r.status_code == 200
    html = r.content.decode()
    benar = SkemaPenilaian.objects.get(kode="bpom-2015-2019")
    assert f"{salah.nama} tidak berlaku untuk Renstra yang mulai tahun 2015; pakai {benar.nama}" in html
    assert not Renstra.objects.filter(unit=unit).exists()


def test_langkah_dua_memilih_tahun_laporan_pertama(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    skema = SkemaPenilaian.objects.get(kode="bpom-2015-2019")
    Renstra.objects.create(unit=unit, nama="R", tahun_mulai=2015, tahun_selesai=2019, skema=skema)
    url = reverse("kerja:mulai", args=[unit.slug])
    html = client.get(url + "?tahun=2015").content.decode()
    pilihan = re.search(r'<select name="tahun" id="tahun-buku">(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"', pilihan) == ["2015", "2016", "2017", "2018", "2019"]
    html = client.get(url + "?tahun=2017").content.decode()
    assert 'value="2017" selected' in html
    assert reverse("kerja:excel_unduh", args=[unit.slug, 2017]) in html
