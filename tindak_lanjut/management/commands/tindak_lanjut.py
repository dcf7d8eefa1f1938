"""`manage.py tindak_lanjut --unit U [--tahun N] [--json]`: the unit's register of recommendations (each with
its text, source, status, deadline, overdue flag, plans and follow-ups)."""

from __future__ import annotations

import datetime
import json as jsonlib

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from indikator.models import UnitKerja
from tindak_lanjut.matriks import teks_bukti
from tindak_lanjut.queries import susun_register


def _data(b) -> dict:
    r = b.rekomendasi
    return {
        "id": r.pk,
        "nomor_urut": r.nomor_urut,
        "uraian": r.uraian,
        "sumber": {
            "jenis": r.sumber.jenis,
            "nomor": r.sumber.nomor,
            "tanggal": r.sumber.tanggal.isoformat(),
            "penerbit": r.sumber.penerbit,
            "tahun_objek": r.sumber.tahun_objek,
        },
        "unit_pj": r.unit_pj.slug,
        "tahun": r.tahun,
        "status": r.status,
        "status_label": r.get_status_display(),
        "batas_waktu": r.batas_waktu.isoformat(),
        "terlambat": b.terlambat,
        "umur": b.umur,
        "progres": str(b.progres),
        "kode_kriteria": r.kode_kriteria,
        "rencana": [
            {
                "uraian": x.uraian,
                "tanggal_mulai": x.tanggal_mulai.isoformat(),
                "target_tanggal": x.target_tanggal.isoformat(),
                "pj": x.pj,
                "status": x.status,
            }
            for x in b.rencana
        ],
        "tindak_lanjut": [
            {
                "uraian": t.uraian,
                "tanggal": t.tanggal.isoformat(),
                "progres": str(t.progres),
                "verifikasi": t.verifikasi,
                "catatan_verifikasi": t.catatan_verifikasi,
                "bukti": [teks_bukti(x) for x in t.bukti.all()],
            }
            for t in b.tindak_lanjut
        ],
    }


class Command(BaseCommand):
    help = "Cetak register rekomendasi dan tindak lanjut sebuah unit."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Slug unit.")
        parser.add_argument("--tahun", type=int, help="Hanya rekomendasi untuk laporan tahun ini.")
        parser.add_argument("--json", action="store_true", help="Keluaran JSON.")
        parser.add_argument("--tanggal", type=datetime.date.fromisoformat, help="Hari ini (YYYY-MM-DD).")

    def handle(self, *args, unit: str, tahun: int | None, json: bool, tanggal, **opsi):
        u = UnitKerja.objects.filter(slug=unit).first()
        if u is None:
            raise CommandError(_("Unit “%(u)s” tidak ditemukan.") % {"u": unit})
        baris = susun_register(unit_ids=[u.pk], tahun=tahun, hari_ini=tanggal)
        data = [_data(b) for b in baris]
        if json:
            self.stdout.write(jsonlib.dumps({"unit": u.slug, "rekomendasi": data}, ensure_ascii=False, indent=2))
            return
        for d in data:
            telat = " " + _("(terlambat)") if d["terlambat"] else ""
            self.stdout.write(
                f"{d['sumber']['nomor']} #{d['nomor_urut']}: {d['uraian']} — {d['status_label']}, "
                f"{d['batas_waktu']}{telat}"
            )
