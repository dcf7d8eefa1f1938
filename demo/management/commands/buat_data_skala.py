import time

from django.core.management.base import BaseCommand

from demo.skala import AWALAN, TAHUN_MULAI, buat_data_skala, hapus_data_skala, lupakan_ringkasan
from indikator.models import UnitKerja


class Command(BaseCommand):
    help = (
        "Buat data uji skala besar (banyak unit di bawah satu induk, beberapa tahun, realisasi triwulanan, "
        "ribuan mata anggaran). Semua slug unit diawali --awalan; menjalankan ulang mengganti data lama."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", type=int, default=60, help="Jumlah unit anak (bawaan 60).")
        parser.add_argument("--tahun", type=int, default=5, help="Jumlah tahun (bawaan 5).")
        parser.add_argument("--tahun-mulai", type=int, default=TAHUN_MULAI, help="Tahun pertama (bawaan 2020).")
        parser.add_argument("--indikator", type=int, default=15, help="Indikator per unit (bawaan 15).")
        parser.add_argument(
            "--baris-anggaran", type=int, default=3000, help="Jumlah mata anggaran seluruhnya (bawaan 3000)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Benih bilangan acak (bawaan 1).")
        parser.add_argument("--awalan", default=AWALAN, help="Awalan slug unit (bawaan 'skala').")
        parser.add_argument("--induk", default="", help="Slug unit atasan bagi unit induk data uji (opsional).")
        parser.add_argument("--hapus", action="store_true", help="Hanya hapus data uji dengan awalan ini.")

    def handle(self, *args, **o):
        if o["hapus"]:
            n = hapus_data_skala(o["awalan"])
            lupakan_ringkasan()
            self.stdout.write(f"{n} unit data uji '{o['awalan']}' dihapus.")
            return
        induk = UnitKerja.objects.get(slug=o["induk"]) if o["induk"] else None
        mulai = time.perf_counter()
        hasil = buat_data_skala(
            unit=o["unit"],
            tahun=o["tahun"],
            indikator=o["indikator"],
            baris_anggaran=o["baris_anggaran"],
            seed=o["seed"],
            awalan=o["awalan"],
            tahun_mulai=o["tahun_mulai"],
            induk=induk,
        )
        lupakan_ringkasan()
        self.stdout.write(
            f"Data uji dibuat dalam {time.perf_counter() - mulai:.1f} dtk: {len(hasil.units)} unit di bawah "
            f"'{hasil.induk.slug}', tahun {hasil.tahun[0]}–{hasil.tahun[-1]}, {hasil.jumlah_indikator} indikator, "
            f"{hasil.jumlah_baris_anggaran} mata anggaran."
        )
