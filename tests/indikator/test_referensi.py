import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.referensi import muat_referensi
from indikator.models import Indikator, Realisasi, Target, UnitKerja

pytestmark = pytest.mark.django_db


def _jumlah():
    from django.apps import apps

    return {
        m.__name__: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"indikator", "anggaran", "laporan"}
    }


def test_muat_referensi_dua_kali_tidak_mengubah_apa_pun(referensi):
    sebelum = _jumlah()
    kedua = muat_referensi()
    assert (kedua.dibuat, kedua.diubah) == (0, 0)
    assert _jumlah() == sebelum


def test_muat_referensi_memperbaiki_data_yang_diubah(referensi):
    r = Realisasi.objects.get(indikator__kode="IKU1", tahun=2018, triwulan=None)
    r.nilai = 1
    r.save()
    hasil = muat_referensi()
    assert hasil.diubah == 1
    r.refresh_from_db()
    assert str(r.nilai.normalize()) == "78.35"


def test_struktur_referensi(referensi):
    unit = UnitKerja.objects.get(slug="biro-kerja-sama")
    assert unit.induk.slug == "sekretariat-utama"
    assert Indikator.objects.filter(sasaran__revisi__nomor=1).count() == 8
    assert Indikator.objects.filter(sasaran__revisi__nomor=0).count() == 11
    assert Target.objects.get(indikator__kode="IKU2", tahun=2018).teks_tampilan == "Min 1 negara"


def test_perintah_muat_referensi(db):
    out = StringIO()
    call_command("muat_referensi", stdout=out)
    call_command("muat_referensi", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Data acuan dimuat: 0 objek baru, 0 diperbarui."


def test_hitung_capaian_teks(referensi):
    out = StringIO()
    call_command("hitung_capaian", "--unit", "biro-kerja-sama", "--tahun", "2018", stdout=out)
    teks = out.getvalue()
    assert "capaian 104,47 % | Memuaskan" in teks
    assert "Customer Perspective: NPS 102,24 % — Memuaskan" in teks
    assert "NKO: 98,87 % — Cukup" in teks


def test_hitung_capaian_json(referensi):
    out = StringIO()
    call_command("hitung_capaian", "--unit", "biro-kerja-sama", "--tahun", "2018", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert [i["capaian"] for i in data["indikator"]] == [
        "104.47",
        "100.00",
        "100.00",
        "100.43",
        "105.26",
        "100.88",
        "100.00",
        "93.05",
    ]
    assert [p["nps"] for p in data["perspektif"]] == ["102.24", "101.31", "93.05"]
    assert data["nko"] == "98.87"
    assert data["indikator"][0]["kriteria"] == "Memuaskan"


@pytest.mark.parametrize(
    "unit, tahun, pesan", [("tidak-ada", "2018", "tidak ditemukan"), ("biro-kerja-sama", "2031", "Tidak ada Renstra")]
)
def test_hitung_capaian_unit_atau_tahun_tidak_dikenal(referensi, unit, tahun, pesan):
    with pytest.raises(CommandError, match=pesan) as e:
        call_command("hitung_capaian", "--unit", unit, "--tahun", tahun)
    assert e.value.returncode == 1


def test_buat_demo_mencetak_akun(referensi):
    out = StringIO()
    call_command("buat_demo", stdout=out)
    assert "perencana" in out.getvalue() and "sakip-demo-2018" in out.getvalue()


def test_muat_pertama_hanya_membuat(db):
    hasil = muat_referensi()
    assert hasil.dibuat > 250 and hasil.diubah == 0
