"""Reads of the planners' workspace (issue #4): constant query counts, numbers from the formulas only.

The yearly capaian and kriteria come from `indikator.queries.susun_pengukuran`; this module adds what the
workspace shows around it (quarterly capaian against the Rencana Aksi, targets grid, structure lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Prefetch

from indikator import formulas as f
from indikator.enums import StatusPeriode, SumberTarget
from indikator.models import (
    Indikator,
    PeriodeUnit,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Target,
    UnitKerja,
)
from indikator.queries import BarisPengukuran, DataTidakDitemukan, Pengukuran, skala_target, susun_pengukuran
from indikator.rencana_aksi import baca_rencana_aksi, progres_triwulan
from indikator.target import IsianTarget


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
    keterangan_target: str = ""  # why there is no Rencana Aksi target ("belum ada Rencana Aksi (PK versi 2)")
    versi: str = "0"  # the cell's version (indikator.token_ubah), carried by its form
    # Set only on a row sent back after a refused save: the text as typed and why it was refused.
    isian: str | None = None
    galat: str = ""


@dataclass(frozen=True)
class BarisRealisasi:
    ukur: BarisPengukuran
    triwulan: tuple[SelTriwulan, ...]
    versi_tahunan: str = "0"  # version of the yearly cell (indikator.token_ubah)
    # Set only on a row sent back by a save: the yearly text as typed and its error, the plausibility questions
    # awaiting a confirmation, and whether the row was just saved ("tersimpan").
    isian_tahunan: str | None = None
    galat_tahunan: str = ""
    peringatan: tuple[str, ...] = ()
    tersimpan: bool = False
    # Set when quarter values were typed while a yearly value (which wins) exists: the row asks which to keep.
    tanya_tahunan: bool = False
    pilihan: str = ""  # the choice already made ("tahunan" or "triwulan"), carried through a confirmation

    @property
    def keterangan_target(self) -> str:
        """Why quarters have no Rencana Aksi target, said once for the row: quarters with the same reason are
        grouped ("TW1–TW2: tidak ada di PK versi 2; TW3–TW4: tidak ada di PK versi 3"), a reason every quarter
        shares is said without labels."""
        kelompok: dict[str, list[int]] = {}
        for s in self.triwulan:
            if s.keterangan_target:
                kelompok.setdefault(s.keterangan_target, []).append(s.triwulan)
        if len(kelompok) == 1 and len(next(iter(kelompok.values()))) == len(self.triwulan):
            return next(iter(kelompok))
        return "; ".join(f"{_rentang_tw(tw)}: {teks}" for teks, tw in kelompok.items())

    @property
    def tahunan_dipakai(self) -> bool:
        """A yearly value is entered and overrides quarters that also have values."""
        th = self.ukur.realisasi.catatan
        ada_tahunan = th is not None and (th.nilai is not None or bool(th.nilai_kualitatif))
        return ada_tahunan and any(s.nilai is not None or s.kualitatif for s in self.triwulan)

    @property
    def indikator(self) -> Indikator:
        return self.ukur.indikator


def _rentang_tw(triwulan: list[int]) -> str:
    """[1, 2] → "TW1–TW2"; [3] → "TW3"; [1, 3] → "TW1, TW3"."""
    if len(triwulan) > 1 and triwulan == list(range(triwulan[0], triwulan[-1] + 1)):
        return f"TW{triwulan[0]}–TW{triwulan[-1]}"
    return ", ".join(f"TW{tw}" for tw in triwulan)


@dataclass(frozen=True)
class LembarRealisasi:
    pengukuran: Pengukuran | None
    baris: tuple[BarisRealisasi, ...]


def susun_lembar_realisasi(unit: UnitKerja, tahun: int) -> LembarRealisasi:
    """Per active indikator: the yearly measurement plus per quarter the value, the cumulative value, the Rencana
    Aksi cumulative target of the PK version in force (`baca_rencana_aksi`; its state text when there is none)
    and the quarterly capaian/kriteria (`progres_triwulan`). Constant number of queries."""
    try:
        p = susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        return LembarRealisasi(None, ())
    ids = [b.indikator.pk for b in p.baris]
    ra = baca_rencana_aksi(unit, tahun, ids)
    catatan = {
        (r.indikator_id, r.triwulan): r
        for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan__isnull=False).annotate(
            jumlah_bukti=Count("bukti")
        )
    }
    versi = {
        (v["indikator_id"], v["triwulan"]): str(v["m"])
        for v in Realisasi.history.filter(indikator_id__in=ids, tahun=tahun)
        .order_by()
        .values("indikator_id", "triwulan")
        .annotate(m=Max("history_id"))
    }
    baris = []
    for b in p.baris:
        ind = b.indikator
        rencana = ra.untuk(ind.pk)
        progres = progres_triwulan(b, rencana, p.skema)
        sel = []
        for i, tw in enumerate((1, 2, 3, 4)):
            r = catatan.get((ind.pk, tw))
            target = rencana.triwulan[i]
            sel.append(
                SelTriwulan(
                    triwulan=tw,
                    nilai=b.realisasi.triwulan[i],
                    kualitatif=r.nilai_kualitatif if r else "",
                    kumulatif=b.realisasi.kumulatif[i],
                    target_kumulatif=target.target_kumulatif,
                    capaian=progres[i],
                    kriteria=p.skema.kriteria(progres[i]),
                    realisasi_id=r.pk if r else None,
                    jumlah_bukti=r.jumlah_bukti if r else 0,
                    keterangan_target=target.keterangan,
                    versi=versi.get((ind.pk, tw), "0"),
                )
            )
        baris.append(BarisRealisasi(b, tuple(sel), versi.get((ind.pk, None), "0")))
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
    nilai: tuple[tuple[int, IsianTarget | None, bool], ...]  # (tahun, target, aktif)
    skala: tuple[str, ...] = ()  # the grades a target may take (indikator.target)


def susun_grid_target(renstra: Renstra, revisi: RevisiRenstra) -> tuple[list[int], list[BarisTarget]]:
    """Indikator × year grid of Renstra targets (number, range or grade) for one revision (4 queries)."""
    daftar_tahun = list(range(revisi.berlaku_mulai, revisi.berlaku_sampai + 1))
    indikator = list(
        Indikator.objects.filter(sasaran__revisi=revisi)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    nilai = {
        (t.indikator_id, t.tahun): IsianTarget(t.nilai, t.nilai_atas, t.nilai_kualitatif)
        for t in Target.objects.filter(
            indikator__sasaran__revisi=revisi, sumber=SumberTarget.RENSTRA, tahun__in=daftar_tahun
        )
    }
    skala = skala_target(i.pk for i in indikator) if indikator else {}
    baris = [
        BarisTarget(
            i,
            i.sasaran,
            tuple((t, nilai.get((i.pk, t)), i.aktif_pada(t)) for t in daftar_tahun),
            tuple(skala.get(i.pk, ())),
        )
        for i in indikator
    ]
    return daftar_tahun, baris


def status_periode_banyak(unit: UnitKerja, daftar_tahun: list[int]) -> dict[int, str]:
    """Status per year (draft when no period row exists); 1 query."""
    ada = dict(PeriodeUnit.objects.filter(unit=unit, tahun__in=daftar_tahun).values_list("tahun", "status"))
    return {t: ada.get(t, StatusPeriode.DRAFT) for t in daftar_tahun}
