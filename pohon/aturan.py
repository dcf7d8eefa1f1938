"""The write of a unit's tree settings (`AturanPohon`): whether a level may be skipped (K1) and the severity of each
check. The unit's head (or an administrator) sets them; they are the unit's, not a year's, so no period lock."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from indikator import akses

from .models import AturanPohon
from .periksa import KEPARAHAN, PEMERIKSAAN


@transaction.atomic
def simpan_aturan(*, unit, oleh, boleh_lompat_tingkat: bool, keparahan: dict[str, str]) -> AturanPohon:
    """Save the unit's settings; a severity equal to the default is not stored (a later change of the default
    applies). Refused for anyone but the unit's head (or a head above it) and administrators."""
    if not akses.dapat_mengesahkan(oleh, unit):
        raise PermissionDenied(_("Hanya pimpinan unit atau administrator yang dapat mengatur pemeriksaan pohon."))
    simpan = {}
    for kode, nilai in keparahan.items():
        if kode not in PEMERIKSAAN:
            raise ValidationError(_("Kode pemeriksaan %(kode)s tidak dikenal.") % {"kode": kode})
        if nilai and nilai not in KEPARAHAN:
            raise ValidationError(_("Keparahan %(nilai)s tidak dikenal.") % {"nilai": nilai})
        if nilai and nilai != PEMERIKSAAN[kode][1]:
            simpan[kode] = nilai
    aturan, _baru = AturanPohon.objects.select_for_update().get_or_create(unit=unit)
    aturan.boleh_lompat_tingkat = boleh_lompat_tingkat
    aturan.keparahan = simpan
    aturan.full_clean()
    aturan.save()
    return aturan
