"""Remove the files of evidence records deleted more than N days ago (they are kept until then so that restoring
a deleted BuktiDukung brings its file back). Run it daily, e.g. from cron."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from indikator.models import BuktiDukung


class Command(BaseCommand):
    help = (
        "Hapus berkas bukti dukung yang rekamannya sudah dihapus lebih dari N hari (bawaan SAKIP_BUKTI_TERHAPUS_HARI)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=None, help="umur penghapusan minimal dalam hari")
        parser.add_argument("--coba", action="store_true", help="hanya tampilkan, jangan hapus")

    def handle(self, *args, hari=None, coba=False, **opsi):
        hari = settings.SAKIP_BUKTI_TERHAPUS_HARI if hari is None else hari
        batas = timezone.now() - datetime.timedelta(days=hari)
        hidup_id = set(BuktiDukung.objects.values_list("pk", flat=True))
        dipakai = set(BuktiDukung.objects.values_list("berkas", flat=True))
        terakhir: dict[int, object] = {}
        for c in BuktiDukung.history.order_by("id", "history_id"):
            terakhir[c.id] = c  # the latest record of each evidence id
        storage = BuktiDukung._meta.get_field("berkas").storage
        jumlah = 0
        for c in terakhir.values():
            if c.history_type != "-" or c.id in hidup_id or c.history_date > batas:
                continue
            if not c.berkas or c.berkas in dipakai or not storage.exists(c.berkas):
                continue
            jumlah += 1
            self.stdout.write(f"{'akan dihapus' if coba else 'dihapus'}: {c.berkas}")
            if not coba:
                storage.delete(c.berkas)
        self.stdout.write(self.style.SUCCESS(f"{jumlah} berkas"))
