"""Indonesian number formatting (1.234.567,89; Rp 8.225.900.000). Pure; used by templates, commands, exports."""

from decimal import ROUND_HALF_UP, Decimal


def teks_desimal(nilai: Decimal | None) -> str | None:
    """A Decimal as a plain machine-readable string for JSON ("80.00", "100.00"), never in exponent
    notation (Decimal("80").normalize() is "8E+1"); the places are kept as they are. None passes through."""
    if nilai is None:
        return None
    return format(nilai, "f")


def format_angka(
    nilai: Decimal | int | None, digit: int | None = 2, *, kosong: str = "–", pangkas_nol: bool = False
) -> str:
    """Format with "." thousands and "," decimals, half-up to `digit` places (None: as stored, trailing zeros cut).

    `pangkas_nol` drops a zero fraction (100,00 → 100) but keeps a non-zero one as is (100,50).
    """
    if nilai is None:
        return kosong
    d = Decimal(nilai)
    if digit is None:
        teks = format(d.normalize(), "f")
    else:
        d = d.quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP)
        teks = format(d, "f")
    negatif = teks.startswith("-")
    teks = teks.lstrip("-")
    bulat, _, pecahan = teks.partition(".")
    if pangkas_nol and pecahan and set(pecahan) == {"0"}:
        pecahan = ""
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat)
    hasil = ".".join(kelompok) + ("," + pecahan if pecahan else "")
    return ("-" if negatif and hasil.strip("0.,") else "") + hasil


def format_rupiah(nilai: Decimal | int | None, *, kosong: str = "–") -> str:
    """Rupiah without decimals: Rp 8.225.900.000."""
    if nilai is None:
        return kosong
    return "Rp " + format_angka(nilai, 0)


def format_persen(nilai: Decimal | None, digit: int = 2, *, kosong: str = "–") -> str:
    """Percentage: 104,47 %."""
    if nilai is None:
        return kosong
    return format_angka(nilai, digit) + " %"


def format_target(
    nilai: Decimal | None,
    nilai_atas: Decimal | None = None,
    kualitatif: str = "",
    teks: str = "",
    *,
    digit: int | None = None,
    pangkas_nol: bool = False,
    pemisah: str = "–",
    kosong: str = "–",
    mentah: bool = False,
) -> str | Decimal | None:
    """A target as text, the one rule for every screen, report and sheet.

    The display text wins, then the qualitative grade, then "lo–hi" for a range (both bounds set), else the
    number. Numbers use `format_angka(x, digit, pangkas_nol=...)` (default: as stored, 1.234,5); a missing number
    is `kosong`. `mentah` keeps a plain number (or a missing one) as the value itself, not text, so a
    spreadsheet cell stays numeric.
    """
    if teks:
        return teks
    if kualitatif:
        return kualitatif
    if mentah and (nilai is None or nilai_atas is None):
        return nilai
    if nilai is None:
        return kosong
    if nilai_atas is not None:
        return f"{format_angka(nilai, digit, pangkas_nol=pangkas_nol)}{pemisah}{format_angka(nilai_atas, digit, pangkas_nol=pangkas_nol)}"
    return format_angka(nilai, digit, pangkas_nol=pangkas_nol)
