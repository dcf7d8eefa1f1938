"""Reading numbers typed by people: Indonesian ("1.500", "1.234.567,89", "78,35") and plain ("1234567.89") formats.

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


def _tidak_sah(asli: str) -> AngkaTidakValid:
    return AngkaTidakValid(
        _(
            "“%(teks)s” bukan angka yang sah. Tulis misalnya 1500 atau 1.500 (seribu lima ratus), 1.234.567,8 "
            "(titik pemisah ribuan, koma tanda desimal) atau 78,35."
        )
        % {"teks": asli},
        code="tidak_sah",
    )


def baca_angka(teks: str | int | float | Decimal | None, *, boleh_kosong: bool = True) -> Decimal | None:
    """Parse a number a person typed, Indonesian convention first.

    | typed            | value      | why                                                            |
    |------------------|------------|----------------------------------------------------------------|
    | "1.500"          | 1500       | a dot followed by groups of three digits separates thousands   |
    | "1.234.567,8"    | 1234567.8  | dots for thousands, comma for decimals                         |
    | "78,35"          | 78.35      | one comma is the decimal mark                                  |
    | "1500.5", "0.25" | 1500.5 ... | a dot that cannot be a thousands separator is a decimal point  |
    | "1,234.5"        | 1234.5     | English: both marks present, the last one is the decimal mark  |
    | "1,234,567"      | 1234567    | several commas can only be English thousands                   |
    | "95 %", "Rp 8.225.900.000" | 95, 8225900000 | unit signs are ignored                         |

    Anything else ("1.23.4", "1,2,3", "12a") raises `AngkaTidakValid` with a message showing how to write it.
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
        raise _tidak_sah(asli)
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        bulat, _sep, pecahan = s.rpartition(desimal)
        if s.count(desimal) != 1 or not _kelompok_sah(bulat.split(ribuan)) or not pecahan.isdigit():
            raise _tidak_sah(asli)
        normal = bulat.replace(ribuan, "") + "." + pecahan
    elif koma:
        if koma == 1:
            normal = s.replace(",", ".")
        elif _kelompok_sah(s.split(",")):
            normal = s.replace(",", "")
        else:
            raise _tidak_sah(asli)
    elif titik:
        bagian = s.split(".")
        if _kelompok_sah(bagian) and bagian[0] and bagian[0] != "0":
            normal = s.replace(".", "")  # "1.500", "12.000.000": thousands
        elif titik == 1:
            normal = s  # "1500.5", "0.123", "12.5": a decimal point
        else:
            raise _tidak_sah(asli)
    else:
        normal = s
    if normal.startswith("."):
        normal = "0" + normal
    try:
        hasil = Decimal(tanda + normal)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
        raise _tidak_sah(asli) from exc
    if not hasil.is_finite():
        raise _tidak_sah(asli)
    return hasil
