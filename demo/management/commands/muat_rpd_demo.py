"""`manage.py muat_rpd_demo [--unit biro-kerja-sama] [--tahun 2018]`: DEMO Rencana Penarikan Dana (see demo/rpd.py)."""

from django.core.management.base import BaseCommand, CommandError

from demo.rpd import muat_rpd_demo
from indikator.models import UnitKerja


class Command(BaseCommand):
    help = "Muat data DEMO rencana penarikan dana (bukan data laporan referensi) untuk mencoba laporan periodik."

    def add_arguments(self, parser):
        parser.add_argument("--unit", default="biro-kerja-sama")
        parser.add_argument("--tahun", type=int, default=2018)

    def handle(self, *args, unit, tahun, **opts):
        obj = UnitKerja.objects.filter(slug=unit).first()
        if obj is None:
            raise CommandError(f"Unit kerja '{unit}' tidak ditemukan.")
        n = muat_rpd_demo(obj, tahun)
        self.stdout.write(f"DEMO: rencana penarikan dana {n} mata anggaran {obj.nama} {tahun} dimuat.")
