"""Who may read and write which unit's data (roles scoped by unit; enforced on the server).

- Administrator: everything, every unit (a membership without a unit, or any superuser).
- Perencana: reads and edits the data of their own units; offers nodes of the performance tree into their
  units' child units (`dapat_menawarkan`), which the child unit's planner accepts or rejects.
- Pimpinan: reads their units and all sub-units; approves and locks; grants and revokes planners there.
- Auditor: edits nothing; without a unit (the Inspektorat) reads every unit, with a unit (a unit's internal
  auditor) reads that unit and its sub-units.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .enums import Peran
from .models import Keanggotaan, UnitKerja


def _keanggotaan(user) -> list[Keanggotaan]:
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_sakip_keanggotaan", None)
    if cache is None:
        cache = list(Keanggotaan.objects.filter(pengguna=user))
        user._sakip_keanggotaan = cache
    return cache


def adalah_admin(user) -> bool:
    return bool(
        user.is_authenticated and (user.is_superuser or any(k.peran == Peran.ADMINISTRATOR for k in _keanggotaan(user)))
    )


def peran_pengguna(user) -> set[str]:
    peran = {k.peran for k in _keanggotaan(user)}
    if user.is_authenticated and user.is_superuser:
        peran.add(Peran.ADMINISTRATOR)
    return peran


def _pohon_anak() -> dict[int | None, list[int]]:
    anak: dict[int | None, list[int]] = {}
    for uid, induk in UnitKerja.objects.values_list("id", "induk_id"):
        anak.setdefault(induk, []).append(uid)
    return anak


def _dengan_turunan(akar: Iterable[int], anak: dict[int | None, list[int]]) -> set[int]:
    hasil: set[int] = set()
    tumpukan = list(akar)
    while tumpukan:
        u = tumpukan.pop()
        if u in hasil:
            continue
        hasil.add(u)
        tumpukan.extend(anak.get(u, []))
    return hasil


def id_unit_terbaca(user) -> set[int] | None:
    """Ids of the units the user may read; None means every unit."""
    if not user.is_authenticated:
        return set()
    if adalah_admin(user) or any(k.peran == Peran.AUDITOR and k.unit_id is None for k in _keanggotaan(user)):
        return None
    ks = _keanggotaan(user)
    anak = _pohon_anak()
    hasil: set[int] = set()
    for k in ks:
        if k.unit_id is None:
            continue
        if k.peran in (Peran.PIMPINAN, Peran.AUDITOR):
            hasil |= _dengan_turunan([k.unit_id], anak)
        else:
            hasil.add(k.unit_id)
    return hasil


def id_unit_tertulis(user) -> set[int] | None:
    """Ids of the units whose data the user may edit; None means every unit."""
    if adalah_admin(user):
        return None
    return {k.unit_id for k in _keanggotaan(user) if k.peran == Peran.PERENCANA and k.unit_id}


def id_unit_dipimpin(user) -> set[int] | None:
    """Ids of the units the user may approve and lock (pimpinan: own units and sub-units)."""
    if adalah_admin(user):
        return None
    akar = [k.unit_id for k in _keanggotaan(user) if k.peran == Peran.PIMPINAN and k.unit_id]
    return _dengan_turunan(akar, _pohon_anak()) if akar else set()


def _boleh(ids: set[int] | None, unit: UnitKerja) -> bool:
    return ids is None or unit.pk in ids


def dapat_membaca(user, unit: UnitKerja) -> bool:
    return _boleh(id_unit_terbaca(user), unit)


def dapat_mengubah(user, unit: UnitKerja) -> bool:
    return _boleh(id_unit_tertulis(user), unit)


def dapat_mengesahkan(user, unit: UnitKerja) -> bool:
    return _boleh(id_unit_dipimpin(user), unit)


def dapat_menawarkan(user, unit_anak: UnitKerja) -> bool:
    """Whether the user may offer a node of the performance tree into `unit_anak`: a planner of its parent unit
    (or an administrator). The child unit's own planner accepts or rejects it."""
    return unit_anak.induk_id is not None and _boleh(id_unit_tertulis(user), UnitKerja(pk=unit_anak.induk_id))


def unit_terbaca(user):
    """Queryset of the units the user may read."""
    ids = id_unit_terbaca(user)
    qs = UnitKerja.objects.all()
    return qs if ids is None else qs.filter(pk__in=ids)


def ambil_unit(user, slug: str, *, tulis: bool = False) -> UnitKerja:
    """Scoped fetch: the unit by slug, or 404; PermissionDenied (403) when the user may not read (or write) it."""
    unit = get_object_or_404(UnitKerja, slug=slug)
    if not (dapat_mengubah(user, unit) if tulis else dapat_membaca(user, unit)):
        raise PermissionDenied("Anda tidak memiliki akses ke unit ini.")
    return unit


def id_unit_sendiri(user) -> list[int]:
    """Ids of the units the user is a member of, the units they head first (for default choices)."""
    ks = sorted(_keanggotaan(user), key=lambda k: k.peran != Peran.PIMPINAN)
    return [k.unit_id for k in ks if k.unit_id]
