"""Guided start of a unit or a period: scheme (preset, without perspectives, copy), Renstra, next steps; the home
page and the workspace tell a unit without data what to do first."""

import pytest
from django.urls import reverse

from demo.referensi import pastikan_preset
from indikator.enums import Peran
from indikator.models import BandKriteria, Renstra, RevisiRenstra, SkemaPenilaian, UnitKerja
from tests.pabrik import buat_pengguna

from .conftest import potret


@pytest.fixture
def baru(data):
    """An empty unit with its planner."""
    pastikan_preset()
    unit = UnitKerja.objects.create(slug="unit-baru", nama="Unit Baru", singkatan="UB")
    return unit, buat_pengguna("perencana_baru", Peran.PERENCANA, unit)


def _isi(**lain):
    isi = {
        "pilihan": "preset",
        "skema": SkemaPenilaian.objects.get(kode="bpom-2020-2024").pk,
        "nama": "Renstra Unit Baru 2025-2029",
        "tahun_mulai": "2025",
        "tahun_selesai": "2029",
        "visi": "Visi",
        "misi": "Misi satu\nMisi dua",
    }
    isi.update(lain)
    return isi


def test_beranda_dan_ruang_kerja_mengarahkan_unit_kosong_ke_mulai(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    url_mulai = reverse("kerja:mulai", args=[unit.slug])
    beranda = client.get(reverse("beranda")).content.decode()
    assert url_mulai in beranda and "Mulai di sini" in beranda
    utama = client.get(reverse("kerja:utama")).content.decode()
    assert 'id="mulai-unit"' in utama and url_mulai in utama


def test_unit_berisi_tidak_diarahkan_ke_mulai(client, data):
    client.force_login(data.pengguna["perencana"])
    utama = client.get(reverse("kerja:utama") + "?unit=biro-ks&tahun=2018").content.decode()
    assert 'id="mulai-unit"' not in utama


def test_mulai_dengan_preset_membuat_renstra_dan_revisi_awal(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    jumlah_skema = SkemaPenilaian.objects.count()
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi())
    assert r.status_code == 302
    renstra = Renstra.objects.get(unit=unit)
    assert (renstra.tahun_mulai, renstra.tahun_selesai, renstra.skema.kode) == (2025, 2029, "bpom-2020-2024")
    assert renstra.misi == "Misi satu\nMisi dua"
    assert RevisiRenstra.objects.filter(renstra=renstra, nomor=0, berlaku_mulai=2025, berlaku_sampai=2029).exists()
    assert SkemaPenilaian.objects.count() == jumlah_skema
    assert renstra.history.get().history_user == perencana
    # Step 2: forms or the plan workbook, for a year of the new Renstra.
    html = client.get(r["Location"]).content.decode()
    assert reverse("kerja:renstra", args=[unit.slug, renstra.pk]) in html
    assert reverse("kerja:excel_unduh", args=[unit.slug, 2025]) in html
    assert "2.025" not in html


def test_mulai_tanpa_perspektif_menyalin_pita_skema_bawaan(client, baru):
    unit, perencana = baru
    client.force_login(perencana)
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(pilihan="tanpa_perspektif", skema=""))
    assert r.status_code == 302
    skema = Renstra.objects.get(unit=unit).skema
    assert skema.kode not in ("bpom-2015-2019", "bpom-2020-2024")
    assert skema.pakai_perspektif is False
    assert (skema.tahun_mulai, skema.tahun_selesai) == (2025, 2029)
    preset = SkemaPenilaian.objects.get(kode="bpom-2020-2024")
    assert list(skema.band.values_list("label", "batas_bawah", "batas_atas")) == list(
        preset.band.values_list("label", "batas_bawah", "batas_atas")
    )
    assert "tanpa perspektif" in skema.nama


def test_mulai_dengan_salinan_skema_lain(client, baru, data):
    unit, perencana = baru
    client.force_login(perencana)
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(pilihan="salin", skema=data.skema.pk))
    assert r.status_code == 302
    skema = Renstra.objects.get(unit=unit).skema
    assert skema.pk != data.skema.pk and skema.rumus_negatif == data.skema.rumus_negatif
    assert BandKriteria.objects.filter(skema=skema).count() == data.skema.band.count() == 4


@pytest.mark.parametrize(
    "lain, pesan",
    [
        ({"pilihan": "preset", "skema": "uji-kerja"}, "Pilih salah satu skema bawaan BPOM."),
        ({"pilihan": "salin", "skema": ""}, "Pilih skema yang akan disalin."),
        ({"tahun_selesai": "2024"}, "Tahun selesai tidak boleh sebelum tahun mulai."),
        ({"tahun_mulai": "dua ribu"}, "Masukkan keseluruhan angka bilangan."),
    ],
)
def test_masukan_salah_ditolak_dengan_pesan_tanpa_perubahan(client, baru, lain, pesan):
    unit, perencana = baru
    client.force_login(perencana)
    sebelum = potret()
    if lain.get("skema") == "uji-kerja":  # a scheme that is no preset (an empty one means the period's preset)
        lain = {**lain, "skema": SkemaPenilaian.objects.get(kode="uji-kerja").pk}
    r = client.post(reverse("kerja:mulai", args=[unit.slug]), _isi(**lain))
    assert r.status_code == 200 and pesan in r.content.decode()
    assert potret() == sebelum


def test_periode_tumpang_tindih_ditolak(client, data):
    pastikan_preset()
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(reverse("kerja:mulai", args=["biro-ks"]), _isi(tahun_mulai="2019", tahun_selesai="2023", skema=""))
    assert "tumpang tindih" in r.content.decode()
    assert potret() == sebelum


def test_periode_baru_setelah_yang_lama_diterima(client, data):
    pastikan_preset()
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:mulai", args=["biro-ks"]), _isi(tahun_mulai="2020", tahun_selesai="2024"))
    assert r.status_code == 302
    assert Renstra.objects.filter(unit=data.unit).count() == 2


@pytest.mark.parametrize("peran", ["pimpinan", "auditor", "perencana_lain", "tanpa_peran"])
def test_mulai_ditolak_untuk_peran_lain(client, data, peran):
    pastikan_preset()
    client.force_login(data.pengguna[peran])
    sebelum = potret()
    r = client.post(reverse("kerja:mulai", args=["biro-ks"]), _isi(tahun_mulai="2020", tahun_selesai="2024"))
    assert r.status_code == 403
    assert potret() == sebelum
