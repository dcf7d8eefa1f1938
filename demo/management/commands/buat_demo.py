import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo.lke import buat_contoh_lke
from demo.pohon import muat_pohon_demo
from demo.rpd import muat_rpd_demo
from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja
from laporan.models import NaskahDinas

# The public demo password (DEBUG demo only; refused by the password validators anywhere else).
SANDI_DEMO = "sakip-demo-2018"
# (username, full name, role, unit slug or None)
# The reference report's IKU decree (LKj 2018, Lampiran 2): what the demo unit's wording starts from.
SLUG_NASKAH = "biro-kerja-sama"
NASKAH_DEMO = {
    "iku_nomor": "HK.04.1.23.02.19.0200 TAHUN 2019",
    "iku_tanggal": datetime.date(2019, 2, 8),
    "iku_kota": "Jakarta",
}

AKUN_DEMO = [
    ("admin", "Administrator SAKIP", Peran.ADMINISTRATOR, None),
    ("perencana", "Perencana Biro Kerja Sama", Peran.PERENCANA, "biro-kerja-sama"),
    ("kepala", "Diana ES Sutikno", Peran.PIMPINAN, "biro-kerja-sama"),
    ("auditor", "Auditor Inspektorat", Peran.AUDITOR, None),
]


class Command(BaseCommand):
    help = (
        "Buat akun demo (satu per peran) dan cetak cara masuk. Hanya untuk demo lokal: di luar DEBUG menolak "
        "kecuali dengan --paksa; kata sandi akun yang sudah ada tidak diubah kecuali dengan --reset-sandi."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sandi", default=SANDI_DEMO, help="Kata sandi semua akun demo (selain bawaan: harus lolos validasi)."
        )
        parser.add_argument(
            "--paksa",
            action="store_true",
            help="Jalankan juga di luar DEBUG (akun dengan kata sandi publik: jangan di produksi).",
        )
        parser.add_argument(
            "--reset-sandi",
            action="store_true",
            help="Setel ulang kata sandi akun demo yang sudah ada ke --sandi.",
        )

    def handle(self, *args, sandi, paksa, reset_sandi, **opts):
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or paksa):
            raise CommandError(
                "buat_demo membuat akun dengan kata sandi publik dan hanya berjalan dengan SAKIP_DEBUG=1 "
                "(demo lokal, `make run`). Untuk tetap menjalankannya: --paksa."
            )
        if sandi != SANDI_DEMO:
            try:
                validate_password(sandi)
            except ValidationError as e:
                raise CommandError("Kata sandi ditolak: " + " ".join(e.messages)) from e
        User = get_user_model()
        lama = []
        for username, nama, peran, slug in AKUN_DEMO:
            unit = None
            if slug:
                unit = UnitKerja.objects.filter(slug=slug).first()
                if unit is None:
                    raise CommandError(f"Unit '{slug}' belum ada. Jalankan dulu: python manage.py muat_referensi")
            user, baru = User.objects.get_or_create(username=username)
            if baru or reset_sandi:
                depan, _, belakang = nama.partition(" ")
                user.first_name, user.last_name = depan, belakang
                user.is_staff = peran == Peran.ADMINISTRATOR
                user.is_superuser = peran == Peran.ADMINISTRATOR
                user.set_password(sandi)
                user.save()
            else:
                lama.append(username)
            Keanggotaan.objects.get_or_create(pengguna=user, unit=unit, peran=peran)
        self._naskah_demo()
        # DEMO disbursement plan (RPD) of the reference unit's 2018, for the periodic reports (demo/rpd.py), loaded
        # before the demo tree approves that year.
        if (biro := UnitKerja.objects.filter(slug=SLUG_NASKAH).first()) is not None:
            muat_rpd_demo(biro, 2018)
        # The performance tree of BPOM → Sekretariat Utama → Biro Kerja Sama and Sestama's consolidated 2018.
        muat_pohon_demo()
        contoh = buat_contoh_lke(slug=SLUG_NASKAH, tahun=2018, oleh=User.objects.get(username="perencana"))
        if contoh is not None:
            self.stdout.write(f"Contoh penilaian mandiri LKE {contoh.tahun} (PermenPANRB 88/2021): /evaluasi/")
        self.stdout.write("Akun demo (kata sandi sama untuk semua): " + sandi)
        for username, _nama, peran, slug in AKUN_DEMO:
            self.stdout.write(f"  {username:<10} {Peran(peran).label:<14} {slug or 'semua unit'}")
        if lama:
            self.stdout.write(
                f"Akun yang sudah ada ({', '.join(lama)}): kata sandinya tidak diubah; "
                "setel ulang ke kata sandi demo dengan: python manage.py buat_demo --reset-sandi"
            )

    def _naskah_demo(self):
        """The demo unit's IKU decree as the reference report prints it (its number, place and date); the rest is
        the standard wording. Only when the unit has no wording of its own yet (an edited one is kept)."""
        unit = UnitKerja.objects.filter(slug=SLUG_NASKAH).first()
        if unit is not None and not NaskahDinas.objects.filter(unit=unit).exists():
            NaskahDinas.objects.create(unit=unit, **NASKAH_DEMO)
