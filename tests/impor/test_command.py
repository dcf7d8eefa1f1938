from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi

from .util import TAHUN, atur, cari_baris, ekspor, simpan


@pytest.fixture
def berkas(data, tmp_path):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 80)
    path = tmp_path / "sakip.xlsx"
    path.write_bytes(simpan(wb))
    return path


def _nilai(data):
    return Realisasi.objects.get(indikator=data["i2"], tahun=TAHUN, triwulan=None).nilai


def test_dry_run_mencetak_ringkasan_tanpa_mengubah(data, berkas, capsys):
    call_command("import_sakip", str(berkas), unit="biro-ks", tahun=TAHUN, dry_run=True)
    keluar = capsys.readouterr().out
    assert "Realisasi" in keluar and "Uji coba" in keluar
    baris = {b.split()[0]: b.split()[-4:] for b in keluar.splitlines() if b.startswith("Realisasi")}
    assert baris["Realisasi"] == ["0", "1", "3", "0"]
    assert "Akan diubah: 1 realisasi." in keluar
    assert _nilai(data) == Decimal("78.35")


def test_menerapkan(data, berkas, capsys):
    call_command("import_sakip", str(berkas), unit="biro-ks", tahun=TAHUN)
    assert "Impor diterapkan" in capsys.readouterr().out
    assert _nilai(data) == Decimal("80")


def test_galat_kode_keluar_1_dan_tidak_mengubah(data, tmp_path, capsys):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    r = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    atur(ws, r, "Nilai", "1.23.4")
    atur(ws, cari_baris(ws, Kode_indikator="IK1", Triwulan="Tahunan"), "Nilai", 99)
    path = tmp_path / "galat.xlsx"
    path.write_bytes(simpan(wb))
    with pytest.raises(CommandError) as e:
        call_command("import_sakip", str(path), unit="biro-ks", tahun=TAHUN)
    assert e.value.returncode == 1
    assert "1 galat" in str(e.value)
    assert f"Realisasi | {r} | Nilai | “1.23.4” bukan angka yang sah" in capsys.readouterr().err
    assert Realisasi.objects.get(indikator=data["i1"], tahun=TAHUN, triwulan=None).nilai == Decimal("35")


def test_tahun_terkunci_dan_unit_tidak_dikenal(data, berkas):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_sakip", str(berkas), unit="tidak-ada", tahun=TAHUN)
    PeriodeUnit.objects.create(unit=data["unit"], tahun=TAHUN, status=StatusPeriode.DISAHKAN)
    with pytest.raises(CommandError, match="disahkan"):
        call_command("import_sakip", str(berkas), unit="biro-ks", tahun=TAHUN)
    assert _nilai(data) == Decimal("78.35")


def test_berkas_tidak_ada(data, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_sakip", str(tmp_path / "x.xlsx"), unit="biro-ks", tahun=TAHUN)
