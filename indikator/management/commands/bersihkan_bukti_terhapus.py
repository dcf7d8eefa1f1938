"""Remove the files of records deleted more than N days ago: evidence (BuktiDukung) and the report's uploaded
figures (laporan.GambarLaporan). They are kept until then so that restoring a deleted record ("Pulihkan",
`indikator.pemulihan`) brings its file back. Run it daily, e.g. from cron."""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

# (model label, file field) of every record whose file outlives its deletion (report models named by label:
# this app sits below the report app).
BERKAS_TERHAPUS = (("indikator.BuktiDukung", "berkas"), ("laporan.GambarLaporan", "berkas"))


class Command(BaseCommand):
    help = (
        "Hapus berkas bukti dukung dan gambar laporan yang rekamannya sudah dihapus lebih dari N hari "
        "(bawaan SAKIP_BUKTI_TERHAPUS_HARI)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=None, help="umur penghapusan minimal dalam hari")
        parser.add_argument("--coba", action="store_true", help="hanya tampilkan, jangan hapus")

    def handle(self, *args, hari=None, coba=False, **opsi):
        hari = settings.SAKIP_BUKTI_TERHAPUS_HARI if hari is None else hari
        batas = timezone.now() - datetime.timedelta(days=hari)
        jumlah = sum(self._bersihkan(apps.get_model(label), medan, batas, coba) for label, medan in BERKAS_TERHAPUS)
        self.stdout.write(self.style.SUCCESS(f"{jumlah} berkas"))

    def _bersihkan(self, model, medan: str, batas, coba: bool) -> int:
        hidup_id = set(model._default_manager.values_list("pk", flat=True))
        dipakai = set(model._default_manager.values_list(medan, flat=True))
        terakhir: dict[int, object] = {}
        for c in model.history.order_by("id", "history_id"):
            terakhir[c.id] = c  # the latest record of each id
        storage = model._meta.get_field(medan).storage
        jumlah = 0
        for c in terakhir.values():
            nama = getattr(c, medan)
            if c.history_type != "-" or c.id in hidup_id or c.history_date > batas:
                continue
            if not nama or nama in dipakai or not storage.exists(nama):
                continue
            jumlah += 1
            self.stdout.write(f"{'akan dihapus' if coba else 'dihapus'}: {nama}")
            if not coba:
                storage.delete(nama)
        return jumlah
