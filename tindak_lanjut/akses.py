"""Who does what in the register (no new roles; enforced on the server by the services and the views):

- the APIP (the `auditor` role, scoped like its reading: without a unit every unit, with a unit that unit and its
  sub-units) and administrators issue recommendations, approve plans and verify follow-ups;
- the unit's planners (perencana, `indikator.akses.dapat_mengubah`) plan and report the follow-up;
- whoever may read the unit (heads included) reads its register.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from indikator import akses
from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja


def id_unit_diaudit(user) -> set[int] | None:
    """Ids of the units the user verifies as APIP; None means every unit."""
    if not user.is_authenticated:
        return set()
    if akses.adalah_admin(user):
        return None
    unit = list(Keanggotaan.objects.filter(pengguna=user, peran=Peran.AUDITOR).values_list("unit_id", flat=True))
    if not unit:
        return set()
    if None in unit:
        return None
    anak: dict[int | None, list[int]] = {}
    for uid, induk in UnitKerja.objects.values_list("id", "induk_id"):
        anak.setdefault(induk, []).append(uid)
    hasil: set[int] = set()
    tumpukan = list(unit)
    while tumpukan:
        u = tumpukan.pop()
        if u not in hasil:
            hasil.add(u)
            tumpukan.extend(anak.get(u, []))
    return hasil


def dapat_memverifikasi(user, unit: UnitKerja) -> bool:
    ids = id_unit_diaudit(user)
    return ids is None or unit.pk in ids


def adalah_apip(user) -> bool:
    """Whether the user verifies any unit (shows the APIP's pages in the menu)."""
    ids = id_unit_diaudit(user)
    return ids is None or bool(ids)


def pastikan_apip(user, unit: UnitKerja) -> None:
    if not dapat_memverifikasi(user, unit):
        raise PermissionDenied(_("Hanya APIP (auditor) unit ini yang dapat melakukan ini."))


def pastikan_unit(user, unit: UnitKerja) -> None:
    if not akses.dapat_mengubah(user, unit):
        raise PermissionDenied(_("Hanya perencana unit penanggung jawab yang dapat melakukan ini."))
