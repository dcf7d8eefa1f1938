from django.core.management.base import BaseCommand

from demo.referensi import muat_referensi
from demo.skala import lupakan_ringkasan


class Command(BaseCommand):
    help = "Muat data acuan (Biro Kerja Sama BPOM, Laporan Kinerja 2018). Aman dijalankan berulang."

    def handle(self, *args, **opts):
        hasil = muat_referensi()
        lupakan_ringkasan()
        self.stdout.write(f"Data acuan dimuat: {hasil.dibuat} objek baru, {hasil.diubah} diperbarui.")
