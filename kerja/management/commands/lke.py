"""`manage.py lke --unit <slug> --tahun <year> [--jenis mandiri|apip|eksternal] --json`: the unit's LKE of the
year (template with codes and weights, per-layer component scores, totals, predikat, suggestions with reasons)."""

import json as json_

from django.core.management.base import BaseCommand, CommandError

from alur.lke import data_lke
from evaluasi.enums import JenisEvaluasi
from indikator.models import UnitKerja


class Command(BaseCommand):
    help = "Cetak LKE unit pada satu tahun: template (kode, bobot), nilai per lapisan, total, predikat, saran."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Slug unit.")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument(
            "--jenis", choices=JenisEvaluasi.values, help="Jenis evaluasi (bawaan: yang paling lanjut)."
        )
        parser.add_argument("--json", action="store_true", help="Keluaran JSON.")

    def handle(self, *args, unit, tahun, jenis, json: bool, **opts):
        u = UnitKerja.objects.filter(slug=unit).first()
        if u is None:
            raise CommandError(f"Unit '{unit}' tidak ada.")
        data = data_lke(u, tahun, jenis=jenis)
        if json:
            self.stdout.write(_json(data))
            return
        self.stdout.write(f"LKE {u.nama} {tahun} — {data['template']['nama']} (v{data['template']['versi']})")
        for k in data["template"]["komponen"]:
            self.stdout.write(f"  {k['kode']} {k['nama']} (bobot {k['bobot']})")
        for nama, lap in data["lapisan"].items():
            self.stdout.write(
                f"  {nama}: total {lap['total_tampil'] or '-'} {lap['predikat'] or ''} ({lap['terjawab']}/{lap['jumlah']})"
            )
        for s in data["saran"]:
            self.stdout.write(f"  saran {s['kriteria']}: {s['jawaban']} — {s['alasan']}")


def _json(data) -> str:
    return json_.dumps(data, ensure_ascii=False, indent=2, default=str)
