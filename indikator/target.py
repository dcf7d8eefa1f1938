"""A target cell as people type it, read the same way on every route (target grid, indikator form, PK row, workbook).

| typed                         | polarity              | read as                          |
|-------------------------------|-----------------------|----------------------------------|
| "80", "1.234,5", 80 (a cell)  | any but Kualitatif    | the number                       |
| "80 – 90", "80 - 90", "80 s.d. 90" | Rentang (negatif) | lower and upper bound            |
| "A" (a grade of the scale)    | any                   | the grade (a numeric indikator is measured against its value) |
| ""                            | any                   | nothing (the target is removed)  |

The scale is the one the measurement reads grades on: the indikator's own scale, else its scheme's letter scale
(`indikator.queries._capaian`). A Kualitatif indikator takes grades only; a grade not on the scale is refused with
the list of allowed grades.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from umum.format import format_target
from umum.masukan import AngkaTidakValid, baca_angka

from .enums import Polaritas

_PEMISAH_RENTANG = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+s\.?d\.?\s+", re.IGNORECASE)
_DESIMAL = 4  # decimal places of the target fields (models.skema.ANGKA)
_DIGIT = 20


class TargetTidakSah(ValueError):
    """A target cell that cannot be read; its message (Indonesian) is shown at the cell."""


@dataclass(frozen=True)
class IsianTarget:
    """The stored parts of a target: number, upper bound (range), grade."""

    nilai: Decimal | None = None
    nilai_atas: Decimal | None = None
    kualitatif: str = ""

    @property
    def kosong(self) -> bool:
        return self.nilai is None and self.nilai_atas is None and not self.kualitatif


def teks_isian(nilai: Decimal | None, nilai_atas: Decimal | None = None, kualitatif: str = "") -> str:
    """A stored target as it is typed back into a cell: "80", "80 – 90", "A"; empty when there is none."""
    return format_target(nilai, nilai_atas, kualitatif, pemisah=" – ", kosong="")


def _angka(teks, asli) -> Decimal:
    if isinstance(teks, bool):
        raise TargetTidakSah(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli})
    try:
        angka = Decimal(str(teks)) if isinstance(teks, int | float) else baca_angka(str(teks))
    except AngkaTidakValid as exc:
        raise TargetTidakSah(exc.messages[0]) from exc
    except InvalidOperation as exc:
        raise TargetTidakSah(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}) from exc
    if not angka.is_finite() or (angka and angka.adjusted() >= _DIGIT - _DESIMAL):
        raise TargetTidakSah(_("Angka %(teks)s terlalu besar.") % {"teks": asli})
    return angka.quantize(Decimal(1).scaleb(-_DESIMAL), rounding=ROUND_HALF_UP)


def _galat_huruf(kode: str, skala: Sequence[str], *, angka_boleh: bool) -> TargetTidakSah:
    daftar = ", ".join(skala)
    if angka_boleh:
        pesan = _(
            "“%(kode)s” bukan angka yang sah dan tidak ada pada skala nilai. Tulis angka, atau salah satu: %(daftar)s."
        )
    else:
        pesan = _("“%(kode)s” tidak ada pada skala indikator ini. Pilih salah satu: %(daftar)s.")
    return TargetTidakSah(pesan % {"kode": kode, "daftar": daftar})


def baca_isian_target(nilai, *, polaritas: str, skala: Sequence[str] | None) -> IsianTarget:
    """Read one target cell (text typed on a page or a workbook cell) for an indikator of `polaritas` whose grades
    are `skala` (in scale order; None or empty: no scale). Raises TargetTidakSah with an Indonesian message."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return IsianTarget()
    teks = str(int(nilai)) if isinstance(nilai, float) and nilai.is_integer() else str(nilai).strip()
    kode = teks.upper()
    skala = [k.strip().upper() for k in skala or ()]
    if polaritas == Polaritas.KUALITATIF:
        if skala and kode not in skala:
            raise _galat_huruf(teks, skala, angka_boleh=False)
        if len(kode) > 10:
            raise TargetTidakSah(_("Nilai huruf paling panjang 10 karakter."))
        return IsianTarget(kualitatif=kode)
    if skala and kode in skala:
        return IsianTarget(kualitatif=kode)
    if isinstance(nilai, str) and polaritas in (Polaritas.RENTANG, Polaritas.RENTANG_NEGATIF):
        bagian = _PEMISAH_RENTANG.split(teks)
        if len(bagian) == 2:
            bawah, atas = _angka(bagian[0], bagian[0]), _angka(bagian[1], bagian[1])
            if atas < bawah:
                raise TargetTidakSah(_("Batas atas rentang lebih kecil dari batas bawah."))
            return IsianTarget(bawah, atas)
    if isinstance(nilai, str) and skala and not re.search(r"\d", teks):
        raise _galat_huruf(teks, skala, angka_boleh=True)
    return IsianTarget(_angka(nilai, teks))
