"""`manage.py export_lakip --unit <slug> --tahun <year> [--periode TW2] --format html|pdf|xlsx|docx -o FILE
[--dengan-peringatan]`: the annual Laporan Kinerja, or with `--periode` (B01–B12, TW1–TW4, S1, S2) the unit's
latest version of that periodic report (an issued version's HTML and PDF are made from its frozen print HTML);
without a stored version, an unsaved draft with the data cut-off at the period's end."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indikator import formulas as f
from indikator.models import UnitKerja
from indikator.queries import DataTidakDitemukan
from laporan.models import LaporanPeriodik
from laporan.susun import susun_laporan, susun_laporan_periodik


class Command(BaseCommand):
    help = "Ekspor Laporan Kinerja (tahunan atau periodik) satu unit dan tahun ke HTML, PDF, XLSX atau DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Slug unit kerja, mis. biro-kerja-sama.")
        parser.add_argument("--tahun", required=True, type=int, help="Tahun laporan, mis. 2018.")
        parser.add_argument(
            "--periode", choices=LaporanPeriodik.Periode.values, help="Laporan periodik: B01–B12, TW1–TW4, S1, S2."
        )
        parser.add_argument("--format", dest="format_", choices=["html", "pdf", "xlsx", "docx"], default="pdf")
        parser.add_argument("-o", "--output", required=True, help="Berkas keluaran.")
        parser.add_argument(
            "--dengan-peringatan", action="store_true", help="Sertakan lampiran peringatan konsistensi data."
        )

    def handle(self, *args, unit, tahun, format_, output, dengan_peringatan, periode=None, **opts):
        obj = UnitKerja.objects.filter(slug=unit).first()
        if obj is None:
            raise CommandError(f"Unit kerja '{unit}' tidak ditemukan.")
        lp = None
        try:
            if periode:
                lp = (
                    LaporanPeriodik.objects.filter(unit=obj, tahun=tahun, periode=periode).order_by("-versi").first()
                ) or LaporanPeriodik(
                    unit=obj, tahun=tahun, periode=periode, data_cutoff=f.akhir_periode(tahun=tahun, periode=periode)
                )
                laporan = susun_laporan_periodik(lp)
            else:
                laporan = susun_laporan(obj, tahun, dengan_peringatan=dengan_peringatan)
        except DataTidakDitemukan as e:
            raise CommandError(f"Laporan {obj.nama} tahun {tahun} tidak dapat disusun: {e}") from e
        if format_ == "html":
            from laporan.pdf import render_html_mandiri

            isi = render_html_mandiri(laporan).encode("utf-8")
        elif format_ == "pdf":
            from laporan.pdf import render_pdf, render_pdf_html

            if lp is not None:
                from laporan.periodik import html_cetak

                isi = render_pdf_html(html_cetak(lp) if lp.pk else _cetak(laporan))
            else:
                isi = render_pdf(laporan)
        elif format_ == "docx":
            from django.core.cache import cache
            from django.utils.translation import get_language

            from laporan.pdf import kunci_peta
            from laporan.word import render_docx

            peta = None
            if lp is None:
                peta = cache.get(kunci_peta(obj.pk, tahun, get_language() or "id", dengan_peringatan))
            isi = render_docx(laporan, peta)
        else:
            from laporan.excel import render_xlsx

            isi = render_xlsx(laporan)
        Path(output).write_bytes(isi)
        self.stdout.write(f"{laporan.judul} {obj.nama} {tahun} ({format_.upper()}) ditulis ke {output}.")


def _cetak(laporan) -> str:
    from laporan.pdf import render_html_cetak

    return render_html_cetak(laporan)
