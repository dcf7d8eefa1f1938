"""Budget reads: the budget tree of a unit's year rolled up by `anggaran.formulas`, the efficiency of its
sub-kegiatan, and AKIP scores. A constant number of queries each; no formula re-implemented here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from indikator.enums import StandarEfisiensi
from indikator.formulas import hitung_total_akip, tentukan_predikat_akip
from indikator.models import Indikator, NilaiAkip, Sasaran, UnitKerja

from . import formulas as f
from .enums import KategoriEfisiensi
from .models import MataAnggaran, PaguRevisi, RealisasiAnggaran, RencanaPenarikan, SubKegiatan


@dataclass(frozen=True)
class BarisAnggaranHasil:
    """One budget line with its rolled-up figures."""

    mata: MataAnggaran
    tingkat: int  # depth in the tree, 0 = root
    pagu: Decimal | None
    realisasi: Decimal | None
    sisa: Decimal | None
    serapan: Decimal | None
    pagu_anak: Decimal | None
    realisasi_anak: Decimal | None
    selisih_pagu: bool
    selisih_realisasi: bool
    pagu_revisi: tuple[PaguRevisi, ...]
    realisasi_bulanan: tuple[Decimal | None, ...]  # own entries Jan..Dec
    rencana_bulanan: tuple[Decimal | None, ...]
    realisasi_tahunan: Decimal | None = None  # own yearly figure; it wins over the months


@dataclass(frozen=True)
class Anggaran:
    unit: UnitKerja
    tahun: int
    baris: tuple[BarisAnggaranHasil, ...]  # depth-first, in order
    total_pagu: Decimal
    total_realisasi: Decimal
    total_sisa: Decimal | None
    total_serapan: Decimal | None
    realisasi_bulanan: tuple[Decimal, ...]  # whole unit, per month (leaf-consistent entries, see note)
    rencana_bulanan: tuple[Decimal, ...]
    realisasi_tanpa_bulan: Decimal = Decimal(0)  # part of the total known only as yearly figures (not in the curve)

    @property
    def ada_tahunan(self) -> bool:
        """Part of the realisasi exists only as a yearly figure: the monthly curve cannot show it."""
        return self.realisasi_tanpa_bulan > 0

    @property
    def akar(self) -> tuple[BarisAnggaranHasil, ...]:
        return tuple(b for b in self.baris if b.tingkat == 0)

    def cari(self, kode: str) -> BarisAnggaranHasil | None:
        return next((b for b in self.baris if b.mata.kode == kode), None)

    @property
    def selisih(self) -> tuple[BarisAnggaranHasil, ...]:
        return tuple(b for b in self.baris if b.selisih_pagu or b.selisih_realisasi)


def susun_anggaran(unit: UnitKerja, tahun: int) -> Anggaran:
    """The unit's budget tree for the year (4 queries)."""
    return susun_anggaran_banyak([unit], tahun)[unit.pk]


def susun_anggaran_banyak(units: Sequence[UnitKerja], tahun: int) -> dict[int, Anggaran]:
    """`susun_anggaran` for many units at once, keyed by unit id (the same 4 queries whatever their number)."""
    units = list(units)
    per_unit: dict[int, list[MataAnggaran]] = {u.pk: [] for u in units}
    for m in MataAnggaran.objects.filter(unit__in=units, tahun=tahun).order_by("urutan", "kode", "id"):
        per_unit[m.unit_id].append(m)
    ids = [m.pk for daftar in per_unit.values() for m in daftar]
    revisi: dict[int, list[PaguRevisi]] = defaultdict(list)
    bulanan: dict[int, list[Decimal | None]] = defaultdict(lambda: [None] * 12)
    rencana: dict[int, list[Decimal | None]] = defaultdict(lambda: [None] * 12)
    if ids:
        for p in PaguRevisi.objects.filter(mata_anggaran__unit__in=units, mata_anggaran__tahun=tahun).order_by(
            "revisi_ke", "id"
        ):
            revisi[p.mata_anggaran_id].append(p)
        # Monthly figures are many (12 per line): read plain values, not model instances.
        for mid, bulan, nilai in RealisasiAnggaran.objects.filter(
            mata_anggaran__unit__in=units, mata_anggaran__tahun=tahun
        ).values_list("mata_anggaran_id", "bulan", "nilai"):
            bulanan[mid][bulan - 1] = nilai
        for mid, bulan, nilai in RencanaPenarikan.objects.filter(
            mata_anggaran__unit__in=units, mata_anggaran__tahun=tahun
        ).values_list("mata_anggaran_id", "bulan", "nilai"):
            rencana[mid][bulan - 1] = nilai
    return {u.pk: _gulung(u, tahun, per_unit[u.pk], revisi, bulanan, rencana) for u in units}


def _gulung(
    unit: UnitKerja,
    tahun: int,
    mata: list[MataAnggaran],
    revisi: dict[int, list[PaguRevisi]],
    bulanan: dict[int, list[Decimal | None]],
    rencana: dict[int, list[Decimal | None]],
) -> Anggaran:
    """The budget tree of one unit from fetched inputs (no query)."""
    ids = [m.pk for m in mata]

    def jumlah(nilai: list[Decimal | None]) -> Decimal | None:
        ada = [n for n in nilai if n is not None]
        return sum(ada, Decimal(0)) if ada else None

    hasil = f.gulung_anggaran(
        baris=[
            f.BarisAnggaran(
                kunci=m.pk,
                induk=m.induk_id,
                pagu_sendiri=revisi[m.pk][-1].nilai if revisi.get(m.pk) else None,
                # §5 like an indikator's yearly realisasi: a yearly figure wins over the months.
                realisasi_sendiri=m.realisasi_tahunan
                if m.realisasi_tahunan is not None
                else (jumlah(bulanan[m.pk]) if m.pk in bulanan else None),
            )
            for m in mata
        ]
    )
    anak: dict[int | None, list[MataAnggaran]] = defaultdict(list)
    known = set(ids)
    for m in mata:
        anak[m.induk_id if m.induk_id in known else None].append(m)
    urut: list[BarisAnggaranHasil] = []
    tumpukan = [(m, 0) for m in reversed(anak[None])]
    while tumpukan:
        m, tingkat = tumpukan.pop()
        h = hasil[m.pk]
        urut.append(
            BarisAnggaranHasil(
                mata=m,
                tingkat=tingkat,
                pagu=h.pagu,
                realisasi=h.realisasi,
                sisa=h.sisa,
                serapan=h.serapan,
                pagu_anak=h.pagu_anak,
                realisasi_anak=h.realisasi_anak,
                selisih_pagu=h.selisih_pagu,
                selisih_realisasi=h.selisih_realisasi,
                pagu_revisi=tuple(revisi.get(m.pk, [])),
                realisasi_bulanan=tuple(bulanan[m.pk]) if m.pk in bulanan else (None,) * 12,
                rencana_bulanan=tuple(rencana[m.pk]) if m.pk in rencana else (None,) * 12,
                realisasi_tahunan=m.realisasi_tahunan,
            )
        )
        tumpukan.extend((c, tingkat + 1) for c in reversed(anak[m.pk]))
    akar = [m.pk for m in anak[None]]
    total_pagu, total_realisasi = f.hitung_total(hasil=hasil, kunci_akar=akar)
    # Monthly curve of the unit: per month, the figures of the lines that make the total (a line's own
    # entries where it has them, else its children's), so that the months add up to the total. A line with a
    # yearly figure has no months: its figure is counted apart (the curve says so instead of inventing a month).
    per_bulan = [Decimal(0)] * 12
    rencana_bulan = [Decimal(0)] * 12
    tanpa_bulan = [Decimal(0)]
    per_id = {m.pk: m for m in mata}

    def kumpul(mid: int) -> None:
        if per_id[mid].realisasi_tahunan is not None:
            tanpa_bulan[0] += per_id[mid].realisasi_tahunan
        elif mid in bulanan:
            for i, v in enumerate(bulanan[mid]):
                per_bulan[i] += v or 0
        else:
            for c in anak[mid]:
                kumpul(c.pk)

    def kumpul_rencana(mid: int) -> None:
        if mid in rencana:
            for i, v in enumerate(rencana[mid]):
                rencana_bulan[i] += v or 0
        else:
            for c in anak[mid]:
                kumpul_rencana(c.pk)

    for a in akar:
        kumpul(a)
        kumpul_rencana(a)
    return Anggaran(
        unit=unit,
        tahun=tahun,
        baris=tuple(urut),
        total_pagu=total_pagu,
        total_realisasi=total_realisasi,
        total_sisa=f.hitung_sisa(pagu=total_pagu, realisasi=total_realisasi) if akar else None,
        total_serapan=f.hitung_serapan(pagu=total_pagu, realisasi=total_realisasi),
        realisasi_bulanan=tuple(per_bulan),
        rencana_bulanan=tuple(rencana_bulan),
        realisasi_tanpa_bulan=tanpa_bulan[0],
    )


@dataclass(frozen=True)
class BarisEfisiensi:
    sub: SubKegiatan
    sasaran: tuple[Sasaran, ...]
    indikator: tuple[Indikator, ...]
    pagu: Decimal | None
    realisasi_dana: Decimal | None
    hasil: f.HasilEfisiensi

    @property
    def efisien(self) -> bool | None:
        return None if self.hasil.kategori is None else self.hasil.kategori == KategoriEfisiensi.EFISIEN


def susun_efisiensi(
    unit: UnitKerja, tahun: int, *, anggaran: Anggaran | None = None, standar: str = StandarEfisiensi.SATU
) -> tuple[BarisEfisiensi, ...]:
    """Pengukuran kinerja kegiatan (Lampiran 5) and efficiency (Lampiran 6) per sub-kegiatan.

    Input = the rolled-up figures of the sub-kegiatan's budget line. SE = 1, or last year's IE of the
    sub-kegiatan with the same name when the scheme says so (falls back to 1 when there is none)."""
    anggaran = anggaran or susun_anggaran(unit, tahun)
    per_mata = {b.mata.pk: b for b in anggaran.baris}
    subs = list(
        SubKegiatan.objects.filter(unit=unit, tahun=tahun)
        .order_by("urutan", "nama", "id")
        .prefetch_related(
            Prefetch("sasaran", queryset=Sasaran.objects.order_by("urutan", "kode", "id")),
            Prefetch(
                "indikator",
                queryset=Indikator.objects.order_by(
                    "sasaran__urutan", "sasaran__kode", "sasaran_id", "urutan", "kode", "id"
                ),
            ),
        )
    )
    se_lalu: dict[str, Decimal] = {}
    if standar == StandarEfisiensi.IE_TAHUN_LALU:
        for b in susun_efisiensi(unit, tahun - 1):
            if b.hasil.ie is not None:
                se_lalu[b.sub.nama] = b.hasil.ie
    hasil = []
    for s in subs:
        baris = per_mata.get(s.mata_anggaran_id)
        pagu = baris.pagu if baris else None
        real = baris.realisasi if baris else None
        hasil.append(
            BarisEfisiensi(
                sub=s,
                sasaran=tuple(s.sasaran.all()),
                indikator=tuple(s.indikator.all()),
                pagu=pagu,
                realisasi_dana=real,
                hasil=f.hitung_efisiensi(
                    pagu=pagu,
                    realisasi_dana=real,
                    target_output=s.target_output,
                    realisasi_output=s.realisasi_output,
                    se=se_lalu.get(s.nama, f.SATU),
                ),
            )
        )
    return tuple(hasil)


@dataclass(frozen=True)
class AkipTahun:
    tahun: int
    nilai: Decimal | None
    predikat: str | None
    komponen: dict[str, Decimal]
    nilai_dilaporkan: Decimal | None
    selisih: bool  # components recorded and their sum differs from the published total


def susun_akip(unit: UnitKerja, daftar_tahun: list[int] | None = None) -> tuple[AkipTahun, ...]:
    """AKIP score per year (2 queries)."""
    qs = NilaiAkip.objects.filter(unit=unit).prefetch_related("komponen").order_by("tahun", "id")
    if daftar_tahun:
        qs = qs.filter(tahun__in=daftar_tahun)
    hasil = []
    for n in qs:
        komponen = {k.komponen: k.nilai for k in n.komponen.all()}
        total = hitung_total_akip(komponen=komponen)
        nilai = total if total is not None else n.nilai_dilaporkan
        hasil.append(
            AkipTahun(
                tahun=n.tahun,
                nilai=nilai,
                predikat=tentukan_predikat_akip(nilai=nilai),
                komponen=komponen,
                nilai_dilaporkan=n.nilai_dilaporkan,
                selisih=total is not None and n.nilai_dilaporkan is not None and total != n.nilai_dilaporkan,
            )
        )
    return tuple(hasil)


def serapan_rpd_bulanan(baris: BarisAnggaranHasil) -> tuple[f.SerapanRpd, ...] | None:
    """Serapan s/d each month (Jan..Dec) of one budget line against its cumulative RPD (`hitung_serapan_rpd`);
    None when the line has no plan, no pagu, or a plan that does not sum to its pagu (nothing computed from it)."""
    pagu = baris.pagu_revisi[-1].nilai if baris.pagu_revisi else None
    if pagu is None or all(r is None for r in baris.rencana_bulanan):
        return None
    if f.selisih_rpd(pagu=pagu, rencana=baris.rencana_bulanan) is not None:
        return None
    return tuple(
        f.hitung_serapan_rpd(
            pagu=pagu, realisasi_bulanan=baris.realisasi_bulanan, rencana_bulanan=baris.rencana_bulanan, bulan=b
        )
        for b in range(1, 13)
    )
