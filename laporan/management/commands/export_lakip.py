"""`manage.py export_lakip --unit <slug> --tahun <year> --format html|pdf|xlsx|docx -o FILE [--dengan-peringatan]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indikator.models import UnitKerja
from indikator.queries import DataTidakDitemukan
from laporan.susun import susun_laporan


class Command(BaseCommand):
    help = "Ekspor Laporan Kinerja satu unit dan tahun ke HTML, PDF, XLSX atau DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Slug unit kerja, mis. biro-kerja-sama.")
        parser.add_argument("--tahun", required=True, type=int, help="Tahun laporan, mis. 2018.")
        parser.add_argument("--format", dest="format_", choices=["html", "pdf", "xlsx", "docx"], default="pdf")
        parser.add_argument("-o", "--output", required=True, help="Berkas keluaran.")
        parser.add_argument(
            "--dengan-peringatan", action="store_true", help="Sertakan lampiran peringatan konsistensi data."
        )

    def handle(self, *args, unit, tahun, format_, output, dengan_peringatan, **opts):
        obj = UnitKerja.objects.filter(slug=unit).first()
        if obj is None:
            raise CommandError(f"Unit kerja '{unit}' tidak ditemukan.")
        try:
            laporan = susun_laporan(obj, tahun, dengan_peringatan=dengan_peringatan)
        except DataTidakDitemukan as e:
            raise CommandError(f"Laporan {obj.nama} tahun {tahun} tidak dapat disusun: {e}") from e
        if format_ == "html":
            from laporan.pdf import render_html_mandiri

            isi = render_html_mandiri(laporan).encode("utf-8")
        elif format_ == "pdf":
            from laporan.pdf import render_pdf

            isi = render_pdf(laporan)
        elif format_ == "docx":
            from django.core.cache import cache
            from django.utils.translation import get_language

            from laporan.pdf import kunci_peta
            from laporan.word import render_docx

            peta = cache.get(kunci_peta(obj.pk, tahun, get_language() or "id", dengan_peringatan))
            isi = render_docx(laporan, peta)
        else:
            from laporan.excel import render_xlsx

            isi = render_xlsx(laporan)
        Path(output).write_bytes(isi)
        self.stdout.write(f"Laporan Kinerja {obj.nama} {tahun} ({format_.upper()}) ditulis ke {output}.")
