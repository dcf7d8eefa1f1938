from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TindakLanjutConfig(AppConfig):
    name = "tindak_lanjut"
    verbose_name = _("Tindak lanjut rekomendasi")
