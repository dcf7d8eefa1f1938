"""Pure helpers for report-only figures (shares of a total, unit conversions). No ORM; Decimal in, Decimal out."""

from __future__ import annotations

from decimal import Decimal

from indikator.formulas import bulatkan

SERATUS = Decimal("100")
SEMILIAR = Decimal("1000000000")


def hitung_porsi(*, jumlah: Decimal | int | None, total: Decimal | int | None) -> Decimal | None:
    """Share of a total in percent, rounded half-up 2 dec (Tabel 1: staff per education level).

    total 0/None or jumlah None → None (not computable)."""
    if jumlah is None or total is None or total == 0:
        return None
    return bulatkan(Decimal(jumlah) / Decimal(total) * SERATUS)


def hitung_miliar(*, rupiah: Decimal | None) -> Decimal | None:
    """Rupiah to Rp miliar (Tabel 4), exact (no rounding: 8.225.000.000 → 8,225)."""
    if rupiah is None:
        return None
    return (Decimal(rupiah) / SEMILIAR).normalize()
