"""The scale data command: creates the data set with a prefix, re-runs replace it, --hapus deletes it."""

from django.core.management import call_command

from anggaran.models import MataAnggaran
from indikator.models import Indikator, Realisasi, UnitKerja


def test_buat_data_skala_dan_hapus(db):
    args = ["--unit", "3", "--tahun", "2", "--indikator", "4", "--baris-anggaran", "30", "--awalan", "coba"]
    call_command("buat_data_skala", *args)
    call_command("buat_data_skala", *args)  # idempotent: replaces the previous data set
    units = UnitKerja.objects.filter(slug__startswith="coba-")
    assert units.count() == 4  # parent + 3
    assert Indikator.objects.filter(sasaran__revisi__renstra__unit__in=units).count() == 12
    assert MataAnggaran.objects.filter(unit__in=units).count() == 30
    assert Realisasi.objects.filter(indikator__sasaran__revisi__renstra__unit__in=units, triwulan=1).count() == 24
    call_command("buat_data_skala", "--hapus", "--awalan", "coba")
    assert not UnitKerja.objects.filter(slug__startswith="coba-").exists()
