"""Make an API client: `manage.py buat_token_api --nama N --unit U [--cakupan publik apip draf]
[--kedaluwarsa YYYY-MM-DD]`. The token is printed once, as the last line."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from api.enums import Cakupan
from api.token import buat_klien
from indikator.models import UnitKerja


class Command(BaseCommand):
    help = "Buat klien API dan cetak tokennya sekali (baris terakhir)."

    def add_arguments(self, parser):
        parser.add_argument("--nama", required=True)
        parser.add_argument("--unit", help="slug unit: token membaca unit ini dan sub-unitnya")
        parser.add_argument("--cakupan", nargs="*", default=[], choices=Cakupan.values)
        parser.add_argument("--kedaluwarsa", help="tanggal ISO, mis. 2027-12-31")

    def handle(self, *args, nama, unit, cakupan, kedaluwarsa, **opsi):
        u = None
        if unit:
            u = UnitKerja.objects.filter(slug=unit).first()
            if u is None:
                raise CommandError(f"Unit {unit!r} tidak ditemukan.")
        akhir = None
        if kedaluwarsa:
            tanggal = parse_date(kedaluwarsa)
            if tanggal is None:
                raise CommandError("--kedaluwarsa harus tanggal ISO, mis. 2027-12-31.")
            akhir = timezone.make_aware(datetime.combine(tanggal, time.max))
        try:
            klien, token = buat_klien(nama=nama, unit=u, cakupan=cakupan, kedaluwarsa=akhir)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        self.stdout.write(f"Klien {klien.nama} (id {klien.pk}), cakupan: {', '.join(klien.cakupan)}.")
        self.stdout.write("Token (hanya ditampilkan sekali):")
        self.stdout.write(token)
