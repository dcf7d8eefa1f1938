"""Reads of the planners' workspace (issue #4): constant query counts, numbers from the formulas only.

The yearly capaian and kriteria come from `indikator.queries.susun_pengukuran`; this module adds what the
workspace shows around it (quarterly capaian against the Rencana Aksi, targets grid, structure lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch

from . import formulas as f
from .enums import Polaritas, StatusPeriode, SumberTarget
from .models import BarisPK, Indikator, PeriodeUnit, Realisasi, Renstra, RevisiRenstra, Sasaran, Target, UnitKerja
from .queries import BarisPengukuran, DataTidakDitemukan, Pengukuran, susun_pengukuran


@dataclass(frozen=True)
class SelTriwulan:
    triwulan: int
    nilai: Decimal | None
    kualitatif: str
    kumulatif: Decimal | None
    target_kumulatif: Decimal | None
    capaian: Decimal | None
    kriteria: f.Band | None
    realisasi_id: int | None
    jumlah_bukti: int


@dataclass(frozen=True)
class BarisRealisasi:
    ukur: BarisPengukuran
    triwulan: tuple[SelTriwulan, ...]

    @property
    def indikator(self) -> Indikator:
        return self.ukur.indikator


@dataclass(frozen=True)
class LembarRealisasi:
    pengukuran: Pengukuran | None
    baris: tuple[BarisRealisasi, ...]


def _target_rencana_aksi(unit: UnitKerja, tahun: int, indikator_ids: list[int]) -> dict[int, dict[int, Decimal]]:
    """Quarterly cumulative targets per indikator from the latest PK version that has a row for it (2 queries)."""
    hasil: dict[int, dict[int, Decimal]] = {}
    baris = (
        BarisPK.objects.filter(indikator_id__in=indikator_ids, versi__pk_induk__unit=unit, versi__pk_induk__tahun=tahun)
        .order_by("versi__nomor")
        .prefetch_related("rencana_aksi")
    )
    for b in baris:
        hasil[b.indikator_id] = {r.triwulan: r.target_kumulatif for r in b.rencana_aksi.all()}
    return hasil


def susun_lembar_realisasi(unit: UnitKerja, tahun: int) -> LembarRealisasi:
    """Per active indikator: the yearly measurement plus per quarter the value, the cumulative value, the Rencana
    Aksi cumulative target and the quarterly capaian/kriteria. Constant number of queries."""
    try:
        p = susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        return LembarRealisasi(None, ())
    ids = [b.indikator.pk for b in p.baris]
    ra = _target_rencana_aksi(unit, tahun, ids)
    catatan = {
        (r.indikator_id, r.triwulan): r
        for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan__isnull=False).annotate(
            jumlah_bukti=Count("bukti")
        )
    }
    baris = []
    for b in p.baris:
        ind = b.indikator
        sel = []
        for i, tw in enumerate((1, 2, 3, 4)):
            r = catatan.get((ind.pk, tw))
            kum = b.realisasi.kumulatif[i]
            target_kum = ra.get(ind.pk, {}).get(tw)
            capaian = None
            if ind.polaritas != Polaritas.KUALITATIF:
                capaian = f.hitung_capaian_resmi(
                    polaritas=Polaritas(ind.polaritas),
                    target=target_kum,
                    realisasi=kum,
                    rumus_negatif=p.skema.rumus_negatif,
                )
            sel.append(
                SelTriwulan(
                    triwulan=tw,
                    nilai=b.realisasi.triwulan[i],
                    kualitatif=r.nilai_kualitatif if r else "",
                    kumulatif=kum,
                    target_kumulatif=target_kum,
                    capaian=capaian,
                    kriteria=p.skema.kriteria(capaian),
                    realisasi_id=r.pk if r else None,
                    jumlah_bukti=r.jumlah_bukti if r else 0,
                )
            )
        baris.append(BarisRealisasi(b, tuple(sel)))
    return LembarRealisasi(p, tuple(baris))


def baris_realisasi(lembar: LembarRealisasi, indikator_id: int) -> BarisRealisasi | None:
    return next((b for b in lembar.baris if b.indikator.pk == indikator_id), None)


# ---------------------------------------------------------------- structure and targets


def struktur_renstra(renstra: Renstra) -> list[tuple[RevisiRenstra, list[Sasaran]]]:
    """Revisions with their sasaran and indikator (3 queries)."""
    sasaran = Prefetch(
        "sasaran",
        queryset=Sasaran.objects.order_by("urutan", "id").prefetch_related(
            Prefetch("indikator", queryset=Indikator.objects.order_by("urutan", "id"))
        ),
    )
    return [(r, list(r.sasaran.all())) for r in renstra.revisi.order_by("nomor").prefetch_related(sasaran)]


@dataclass(frozen=True)
class BarisTarget:
    indikator: Indikator
    sasaran: Sasaran
    nilai: tuple[tuple[int, Decimal | None, bool], ...]  # (tahun, nilai, aktif)


def susun_grid_target(renstra: Renstra, revisi: RevisiRenstra) -> tuple[list[int], list[BarisTarget]]:
    """Indikator × year grid of Renstra targets for one revision (3 queries)."""
    daftar_tahun = list(range(revisi.berlaku_mulai, revisi.berlaku_sampai + 1))
    indikator = list(
        Indikator.objects.filter(sasaran__revisi=revisi)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    nilai = {
        (t.indikator_id, t.tahun): t.nilai
        for t in Target.objects.filter(
            indikator__sasaran__revisi=revisi, sumber=SumberTarget.RENSTRA, tahun__in=daftar_tahun
        )
    }
    baris = [
        BarisTarget(i, i.sasaran, tuple((t, nilai.get((i.pk, t)), i.aktif_pada(t)) for t in daftar_tahun))
        for i in indikator
    ]
    return daftar_tahun, baris


def status_periode_banyak(unit: UnitKerja, daftar_tahun: list[int]) -> dict[int, str]:
    """Status per year (draft when no period row exists); 1 query."""
    ada = dict(PeriodeUnit.objects.filter(unit=unit, tahun__in=daftar_tahun).values_list("tahun", "status"))
    return {t: ada.get(t, StatusPeriode.DRAFT) for t in daftar_tahun}
