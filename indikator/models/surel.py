"""E-mails of the workflow that could not be sent, kept for the administrator (listed in the admin)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurelGagal(models.Model):
    """One workflow e-mail the mail server refused or that could not be built (`indikator.surel.kirim`)."""

    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)
    judul = models.CharField(_("judul surel"), max_length=300)
    penerima = models.TextField(_("penerima"), blank=True)
    galat = models.TextField(_("galat"))

    class Meta:
        verbose_name = _("surel gagal terkirim")
        verbose_name_plural = _("surel gagal terkirim")
        ordering = ["-waktu", "-id"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.judul}"
