from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja

# (username, full name, role, unit slug or None)
AKUN_DEMO = [
    ("admin", "Administrator SAKIP", Peran.ADMINISTRATOR, None),
    ("perencana", "Perencana Biro Kerja Sama", Peran.PERENCANA, "biro-kerja-sama"),
    ("kepala", "Diana ES Sutikno", Peran.PIMPINAN, "biro-kerja-sama"),
    ("auditor", "Auditor Inspektorat", Peran.AUDITOR, None),
]


class Command(BaseCommand):
    help = "Buat akun demo (satu per peran) dan cetak cara masuk. Hanya untuk demo lokal."

    def add_arguments(self, parser):
        parser.add_argument("--sandi", default="sakip-demo-2018", help="Kata sandi semua akun demo.")

    def handle(self, *args, sandi, **opts):
        User = get_user_model()
        for username, nama, peran, slug in AKUN_DEMO:
            unit = None
            if slug:
                unit = UnitKerja.objects.filter(slug=slug).first()
                if unit is None:
                    raise CommandError(f"Unit '{slug}' belum ada. Jalankan dulu: python manage.py muat_referensi")
            user, _ = User.objects.get_or_create(username=username)
            depan, _, belakang = nama.partition(" ")
            user.first_name, user.last_name = depan, belakang
            user.is_staff = peran == Peran.ADMINISTRATOR
            user.is_superuser = peran == Peran.ADMINISTRATOR
            user.set_password(sandi)
            user.save()
            Keanggotaan.objects.get_or_create(pengguna=user, unit=unit, peran=peran)
        self.stdout.write("Akun demo (kata sandi sama untuk semua): " + sandi)
        for username, _nama, peran, slug in AKUN_DEMO:
            self.stdout.write(f"  {username:<10} {Peran(peran).label:<14} {slug or 'semua unit'}")
