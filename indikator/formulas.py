"""Pure performance formulas (domain guide §2–§4) and the AKIP total and grade (§6).

No ORM, no settings, no request: every function takes plain values (keyword-only) and returns
`Decimal | None`, where None means *tidak dapat dihitung* / *belum ada data* — never 0.
Official values are rounded half-up to 2 decimals (§2 Policy rounding); aggregates are computed from the
official values so a reader can recompute every printed aggregate from the printed rows.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .enums import Agregasi, AgregasiNko, AgregasiPerspektif, AlasanTidakDihitung, Polaritas, RumusNegatif

DUA_DESIMAL = Decimal("0.01")
NOL = Decimal("0")
SATU = Decimal("1")
SERATUS = Decimal("100")


def bulatkan(nilai: Decimal | None, *, digit: int = 2) -> Decimal | None:
    """§2 Policy (rounding): round half-up to `digit` decimals; None passes through."""
    if nilai is None:
        return None
    return nilai.quantize(DUA_DESIMAL if digit == 2 else SATU.scaleb(-digit), rounding=ROUND_HALF_UP)


# --- §2 Capaian of one indikator ------------------------------------------------------------------


def _rasio(pembilang: Decimal, penyebut: Decimal) -> Decimal | None:
    """pembilang / penyebut × 100; None when the denominator is 0 (§2: T = 0 is not computable)."""
    if penyebut == 0:
        return None
    return pembilang / penyebut * SERATUS


def _capaian_negatif(*, target: Decimal, realisasi: Decimal, rumus: RumusNegatif) -> Decimal | None:
    """§2 negatif: CERMIN (2T − R) / T × 100 or KEBALIKAN T / R × 100; T = 0: R = 0 → 100, else 0."""
    if target == 0:
        return SERATUS if realisasi == 0 else NOL
    if rumus == RumusNegatif.KEBALIKAN:
        return _rasio(target, realisasi)
    return _rasio(2 * target - realisasi, target)


def hitung_capaian(
    *,
    polaritas: Polaritas,
    target: Decimal | None,
    realisasi: Decimal | None,
    target_atas: Decimal | None = None,
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
) -> Decimal | None:
    """§2 Capaian: the RAW (unrounded) capaian percentage of one indikator.

    - positif: R / T × 100.
    - negatif: CERMIN (2T − R) / T × 100 (default) or KEBALIKAN T / R × 100 (R = 0 → None).
    - rentang (target = lo, target_atas = hi): 100 inside [lo, hi]; above hi R / hi × 100;
      below lo R / lo × 100.
    - rentang_negatif: 100 inside; otherwise the negatif formula against the nearest bound.
    - kualitatif: target and realisasi are the numeric grade values → value(R) / value(T) × 100.

    T = 0 → None, except the negatif formulas: R = 0 → 100, else 0. Missing R or T → None.
    For the ranges, target_atas None means lo = hi = target; reversed bounds are swapped.
    """
    if realisasi is None or target is None:
        return None
    if polaritas == Polaritas.NEGATIF:
        return _capaian_negatif(target=target, realisasi=realisasi, rumus=rumus_negatif)
    if polaritas in (Polaritas.RENTANG, Polaritas.RENTANG_NEGATIF):
        atas = target if target_atas is None else target_atas
        bawah, atas = min(target, atas), max(target, atas)
        if bawah <= realisasi <= atas:
            return SERATUS
        batas = atas if realisasi > atas else bawah
        if polaritas == Polaritas.RENTANG_NEGATIF:
            return _capaian_negatif(target=batas, realisasi=realisasi, rumus=rumus_negatif)
        return _rasio(realisasi, batas)
    # positif and kualitatif (grade values already numeric).
    return _rasio(realisasi, target)


def hitung_capaian_resmi(
    *,
    polaritas: Polaritas,
    target: Decimal | None,
    realisasi: Decimal | None,
    target_atas: Decimal | None = None,
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
) -> Decimal | None:
    """§2 Policy (rounding): the official capaian = hitung_capaian rounded half-up to 2 decimals."""
    return bulatkan(
        hitung_capaian(
            polaritas=polaritas,
            target=target,
            realisasi=realisasi,
            target_atas=target_atas,
            rumus_negatif=rumus_negatif,
        )
    )


def hitung_nilai_kualitatif(*, kode: str | None, skala: Mapping[str, Decimal]) -> Decimal | None:
    """§2 kualitatif: the numeric value of a grade code (case-insensitive, stripped); unknown/None → None."""
    if kode is None:
        return None
    dicari = kode.strip().upper()
    for kunci, nilai in skala.items():
        if kunci.strip().upper() == dicari:
            return nilai
    return None


@dataclass(frozen=True)
class HasilCapaian:
    """§2 The official capaian of one indikator, or None with the reason it is not computed."""

    capaian: Decimal | None
    alasan: AlasanTidakDihitung | None = None


def hitung_capaian_indikator(
    *,
    polaritas: Polaritas,
    target: Decimal | None,
    realisasi: Decimal | None,
    target_atas: Decimal | None = None,
    target_huruf: str = "",
    realisasi_huruf: str = "",
    skala: Mapping[str, Decimal] | None = None,
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
) -> HasilCapaian:
    """§2 The official (rounded) capaian of one indikator with numbers, ranges or letter grades, and why not.

    A grade is read on `skala` (value(grade) = its lower bound, e.g. A = 80):
    - kualitatif: value(R) / value(T) × 100; the grade realisasi wins, a numeric realisasi is used without one.
    - a grade target (no numeric target) of any other polarity: R / value(T) × 100, the numeric realisasi
      winning over a grade realisasi (71,74 against "A" = 80 → 89,68).
    - otherwise hitung_capaian_resmi on the numbers.
    Not computed (capaian None) with the reason: no realisasi, no target, no scale, unknown grade, T = 0 (also
    value(T) = 0, grade D), or R = 0 in the T / R formula.
    """
    ada_realisasi = realisasi is not None or bool(realisasi_huruf.strip())
    ada_target = target is not None or bool(target_huruf.strip())
    if not ada_realisasi:
        return HasilCapaian(None, AlasanTidakDihitung.TANPA_REALISASI)
    if not ada_target:
        return HasilCapaian(None, AlasanTidakDihitung.TANPA_TARGET)
    huruf = polaritas == Polaritas.KUALITATIF or target is None
    if huruf:
        if not target_huruf.strip():
            return HasilCapaian(None, AlasanTidakDihitung.TANPA_TARGET)
        if not skala:
            return HasilCapaian(None, AlasanTidakDihitung.TANPA_SKALA)
        nilai_t = hitung_nilai_kualitatif(kode=target_huruf, skala=skala)
        if polaritas == Polaritas.KUALITATIF and realisasi_huruf.strip():
            nilai_r = hitung_nilai_kualitatif(kode=realisasi_huruf, skala=skala)
        elif realisasi is not None:
            nilai_r = realisasi
        else:
            nilai_r = hitung_nilai_kualitatif(kode=realisasi_huruf, skala=skala)
        if nilai_t is None or nilai_r is None:
            return HasilCapaian(None, AlasanTidakDihitung.HURUF_TIDAK_DIKENAL)
        if nilai_t == 0:
            return HasilCapaian(None, AlasanTidakDihitung.TARGET_NOL)
        return HasilCapaian(bulatkan(_rasio(nilai_r, nilai_t)))
    if realisasi is None:
        return HasilCapaian(None, AlasanTidakDihitung.TANPA_REALISASI)
    capaian = hitung_capaian_resmi(
        polaritas=polaritas, target=target, realisasi=realisasi, target_atas=target_atas, rumus_negatif=rumus_negatif
    )
    if capaian is not None:
        return HasilCapaian(capaian)
    if realisasi == 0 and rumus_negatif == RumusNegatif.KEBALIKAN:
        return HasilCapaian(None, AlasanTidakDihitung.REALISASI_NOL)
    return HasilCapaian(None, AlasanTidakDihitung.TARGET_NOL)


def hitung_realisasi_tahunan(*, nilai_triwulan: Sequence[Decimal | None], agregasi: Agregasi) -> Decimal | None:
    """§2 Quarterly to yearly: aggregate the quarters Q1..Q4 that have data (None = no data).

    KUMULATIF sum; TERAKHIR last present value; RATA_RATA mean (unrounded); MAKSIMUM max.
    No quarter with data → None.
    """
    ada = [nilai for nilai in nilai_triwulan if nilai is not None]
    if not ada:
        return None
    if agregasi == Agregasi.TERAKHIR:
        return ada[-1]
    if agregasi == Agregasi.MAKSIMUM:
        return max(ada)
    jumlah = sum(ada, NOL)
    if agregasi == Agregasi.RATA_RATA:
        return jumlah / len(ada)
    return jumlah


def hitung_kumulatif_triwulan(*, nilai_triwulan: Sequence[Decimal | None], agregasi: Agregasi) -> list[Decimal | None]:
    """§2 Quarterly to yearly: the value "up to and including quarter i" for each quarter.

    The hitung_realisasi_tahunan rule applied to each prefix; a quarter without data gives None.
    """
    return [
        None if nilai is None else hitung_realisasi_tahunan(nilai_triwulan=nilai_triwulan[: i + 1], agregasi=agregasi)
        for i, nilai in enumerate(nilai_triwulan)
    ]


# --- Rencana Aksi: the PK version in force for a quarter and the quarterly progress ---------------

# Last day (month, day) of each quarter.
AKHIR_TRIWULAN: tuple[tuple[int, int], ...] = ((3, 31), (6, 30), (9, 30), (12, 31))


def akhir_triwulan(*, tahun: int, triwulan: int) -> date:
    """The last day of quarter `triwulan` (1–4) of `tahun`: 31-03, 30-06, 30-09, 31-12."""
    bulan, hari = AKHIR_TRIWULAN[triwulan - 1]
    return date(tahun, bulan, hari)


def pilih_versi_berlaku(*, versi: Sequence[tuple[date, date, int]], tanggal: date) -> int | None:
    """The PK version in force on `tanggal` among (berlaku_mulai, berlaku_sampai, nomor): the one whose validity
    contains the day (the latest by berlaku_mulai, then nomor, when several do); if none contains it, the latest
    that starts on or before the day; else None. Returns its nomor."""
    berlaku = [v for v in versi if v[0] <= tanggal <= v[1]]
    if not berlaku:
        berlaku = [v for v in versi if v[0] <= tanggal]
    if not berlaku:
        return None
    return max(berlaku, key=lambda v: (v[0], v[2]))[2]


def hitung_progres_triwulan(
    *,
    polaritas: Polaritas,
    target_kumulatif: Sequence[Decimal | None],
    realisasi_kumulatif: Sequence[Decimal | None],
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
) -> tuple[Decimal | None, ...]:
    """Quarterly progress: per quarter the official capaian (§2, rounded) of the cumulative realisasi against
    the Rencana Aksi cumulative target of that quarter. No target (None) → None for that quarter; a
    qualitative indikator has no quarterly progress (all None)."""
    if polaritas == Polaritas.KUALITATIF:
        return tuple(None for _t in target_kumulatif)
    return tuple(
        hitung_capaian_resmi(polaritas=polaritas, target=target, realisasi=realisasi, rumus_negatif=rumus_negatif)
        for target, realisasi in zip(target_kumulatif, realisasi_kumulatif, strict=True)
    )


# --- §3 Kriteria (bands) --------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """§3 One kriteria band of a scoring scheme; a None bound is unbounded."""

    label: str
    warna: str = "#999999"
    batas_bawah: Decimal | None = None
    bawah_inklusif: bool = True
    batas_atas: Decimal | None = None
    atas_inklusif: bool = False

    def memuat(self, nilai: Decimal) -> bool:
        """§3: whether `nilai` lies inside this band, honouring each bound's inclusiveness."""
        bawah, atas = self.batas_bawah, self.batas_atas
        di_atas_bawah = bawah is None or nilai > bawah or (nilai == bawah and self.bawah_inklusif)
        di_bawah_atas = atas is None or nilai < atas or (nilai == atas and self.atas_inklusif)
        return di_atas_bawah and di_bawah_atas


def tentukan_kriteria(*, capaian: Decimal | None, bands: Sequence[Band]) -> Band | None:
    """§3: the first band that contains capaian; None when capaian is None or no band matches."""
    if capaian is None:
        return None
    return next((band for band in bands if band.memuat(capaian)), None)


_ABU = "#9E9E9E"

PRESET_BPOM_2015_2019: tuple[Band, ...] = (
    Band("Kurang", "#E53935", batas_atas=Decimal("90")),
    Band("Cukup", "#FFB300", batas_bawah=Decimal("90"), batas_atas=Decimal("100")),
    Band("Baik", "#66BB6A", batas_bawah=Decimal("100"), batas_atas=Decimal("100"), atas_inklusif=True),
    Band(
        "Memuaskan",
        "#2E7D32",
        batas_bawah=Decimal("100"),
        bawah_inklusif=False,
        batas_atas=Decimal("120"),
        atas_inklusif=True,
    ),
    Band("Tidak dapat disimpulkan", _ABU, batas_bawah=Decimal("120"), bawah_inklusif=False),
)
"""§3 preset BPOM 2015–2019 (reconstructed from the reference report)."""

PRESET_BPOM_2020_2024: tuple[Band, ...] = (
    Band("Sangat Kurang", "#B71C1C", batas_atas=Decimal("50")),
    Band("Kurang", "#E53935", batas_bawah=Decimal("50"), batas_atas=Decimal("70")),
    Band("Cukup", "#FFB300", batas_bawah=Decimal("70"), batas_atas=Decimal("90")),
    Band("Baik", "#43A047", batas_bawah=Decimal("90"), batas_atas=Decimal("110"), atas_inklusif=True),
    Band(
        "Sangat Baik",
        "#1B5E20",
        batas_bawah=Decimal("110"),
        bawah_inklusif=False,
        batas_atas=Decimal("120"),
        atas_inklusif=True,
    ),
    Band("Tidak dapat disimpulkan", _ABU, batas_bawah=Decimal("120"), bawah_inklusif=False),
)
"""§3 preset BPOM 2020–2024."""


# --- §4 NPS and NKO -------------------------------------------------------------------------------


def terapkan_batas(*, capaian: Decimal | None, batas: Decimal | None) -> Decimal | None:
    """§2 Policy (cap): min(capaian, batas) when the scheme sets a cap; applied only inside NPS/NKO."""
    if capaian is None or batas is None:
        return capaian
    return min(capaian, batas)


@dataclass(frozen=True)
class SkorIndikator:
    """§4 input row: the OFFICIAL (rounded) capaian of one indikator and the sasaran it belongs to."""

    sasaran: Hashable
    capaian: Decimal | None
    iku: bool = False


def hitung_rata_rata(*, nilai: Sequence[Decimal | None], bobot: Sequence[Decimal] | None = None) -> Decimal | None:
    """§4 / §2 Policy (rounding): weighted mean of the non-None values, rounded half-up to 2 decimals.

    bobot, when given, pairs with nilai by position (default weight 1). Nothing to average → None.
    """
    if bobot is None:
        bobot = [SATU] * len(nilai)
    elif len(bobot) != len(nilai):
        raise ValueError("nilai dan bobot harus sama panjang")
    pasangan = [(n, b) for n, b in zip(nilai, bobot, strict=True) if n is not None]
    total_bobot = sum((b for _, b in pasangan), NOL)
    if total_bobot == 0:
        return None
    return bulatkan(sum((n * b for n, b in pasangan), NOL) / total_bobot)


def hitung_nps_sasaran(*, capaian: Sequence[Decimal | None], batas: Decimal | None = None) -> Decimal | None:
    """§4 NPS of a sasaran: mean of its indikator's official capaian (each capped first), rounded 2 dec."""
    return hitung_rata_rata(nilai=[terapkan_batas(capaian=c, batas=batas) for c in capaian])


def hitung_nps_perspektif(
    *,
    skor: Sequence[SkorIndikator],
    metode: AgregasiPerspektif = AgregasiPerspektif.RATA_INDIKATOR,
    batas: Decimal | None = None,
    bobot_iku: Decimal = SATU,
) -> Decimal | None:
    """§4 NPS of a perspective.

    RATA_INDIKATOR (default): flat mean of the capped capaian of all its indikator, IKU weighted bobot_iku.
    RATA_SASARAN: mean of hitung_nps_sasaran per sasaran (bobot_iku unused, so the printed sasaran NPS
    recompute the perspective); sasaran without any capaian are left out. Rounded half-up 2 dec.
    """
    if metode == AgregasiPerspektif.RATA_SASARAN:
        per_sasaran: dict[Hashable, list[Decimal | None]] = {}
        for s in skor:
            per_sasaran.setdefault(s.sasaran, []).append(s.capaian)
        return hitung_rata_rata(
            nilai=[hitung_nps_sasaran(capaian=daftar, batas=batas) for daftar in per_sasaran.values()]
        )
    return hitung_rata_rata(
        nilai=[terapkan_batas(capaian=s.capaian, batas=batas) for s in skor],
        bobot=[bobot_iku if s.iku else SATU for s in skor],
    )


def hitung_nko(
    *, nilai_perspektif: Mapping[str, Decimal | None], bobot: Mapping[str, Decimal] | None = None
) -> Decimal | None:
    """§4 NKO: weighted mean of the perspective values, rounded half-up 2 dec.

    Default equal weight 1; when bobot is given, a perspective missing from it weighs 0. A perspective whose
    value is None (no indikator that year) is left out.
    """
    kunci = list(nilai_perspektif)
    return hitung_rata_rata(
        nilai=[nilai_perspektif[k] for k in kunci],
        bobot=None if bobot is None else [bobot.get(k, NOL) for k in kunci],
    )


def hitung_nko_tanpa_perspektif(
    *,
    skor: Sequence[SkorIndikator],
    metode: AgregasiNko = AgregasiNko.RATA_SASARAN,
    batas: Decimal | None = None,
    bobot_iku: Decimal = SATU,
) -> Decimal | None:
    """§4 NKO of a scheme without perspectives, rounded half-up 2 dec.

    RATA_SASARAN (default): mean of the sasaran NPS (equal weights; sasaran without capaian left out).
    RATA_INDIKATOR: flat mean of the capped capaian of all indikator, IKU weighted bobot_iku.
    """
    return hitung_nps_perspektif(
        skor=skor,
        metode=AgregasiPerspektif.RATA_SASARAN
        if metode == AgregasiNko.RATA_SASARAN
        else AgregasiPerspektif.RATA_INDIKATOR,
        batas=batas,
        bobot_iku=bobot_iku,
    )


def hitung_persen_target_akhir(
    *,
    polaritas: Polaritas,
    realisasi: Decimal | None,
    target_akhir: Decimal | None,
    target_akhir_atas: Decimal | None = None,
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
) -> Decimal | None:
    """§2 "% C thd 2019": the official capaian formula against the Renstra final-year target (rounded)."""
    return hitung_capaian_resmi(
        polaritas=polaritas,
        target=target_akhir,
        realisasi=realisasi,
        target_atas=target_akhir_atas,
        rumus_negatif=rumus_negatif,
    )


# --- §6 AKIP --------------------------------------------------------------------------------------


def hitung_total_akip(*, komponen: Mapping[str, Decimal]) -> Decimal | None:
    """§6 Nilai AKIP: the sum of the component scores; no component → None."""
    if not komponen:
        return None
    return sum(komponen.values(), NOL)


PREDIKAT_AKIP: tuple[tuple[Decimal, str], ...] = (
    (Decimal("90"), "AA"),
    (Decimal("80"), "A"),
    (Decimal("70"), "BB"),
    (Decimal("60"), "B"),
    (Decimal("50"), "CC"),
    (Decimal("30"), "C"),
)
"""§6 grade thresholds: a score strictly above the bound earns the grade; anything else is D."""


def tentukan_predikat_akip(*, nilai: Decimal | None) -> str | None:
    """§6 AKIP grade: AA > 90; A > 80–90; BB > 70–80; B > 60–70; CC > 50–60; C > 30–50; D ≤ 30."""
    if nilai is None:
        return None
    return next((predikat for batas, predikat in PREDIKAT_AKIP if nilai > batas), "D")


# --- Periodic reports: the period, its cumulative target and its capaian ---------------------------

# The periods of a periodic report: months B01–B12, quarters TW1–TW4, semesters S1 and S2, each with the month it
# ends in. A semester is its last quarter's data (S1 = TW II, S2 = TW IV = the year).
BULAN_AKHIR_PERIODE: dict[str, int] = {
    **{f"B{m:02d}": m for m in range(1, 13)},
    **{f"TW{q}": q * 3 for q in range(1, 5)},
    "S1": 6,
    "S2": 12,
}


def bulan_akhir_periode(*, periode: str) -> int:
    """The month (1–12) a period ends in; an unknown period raises ValueError."""
    try:
        return BULAN_AKHIR_PERIODE[periode]
    except KeyError:
        raise ValueError(f"periode tidak dikenal: {periode!r}") from None


def triwulan_periode(*, periode: str) -> int:
    """The quarter (1–4) whose data a period reports: the quarter its last month belongs to."""
    return (bulan_akhir_periode(periode=periode) + 2) // 3


def akhir_periode(*, tahun: int, periode: str) -> date:
    """The last day of a period (the date the data cut-off of its report may not precede)."""
    bulan = bulan_akhir_periode(periode=periode)
    if bulan == 12:
        return date(tahun, 12, 31)
    return date(tahun, bulan + 1, 1) - timedelta(days=1)


class TargetKumulatifMenurun(ValueError):
    """A Rencana Aksi cumulative target lower than the one of an earlier quarter (a cumulative target cannot go
    down): `triwulan` is the quarter that decreases, `sebelum` and `nilai` the two targets."""

    def __init__(self, *, triwulan: int, sebelum: Decimal, nilai: Decimal):
        super().__init__(f"target kumulatif TW{triwulan} ({nilai}) lebih kecil dari TW sebelumnya ({sebelum})")
        self.triwulan, self.sebelum, self.nilai = triwulan, sebelum, nilai


def hitung_target_periode(*, target_kumulatif: Sequence[Decimal | None], triwulan: int) -> Decimal | None:
    """The target of a period = the Rencana Aksi cumulative target at the end of its quarter (Q1..Q4 given; None
    = that quarter has none). The whole plan is checked first: a cumulative target lower than an earlier
    quarter's raises `TargetKumulatifMenurun` (nothing is computed from a plan that contradicts itself)."""
    tertinggi: Decimal | None = None
    for tw, nilai in enumerate(target_kumulatif, start=1):
        if nilai is None:
            continue
        if tertinggi is not None and nilai < tertinggi:
            raise TargetKumulatifMenurun(triwulan=tw, sebelum=tertinggi, nilai=nilai)
        tertinggi = nilai
    return target_kumulatif[triwulan - 1]


@dataclass(frozen=True)
class CapaianPeriode:
    """The capaian of one indikator in a period: against the period's cumulative target and against the annual
    target (official, rounded, never capped — the cap applies only inside the averages, as in the year).
    `ditunda`: the indikator is measured only yearly and the period is before TW IV (printed "–" with
    "Perhitungan capaian di Triwulan IV", never 0)."""

    capaian_periode: Decimal | None
    capaian_tahunan: Decimal | None
    ditunda: bool = False


def hitung_capaian_periode(
    *,
    polaritas: Polaritas,
    target_periode: Decimal | None,
    target_tahunan: Decimal | None,
    realisasi_kumulatif: Decimal | None,
    triwulan: int,
    hanya_tahunan: bool = False,
    rumus_negatif: RumusNegatif = RumusNegatif.CERMIN,
    akhir_tahun: bool | None = None,
) -> CapaianPeriode:
    """Capaian s/d a period: R_cum ÷ T_cum(period) and R_cum ÷ T_annual by the annual formula of the polarity
    (negatif: the scheme's formula). A yearly-only indikator before TW IV: nothing computed (`ditunda`). A
    qualitative indikator has no quarterly capaian before TW IV (its grade is yearly). `akhir_tahun`: the period
    reaches 31 December (default: triwulan 4); October and November are in TW IV but not yet the year."""
    if akhir_tahun is None:
        akhir_tahun = triwulan == 4
    if not akhir_tahun and (hanya_tahunan or polaritas == Polaritas.KUALITATIF):
        return CapaianPeriode(None, None, ditunda=True)

    def capaian(target: Decimal | None) -> Decimal | None:
        return hitung_capaian_resmi(
            polaritas=polaritas, target=target, realisasi=realisasi_kumulatif, rumus_negatif=rumus_negatif
        )

    return CapaianPeriode(capaian(target_periode), capaian(target_tahunan))


def hitung_rata_capaian_periode(*, capaian: Sequence[Decimal | None], batas: Decimal | None) -> Decimal | None:
    """The mean capaian of a period's indikator, each capped by the scheme's cap first (as the NPS of the year);
    indikator without capaian (yearly-only, no data) are left out. Nothing to average → None."""
    return hitung_rata_rata(nilai=[terapkan_batas(capaian=c, batas=batas) for c in capaian])


def perlu_perhatian(
    *,
    ada_realisasi: bool,
    dikembalikan: bool,
    capaian_periode: Decimal | None,
    capaian_sebelumnya: Decimal | None,
    ambang: Decimal,
    ditunda: bool = False,
    turun_maks: Decimal = Decimal("10"),
) -> tuple[str, ...]:
    """The "perlu perhatian" rules of a periodic report (rules, not judgement), as codes in a fixed order:
    "belum_diisi" (no realisasi at the cut-off; not for a yearly-only indikator before TW IV), "dikembalikan"
    (returned in the workflow), "di_bawah_ambang" (capaian periode < ambang), "turun" (more than `turun_maks`
    points below the previous period's capaian)."""
    hasil = []
    if not ada_realisasi and not ditunda:
        hasil.append("belum_diisi")
    if dikembalikan:
        hasil.append("dikembalikan")
    if capaian_periode is not None and capaian_periode < ambang:
        hasil.append("di_bawah_ambang")
    if capaian_periode is not None and capaian_sebelumnya is not None:
        if capaian_sebelumnya - capaian_periode > turun_maks:
            hasil.append("turun")
    return tuple(hasil)


def tenggat_periode(*, tahun: int, periode: str, hari: int) -> date:
    """The deadline of a period's report: `hari` days after the period's last day."""
    return akhir_periode(tahun=tahun, periode=periode) + timedelta(days=hari)


def baca_tenggat_periodik(teks: str) -> dict[str, int]:
    """The deadlines setting of the periodic reports, e.g. "TW:14,S:20,B:7": days after the end of a quarter (TW),
    a semester (S) and a month (B); a kind left out has no deadline. A wrong entry raises ValueError."""
    hasil: dict[str, int] = {}
    for bagian in (b.strip() for b in teks.split(",")):
        if not bagian:
            continue
        jenis, _pisah, hari = bagian.partition(":")
        jenis = jenis.strip().upper()
        if jenis not in ("TW", "S", "B") or not hari.strip().isdigit():
            raise ValueError(f"tenggat laporan periodik tidak dikenal: {bagian!r}")
        hasil[jenis] = int(hari)
    return hasil


def periode_jenis(jenis: str) -> tuple[str, ...]:
    """The periods of a kind: TW → TW1..TW4, S → S1, S2, B → B01..B12."""
    return tuple(p for p in BULAN_AKHIR_PERIODE if p.rstrip("0123456789") == jenis)
