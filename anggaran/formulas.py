"""Pure budget and efficiency formulas (domain guide §5).

No ORM, no settings, no request: keyword-only plain values in, `Decimal | None` (or small frozen
dataclasses) out. Percentages are rounded half-up to 2 decimals.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from indikator.formulas import bulatkan

from .enums import KategoriEfisiensi

NOL = Decimal("0")
SATU = Decimal("1")
SERATUS = Decimal("100")


# --- §5 Budget ------------------------------------------------------------------------------------


def hitung_sisa(*, pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """§5 sisa = pagu − realisasi; realisasi None counts as 0 when pagu is known; pagu None → None."""
    if pagu is None:
        return None
    return pagu - (realisasi if realisasi is not None else NOL)


def hitung_serapan(*, pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """§5 % serapan = realisasi / pagu × 100, rounded half-up 2 dec.

    pagu 0/None → None; realisasi None → 0.00.
    """
    if pagu is None or pagu == 0:
        return None
    return bulatkan((realisasi if realisasi is not None else NOL) / pagu * SERATUS)


@dataclass(frozen=True)
class BarisAnggaran:
    """§5 One budget line as entered: its own pagu/realisasi (None = none entered) and its parent."""

    kunci: Hashable
    induk: Hashable | None
    pagu_sendiri: Decimal | None
    realisasi_sendiri: Decimal | None


@dataclass(frozen=True)
class HasilBaris:
    """§5 The rolled-up figures of one budget line and its consistency flags."""

    kunci: Hashable
    pagu: Decimal | None
    realisasi: Decimal | None
    sisa: Decimal | None
    serapan: Decimal | None
    pagu_anak: Decimal | None
    realisasi_anak: Decimal | None
    selisih_pagu: bool
    selisih_realisasi: bool


def _jumlah(nilai: Sequence[Decimal | None]) -> Decimal | None:
    """Sum of the present values; None when none is present (no children, or no child has a figure)."""
    ada = [n for n in nilai if n is not None]
    return sum(ada, NOL) if ada else None


def _berbeda(sendiri: Decimal | None, anak: Decimal | None) -> bool:
    return sendiri is not None and anak is not None and sendiri != anak


def gulung_anggaran(*, baris: Sequence[BarisAnggaran]) -> dict[Hashable, HasilBaris]:
    """§5 Roll-up over an arbitrary-depth budget tree, O(n), iterative (no recursion limit).

    A line's figure is its own entry when one was entered, otherwise the sum of its children's figures
    (a child with None contributes nothing; a leaf without entry → None). pagu_anak/realisasi_anak are
    None when no child has a figure. The selisih flags mark an own entry that disagrees with its children.
    An unknown induk makes the line a root. Duplicate keys or cycles raise ValueError.
    """
    menurut_kunci: dict[Hashable, BarisAnggaran] = {}
    for b in baris:
        if b.kunci in menurut_kunci:
            raise ValueError(f"kunci anggaran ganda: {b.kunci!r}")
        menurut_kunci[b.kunci] = b

    anak: dict[Hashable, list[Hashable]] = {k: [] for k in menurut_kunci}
    akar: list[Hashable] = []
    for b in baris:
        if b.induk is not None and b.induk in menurut_kunci and b.induk != b.kunci:
            anak[b.induk].append(b.kunci)
        else:
            akar.append(b.kunci)

    # Post-order: a line is computed after all of its children.
    hasil: dict[Hashable, HasilBaris] = {}
    tumpukan: list[tuple[Hashable, bool]] = [(k, False) for k in reversed(akar)]
    while tumpukan:
        kunci, anak_selesai = tumpukan.pop()
        if not anak_selesai:
            tumpukan.append((kunci, True))
            tumpukan.extend((k, False) for k in reversed(anak[kunci]))
            continue
        sendiri = menurut_kunci[kunci]
        hasil_anak = [hasil[k] for k in anak[kunci]]
        pagu_anak = _jumlah([h.pagu for h in hasil_anak])
        realisasi_anak = _jumlah([h.realisasi for h in hasil_anak])
        pagu = sendiri.pagu_sendiri if sendiri.pagu_sendiri is not None else pagu_anak
        realisasi = sendiri.realisasi_sendiri if sendiri.realisasi_sendiri is not None else realisasi_anak
        hasil[kunci] = HasilBaris(
            kunci=kunci,
            pagu=pagu,
            realisasi=realisasi,
            sisa=hitung_sisa(pagu=pagu, realisasi=realisasi),
            serapan=hitung_serapan(pagu=pagu, realisasi=realisasi),
            pagu_anak=pagu_anak,
            realisasi_anak=realisasi_anak,
            selisih_pagu=_berbeda(sendiri.pagu_sendiri, pagu_anak),
            selisih_realisasi=_berbeda(sendiri.realisasi_sendiri, realisasi_anak),
        )

    if len(hasil) != len(menurut_kunci):
        raise ValueError("pohon anggaran mengandung siklus")
    return {k: hasil[k] for k in menurut_kunci}


def hitung_total(*, hasil: Mapping[Hashable, HasilBaris], kunci_akar: Sequence[Hashable]) -> tuple[Decimal, Decimal]:
    """§5 Grand total: (sum of pagu, sum of realisasi) of the given root lines, None counting as 0."""
    pagu = sum((hasil[k].pagu or NOL for k in kunci_akar), NOL)
    realisasi = sum((hasil[k].realisasi or NOL for k in kunci_akar), NOL)
    return pagu, realisasi


# --- §5 Efficiency --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilEfisiensi:
    """§5 Efficiency of one sub-kegiatan; every percentage and ratio rounded half-up 2 dec."""

    persen_input: Decimal | None
    persen_output: Decimal | None
    ie: Decimal | None
    se: Decimal
    te: Decimal | None
    kategori: KategoriEfisiensi | None


def _persen(pembilang: Decimal | None, penyebut: Decimal | None) -> Decimal | None:
    if pembilang is None or penyebut is None or penyebut == 0:
        return None
    return bulatkan(pembilang / penyebut * SERATUS)


def hitung_efisiensi(
    *,
    pagu: Decimal | None,
    realisasi_dana: Decimal | None,
    target_output: Decimal | None,
    realisasi_output: Decimal | None,
    se: Decimal = SATU,
) -> HasilEfisiensi:
    """§5 Efficiency: %input, %output, IE = %output / %input, TE = (IE − SE) / SE, Efisien if IE ≥ SE.

    IE uses the rounded percentages and TE the rounded IE (recomputable from the printed table).
    %input 0 or not computable (or %output missing) → ie, te and kategori None.
    """
    persen_input = _persen(realisasi_dana, pagu)
    persen_output = _persen(realisasi_output, target_output)
    if persen_input is None or persen_input == 0 or persen_output is None:
        ie = None
    else:
        ie = bulatkan(persen_output / persen_input)
    te = None if ie is None or se == 0 else bulatkan((ie - se) / se)
    if ie is None:
        kategori = None
    else:
        kategori = KategoriEfisiensi.EFISIEN if ie >= se else KategoriEfisiensi.TIDAK_EFISIEN
    return HasilEfisiensi(
        persen_input=persen_input, persen_output=persen_output, ie=ie, se=se, te=te, kategori=kategori
    )


# --- Rencana Penarikan Dana (RPD): the plan serapan is compared against -----------------------------

BATAS_DEVIASI_RPD = Decimal("-10")


def selisih_rpd(*, pagu: Decimal | None, rencana: Sequence[Decimal | None]) -> Decimal | None:
    """The RPD's sum minus the pagu when a plan is entered and does not sum to the pagu (it must: the plan
    spreads the pagu over the months); None when it sums exactly, when no month is planned, or without a pagu."""
    ada = [r for r in rencana if r is not None]
    if not ada or pagu is None:
        return None
    jumlah = sum(ada, NOL)
    return None if jumlah == pagu else jumlah - pagu


@dataclass(frozen=True)
class SerapanRpd:
    """Serapan s/d a month against the cumulative RPD: amounts, the two percentages of the pagu (rounded half-up
    2 dec.), the deviation in points (serapan − RPD, from the rounded percentages) and whether it needs a
    narrative (deviation under −10 points). None where not computable (no pagu, no plan)."""

    realisasi_kumulatif: Decimal
    rpd_kumulatif: Decimal | None
    serapan: Decimal | None
    persen_rpd: Decimal | None
    deviasi: Decimal | None
    perlu_penjelasan: bool


def hitung_serapan_rpd(
    *,
    pagu: Decimal | None,
    realisasi_bulanan: Sequence[Decimal | None],
    rencana_bulanan: Sequence[Decimal | None],
    bulan: int,
    batas: Decimal = BATAS_DEVIASI_RPD,
) -> SerapanRpd:
    """Serapan s/d `bulan` (1–12) against the RPD s/d `bulan`. A plan that does not sum to the pagu is refused
    (ValueError: nothing computed from it); months without an entry count as 0 once some month has one."""
    if selisih_rpd(pagu=pagu, rencana=rencana_bulanan) is not None:
        raise ValueError("RPD tidak sama dengan pagu")
    realisasi = sum((r for r in realisasi_bulanan[:bulan] if r is not None), NOL)
    ada_rencana = any(r is not None for r in rencana_bulanan)
    rpd = sum((r for r in rencana_bulanan[:bulan] if r is not None), NOL) if ada_rencana else None
    serapan = hitung_serapan(pagu=pagu, realisasi=realisasi)
    persen_rpd = hitung_serapan(pagu=pagu, realisasi=rpd) if rpd is not None else None
    deviasi = serapan - persen_rpd if serapan is not None and persen_rpd is not None else None
    return SerapanRpd(
        realisasi_kumulatif=realisasi,
        rpd_kumulatif=rpd,
        serapan=serapan,
        persen_rpd=persen_rpd,
        deviasi=deviasi,
        perlu_penjelasan=deviasi is not None and deviasi < batas,
    )
