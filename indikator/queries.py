"""Reads: scoped fetches with a constant number of queries, then the pure formulas.

`susun_pengukuran(unit, tahun)` is the measurement of one unit's year (per indikator: target, realisasi,
capaian, kriteria; NPS per sasaran and perspective; NKO). `susun_riwayat(...)` gives T/R/capaian of indikator
across years (following `Indikator.pendahulu` into an older Renstra structure). Report, dashboard, workspace
and commands all read these; none recomputes a formula.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Prefetch, Q, QuerySet

from umum.format import format_target

from . import formulas as f
from .enums import (
    URUTAN_PERSPEKTIF,
    Agregasi,
    AgregasiNko,
    AgregasiPerspektif,
    AlasanTidakDihitung,
    Perspektif,
    Polaritas,
    RumusNegatif,
    SumberTarget,
)
from .models import (
    BandKriteria,
    BarisPK,
    BobotPerspektif,
    Indikator,
    NilaiSkala,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    UnitKerja,
)
from .struktur import DataTidakDitemukan, renstra_untuk, revisi_untuk

# ---------------------------------------------------------------- scheme


@dataclass(frozen=True)
class Skema:
    """The scoring scheme as plain values for the formulas."""

    kode: str
    nama: str
    bands: tuple[f.Band, ...]
    rumus_negatif: RumusNegatif
    batas_capaian: Decimal | None
    agregasi_perspektif: AgregasiPerspektif
    bobot_iku: Decimal
    bobot_perspektif: dict[str, Decimal] | None
    standar_efisiensi: str
    pakai_perspektif: bool = True
    agregasi_nko: AgregasiNko = AgregasiNko.RATA_SASARAN
    skala_huruf_id: int | None = None  # the scheme's letter-grade scale (values read with the indikator scales)

    def kriteria(self, capaian: Decimal | None) -> f.Band | None:
        return f.tentukan_kriteria(capaian=capaian, bands=self.bands)


def muat_skema(skema: SkemaPenilaian) -> Skema:
    """2 queries: bands and perspective weights."""
    bands = tuple(
        f.Band(
            label=b.label,
            warna=b.warna,
            batas_bawah=b.batas_bawah,
            bawah_inklusif=b.bawah_inklusif,
            batas_atas=b.batas_atas,
            atas_inklusif=b.atas_inklusif,
        )
        for b in BandKriteria.objects.filter(skema=skema).order_by("urutan", "id")
    )
    bobot = {b.perspektif: b.bobot for b in BobotPerspektif.objects.filter(skema=skema)}
    return Skema(
        kode=skema.kode,
        nama=skema.nama,
        bands=bands,
        rumus_negatif=RumusNegatif(skema.rumus_negatif),
        batas_capaian=skema.batas_capaian,
        agregasi_perspektif=AgregasiPerspektif(skema.agregasi_perspektif),
        bobot_iku=skema.bobot_iku,
        bobot_perspektif=bobot or None,
        standar_efisiensi=skema.standar_efisiensi,
        pakai_perspektif=skema.pakai_perspektif,
        agregasi_nko=AgregasiNko(skema.agregasi_nko),
        skala_huruf_id=skema.skala_huruf_id,
    )


def muat_skema_banyak(daftar: Iterable[SkemaPenilaian]) -> dict[str, Skema]:
    """`muat_skema` for several schemes keyed by kode (2 queries whatever their number)."""
    daftar = {s.pk: s for s in daftar}
    bands: dict[int, list[f.Band]] = defaultdict(list)
    bobot: dict[int, dict[str, Decimal]] = defaultdict(dict)
    if daftar:
        for b in BandKriteria.objects.filter(skema_id__in=list(daftar)).order_by("urutan", "id"):
            bands[b.skema_id].append(
                f.Band(
                    label=b.label,
                    warna=b.warna,
                    batas_bawah=b.batas_bawah,
                    bawah_inklusif=b.bawah_inklusif,
                    batas_atas=b.batas_atas,
                    atas_inklusif=b.atas_inklusif,
                )
            )
        for b in BobotPerspektif.objects.filter(skema_id__in=list(daftar)):
            bobot[b.skema_id][b.perspektif] = b.bobot
    return {
        skema.kode: Skema(
            kode=skema.kode,
            nama=skema.nama,
            bands=tuple(bands.get(pk, ())),
            rumus_negatif=RumusNegatif(skema.rumus_negatif),
            batas_capaian=skema.batas_capaian,
            agregasi_perspektif=AgregasiPerspektif(skema.agregasi_perspektif),
            bobot_iku=skema.bobot_iku,
            bobot_perspektif=bobot.get(pk) or None,
            standar_efisiensi=skema.standar_efisiensi,
            pakai_perspektif=skema.pakai_perspektif,
            agregasi_nko=AgregasiNko(skema.agregasi_nko),
            skala_huruf_id=skema.skala_huruf_id,
        )
        for pk, skema in daftar.items()
    }


# ---------------------------------------------------------------- structure


def sasaran_dengan_indikator(revisi: RevisiRenstra) -> list[Sasaran]:
    """2 queries: the revision's sasaran with their indikator, in report order."""
    return list(
        Sasaran.objects.filter(revisi=revisi)
        .order_by("urutan", "kode", "id")
        .prefetch_related(
            Prefetch("indikator", queryset=Indikator.objects.select_related("skala").order_by("urutan", "kode", "id"))
        )
    )


def _skala_nilai(indikator: Iterable[Indikator], *skema: Skema) -> dict[int, dict[str, Decimal]]:
    """1 query: grade values of the indikator's own scales and of the schemes' letter-grade scales."""
    ids = {i.skala_id for i in indikator if i.skala_id} | {s.skala_huruf_id for s in skema if s.skala_huruf_id}
    hasil: dict[int, dict[str, Decimal]] = defaultdict(dict)
    if ids:
        for n in NilaiSkala.objects.filter(skala_id__in=ids):
            hasil[n.skala_id][n.kode.strip().upper()] = n.nilai
    return hasil


def kode_skala(skala_id: int | None) -> list[str]:
    """1 query (none without a scale): the grades of a scale, in scale order."""
    if not skala_id:
        return []
    return [k.strip().upper() for k in NilaiSkala.objects.filter(skala_id=skala_id).values_list("kode", flat=True)]


def skala_target(indikator_ids: Iterable[int]) -> dict[int, list[str]]:
    """2 queries: per indikator, the grades a target may take (`indikator.target`), in scale order: its own scale,
    else its scheme's letter scale (the scale the measurement reads the grade on); no entry without a scale."""
    skala_ind = {
        pk: own or huruf
        for pk, own, huruf in Indikator.objects.filter(pk__in=list(indikator_ids)).values_list(
            "pk", "skala_id", "sasaran__revisi__renstra__skema__skala_huruf_id"
        )
        if own or huruf
    }
    kode: dict[int, list[str]] = defaultdict(list)
    for skala_id, k in NilaiSkala.objects.filter(skala_id__in=set(skala_ind.values())).values_list("skala_id", "kode"):
        kode[skala_id].append(k.strip().upper())
    return {pk: kode[s] for pk, s in skala_ind.items() if kode.get(s)}


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class NilaiTargetEfektif:
    nilai: Decimal | None
    nilai_atas: Decimal | None
    kualitatif: str
    teks: str
    sumber: str  # "pk", "renstra" or ""

    def teks_target(self, **opsi) -> str:
        """The target as text (`umum.format.format_target`; `opsi`: its number formatting)."""
        return format_target(self.nilai, self.nilai_atas, self.kualitatif, self.teks, **opsi)


TANPA_TARGET = NilaiTargetEfektif(None, None, "", "", "")


def _dari(obj, sumber: str) -> NilaiTargetEfektif:
    return NilaiTargetEfektif(obj.nilai, obj.nilai_atas, obj.nilai_kualitatif, obj.teks_tampilan, sumber)


class _NilaiMentah(NamedTuple):
    """The target fields of a Target or BarisPK row (read as plain values: roll-ups read thousands)."""

    nilai: Decimal | None
    nilai_atas: Decimal | None
    nilai_kualitatif: str
    teks_tampilan: str


class _NilaiTriwulan(NamedTuple):
    """The values of a quarterly Realisasi row."""

    nilai: Decimal | None
    nilai_kualitatif: str


_KOLOM_TARGET = ("nilai", "nilai_atas", "nilai_kualitatif", "teks_tampilan")


@dataclass
class _Bahan:
    """Raw inputs fetched for a set of indikator and years (4 queries)."""

    renstra: dict[tuple[int, int], _NilaiMentah] = field(default_factory=dict)
    pk: dict[tuple[int, int], _NilaiMentah] = field(default_factory=dict)
    tahunan: dict[tuple[int, int], Realisasi] = field(default_factory=dict)
    triwulan: dict[tuple[int, int], list[_NilaiTriwulan | None]] = field(default_factory=dict)


def _ambil_bahan(
    unit: UnitKerja | Sequence[UnitKerja], indikator_ids: Sequence[int] | QuerySet, tahun: Iterable[int]
) -> _Bahan:
    """`indikator_ids`: a list, or for many units a `values("pk")` queryset (a subquery: a list of thousands of
    ids costs more to send than to read; rows of indikator not asked for are never looked up)."""
    tahun = sorted(set(tahun))
    units = [unit] if isinstance(unit, UnitKerja) else list(unit)
    bahan = _Bahan()
    if not tahun or (not isinstance(indikator_ids, QuerySet) and not indikator_ids):
        return bahan
    for ind_id, th, *nilai in Target.objects.filter(
        indikator_id__in=indikator_ids, tahun__in=tahun, sumber=SumberTarget.RENSTRA
    ).values_list("indikator_id", "tahun", *_KOLOM_TARGET):
        bahan.renstra[(ind_id, th)] = _NilaiMentah(*nilai)
    # The PK target wins; within a year the latest version that has a row for the indikator. Filtered by the
    # units' PK of those years only: with the indikator ids as well, SQLite's plan scans every PK row per id
    # (7 s for a 1,000-unit roll-up instead of 0.1 s); rows of other indikator are never looked up.
    for ind_id, th, *nilai in (
        BarisPK.objects.filter(versi__pk_induk__unit__in=units, versi__pk_induk__tahun__in=tahun)
        .order_by("versi__nomor", "urutan", "id")
        .values_list("indikator_id", "versi__pk_induk__tahun", *_KOLOM_TARGET)
    ):
        bahan.pk[(ind_id, th)] = _NilaiMentah(*nilai)
    # Yearly rows carry the narrative (model instances); quarterly rows only their values (plain, many).
    for r in Realisasi.objects.filter(indikator_id__in=indikator_ids, tahun__in=tahun, triwulan__isnull=True):
        bahan.tahunan[(r.indikator_id, r.tahun)] = r
    for ind_id, th, tw, nilai, kual in Realisasi.objects.filter(
        indikator_id__in=indikator_ids, tahun__in=tahun, triwulan__isnull=False
    ).values_list("indikator_id", "tahun", "triwulan", "nilai", "nilai_kualitatif"):
        bahan.triwulan.setdefault((ind_id, th), [None, None, None, None])[tw - 1] = _NilaiTriwulan(nilai, kual)
    return bahan


def _target_efektif(bahan: _Bahan, indikator_id: int, tahun: int) -> NilaiTargetEfektif:
    if (b := bahan.pk.get((indikator_id, tahun))) is not None:
        return _dari(b, "pk")
    if (t := bahan.renstra.get((indikator_id, tahun))) is not None:
        return _dari(t, "renstra")
    return TANPA_TARGET


def _target_renstra(bahan: _Bahan, indikator_id: int, tahun: int) -> NilaiTargetEfektif:
    t = bahan.renstra.get((indikator_id, tahun))
    return _dari(t, "renstra") if t is not None else TANPA_TARGET


def target_efektif(
    units: Sequence[UnitKerja], indikator_ids: Sequence[int], tahun: int
) -> dict[int, NilaiTargetEfektif]:
    """The target each indikator is measured against in the year (the PK's, else the Renstra's; 4 queries), for
    readers outside the measurement (the performance tree)."""
    bahan = _ambil_bahan(units, list(indikator_ids), [tahun])
    return {i: _target_efektif(bahan, i, tahun) for i in indikator_ids}


@dataclass(frozen=True)
class NilaiRealisasi:
    nilai: Decimal | None
    kualitatif: str
    triwulan: tuple[Decimal | None, ...]  # Q1..Q4 values as entered
    kumulatif: tuple[Decimal | None, ...]  # cumulative per quarter by the indikator's aggregation
    catatan: Realisasi | None  # the yearly row (narrative), if any


def _realisasi(bahan: _Bahan, ind: Indikator, tahun: int) -> NilaiRealisasi:
    q = bahan.triwulan.get((ind.pk, tahun), [None, None, None, None])
    nilai_q = [r.nilai if r is not None else None for r in q]
    agregasi = Agregasi(ind.agregasi)
    kumulatif = tuple(f.hitung_kumulatif_triwulan(nilai_triwulan=nilai_q, agregasi=agregasi))
    tahunan = bahan.tahunan.get((ind.pk, tahun))
    if tahunan is not None and (tahunan.nilai is not None or tahunan.nilai_kualitatif):
        nilai, kual = tahunan.nilai, tahunan.nilai_kualitatif
    else:
        nilai = f.hitung_realisasi_tahunan(nilai_triwulan=nilai_q, agregasi=agregasi)
        kual = next((r.nilai_kualitatif for r in reversed(q) if r is not None and r.nilai_kualitatif), "")
    return NilaiRealisasi(nilai, kual, tuple(nilai_q), kumulatif, tahunan)


def _capaian(
    ind: Indikator, target: NilaiTargetEfektif, nilai: Decimal | None, kual: str, skala, skema: Skema
) -> f.HasilCapaian:
    """§2 capaian with its reason when not computed; grades read on the indikator's own scale, else the scheme's."""
    return f.hitung_capaian_indikator(
        polaritas=Polaritas(ind.polaritas),
        target=target.nilai,
        target_atas=target.nilai_atas,
        target_huruf=target.kualitatif,
        realisasi=nilai,
        realisasi_huruf=kual,
        skala=skala.get(ind.skala_id or skema.skala_huruf_id),
        rumus_negatif=skema.rumus_negatif,
    )


# ---------------------------------------------------------------- measurement


@dataclass(frozen=True)
class BarisPengukuran:
    """One indikator in the measured year."""

    indikator: Indikator
    sasaran: Sasaran
    perspektif: str
    target: NilaiTargetEfektif
    target_renstra: NilaiTargetEfektif
    realisasi: NilaiRealisasi
    capaian: Decimal | None  # official (rounded half-up, never capped)
    kriteria: f.Band | None
    target_akhir: NilaiTargetEfektif  # Renstra final-year target
    persen_target_akhir: Decimal | None
    alasan: AlasanTidakDihitung | None = None  # why capaian is None (domain guide §2: never silent)

    @property
    def dihitung(self) -> bool:
        return self.capaian is not None

    @property
    def ada_realisasi(self) -> bool:
        return self.realisasi.nilai is not None or bool(self.realisasi.kualitatif)


@dataclass(frozen=True)
class NpsSasaran:
    sasaran: Sasaran
    perspektif: str
    baris: tuple[BarisPengukuran, ...]
    nps: Decimal | None
    kriteria: f.Band | None


@dataclass(frozen=True)
class NpsPerspektif:
    perspektif: str
    label: str
    sasaran: tuple[NpsSasaran, ...]
    nps: Decimal | None
    kriteria: f.Band | None


@dataclass(frozen=True)
class Pengukuran:
    unit: UnitKerja
    tahun: int
    renstra: Renstra
    revisi: RevisiRenstra
    skema: Skema
    baris: tuple[BarisPengukuran, ...]
    sasaran: tuple[NpsSasaran, ...]
    perspektif: tuple[NpsPerspektif, ...]
    nko: Decimal | None
    kriteria_nko: f.Band | None

    @property
    def pakai_perspektif(self) -> bool:
        return self.skema.pakai_perspektif

    @property
    def jumlah_indikator(self) -> int:
        return len(self.baris)

    @property
    def jumlah_dihitung(self) -> int:
        """How many indikator the NKO covers (those with a capaian)."""
        return sum(1 for b in self.baris if b.capaian is not None)

    @property
    def tidak_dihitung(self) -> tuple[BarisPengukuran, ...]:
        return tuple(b for b in self.baris if b.capaian is None)

    def baris_indikator(self, indikator_id: int) -> BarisPengukuran | None:
        return next((b for b in self.baris if b.indikator.pk == indikator_id), None)

    def hitung_per_kriteria(self) -> dict[str, int]:
        """Count of indikator per kriteria label, in the scheme's band order (bands with zero included)."""
        hasil = {b.label: 0 for b in self.skema.bands}
        for b in self.baris:
            if b.kriteria is not None:
                hasil[b.kriteria.label] = hasil.get(b.kriteria.label, 0) + 1
        return hasil


def susun_pengukuran(unit: UnitKerja, tahun: int) -> Pengukuran:
    """Measurement of a unit's year with a constant number of queries (≈ 10, independent of the row count)."""
    renstra = renstra_untuk(unit, tahun)
    revisi = revisi_untuk(renstra, tahun)
    skema = muat_skema(renstra.skema)
    daftar_sasaran = sasaran_dengan_indikator(revisi)
    indikator = {s.pk: list(s.indikator.all()) for s in daftar_sasaran}
    semua = [i for daftar in indikator.values() for i in daftar if i.aktif_pada(tahun)]
    skala = _skala_nilai(semua, skema)
    bahan = _ambil_bahan(unit, [i.pk for i in semua], {tahun, renstra.tahun_selesai})
    return _ukur(unit, tahun, renstra, revisi, skema, daftar_sasaran, indikator, skala, bahan)


def susun_pengukuran_banyak(units: Sequence[UnitKerja], tahun: int) -> dict[int, Pengukuran]:
    """`susun_pengukuran` for many units at once, keyed by unit id, with the same constant number of queries
    whatever the number of units (for roll-ups). Units without a Renstra or structure for the year are left out."""
    units = list(units)
    if not units:
        return {}
    renstra_per_unit: dict[int, Renstra] = {}
    for r in (
        Renstra.objects.select_related("skema", "unit")
        .filter(unit__in=units, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        .order_by("-tahun_mulai", "-id")
    ):
        renstra_per_unit.setdefault(r.unit_id, r)
    revisi_per_renstra: dict[int, RevisiRenstra] = {}
    for rv in RevisiRenstra.objects.filter(
        renstra__in=list(renstra_per_unit.values()), berlaku_mulai__lte=tahun, berlaku_sampai__gte=tahun
    ).order_by("-nomor", "-id"):
        revisi_per_renstra.setdefault(rv.renstra_id, rv)
    skema_per_kode = muat_skema_banyak({r.skema for r in renstra_per_unit.values()})
    daftar_revisi = list(revisi_per_renstra.values())
    sasaran_per_revisi: dict[int, list[Sasaran]] = defaultdict(list)
    per_id: dict[int, Sasaran] = {}
    for s in Sasaran.objects.filter(revisi__in=daftar_revisi).order_by("urutan", "kode", "id"):
        sasaran_per_revisi[s.revisi_id].append(s)
        per_id[s.pk] = s
    # Grouped by hand rather than prefetch_related: the prefetch builds a queryset per sasaran.
    indikator: dict[int, list[Indikator]] = defaultdict(list)
    for i in (
        Indikator.objects.filter(sasaran__revisi__in=daftar_revisi)
        .select_related("skala")
        .order_by("urutan", "kode", "id")
    ):
        i.sasaran = per_id[i.sasaran_id]
        indikator[i.sasaran_id].append(i)
    semua = [i for daftar in indikator.values() for i in daftar if i.aktif_pada(tahun)]
    skala = _skala_nilai(semua, *skema_per_kode.values())
    daftar_tahun = {tahun} | {r.tahun_selesai for r in renstra_per_unit.values()}
    bahan = _ambil_bahan(units, Indikator.objects.filter(sasaran__revisi__in=daftar_revisi).values("pk"), daftar_tahun)
    hasil: dict[int, Pengukuran] = {}
    for unit in units:
        renstra = renstra_per_unit.get(unit.pk)
        revisi = revisi_per_renstra.get(renstra.pk) if renstra else None
        if renstra is None or revisi is None:
            continue
        hasil[unit.pk] = _ukur(
            unit,
            tahun,
            renstra,
            revisi,
            skema_per_kode[renstra.skema.kode],
            sasaran_per_revisi.get(revisi.pk, []),
            indikator,
            skala,
            bahan,
        )
    return hasil


def _ukur(
    unit: UnitKerja,
    tahun: int,
    renstra: Renstra,
    revisi: RevisiRenstra,
    skema: Skema,
    daftar_sasaran: Sequence[Sasaran],
    indikator: Mapping[int, Sequence[Indikator]],
    skala,
    bahan: _Bahan,
) -> Pengukuran:
    """The measurement computed from fetched inputs (no query)."""
    baris_semua: list[BarisPengukuran] = []
    nps_sasaran: list[NpsSasaran] = []
    for s in daftar_sasaran:
        baris_s = []
        for ind in indikator.get(s.pk, ()):
            if not ind.aktif_pada(tahun):
                continue
            target = _target_efektif(bahan, ind.pk, tahun)
            real = _realisasi(bahan, ind, tahun)
            hasil = _capaian(ind, target, real.nilai, real.kualitatif, skala, skema)
            capaian = hasil.capaian
            akhir = _target_renstra(bahan, ind.pk, renstra.tahun_selesai)
            persen_akhir = _capaian(ind, akhir, real.nilai, real.kualitatif, skala, skema).capaian
            baris_s.append(
                BarisPengukuran(
                    indikator=ind,
                    sasaran=s,
                    perspektif=s.perspektif,
                    target=target,
                    target_renstra=_target_renstra(bahan, ind.pk, tahun),
                    realisasi=real,
                    capaian=capaian,
                    kriteria=skema.kriteria(capaian),
                    target_akhir=akhir,
                    persen_target_akhir=persen_akhir,
                    alasan=hasil.alasan,
                )
            )
        nps = f.hitung_nps_sasaran(capaian=[b.capaian for b in baris_s], batas=skema.batas_capaian)
        nps_sasaran.append(NpsSasaran(s, s.perspektif, tuple(baris_s), nps, skema.kriteria(nps)))
        baris_semua.extend(baris_s)

    perspektif: list[NpsPerspektif] = []
    if not skema.pakai_perspektif:
        nko = f.hitung_nko_tanpa_perspektif(
            skor=[f.SkorIndikator(sasaran=b.sasaran.pk, capaian=b.capaian, iku=b.indikator.iku) for b in baris_semua],
            metode=skema.agregasi_nko,
            batas=skema.batas_capaian,
            bobot_iku=skema.bobot_iku,
        )
        return Pengukuran(
            unit=unit,
            tahun=tahun,
            renstra=renstra,
            revisi=revisi,
            skema=skema,
            baris=tuple(baris_semua),
            sasaran=tuple(nps_sasaran),
            perspektif=(),
            nko=nko,
            kriteria_nko=skema.kriteria(nko),
        )
    for p in URUTAN_PERSPEKTIF:
        sas = tuple(n for n in nps_sasaran if n.perspektif == p)
        if not any(n.baris for n in sas):
            continue
        skor = [
            f.SkorIndikator(sasaran=n.sasaran.pk, capaian=b.capaian, iku=b.indikator.iku) for n in sas for b in n.baris
        ]
        nps = f.hitung_nps_perspektif(
            skor=skor, metode=skema.agregasi_perspektif, batas=skema.batas_capaian, bobot_iku=skema.bobot_iku
        )
        perspektif.append(NpsPerspektif(p, str(Perspektif(p).label), sas, nps, skema.kriteria(nps)))
    nko = f.hitung_nko(nilai_perspektif={p.perspektif: p.nps for p in perspektif}, bobot=skema.bobot_perspektif)
    return Pengukuran(
        unit=unit,
        tahun=tahun,
        renstra=renstra,
        revisi=revisi,
        skema=skema,
        baris=tuple(baris_semua),
        sasaran=tuple(nps_sasaran),
        perspektif=tuple(perspektif),
        nko=nko,
        kriteria_nko=skema.kriteria(nko),
    )


# ---------------------------------------------------------------- history across years


@dataclass(frozen=True)
class NilaiTahun:
    tahun: int
    indikator: Indikator | None  # the indikator whose data fills this year (itself or a predecessor)
    target: NilaiTargetEfektif
    realisasi: Decimal | None
    realisasi_kualitatif: str
    capaian: Decimal | None
    kriteria: f.Band | None

    @property
    def kosong(self) -> bool:
        return self.target.nilai is None and not self.target.teks and self.realisasi is None


@dataclass(frozen=True)
class RiwayatIndikator:
    indikator: Indikator
    tahun: tuple[NilaiTahun, ...]

    def untuk(self, tahun: int) -> NilaiTahun | None:
        return next((n for n in self.tahun if n.tahun == tahun), None)


def susun_riwayat(
    unit: UnitKerja, indikator: Sequence[Indikator], daftar_tahun: Sequence[int], skema: Skema
) -> dict[int, RiwayatIndikator]:
    """T / R / capaian for each indikator and year; a year without data of the indikator falls back to its
    predecessor chain (`pendahulu`). 4 queries whatever the number of indikator and years."""
    rantai: dict[int, list[Indikator]] = {}
    semua: dict[int, Indikator] = {i.pk: i for i in indikator}
    # Predecessor chains are short (one per Renstra revision); fetch them level by level.
    tingkat = [i for i in indikator if i.pendahulu_id]
    for ind in indikator:
        rantai[ind.pk] = [ind]
    perlu = {i.pendahulu_id for i in tingkat} - set(semua)
    while perlu:
        baru = list(Indikator.objects.filter(pk__in=perlu).select_related("skala"))
        for b in baru:
            semua[b.pk] = b
        perlu = {b.pendahulu_id for b in baru if b.pendahulu_id} - set(semua)
    for ind in indikator:
        cur = ind
        while cur.pendahulu_id and cur.pendahulu_id in semua and len(rantai[ind.pk]) < 10:
            cur = semua[cur.pendahulu_id]
            rantai[ind.pk].append(cur)
    skala = _skala_nilai(semua.values(), skema)
    bahan = _ambil_bahan(unit, list(semua), daftar_tahun)

    def ada_data(i: Indikator, t: int) -> bool:
        k = (i.pk, t)
        return k in bahan.renstra or k in bahan.pk or k in bahan.tahunan or k in bahan.triwulan

    hasil: dict[int, RiwayatIndikator] = {}
    for ind in indikator:
        nilai_tahun = []
        for t in daftar_tahun:
            sumber = next((i for i in rantai[ind.pk] if ada_data(i, t)), None)
            if sumber is None:
                nilai_tahun.append(NilaiTahun(t, None, TANPA_TARGET, None, "", None, None))
                continue
            target = _target_efektif(bahan, sumber.pk, t)
            real = _realisasi(bahan, sumber, t)
            capaian = _capaian(sumber, target, real.nilai, real.kualitatif, skala, skema).capaian
            nilai_tahun.append(
                NilaiTahun(t, sumber, target, real.nilai, real.kualitatif, capaian, skema.kriteria(capaian))
            )
        hasil[ind.pk] = RiwayatIndikator(ind, tuple(nilai_tahun))
    return hasil


__all__ = [
    "BarisPengukuran",
    "DataTidakDitemukan",
    "NilaiRealisasi",
    "NilaiTahun",
    "NilaiTargetEfektif",
    "NpsPerspektif",
    "NpsSasaran",
    "Pengukuran",
    "RiwayatIndikator",
    "Skema",
    "muat_skema",
    "muat_skema_banyak",
    "renstra_untuk",
    "revisi_untuk",
    "sasaran_dengan_indikator",
    "susun_pengukuran",
    "susun_pengukuran_banyak",
    "susun_riwayat",
    "Q",
]
