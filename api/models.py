"""API clients with their hashed token and scopes, and the audit log of their calls."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indikator.models import UnitKerja
from umum.teks import tanpa_karakter_kendali

from .enums import Cakupan


class KlienApi(models.Model):
    """A system that reads the API. The token is shown once when made; only its SHA-256 is stored (a random
    256-bit secret needs no slow hash), with its first characters to recognise it in lists."""

    nama = models.CharField(_("nama klien"), max_length=120, validators=[tanpa_karakter_kendali])
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="klien_api",
        verbose_name=_("unit"),
        help_text=_("Cakupan unit: unit ini dan sub-unitnya. Kosong hanya untuk cakupan publik atau APIP."),
    )
    cakupan = models.JSONField(_("cakupan"), default=list)
    hash_token = models.CharField(_("hash token"), max_length=64, unique=True, editable=False)
    awalan = models.CharField(_("awalan token"), max_length=12, editable=False)
    kedaluwarsa = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dicabut oleh"),
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    class Meta:
        verbose_name = _("klien API")
        verbose_name_plural = _("klien API")
        ordering = ["-dibuat_pada", "id"]

    def __str__(self):
        return f"{self.nama} ({self.awalan}…)"

    def punya(self, cakupan: str) -> bool:
        return cakupan in (self.cakupan or [])

    @property
    def aktif(self) -> bool:
        return self.dicabut_pada is None and (self.kedaluwarsa is None or self.kedaluwarsa > timezone.now())

    def label_cakupan(self) -> str:
        return ", ".join(str(Cakupan(c).label).split(":")[0] for c in self.cakupan or [] if c in Cakupan.values)


class PanggilanApi(models.Model):
    """One call of a client: endpoint, parameters, answer status and the number of rows returned."""

    klien = models.ForeignKey(KlienApi, on_delete=models.CASCADE, related_name="panggilan", verbose_name=_("klien"))
    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    endpoint = models.CharField(_("endpoint"), max_length=300)
    parameter = models.JSONField(_("parameter"), default=dict, blank=True)
    status = models.PositiveSmallIntegerField(_("status HTTP"))
    baris = models.PositiveIntegerField(_("jumlah baris"), default=0)

    class Meta:
        verbose_name = _("panggilan API")
        verbose_name_plural = _("panggilan API")
        ordering = ["-waktu", "-id"]

    def __str__(self):
        return f"{self.klien_id} {self.endpoint} {self.status}"
