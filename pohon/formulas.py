"""Pure formulas of the performance tree (`../shared/docs/siklus.md` §2.3–2.4). No ORM; Decimal in, Decimal out.

Consistency checks: coverage percentages, the text equality of K5, the eselon step of K3 and the target
comparison of K7 (None when a figure cannot be computed: nothing to cover).

Consolidation of a parent indikator's realisasi from its sources: the caller passes each source's value (and
numerator/denominator, unit pagu, fixed weight) and gets the value with its trace, or — when it cannot be
computed — the reason (`AlasanKonsolidasi`), never a silent number. Percentages are never averaged when numerators
and denominators exist: `rasio_jumlah` (Σ pembilang ÷ Σ penyebut × 100) is the rule for them. Means are rounded
half-up to 2 decimals (the official rounding, indikator.formulas); sum, min, max and the value taken from one unit
are exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from indikator.formulas import SERATUS, bulatkan

from .enums import AlasanKonsolidasi, DasarBobot, MetodeAgregasi

DUA_DESIMAL = Decimal("0.01")
# K7: a sum of child targets above this share of the parent target is reported (info).
BATAS_ATAS_JUMLAH = Decimal("1.2")
# K6: the share of outcome indikator at the upper levels must reach this percentage.
BATAS_OUTCOME = Decimal("50")

# K3: functional positions (5) and executors (6) stand on the same step below Eselon IV.
_LANGKAH_ESELON = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 5}


def persen(bagian: Decimal | int, total: Decimal | int) -> Decimal | None:
    """bagian ÷ total × 100, half-up to 2 decimals; None when the total is 0 (nothing to cover)."""
    total = Decimal(total)
    if total == 0:
        return None
    return (Decimal(bagian) / total * SERATUS).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def teks_sama(a: str, b: str) -> bool:
    """K5: two texts equal ignoring case and runs of white space."""
    return normal(a) == normal(b) and normal(a) != ""


def normal(teks: str) -> str:
    return " ".join((teks or "").casefold().split())


def langkah_eselon(eselon: str) -> int | None:
    return _LANGKAH_ESELON.get(str(eselon))


def eselon_selaras(eselon_induk: str, eselon_anak: str) -> bool:
    """K3: the child owner's position is one step below the parent owner's (unknown eselon: not judged)."""
    a, b = langkah_eselon(eselon_induk), langkah_eselon(eselon_anak)
    if a is None or b is None:
        return True
    return b == a + 1


def tingkat_sah(peringkat_induk: int, peringkat_anak: int, *, boleh_lompat: bool) -> bool:
    """K1: a node sits one level below its parent (ranks of `enums.PERINGKAT_TINGKAT`, top = 1); further below only
    where the unit may skip levels; never at or above its parent's level."""
    selisih = peringkat_anak - peringkat_induk
    return selisih == 1 or (selisih > 1 and boleh_lompat)


def bandingkan_jumlah(target_induk: Decimal, target_anak: Iterable[Decimal]) -> tuple[Decimal, str]:
    """K7: Σ child targets and how it stands against the parent target: "kurang" (below), "lebih" (above
    120 % of it) or "" (in between)."""
    jumlah = sum(target_anak, Decimal(0))
    if jumlah < target_induk:
        return jumlah, "kurang"
    if jumlah > target_induk * BATAS_ATAS_JUMLAH:
        return jumlah, "lebih"
    return jumlah, ""


@dataclass(frozen=True)
class NilaiSumber:
    """One source: a child unit's indikator with its yearly figures."""

    unit_id: int
    unit: str
    indikator_id: int
    indikator: str
    nilai: Decimal | None
    pembilang: Decimal | None = None
    penyebut: Decimal | None = None
    pagu: Decimal | None = None  # the unit's pagu of the year (weight `pagu`)
    bobot: Decimal | None = None  # a fixed weight (weight `tetap`)


@dataclass(frozen=True)
class JejakSumber:
    """One row of the trace table: which unit and indikator gave which value, with which weight."""

    unit_id: int
    unit: str
    indikator_id: int
    indikator: str
    nilai: Decimal | None
    bobot: Decimal | None = None
    pembilang: Decimal | None = None
    penyebut: Decimal | None = None


@dataclass(frozen=True)
class HasilKonsolidasi:
    nilai: Decimal | None
    jejak: tuple[JejakSumber, ...]
    alasan: AlasanKonsolidasi | None = None
    kurang: tuple[str, ...] = ()  # the units whose figure is missing (named in the message)

    @property
    def dihitung(self) -> bool:
        return self.nilai is not None


def _bobot(s: NilaiSumber, dasar: DasarBobot | str | None) -> Decimal | None:
    if dasar == DasarBobot.PENYEBUT:
        return s.penyebut
    if dasar == DasarBobot.PAGU:
        return s.pagu
    return s.bobot


def _gagal(alasan, jejak, kurang=()) -> HasilKonsolidasi:
    return HasilKonsolidasi(None, tuple(jejak), alasan, tuple(kurang))


def konsolidasikan(
    *,
    metode: MetodeAgregasi | str,
    sumber: Sequence[NilaiSumber],
    dasar_bobot: DasarBobot | str | None = None,
    persen: bool = False,
) -> HasilKonsolidasi:
    """The parent's value from its sources by `metode`, with the trace (one row per source, in order).

    `persen`: the indikator is a percentage; then a mean over sources that all have a numerator and a
    denominator is refused (the ratio of sums is the rule), except the mean weighted by the denominator (equal
    to it)."""
    metode = MetodeAgregasi(metode)
    tertimbang = metode == MetodeAgregasi.RATA_TERTIMBANG
    rasio = metode == MetodeAgregasi.RASIO_JUMLAH
    jejak = [
        JejakSumber(
            s.unit_id,
            s.unit,
            s.indikator_id,
            s.indikator,
            s.nilai,
            _bobot(s, dasar_bobot or DasarBobot.TETAP) if tertimbang else None,
            s.pembilang if rasio else None,
            s.penyebut if rasio or (tertimbang and dasar_bobot == DasarBobot.PENYEBUT) else None,
        )
        for s in sumber
    ]
    if not sumber:
        return _gagal(AlasanKonsolidasi.TANPA_SUMBER, jejak)
    if metode == MetodeAgregasi.DARI_UNIT and len(sumber) != 1:
        return _gagal(AlasanKonsolidasi.BUKAN_SATU_SUMBER, jejak)
    if (
        persen
        and (metode == MetodeAgregasi.RATA_RATA or (tertimbang and dasar_bobot != DasarBobot.PENYEBUT))
        and all(s.pembilang is not None and s.penyebut is not None for s in sumber)
    ):
        return _gagal(AlasanKonsolidasi.PERSEN_DIRATA, jejak)
    if rasio:
        kurang = [s.unit for s in sumber if s.pembilang is None or s.penyebut is None]
        if kurang:
            return _gagal(AlasanKonsolidasi.RASIO_KOSONG, jejak, kurang)
        penyebut = sum((s.penyebut for s in sumber), Decimal(0))
        if penyebut == 0:
            return _gagal(AlasanKonsolidasi.PENYEBUT_NOL, jejak)
        pembilang = sum((s.pembilang for s in sumber), Decimal(0))
        return HasilKonsolidasi(bulatkan(pembilang / penyebut * SERATUS), tuple(jejak))
    kurang = [s.unit for s in sumber if s.nilai is None]
    if kurang:
        return _gagal(AlasanKonsolidasi.NILAI_KOSONG, jejak, kurang)
    nilai = [s.nilai for s in sumber]
    if metode == MetodeAgregasi.JUMLAH:
        return HasilKonsolidasi(sum(nilai, Decimal(0)), tuple(jejak))
    if metode == MetodeAgregasi.RATA_RATA:
        return HasilKonsolidasi(bulatkan(sum(nilai, Decimal(0)) / len(nilai)), tuple(jejak))
    if metode == MetodeAgregasi.MIN:
        return HasilKonsolidasi(min(nilai), tuple(jejak))
    if metode == MetodeAgregasi.MAKS:
        return HasilKonsolidasi(max(nilai), tuple(jejak))
    if metode == MetodeAgregasi.DARI_UNIT:
        return HasilKonsolidasi(nilai[0], tuple(jejak))
    # rata_tertimbang
    bobot = [j.bobot for j in jejak]
    kurang = [s.unit for s, b in zip(sumber, bobot, strict=True) if b is None]
    if kurang:
        return _gagal(AlasanKonsolidasi.BOBOT_KOSONG, jejak, kurang)
    total = sum(bobot, Decimal(0))
    if total == 0:
        return _gagal(AlasanKonsolidasi.BOBOT_NOL, jejak)
    return HasilKonsolidasi(
        bulatkan(sum((v * b for v, b in zip(nilai, bobot, strict=True)), Decimal(0)) / total), tuple(jejak)
    )
