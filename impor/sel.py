"""Reading Excel cells: numbers (exact Decimal), whole numbers, text, dates, choices (code or label), Ya/Tidak.

Each reader returns the value or raises ValueError with an Indonesian message, which the sheets report against
the cell's row and column.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from umum.masukan import AngkaTidakValid, baca_angka


def sel_kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def baca_desimal(nilai: Any, *, desimal: int = 4, min_nilai: Decimal | None = None) -> Decimal | None:
    """A cell as Decimal, rounded half-up to the field's decimal places; ValueError with an Indonesian message.

    openpyxl gives int/float for numeric cells (converted via `str`, never through binary float arithmetic);
    text cells go through `baca_angka`, which refuses ambiguous input such as "1.234".
    """
    if sel_kosong(nilai):
        return None
    if isinstance(nilai, bool) or isinstance(nilai, dt.date | dt.time | dt.timedelta):
        raise ValueError(_("“%(teks)s” bukan angka yang sah.") % {"teks": nilai})
    try:
        if isinstance(nilai, int | float):
            angka = Decimal(str(nilai))
        else:
            angka = baca_angka(str(nilai))
    except AngkaTidakValid as exc:
        raise ValueError(exc.messages[0]) from exc
    if not angka.is_finite():
        raise ValueError(_("“%(teks)s” bukan angka yang sah.") % {"teks": nilai})
    # Checked before rounding: quantize raises InvalidOperation for a value with more digits than the context
    # holds (1e30), which would otherwise reach the user as "[<class 'decimal.InvalidOperation'>]".
    if angka and angka.adjusted() >= 20 - desimal:
        raise ValueError(_("Angka %(teks)s terlalu besar.") % {"teks": nilai})
    try:
        angka = angka.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(_("Angka %(teks)s terlalu besar.") % {"teks": nilai}) from exc
    if abs(angka) >= Decimal(10) ** (20 - desimal):
        raise ValueError(_("Angka %(teks)s terlalu besar.") % {"teks": nilai})
    if min_nilai is not None and angka < min_nilai:
        raise ValueError(_("Nilai tidak boleh negatif.") if min_nilai == 0 else _("Nilai terlalu kecil."))
    return angka


def baca_bulat(nilai: Any, *, min_nilai: int = 0) -> int | None:
    angka = baca_desimal(nilai, desimal=4)
    if angka is None:
        return None
    if angka != angka.to_integral_value():
        raise ValueError(_("“%(teks)s” harus bilangan bulat.") % {"teks": nilai})
    if angka < min_nilai:
        raise ValueError(_("Nilai minimal %(min)s.") % {"min": min_nilai})
    return int(angka)


def baca_teks(nilai: Any) -> str:
    """A text cell; numbers typed into text columns come back without a spurious ".0"."""
    if sel_kosong(nilai):
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    if isinstance(nilai, dt.datetime):
        return nilai.strftime("%d/%m/%Y")
    return str(nilai).strip()


def baca_tanggal(nilai: Any) -> dt.date | None:
    if sel_kosong(nilai):
        return None
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    teks = str(nilai).strip()
    for pola in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(teks, pola).date()
        except ValueError:
            continue
    raise ValueError(_("“%(teks)s” bukan tanggal yang sah (tulis dd/mm/yyyy).") % {"teks": teks})


def baca_pilihan(nilai: Any, pilihan, *, wajib: bool = True) -> str:
    """A TextChoices value: accepts the code ("positif") or the label, case-insensitive."""
    teks = baca_teks(nilai)
    if not teks:
        if wajib:
            raise ValueError(_("Wajib diisi."))
        return ""
    for kode, label in pilihan.choices:
        if teks.lower() in {str(kode).lower(), str(label).lower()}:
            return kode
    raise ValueError(
        _("“%(teks)s” tidak dikenal; pilih salah satu: %(pilihan)s.")
        % {"teks": teks, "pilihan": "; ".join(str(k) for k in pilihan.labels)}
    )


def label_pilihan(pilihan, kode: str | None) -> str:
    """The label of a TextChoices code as people read it ("Positif (makin tinggi makin baik)"); "" for empty."""
    if not kode:
        return ""
    for k, label in pilihan.choices:
        if k == kode:
            return str(label)
    return str(kode)


def baca_ya_tidak(nilai: Any) -> bool:
    teks = baca_teks(nilai).lower()
    if teks in {"", "tidak", "t", "no", "n", "false", "0", "salah"}:
        return False
    if teks in {"ya", "y", "yes", "true", "1", "benar"}:
        return True
    raise ValueError(_("Isi “Ya” atau “Tidak”."))
