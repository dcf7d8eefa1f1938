"""Which years a unit works in, and the one its pages open on when none was chosen (one rule for the workspace,
the dashboard and the home page; docs/keputusan.md, "Current year of a unit")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Max, Q

from .models import Indikator, PerjanjianKinerja, Realisasi, Renstra, UnitKerja
from .versi_data import versi_data

UMUR_CACHE_DETIK = 24 * 3600
AWALAN = "tahun-unit:v1"


def unit_dan_tahun_tersedia() -> list[tuple[UnitKerja, int]]:
    """(unit, year) pairs covered by a Renstra, for pickers."""
    hasil = []
    for r in Renstra.objects.select_related("unit").order_by("unit__nama", "unit_id", "tahun_mulai", "id"):
        hasil.extend((r.unit, t) for t in range(r.tahun_mulai, r.tahun_selesai + 1))
    return hasil


@dataclass(frozen=True)
class TahunUnit:
    """The years a unit works in: `daftar` every year of its Renstra periods (or its sub-units') plus the next
    one, `berjalan` its current year (see `tahun_unit`), `renstra` the years its own Renstra covers (those
    that have a report)."""

    daftar: tuple[int, ...]
    berjalan: int
    renstra: frozenset[int] = frozenset()


def tahun_unit_banyak(units: Sequence[UnitKerja]) -> dict[int, TahunUnit]:
    """Per unit id: its year picker and current year. The current year is the latest year with realisasi, else
    the latest year with a Perjanjian Kinerja, else the first Renstra year; never the calendar year unless the
    unit has no Renstra at all. The picker lists every year of its Renstra periods plus the next one. A unit
    covers itself and its direct sub-units (a parent's dashboard reads its children).

    Cached per unit under the data version of its scope (`versi_data.versi_data` over the unit and its direct
    sub-units), so a parent of a thousand units does not group all their realisasi on every page: 1 query when
    cached, 4 for any number of units otherwise."""
    ids = [u.pk for u in units]
    if not ids:
        return {}
    hari_ini = date.today().year  # a unit without Renstra falls back to the calendar year
    kunci = {uid: f"{AWALAN}:{uid}:{v}:{n}:{hari_ini}" for uid, (v, n) in versi_data(ids, dengan_bawahan=True).items()}
    tersimpan = cache.get_many(list(kunci.values()))
    hasil = {uid: tersimpan[k] for uid, k in kunci.items() if k in tersimpan}
    hilang = [uid for uid in ids if uid not in hasil]
    if hilang:
        baru = _hitung_tahun_unit(hilang)
        cache.set_many({kunci[uid]: x for uid, x in baru.items()}, UMUR_CACHE_DETIK)
        hasil.update(baru)
    return hasil


def _hitung_tahun_unit(ids: list[int]) -> dict[int, TahunUnit]:
    """`tahun_unit_banyak` computed fresh (3 queries)."""
    cakupan = Q(unit_id__in=ids) | Q(unit__induk_id__in=ids)
    dicari = set(ids)

    def pemilik(unit_id, induk_id) -> list[int]:
        return [x for x in (unit_id, induk_id) if x in dicari]

    tahun: dict[int, set[int]] = defaultdict(set)
    sendiri: dict[int, set[int]] = defaultdict(set)
    for unit_id, induk_id, mulai, selesai in Renstra.objects.filter(cakupan).values_list(
        "unit_id", "unit__induk_id", "tahun_mulai", "tahun_selesai"
    ):
        for x in pemilik(unit_id, induk_id):
            tahun[x].update(range(mulai, selesai + 1))
        sendiri[unit_id].update(range(mulai, selesai + 1))
    realisasi: dict[int, int] = {}
    jalur = f"indikator__{Indikator.JALUR_UNIT}"
    for unit_id, induk_id, t in (
        Realisasi.objects.filter(Q(**{f"{jalur}_id__in": ids}) | Q(**{f"{jalur}__induk_id__in": ids}))
        .values_list(f"{jalur}_id", f"{jalur}__induk_id")
        .annotate(t=Max("tahun"))
    ):
        for x in pemilik(unit_id, induk_id):
            realisasi[x] = max(realisasi.get(x, t), t)
    pk: dict[int, int] = {}
    for unit_id, induk_id, t in (
        PerjanjianKinerja.objects.filter(cakupan).values_list("unit_id", "unit__induk_id").annotate(t=Max("tahun"))
    ):
        for x in pemilik(unit_id, induk_id):
            pk[x] = max(pk.get(x, t), t)
    hasil = {}
    for uid in ids:
        daftar = set(tahun[uid])
        berjalan = realisasi.get(uid) or pk.get(uid) or min(daftar, default=None)
        if berjalan is None:  # no Renstra at all: nothing to choose from but this year
            berjalan = date.today().year
        daftar.add(berjalan)
        daftar.add(max(daftar) + 1)
        hasil[uid] = TahunUnit(tuple(sorted(daftar)), berjalan, frozenset(sendiri[uid]))
    return hasil


def tahun_unit(unit: UnitKerja) -> TahunUnit:
    """The unit's year picker and current year (`tahun_unit_banyak`)."""
    return tahun_unit_banyak([unit])[unit.pk]


def tahun_berjalan(unit: UnitKerja) -> int:
    """The year a unit's pages open on when no year was chosen (see `tahun_unit`)."""
    return tahun_unit(unit).berjalan
