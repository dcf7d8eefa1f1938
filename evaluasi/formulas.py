"""LKE scoring (siklus.md §1.5 rules 1–7): pure functions on Decimals, no database.

A criterion's value is in [0, 1]; a sub-component scores `bobot × mean(answered criteria)` (rata_rata) or
`Σ value × criterion bobot` (akumulasi); a component is the sum of its sub-components, the total the sum of the
components. Unanswered criteria are left out (coverage shown) except in the final layer, where they count 0.
Nothing is rounded here: `tampil` rounds half-up to 2 places for display only.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .enums import Metode, TipeKerangka

NOL = Decimal("0")
SATU = Decimal("1")
SERATUS = Decimal("100")
AMBANG_DEVIASI = Decimal("0.25")
DUA_DESIMAL = Decimal("0.01")

Kunci = Hashable
Nilai = Mapping[Kunci, Decimal | None]


def tampil(nilai: Decimal | None) -> Decimal | None:
    """Rounded half-up to 2 places (display only; scores are stored and summed unrounded)."""
    return None if nilai is None else nilai.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


# --- predikat -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """A predikat band; a missing bound is open. Inclusivity of each bound is explicit."""

    kode: str
    label: str
    bawah: Decimal | None
    bawah_inklusif: bool
    atas: Decimal | None
    atas_inklusif: bool

    def memuat(self, nilai: Decimal) -> bool:
        if self.bawah is not None and (nilai < self.bawah or (nilai == self.bawah and not self.bawah_inklusif)):
            return False
        return not (self.atas is not None and (nilai > self.atas or (nilai == self.atas and not self.atas_inklusif)))


def tentukan_predikat(nilai: Decimal | None, bands: Sequence[Band]) -> Band | None:
    """The band holding `nilai` (the first one when bands overlap), None for no value or no band."""
    if nilai is None:
        return None
    return next((b for b in bands if b.memuat(nilai)), None)


def celah_band(bands: Sequence[Band], *, bawah: Decimal = NOL, atas: Decimal = SERATUS) -> list[Decimal]:
    """Bounds between `bawah` and `atas` that no band or two bands hold (a set of bands must hold each value
    exactly once): every bound is checked on both sides of its inclusivity."""
    titik = {bawah, atas}
    for b in bands:
        titik.update(x for x in (b.bawah, b.atas) if x is not None)
    salah = []
    for t in sorted(titik):
        for x in (t, t + DUA_DESIMAL / 100):
            if bawah <= x <= atas and sum(b.memuat(x) for b in bands) != 1:
                salah.append(x)
    return salah


# --- structure and weights ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kriteria:
    id: Kunci
    kode: str
    bobot: Decimal | None = None  # only used by akumulasi


@dataclass(frozen=True)
class Sub:
    id: Kunci
    kode: str
    bobot: Decimal
    metode: str = Metode.RATA_RATA
    kriteria: tuple[Kriteria, ...] = ()


@dataclass(frozen=True)
class Komponen:
    id: Kunci
    kode: str
    bobot: Decimal
    sub: tuple[Sub, ...] = ()


@dataclass(frozen=True)
class SelisihBobot:
    """A level whose children's weights don't add up to its own: `selisih` = children − expected."""

    tingkat: str  # "template", "komponen" or "sub"
    kode: str
    harapan: Decimal
    jumlah: Decimal

    @property
    def selisih(self) -> Decimal:
        return self.jumlah - self.harapan


def periksa_bobot(komponen: Sequence[Komponen], *, total: Decimal = SERATUS) -> list[SelisihBobot]:
    """Every level whose weights don't sum exactly: components to the template total, sub-components to their
    component (when it has any), criteria to an akumulasi sub-component."""
    salah = []
    jumlah = sum((k.bobot for k in komponen), NOL)
    if jumlah != total:
        salah.append(SelisihBobot("template", "", total, jumlah))
    for k in komponen:
        if k.sub:
            js = sum((s.bobot for s in k.sub), NOL)
            if js != k.bobot:
                salah.append(SelisihBobot("komponen", k.kode, k.bobot, js))
        for s in k.sub:
            if s.metode == Metode.AKUMULASI:
                jk = sum((c.bobot or NOL for c in s.kriteria), NOL)
                if jk != s.bobot:
                    salah.append(SelisihBobot("sub", s.kode, s.bobot, jk))
    return salah


# --- criterion values -----------------------------------------------------------------------------------------


def nilai_dari_bukti(nilai_bukti: Sequence[Decimal | None], *, final: bool = False) -> Decimal | None:
    """A criterion scored per evidence item: the mean of its required items' Y/T values. An item not yet judged
    makes the criterion unjudged, except in the final layer, where it counts 0. No required item → None."""
    if not nilai_bukti:
        return None
    if any(v is None for v in nilai_bukti):
        if not final:
            return None
        nilai_bukti = [v or NOL for v in nilai_bukti]
    return sum(nilai_bukti, NOL) / len(nilai_bukti)


def nilai_sah(nilai: Decimal) -> bool:
    return NOL <= nilai <= SATU


# --- scores ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilSub:
    skor: Decimal | None
    terjawab: int
    jumlah: int

    @property
    def cakupan(self) -> Decimal:
        """Share of answered criteria, 0–1 (1 for a sub-component without criteria)."""
        return Decimal(self.terjawab) / self.jumlah if self.jumlah else SATU


@dataclass(frozen=True)
class HasilKomponen:
    skor: Decimal | None
    sub: dict[Kunci, HasilSub] = field(default_factory=dict)


@dataclass(frozen=True)
class HasilLapisan:
    total: Decimal | None
    komponen: dict[Kunci, HasilKomponen]
    terjawab: int
    jumlah: int
    predikat: Band | None = None

    @property
    def cakupan(self) -> Decimal:
        return Decimal(self.terjawab) / self.jumlah if self.jumlah else SATU

    @property
    def lengkap(self) -> bool:
        return self.terjawab == self.jumlah


def skor_sub(sub: Sub, nilai: Nilai, *, kosong_nol: bool = False) -> HasilSub:
    """rata_rata: bobot × mean of the answered criteria; akumulasi: Σ value × criterion bobot. With `kosong_nol`
    (the final layer) an unanswered criterion counts 0; otherwise it is left out and nothing answered → None."""
    pasang = [(c, nilai.get(c.id)) for c in sub.kriteria]
    terjawab = sum(v is not None for _, v in pasang)
    if kosong_nol:
        pasang = [(c, NOL if v is None else v) for c, v in pasang]
    else:
        pasang = [(c, v) for c, v in pasang if v is not None]
    if not pasang:
        return HasilSub(None, terjawab, len(sub.kriteria))
    if sub.metode == Metode.AKUMULASI:
        skor = sum((v * (c.bobot or NOL) for c, v in pasang), NOL)
    else:
        skor = sub.bobot * sum((v for _, v in pasang), NOL) / len(pasang)
    return HasilSub(skor, terjawab, len(sub.kriteria))


def skor_lapisan(
    komponen: Sequence[Komponen], nilai: Nilai, *, bands: Sequence[Band] = (), kosong_nol: bool = False
) -> HasilLapisan:
    """One layer's scores: per sub-component, per component (Σ of its scored sub-components), the total (Σ of the
    scored components) and its predikat. Nothing scored → None at that level."""
    hasil = {}
    terjawab = jumlah = 0
    for k in komponen:
        subs = {s.id: skor_sub(s, nilai, kosong_nol=kosong_nol) for s in k.sub}
        skor = [h.skor for h in subs.values() if h.skor is not None]
        hasil[k.id] = HasilKomponen(sum(skor, NOL) if skor else None, subs)
        terjawab += sum(h.terjawab for h in subs.values())
        jumlah += sum(h.jumlah for h in subs.values())
    skor = [h.skor for h in hasil.values() if h.skor is not None]
    total = sum(skor, NOL) if skor else None
    return HasilLapisan(total, hasil, terjawab, jumlah, tentukan_predikat(total, bands))


# --- kerangka logis and deviations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aturan:
    id: Kunci
    kriteria: Kunci
    tipe: str
    pembanding: Kunci  # a criterion (maks_kriteria) or a sub-component (maks_rata_sub)
    pesan: str


@dataclass(frozen=True)
class Pelanggaran:
    aturan: Aturan
    nilai: Decimal
    batas: Decimal


def periksa_kerangka(aturan: Sequence[Aturan], nilai: Nilai, kriteria_sub: Mapping[Kunci, Sequence[Kunci]]) -> list:
    """Rules broken in one layer: a criterion's value above its comparison criterion's value (maks_kriteria) or
    above the mean of the answered criteria of its comparison sub-component (maks_rata_sub). A rule whose values
    are not both there yet is not broken."""
    salah = []
    for a in aturan:
        v = nilai.get(a.kriteria)
        if v is None:
            continue
        if a.tipe == TipeKerangka.MAKS_KRITERIA:
            batas = nilai.get(a.pembanding)
        else:
            isi = [x for x in (nilai.get(k) for k in kriteria_sub.get(a.pembanding, ())) if x is not None]
            batas = sum(isi, NOL) / len(isi) if isi else None
        if batas is not None and v > batas:
            salah.append(Pelanggaran(a, v, batas))
    return salah


@dataclass(frozen=True)
class Deviasi:
    kriteria: Kunci
    mandiri: Decimal
    final: Decimal

    @property
    def selisih(self) -> Decimal:
        return self.final - self.mandiri


def daftar_deviasi(mandiri: Nilai, final: Nilai, *, ambang: Decimal = AMBANG_DEVIASI) -> list[Deviasi]:
    """Criteria whose final value differs from the self-assessment by at least `ambang` (either direction)."""
    return [
        Deviasi(k, m, f)
        for k, m in mandiri.items()
        if m is not None and (f := final.get(k)) is not None and abs(f - m) >= ambang
    ]


# --- the Inspektorat's overview ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PorsiSub:
    """A sub-component across the evaluations of a year: its weight, the scores and the mean share of the weight
    (percent, unrounded)."""

    kunci: Kunci
    bobot: Decimal
    skor: tuple[Decimal, ...]

    @property
    def porsi(self) -> Decimal | None:
        """Σ scores / (weight × number of scores) × 100: the share of its weight a sub-component reaches on average."""
        if not self.skor or not self.bobot:
            return None
        return sum(self.skor, NOL) * SERATUS / (self.bobot * len(self.skor))


def sub_terlemah(sub: Sequence[PorsiSub], n: int | None = None) -> list[PorsiSub]:
    """The sub-components ordered by their share of weight, lowest first (ties by key); unscored left out."""
    urut = sorted((s for s in sub if s.porsi is not None), key=lambda s: (s.porsi, str(s.kunci)))
    return urut if n is None else urut[:n]
