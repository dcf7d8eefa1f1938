"""Making and revoking API clients. The token is returned once; only its SHA-256 is kept."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator.models import UnitKerja

from .enums import Cakupan
from .models import KlienApi

AWALAN = "sakip_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def periksa_cakupan(cakupan: list[str], unit: UnitKerja | None) -> list[str]:
    """The scopes, checked and in a stable order; `unit` is added when neither `publik` nor `apip` is given."""
    salah = sorted(set(cakupan) - set(Cakupan.values))
    if salah:
        raise ValidationError(
            _("Cakupan tidak dikenal: %(salah)s. Pilihan: %(pilihan)s.")
            % {"salah": ", ".join(salah), "pilihan": ", ".join(Cakupan.values)}
        )
    hasil = set(cakupan)
    if not hasil & {Cakupan.PUBLIK, Cakupan.APIP}:
        hasil.add(Cakupan.UNIT)
    if Cakupan.UNIT in hasil and unit is None:
        raise ValidationError(_("Cakupan unit memerlukan unit."))
    return [c for c in Cakupan.values if c in hasil]


@transaction.atomic
def buat_klien(
    *,
    nama: str,
    unit: UnitKerja | None,
    cakupan: list[str],
    kedaluwarsa: datetime | None = None,
    oleh=None,
) -> tuple[KlienApi, str]:
    """A new client and its token (shown to the caller once, never stored)."""
    nama = (nama or "").strip()
    if not nama:
        raise ValidationError(_("Nama klien wajib diisi."))
    if kedaluwarsa is not None and kedaluwarsa <= timezone.now():
        raise ValidationError(_("Tanggal kedaluwarsa harus di masa depan."))
    token = AWALAN + secrets.token_urlsafe(32)
    klien = KlienApi(
        nama=nama,
        unit=unit,
        cakupan=periksa_cakupan(list(cakupan), unit),
        hash_token=hash_token(token),
        awalan=token[: len(AWALAN) + 4],
        kedaluwarsa=kedaluwarsa,
        dibuat_oleh=oleh if getattr(oleh, "pk", None) else None,
    )
    klien.full_clean()
    klien.save()
    return klien, token


def cabut_klien(klien: KlienApi, *, oleh=None) -> KlienApi:
    """Revoke a client: its next call is refused (401). Revoking twice keeps the first time."""
    if klien.dicabut_pada is None:
        klien.dicabut_pada = timezone.now()
        klien.dicabut_oleh = oleh if getattr(oleh, "pk", None) else None
        klien.save(update_fields=["dicabut_pada", "dicabut_oleh"])
    return klien


def klien_dari_token(token: str) -> KlienApi | None:
    """The client of a token, revoked or expired ones included (the caller refuses them), or None."""
    if not token:
        return None
    return KlienApi.objects.select_related("unit").filter(hash_token=hash_token(token)).first()
