"""One register of recommendations (LHE, LHR, audits, meetings) and their follow-up; the APIP's LKj review."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TindakLanjutConfig(AppConfig):
    name = "tindak_lanjut"
    verbose_name = _("Tindak lanjut rekomendasi")

    def ready(self):
        from indikator import surel

        from .pengingat import pesan_pengingat

        surel.daftarkan_pengingat(pesan_pengingat)
