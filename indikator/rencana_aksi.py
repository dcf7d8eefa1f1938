"""Rencana Aksi per quarter: the one reader of quarterly Rencana Aksi targets (workspace, dashboard, report
annex and consistency check all use it).

Rule (docs/keputusan.md, "Rencana Aksi per quarter"): the target of quarter q is the Rencana Aksi of the PK version in force on
the quarter's last day (`formulas.pilih_versi_berlaku`); if that version has no Rencana Aksi for the indikator,
the state says so and no other version's target is borrowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from . import formulas as f
from .enums import Polaritas
from .models import BarisPK, UnitKerja, VersiPK

# State of an indikator's Rencana Aksi target in one quarter (`TargetTriwulan.status`).
RA_ADA = "ada"  # the version in force has the quarter's target
RA_TANPA_TRIWULAN = "tanpa_triwulan"  # the row has Rencana Aksi, but not for this quarter
RA_BELUM_ADA = "belum_ada_ra"  # the version in force has a row for the indikator but no Rencana Aksi at all
RA_TIDAK_DI_PK = "tidak_di_pk"  # the version in force has no row for the indikator
RA_TANPA_PK = "belum_ada_pk"  # no PK version is in force for the quarter


@dataclass(frozen=True)
class VersiRencanaAksi:
    """A PK version of the year with what its Rencana Aksi covers."""

    id: int
    nomor: int
    berlaku_mulai: date
    berlaku_sampai: date
    triwulan_berlaku: tuple[int, ...]  # quarters whose last day this version is in force
    jumlah_baris_indikator: int  # rows linked to an indikator
    ada_rencana_aksi: bool  # some row has at least one Rencana Aksi target
    tanpa_rencana_aksi: tuple[tuple[int, str], ...]  # (indikator id, kode) of rows without any Rencana Aksi

    @property
    def belum_ada_rencana_aksi(self) -> bool:
        """Rows for indikator, none with a Rencana Aksi (the annex says so instead of skipping the version)."""
        return self.jumlah_baris_indikator > 0 and not self.ada_rencana_aksi


@dataclass(frozen=True)
class TargetTriwulan:
    """An indikator's Rencana Aksi cumulative target in one quarter, from the PK version in force then."""

    triwulan: int
    versi_id: int | None
    versi_nomor: int | None
    target_kumulatif: Decimal | None  # never borrowed from another version
    status: str  # RA_ADA, RA_TANPA_TRIWULAN, RA_BELUM_ADA, RA_TIDAK_DI_PK or RA_TANPA_PK

    @property
    def keterangan(self) -> str:
        """What to show instead of a target ("" when there is one)."""
        n = {"nomor": self.versi_nomor, "tw": self.triwulan}
        if self.status == RA_TANPA_TRIWULAN:
            return _("belum ada target TW %(tw)s di Rencana Aksi PK versi %(nomor)s") % n
        if self.status == RA_BELUM_ADA:
            return _("belum ada Rencana Aksi (PK versi %(nomor)s)") % n
        if self.status == RA_TIDAK_DI_PK:
            return _("tidak ada di PK versi %(nomor)s") % n
        if self.status == RA_TANPA_PK:
            return _("belum ada PK")
        return ""


@dataclass(frozen=True)
class RencanaAksiIndikator:
    indikator_id: int
    triwulan: tuple[TargetTriwulan, ...]  # Q1..Q4

    @property
    def target_kumulatif(self) -> tuple[Decimal | None, ...]:
        return tuple(t.target_kumulatif for t in self.triwulan)


@dataclass(frozen=True)
class RencanaAksiTahun:
    """The Rencana Aksi of a unit's year under the rule "the PK version in force for the quarter"."""

    tahun: int
    versi: tuple[VersiRencanaAksi, ...]  # every version of the year's PK, by nomor
    berlaku: tuple[VersiRencanaAksi | None, ...]  # the version in force at the end of Q1..Q4
    indikator: dict[int, RencanaAksiIndikator]  # the requested indikator (default: every one with a PK row)
    _target: dict[tuple[int, int], dict[int, Decimal]]  # (versi id, indikator id) → {triwulan: target}

    def untuk(self, indikator_id: int) -> RencanaAksiIndikator:
        """Any indikator's quarters (also one not in `indikator`: then "tidak ada di PK versi N")."""
        if indikator_id in self.indikator:
            return self.indikator[indikator_id]
        return _rencana_aksi_indikator(self.berlaku, self._target, indikator_id)

    @property
    def versi_tanpa_rencana_aksi(self) -> tuple[VersiRencanaAksi, ...]:
        """Versions in force at some quarter end that have indikator rows without Rencana Aksi."""
        return tuple(v for v in self.versi if v.triwulan_berlaku and v.tanpa_rencana_aksi)


def progres_triwulan(baris, ra: RencanaAksiIndikator, skema) -> tuple[Decimal | None, ...]:
    """Quarterly progress of a measured indikator (`queries.BarisPengukuran`): per quarter the official capaian of
    its cumulative realisasi against the Rencana Aksi cumulative target of the version in force
    (`formulas.hitung_progres_triwulan`, the scheme's formula for negative polarity)."""
    return f.hitung_progres_triwulan(
        polaritas=Polaritas(baris.indikator.polaritas),
        target_kumulatif=ra.target_kumulatif,
        realisasi_kumulatif=baris.realisasi.kumulatif,
        rumus_negatif=skema.rumus_negatif,
    )


def _rencana_aksi_indikator(
    berlaku: Sequence[VersiRencanaAksi | None], target: Mapping[tuple[int, int], dict[int, Decimal]], indikator_id: int
) -> RencanaAksiIndikator:
    hasil = []
    for tw, v in enumerate(berlaku, start=1):
        if v is None:
            hasil.append(TargetTriwulan(tw, None, None, None, RA_TANPA_PK))
            continue
        ra = target.get((v.id, indikator_id))
        if ra is None:
            status, nilai = RA_TIDAK_DI_PK, None
        elif not ra:
            status, nilai = RA_BELUM_ADA, None
        else:
            nilai = ra.get(tw)
            status = RA_ADA if nilai is not None else RA_TANPA_TRIWULAN
        hasil.append(TargetTriwulan(tw, v.id, v.nomor, nilai, status))
    return RencanaAksiIndikator(indikator_id, tuple(hasil))


def baca_rencana_aksi(unit: UnitKerja, tahun: int, indikator_ids: Iterable[int] | None = None) -> RencanaAksiTahun:
    """The one reader of the quarterly Rencana Aksi (workspace, dashboard, report, consistency check).

    Per quarter the PK version in force at the quarter's last day (`formulas.pilih_versi_berlaku`) gives the
    cumulative target: that version's Rencana Aksi row for the quarter, else a state (no Rencana Aksi yet in that
    version, indikator not in that version, no PK) and no target — never another version's. 3 queries."""
    versi = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun).prefetch_related(
        Prefetch(
            "baris",
            queryset=BarisPK.objects.filter(indikator__isnull=False)
            .select_related("indikator")
            .prefetch_related("rencana_aksi"),
        )
    )
    return rencana_aksi_dari_versi(tahun, list(versi), indikator_ids)


def rencana_aksi_dari_versi(
    tahun: int, versi: Sequence[VersiPK], indikator_ids: Iterable[int] | None = None
) -> RencanaAksiTahun:
    """`baca_rencana_aksi` from already fetched versions of the year's PK (no query: `baris`,
    `baris__rencana_aksi` and `baris__indikator` prefetched, as the report bundle has them)."""
    versi = sorted(versi, key=lambda v: (v.nomor, v.pk))
    rentang = [(v.berlaku_mulai, v.berlaku_sampai, v.nomor) for v in versi]
    nomor_berlaku = [
        f.pilih_versi_berlaku(versi=rentang, tanggal=f.akhir_triwulan(tahun=tahun, triwulan=tw)) for tw in (1, 2, 3, 4)
    ]
    target: dict[tuple[int, int], dict[int, Decimal]] = {}
    daftar: list[VersiRencanaAksi] = []
    for v in versi:
        baris = [b for b in v.baris.all() if b.indikator_id]
        tanpa = []
        for b in baris:
            ra = {r.triwulan: r.target_kumulatif for r in b.rencana_aksi.all()}
            target[(v.pk, b.indikator_id)] = ra
            if not ra:
                tanpa.append((b.indikator_id, b.indikator.kode))
        daftar.append(
            VersiRencanaAksi(
                id=v.pk,
                nomor=v.nomor,
                berlaku_mulai=v.berlaku_mulai,
                berlaku_sampai=v.berlaku_sampai,
                triwulan_berlaku=tuple(tw for tw, n in enumerate(nomor_berlaku, start=1) if n == v.nomor),
                jumlah_baris_indikator=len(baris),
                ada_rencana_aksi=len(tanpa) < len(baris),
                tanpa_rencana_aksi=tuple(tanpa),
            )
        )
    per_nomor = {v.nomor: v for v in daftar}
    berlaku = tuple(per_nomor.get(n) if n is not None else None for n in nomor_berlaku)
    ids = sorted({i for _v, i in target}) if indikator_ids is None else list(indikator_ids)
    return RencanaAksiTahun(
        tahun=tahun,
        versi=tuple(daftar),
        berlaku=berlaku,
        indikator={i: _rencana_aksi_indikator(berlaku, target, i) for i in ids},
        _target=target,
    )
