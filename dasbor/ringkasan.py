"""Unit-year summaries for the roll-up: NKO, NPS per perspective, serapan and counts of one unit's year,
computed once per change and reused from the shared cache.

A summary is cached under a key made of the unit, the year, the unit's data version (the sum of
`PeriodeUnit.versi_data` over its years: every write raises one of them, through the period lock
`kunci_periode_untuk_tulis` or, for the admin, `naikkan_versi`) and the scoring-configuration version (the
latest history record of the schemes, their bands and weights and the qualitative scales, which any unit
may use). A changed unit-year therefore gets a new key and is recomputed; the old entry is never read
again and expires. The sum covers every year of the unit because a year's figures also read the Renstra's
final-year targets. Nothing correctness-critical lives in the cache: a missing entry is recomputed with the
batch readers (constant number of queries whatever the number of missing units).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Max

from anggaran.queries import susun_anggaran_banyak
from indikator import formulas as f
from indikator.models import (
    BandKriteria,
    BobotPerspektif,
    NilaiSkala,
    SkalaKualitatif,
    SkemaPenilaian,
    UnitKerja,
)
from indikator.queries import susun_pengukuran_banyak
from indikator.versi_data import versi_data

UMUR_DETIK = 7 * 24 * 3600  # unused entries expire; a live entry is always valid for its key
AWALAN = "ringkasan:v1"


@dataclass(frozen=True)
class RingkasanUnit:
    """The roll-up figures of one unit's year (no unit object: the roll-up reads units fresh)."""

    unit_id: int
    ada_data: bool
    nko: Decimal | None
    kriteria_nko: f.Band | None
    bands: tuple[f.Band, ...]  # the kriteria bands of the unit's scheme, in order
    nps: tuple[tuple[str, str, Decimal | None], ...]  # (perspektif, label, NPS) per perspective
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    jumlah_indikator: int
    per_kriteria: tuple[tuple[str, int], ...]  # (band label, indikator in it)
    belum_diukur: int  # indikator without capaian


def versi_konfigurasi() -> tuple[int, ...]:
    """The latest history id of each scoring-configuration model (scheme edits through any path record one)."""
    return tuple(
        m.history.aggregate(v=Max("history_id"))["v"] or 0
        for m in (SkemaPenilaian, BandKriteria, BobotPerspektif, SkalaKualitatif, NilaiSkala)
    )


def versi_unit(unit_ids: Sequence[int]) -> dict[int, int]:
    """The data version of each unit (one query): the sum of its years' `versi_data`, 0 without a period row."""
    return {uid: v for uid, (v, _n) in versi_data(unit_ids).items()}


def kunci_cache(unit_id: int, tahun: int, versi: int, konfigurasi: tuple[int, ...]) -> str:
    return f"{AWALAN}:{unit_id}:{tahun}:{versi}:{'.'.join(map(str, konfigurasi))}"


def hitung_ringkasan(units: Sequence[UnitKerja], tahun: int) -> dict[int, RingkasanUnit]:
    """Fresh summaries of `units` for the year with the batch readers (constant number of queries)."""
    pengukuran = susun_pengukuran_banyak(units, tahun)
    anggaran = susun_anggaran_banyak(units, tahun)
    hasil = {}
    for u in units:
        p = pengukuran.get(u.pk)
        a = anggaran.get(u.pk)
        ada_anggaran = a is not None and bool(a.baris)
        hasil[u.pk] = RingkasanUnit(
            unit_id=u.pk,
            ada_data=p is not None,
            nko=p.nko if p else None,
            kriteria_nko=p.kriteria_nko if p else None,
            bands=tuple(p.skema.bands) if p else (),
            nps=tuple((x.perspektif, x.label, x.nps) for x in p.perspektif) if p else (),
            pagu=a.total_pagu if ada_anggaran else None,
            realisasi=a.total_realisasi if ada_anggaran else None,
            serapan=a.total_serapan if ada_anggaran else None,
            jumlah_indikator=len(p.baris) if p else 0,
            per_kriteria=tuple(p.hitung_per_kriteria().items()) if p else (),
            belum_diukur=sum(1 for b in p.baris if b.capaian is None) if p else 0,
        )
    return hasil


def ringkasan_banyak(units: Sequence[UnitKerja], tahun: int) -> dict[int, RingkasanUnit]:
    """The summaries of `units` for the year: from the cache (one get_many) where the unit's data and the
    scoring configuration are unchanged, the missing ones computed together and stored (one set_many)."""
    units = list(units)
    if not units:
        return {}
    versi = versi_unit([u.pk for u in units])
    konfigurasi = versi_konfigurasi()
    kunci = {u.pk: kunci_cache(u.pk, tahun, versi[u.pk], konfigurasi) for u in units}
    tersimpan = cache.get_many(list(kunci.values()))
    hasil = {pk: tersimpan[k] for pk, k in kunci.items() if k in tersimpan}
    hilang = [u for u in units if u.pk not in hasil]
    if hilang:
        baru = hitung_ringkasan(hilang, tahun)
        cache.set_many({kunci[pk]: r for pk, r in baru.items()}, UMUR_DETIK)
        hasil.update(baru)
    return hasil
