"""Budget enumerations (domain guide §5). Imported by the budget formulas, models and everything above."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisMataAnggaran(models.TextChoices):
    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    OUTPUT = "output", _("Output")
    KOMPONEN = "komponen", _("Komponen / sub-kegiatan")


class KategoriEfisiensi(models.TextChoices):
    EFISIEN = "efisien", _("Efisien")
    TIDAK_EFISIEN = "tidak_efisien", _("Tidak efisien")
