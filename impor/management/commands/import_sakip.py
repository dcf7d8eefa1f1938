"""Import a SAKIP workbook from the command line (same engine as the workspace upload).

    python manage.py import_sakip FILE.xlsx --unit <slug> --tahun <year> [--dry-run]

Prints a per-sheet summary (baru/berubah/tetap) and every error (lembar, baris, kolom, pesan). Exit code 1 on
any error, and then nothing is applied.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from impor.buku_kerja import WorkbookTidakValid
from impor.layanan import impor_excel
from indikator.models import UnitKerja
from indikator.periode import PeriodeBeku


class Command(BaseCommand):
    help = "Impor workbook Excel SAKIP untuk satu unit dan tahun."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="Berkas .xlsx")
        parser.add_argument("--unit", required=True, help="Slug unit kerja")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa dan tampilkan ringkasan.")

    def handle(self, *args, **opts):
        unit = UnitKerja.objects.filter(slug=opts["unit"]).first()
        if unit is None:
            raise CommandError(_("Unit “%(slug)s” tidak ditemukan.") % {"slug": opts["unit"]})
        if not Path(opts["berkas"]).is_file():
            raise CommandError(_("Berkas “%(b)s” tidak ditemukan.") % {"b": opts["berkas"]})
        try:
            hasil = impor_excel(unit=unit, tahun=opts["tahun"], berkas=opts["berkas"], terapkan=not opts["dry_run"])
        except (PeriodeBeku, WorkbookTidakValid) as e:
            raise CommandError(e.messages[0] if hasattr(e, "messages") else str(e)) from e

        lebar = max([len(h.judul) for h in hasil.lembar] + [6])
        self.stdout.write(f"{'Lembar':<{lebar}}  {'baru':>7}  {'berubah':>7}  {'tetap':>7}  {'galat':>7}")
        for h in hasil.lembar:
            self.stdout.write(f"{h.judul:<{lebar}}  {h.baru:>7}  {h.berubah:>7}  {h.tetap:>7}  {len(h.galat):>7}")
        self.stdout.write(
            f"{'Jumlah':<{lebar}}  {hasil.baru:>7}  {hasil.berubah:>7}  {hasil.tetap:>7}  {len(hasil.galat):>7}"
        )
        self.stdout.write(hasil.ringkasan[:1].upper() + hasil.ringkasan[1:] + ".")
        if hasil.ada_galat:
            self.stderr.write(_("Galat (lembar | baris | kolom | pesan):"))
            for g in hasil.galat:
                self.stderr.write(f"{g.lembar or '–'} | {g.baris or '–'} | {g.kolom or '–'} | {g.pesan}")
            raise CommandError(
                _("Impor dibatalkan: %(n)s galat; tidak ada data yang diubah.") % {"n": len(hasil.galat)}
            )
        if hasil.diterapkan:
            self.stdout.write(self.style.SUCCESS(_("Impor diterapkan.")))
        else:
            self.stdout.write(_("Uji coba (--dry-run): tidak ada data yang diubah."))
