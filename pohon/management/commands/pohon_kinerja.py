"""Print the performance tree of a unit and its sub-units for a year, with the consistency findings."""

import json as jsonlib

from django.core.management.base import BaseCommand, CommandError

from indikator.models import UnitKerja
from pohon.periksa import HasilPeriksa, periksa_pohon
from pohon.queries import Pohon, Simpul
from umum.format import format_persen, teks_desimal


def _mentah(nilai) -> str | None:
    """A stored Decimal as a plain string without trailing zeros: 80.0000 → "80", never "8E+1"."""
    if nilai is None:
        return None
    teks = format(nilai, "f")
    return teks.rstrip("0").rstrip(".") if "." in teks else teks


def _simpul(s: Simpul) -> dict:
    p = s.pemilik
    return {
        "id": s.id,
        "tingkat": s.tingkat,
        "unit": s.unit.slug,
        "kode": s.kode,
        "uraian": s.uraian,
        "jenis_hasil": s.jenis_hasil,
        "cascading": s.cascading,
        "status": s.status,
        "pemilik": None
        if p is None
        else {"jabatan": p.jabatan, "eselon": p.eselon, "nama": p.nama, "nip": p.nip, "plt": p.plt},
        "induk": None if s.induk is None else {"id": s.induk.id, "unit": s.induk.unit.slug, "kode": s.induk.kode},
        "indikator": [
            {
                "kode": i.kode,
                "nama": i.nama,
                "satuan": i.satuan,
                "peran": i.peran,
                "target": _mentah(i.target.nilai),
                "target_teks": i.target.teks_target(),
            }
            for i in s.indikator
        ],
        "anggaran": [{"kode": a.kode, "uraian": a.uraian, "pagu": _mentah(a.pagu)} for a in s.anggaran],
        "mitra": [{"mitra": m.mitra, "peran": m.peran, "status": m.status} for m in s.mitra],
        "anak": [_simpul(a) for a in s.anak],
    }


def sebagai_dict(pohon: Pohon, hasil: HasilPeriksa) -> dict:
    """The tree and its findings as plain JSON-able data; Decimal as strings."""
    c = hasil.cakupan
    return {
        "unit": pohon.unit.slug,
        "tahun": pohon.tahun,
        "tanggal": pohon.tanggal.isoformat(),
        "pohon": [_simpul(s) for s in pohon.akar],
        "temuan": [
            {
                "kode": t.kode,
                "keparahan": t.keparahan,
                "pesan": t.pesan,
                "unit": pohon.units[t.unit_id].slug,
                "simpul": t.simpul_id,
            }
            for t in hasil.temuan
        ],
        "cakupan": {
            "pagu_total": _mentah(c.pagu_total),
            "pagu_tertaut": _mentah(c.pagu_tertaut),
            "persen_anggaran": teks_desimal(c.persen_anggaran),
            "jabatan_eselon_3_4": c.jabatan_struktural,
            "jabatan_eselon_3_4_dengan_simpul": c.jabatan_struktural_berhasil,
            "persen_jabatan": teks_desimal(c.persen_jabatan),
            "pegawai": c.pegawai,
            "pegawai_dengan_rhk": c.pegawai_rhk,
            "persen_pegawai": teks_desimal(c.persen_pegawai),
        },
    }


class Command(BaseCommand):
    help = "Cetak pohon kinerja unit dan unit di bawahnya untuk satu tahun, beserta temuan pemeriksaan konsistensi."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="slug unit kerja, mis. sekretariat-utama")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--json", action="store_true", help="keluaran JSON (angka sebagai string Decimal)")

    def handle(self, *args, unit, tahun, json: bool = False, **opts):
        u = UnitKerja.objects.filter(slug=unit).first()
        if u is None:
            raise CommandError(f"Unit '{unit}' tidak ditemukan.", returncode=1)
        pohon, hasil = periksa_pohon(u, tahun)
        if json:
            self.stdout.write(jsonlib.dumps(sebagai_dict(pohon, hasil), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Pohon kinerja {u.nama} tahun {tahun}")
        if not pohon.akar:
            self.stdout.write("  (belum ada simpul)")
        for s in pohon.akar:
            self._tulis(s, 1)
        c = hasil.cakupan
        self.stdout.write(
            f"\nCakupan: anggaran {format_persen(c.persen_anggaran)}, jabatan Eselon III/IV "
            f"{format_persen(c.persen_jabatan)}, pegawai dengan RHK {format_persen(c.persen_pegawai)}"
        )
        self.stdout.write(f"Temuan: {len(hasil.temuan)}")
        for t in hasil.temuan:
            self.stdout.write(f"  [{t.keparahan}] {t.kode}: {t.pesan}")

    def _tulis(self, s: Simpul, dalam: int) -> None:
        pemilik = f" — {s.pemilik.teks}" if s.pemilik else ""
        self.stdout.write(f"{'  ' * dalam}{s.tingkat_label} {s.kode} {s.uraian} ({s.unit.label}){pemilik}")
        for i in s.indikator:
            self.stdout.write(f"{'  ' * dalam}  • {i.kode} {i.nama}: {i.target.teks_target()} {i.satuan}".rstrip())
        for a in s.anak:
            self._tulis(a, dalam + 1)
