"""Indonesian number formatting (1.234.567,89; Rp 8.225.900.000). Pure; used by templates, commands, exports."""

from decimal import ROUND_HALF_UP, Decimal


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
