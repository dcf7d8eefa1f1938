from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PohonConfig(AppConfig):
    name = "pohon"
    verbose_name = _("Pohon kinerja")
