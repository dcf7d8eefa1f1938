"""Reading numbers typed by people: Indonesian ("1.234.567,89", "78,35") and plain ("1234567.89") formats.

`baca_angka` returns a Decimal or raises `AngkaTidakValid` whose message (Indonesian) can be shown at the field.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class AngkaTidakValid(ValidationError):
    pass


_KELOMPOK = re.compile(r"^\d{1,3}(\d{3})*$")


def _kelompok_sah(bagian: list[str]) -> bool:
    return bool(bagian) and 1 <= len(bagian[0]) <= 3 and all(len(b) == 3 and b.isdigit() for b in bagian[1:])


def baca_angka(teks: str | int | float | Decimal | None, *, boleh_kosong: bool = True) -> Decimal | None:
    """Parse a number a person typed. Accepts "1.234.567,89", "1234567.89", "78,35", "95 %", "Rp 8.225.900.000".

    "1.234" and "1,234,5" style input whose meaning is unclear is refused rather than guessed.
    """
    if teks is None or (isinstance(teks, str) and not teks.strip()):
        if boleh_kosong:
            return None
        raise AngkaTidakValid(_("Nilai wajib diisi."), code="kosong")
    if isinstance(teks, Decimal):
        return teks
    if isinstance(teks, int):
        return Decimal(teks)
    if isinstance(teks, float):
        return Decimal(repr(teks))
    asli = teks
    s = teks.strip().replace("\u00a0", " ")
    s = re.sub(r"^rp\.?\s*", "", s, flags=re.IGNORECASE)
    s = s.rstrip("%").strip().replace(" ", "")
    tanda = ""
    if s[:1] in "+-":
        tanda, s = ("-" if s[0] == "-" else ""), s[1:]
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit() and s[0] not in ".,":
        raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah")
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        bulat, _sep, pecahan = s.rpartition(desimal)
        if s.count(desimal) != 1 or not _kelompok_sah(bulat.split(ribuan)) or not pecahan.isdigit():
            raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah")
        normal = bulat.replace(ribuan, "") + "." + pecahan
    elif koma:
        if koma == 1:
            normal = s.replace(",", ".")
        elif _kelompok_sah(s.split(",")):
            normal = s.replace(",", "")
        else:
            raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah")
    elif titik:
        bagian = s.split(".")
        if titik > 1:
            if not _kelompok_sah(bagian):
                raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah")
            normal = s.replace(".", "")
        elif len(bagian[1]) == 3 and bagian[0] and bagian[0] != "0" and len(bagian[0]) <= 3:
            raise AngkaTidakValid(
                _(
                    "“%(teks)s” bermakna ganda: tulis %(ribu)s untuk ribuan atau %(desimal)s untuk pecahan "
                    "(koma sebagai tanda desimal)."
                )
                % {"teks": asli, "ribu": bagian[0] + bagian[1], "desimal": bagian[0] + "," + bagian[1]},
                code="ambigu",
            )
        else:
            normal = s
    else:
        normal = s
    if normal.startswith("."):
        normal = "0" + normal
    try:
        hasil = Decimal(tanda + normal)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
        raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah") from exc
    if not hasil.is_finite():
        raise AngkaTidakValid(_("“%(teks)s” bukan angka yang sah.") % {"teks": asli}, code="tidak_sah")
    return hasil
