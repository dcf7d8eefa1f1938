"""Pure formulas of the tree's consistency checks (`../shared/docs/siklus.md` §2.3): coverage percentages,
the text equality of K5, the eselon step of K3 and the target comparison of K7. No ORM; Decimal in, Decimal out,
None when a figure cannot be computed (nothing to cover)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

SERATUS = Decimal("100")
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
