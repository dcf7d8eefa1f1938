"""Print the measurement table of a unit's year (capaian per indikator, NPS per sasaran and perspective, NKO)."""

import json as jsonlib

from django.core.management.base import BaseCommand, CommandError

from indikator.models import UnitKerja
from indikator.queries import DataTidakDitemukan, susun_pengukuran
from umum.format import format_angka, format_persen, teks_desimal


def _s(nilai):
    """A rounded Decimal (capaian, NPS, NKO) as a plain string: "80.00", never "8E+1"."""
    return teks_desimal(nilai)


def _mentah(nilai):
    """A raw stored value (4 decimals) as a plain string without trailing zeros: 80.0000 → "80"."""
    if nilai is None:
        return None
    teks = format(nilai, "f")
    return teks.rstrip("0").rstrip(".") if "." in teks else teks


def sebagai_dict(p) -> dict:
    """The measurement as plain JSON-able data; numbers are strings of the rounded Decimal."""
    return {
        "unit": p.unit.slug,
        "tahun": p.tahun,
        "skema": p.skema.kode,
        "indikator": [
            {
                "kode": b.indikator.kode,
                "nama": b.indikator.nama,
                "perspektif": b.perspektif,
                "sasaran": b.sasaran.kode,
                "satuan": b.indikator.satuan,
                "target": _mentah(b.target.nilai),
                "target_huruf": b.target.kualitatif,
                "target_teks": b.target.teks,
                "sumber_target": b.target.sumber,
                "realisasi": _mentah(b.realisasi.nilai),
                "realisasi_huruf": b.realisasi.kualitatif,
                "capaian": _s(b.capaian),
                "tidak_dihitung": str(b.alasan.label) if b.alasan else None,
                "kriteria": b.kriteria.label if b.kriteria else None,
                "persen_target_akhir": _s(b.persen_target_akhir),
            }
            for b in p.baris
        ],
        "sasaran": [
            {
                "kode": s.sasaran.kode,
                "nama": s.sasaran.nama,
                "perspektif": s.perspektif,
                "nps": _s(s.nps),
                "kriteria": s.kriteria.label if s.kriteria else None,
            }
            for s in p.sasaran
        ],
        "perspektif": [
            {
                "perspektif": x.perspektif,
                "label": x.label,
                "nps": _s(x.nps),
                "kriteria": x.kriteria.label if x.kriteria else None,
            }
            for x in p.perspektif
        ],
        "nko": _s(p.nko),
        "nko_indikator_dihitung": p.jumlah_dihitung,
        "nko_indikator_total": p.jumlah_indikator,
        "kriteria_nko": p.kriteria_nko.label if p.kriteria_nko else None,
    }


class Command(BaseCommand):
    help = "Cetak tabel pengukuran kinerja: capaian per indikator, NPS per sasaran dan perspektif, NKO."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit kerja, mis. biro-kerja-sama")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--json", action="store_true", help="keluaran JSON (angka sebagai string Decimal)")

    def handle(self, *args, unit, tahun, json: bool = False, **opts):
        u = UnitKerja.objects.filter(slug=unit).first()
        if u is None:
            raise CommandError(f"Unit '{unit}' tidak ditemukan.", returncode=1)
        try:
            p = susun_pengukuran(u, tahun)
        except DataTidakDitemukan as e:
            raise CommandError(f"{e}", returncode=1) from e
        if json:
            self.stdout.write(_dump(sebagai_dict(p)))
            return
        self.stdout.write(f"Pengukuran kinerja {u.nama} tahun {tahun} (skema {p.skema.nama})\n")
        if p.pakai_perspektif:
            for x in p.perspektif:
                self.stdout.write(f"{x.label}: NPS {format_persen(x.nps)} — {x.kriteria.label if x.kriteria else '–'}")
                for s in x.sasaran:
                    self._sasaran(s)
        else:
            for s in p.sasaran:
                self._sasaran(s)
        self.stdout.write(
            f"\nNKO: {format_persen(p.nko)} — {p.kriteria_nko.label if p.kriteria_nko else '–'}"
            f" (dihitung atas {p.jumlah_dihitung} dari {p.jumlah_indikator} indikator)"
        )

    def _sasaran(self, s) -> None:
        self.stdout.write(f"  Sasaran {s.sasaran.kode}: {s.sasaran.nama}")
        self.stdout.write(f"    NPS sasaran {format_persen(s.nps)} — {s.kriteria.label if s.kriteria else '–'}")
        for b in s.baris:
            keterangan = b.kriteria.label if b.kriteria else f"tidak dihitung: {b.alasan.label if b.alasan else '–'}"
            self.stdout.write(
                f"    [{b.indikator.kode}] {b.indikator.nama}\n"
                f"        target {b.target.teks_target()} | realisasi "
                f"{b.realisasi.kualitatif or format_angka(b.realisasi.nilai, None)}"
                f" | capaian {format_persen(b.capaian)} | {keterangan}"
            )


def _dump(data) -> str:
    return jsonlib.dumps(data, ensure_ascii=False, indent=2)
