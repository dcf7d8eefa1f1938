"""Reads of the register, each with a constant number of queries: the register rows (with plans, follow-ups and
evidence), the verification queue, the share followed up (the LKE suggestion) and last year's evaluation
recommendations (the LHE's "tindak lanjut hasil evaluasi tahun lalu", the LKj's Bab III).

Integration functions for the evaluasi app and the report: `porsi_ditindaklanjuti`, `rekomendasi_tahun_lalu`,
`susun_register`."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator.models import UnitKerja
from umum.format import format_angka

from .enums import SUMBER_EVALUASI, HasilVerifikasi, Peristiwa, StatusRekomendasi, StatusRencana
from .formulas import (
    PERISTIWA_VERIFIKASI,
    huruf_porsi,
    kelompok_umur,
    porsi_sesuai,
    progres_rekomendasi,
    status_final,
    status_pada,
    terlambat,
)
from .models import BuktiTindakLanjut, Rekomendasi, RencanaAksiTL, TindakLanjut


@dataclass
class BarisRegister:
    """A recommendation with what the register, the timeline and the matrix show."""

    rekomendasi: Rekomendasi
    status: str  # the current status, or the status as at the report's year end (`susun_tl_laporan`)
    rencana: list[RencanaAksiTL]
    tindak_lanjut: list[TindakLanjut]
    terlambat: bool
    umur: str | None
    progres: Decimal
    final: bool

    @property
    def label_status(self) -> str:
        return str(StatusRekomendasi(self.status).label)

    @property
    def menunggu_verifikasi(self) -> list[TindakLanjut]:
        return [t for t in self.tindak_lanjut if not t.verifikasi]

    @property
    def rencana_menunggu(self) -> list[RencanaAksiTL]:
        return [r for r in self.rencana if r.status == StatusRencana.DRAF]


def _qs():
    return Rekomendasi.objects.select_related(
        "sumber__evaluasi", "unit_pj", "jabatan_pj", "indikator", "node"
    ).prefetch_related(
        Prefetch("rencana", queryset=RencanaAksiTL.objects.order_by("tanggal_mulai", "id")),
        Prefetch(
            "tindak_lanjut",
            queryset=TindakLanjut.objects.select_related("verifikator", "diajukan_oleh", "rencana")
            .prefetch_related(Prefetch("bukti", queryset=BuktiTindakLanjut.objects.order_by("id")))
            .order_by("tanggal", "id"),
        ),
    )


def _deklarasi_td(t: TindakLanjut) -> bool:
    """An entry that only records the APIP's Tidak dapat ditindaklanjuti (no follow-up reported by the unit)."""
    return t.verifikasi == HasilVerifikasi.TIDAK_DAPAT and not t.diajukan_oleh_id


def peristiwa_sampai(rencana: list[RencanaAksiTL], tl: list[TindakLanjut]) -> list[str]:
    """The state machine's events of a recommendation from its plans and follow-ups, in date order (a follow-up's
    verification right after it)."""
    urut: list[tuple[datetime.date, int, int, str]] = [
        (r.tanggal_mulai, 0, r.pk or 0, Peristiwa.RENCANA) for r in rencana
    ]
    for t in tl:
        if not _deklarasi_td(t):
            urut.append((t.tanggal, 1, t.pk or 0, Peristiwa.TINDAK_LANJUT))
        if t.verifikasi:
            urut.append((t.tanggal, 1, t.pk or 0, PERISTIWA_VERIFIKASI[t.verifikasi]))
    # stable sort: a follow-up's own events keep their order
    return [p for *_k, p in sorted(urut, key=lambda x: x[:3])]


def _baris(rek: Rekomendasi, hari_ini: datetime.date, akhir: datetime.date | None = None) -> BarisRegister:
    """A register row; with `akhir`, as at that date (plans and follow-ups dated up to it, the status they lead
    to, overdue at that date)."""
    rencana = list(rek.rencana.all())
    tl = list(rek.tindak_lanjut.all())
    status = rek.status
    if akhir is not None:
        rencana = [r for r in rencana if r.tanggal_mulai <= akhir]
        tl = [t for t in tl if t.tanggal <= akhir]
        status = status_pada(peristiwa_sampai(rencana, tl))
        hari_ini = akhir
    dilaporkan = [t for t in tl if not _deklarasi_td(t)]
    terakhir = dilaporkan[-1].progres if dilaporkan else None
    return BarisRegister(
        rekomendasi=rek,
        status=status,
        rencana=rencana,
        tindak_lanjut=tl,
        terlambat=terlambat(rek.batas_waktu, status, hari_ini),
        umur=kelompok_umur(rek.batas_waktu, status, hari_ini),
        progres=progres_rekomendasi(status, terakhir),
        final=status_final(status),
    )


def susun_register(
    *,
    unit_ids: Iterable[int] | None,
    tahun: int | None = None,
    status: str = "",
    jenis_sumber: str = "",
    hanya_terlambat: bool = False,
    menunggu_verifikasi: bool = False,
    hari_ini: datetime.date | None = None,
    rekomendasi_ids: Iterable[int] | None = None,
) -> list[BarisRegister]:
    """The register rows of the given units (None = every unit), filtered; 4 queries whatever the count."""
    hari_ini = hari_ini or timezone.localdate()
    qs = _qs()
    if unit_ids is not None:
        qs = qs.filter(unit_pj_id__in=list(unit_ids))
    if rekomendasi_ids is not None:
        qs = qs.filter(pk__in=list(rekomendasi_ids))
    if tahun:
        qs = qs.filter(tahun=tahun)
    if status:
        qs = qs.filter(status=status)
    if jenis_sumber:
        qs = qs.filter(sumber__jenis=jenis_sumber)
    if hanya_terlambat:
        qs = qs.filter(batas_waktu__lt=hari_ini).exclude(
            status__in=[StatusRekomendasi.SESUAI, StatusRekomendasi.TIDAK_DAPAT]
        )
    if menunggu_verifikasi:
        qs = qs.filter(
            Q(tindak_lanjut__verifikasi="", tindak_lanjut__isnull=False) | Q(rencana__status=StatusRencana.DRAF)
        ).distinct()
    qs = qs.order_by("unit_pj__nama", "-sumber__tanggal", "sumber_id", "nomor_urut", "id")
    return [_baris(r, hari_ini) for r in qs]


def ringkas_umur(baris: Iterable[BarisRegister]) -> dict[str, int]:
    """Counts of overdue recommendations by ageing bucket."""
    hitung = Counter(b.umur for b in baris if b.umur)
    return dict(hitung)


def _tahun_lalu(unit: UnitKerja, tahun: int, jenis: Iterable[str]):
    return Rekomendasi.objects.filter(unit_pj=unit, sumber__jenis__in=list(jenis), sumber__tahun_objek=tahun - 1)


def rekomendasi_tahun_lalu(
    unit: UnitKerja, tahun: int, *, jenis: Iterable[str] = SUMBER_EVALUASI, hari_ini: datetime.date | None = None
) -> list[BarisRegister]:
    """The recommendations of the evaluation of year `tahun` − 1 (LHE sources by default) to `unit`, with their
    plans, follow-ups and status: the LHE's "tindak lanjut hasil evaluasi tahun lalu" and the LKj's Bab III."""
    hari_ini = hari_ini or timezone.localdate()
    qs = _qs().filter(pk__in=_tahun_lalu(unit, tahun, jenis).values("pk"))
    return [_baris(r, hari_ini) for r in qs.order_by("sumber__tanggal", "sumber_id", "nomor_urut", "id")]


@dataclass
class PorsiTindakLanjut:
    """The share of last year's recommendations followed up (Sesuai), the LKE answer it suggests and why."""

    porsi: Decimal | None
    huruf: str
    alasan: str
    jumlah: dict[str, int] = field(default_factory=dict)


def porsi_ditindaklanjuti(unit: UnitKerja, tahun: int, *, jenis: Iterable[str] = SUMBER_EVALUASI) -> PorsiTindakLanjut:
    """% TL sesuai = S ÷ (total − TD) of the recommendations of the evaluation of `tahun` − 1 to `unit` (1 query),
    with the LKE answer it suggests (auto rule `tl_rekomendasi`) and a reason in words."""
    status = list(_tahun_lalu(unit, tahun, jenis).values_list("status", flat=True))
    jumlah = dict(Counter(status))
    porsi = porsi_sesuai(status)
    huruf = huruf_porsi(porsi)
    if porsi is None:
        alasan = _("Tidak ada rekomendasi hasil evaluasi tahun %(t)s yang dapat ditindaklanjuti.") % {"t": tahun - 1}
    else:
        alasan = _(
            "%(s)s dari %(n)s rekomendasi hasil evaluasi tahun %(t)s telah ditindaklanjuti sesuai (%(p)s%%; "
            "%(td)s tidak dapat ditindaklanjuti tidak dihitung)."
        ) % {
            "s": jumlah.get(StatusRekomendasi.SESUAI, 0),
            "n": len(status) - jumlah.get(StatusRekomendasi.TIDAK_DAPAT, 0),
            "t": tahun - 1,
            "p": format_angka(porsi, 2),
            "td": jumlah.get(StatusRekomendasi.TIDAK_DAPAT, 0),
        }
    return PorsiTindakLanjut(porsi=porsi, huruf=huruf, alasan=alasan, jumlah=jumlah)


@dataclass(frozen=True)
class TindakLanjutLaporan:
    """What the Laporan Kinerja of a year prints from the register, as at 31 December of that year: the follow-up
    of the previous year's evaluation (Bab III, under the AKIP indikator), the open plans (Bab IV) and the matrix
    (lampiran: the year's recommendations and those still open from earlier years)."""

    tahun: int
    evaluasi_lalu: tuple[BarisRegister, ...] = ()
    matriks: tuple[BarisRegister, ...] = ()
    rencana_terbuka: tuple[tuple[BarisRegister, RencanaAksiTL], ...] = ()


def susun_tl_laporan(unit: UnitKerja, tahun: int) -> TindakLanjutLaporan:
    """The register as the year's report prints it (4 queries whatever the count): statuses as at 31 December of
    `tahun`, from the plans and follow-ups dated up to then (an approved year's report does not change when
    next year's follow-ups arrive)."""
    akhir = datetime.date(tahun, 12, 31)
    awal = datetime.date(tahun - 1, 12, 31)
    qs = _qs().filter(unit_pj=unit, tahun__lte=tahun).order_by("sumber__tanggal", "sumber_id", "nomor_urut", "id")
    evaluasi, matriks, rencana = [], [], []
    for rek in qs:
        b = _baris(rek, akhir, akhir)
        if rek.sumber.jenis in SUMBER_EVALUASI and rek.sumber.tahun_objek == tahun - 1:
            evaluasi.append(b)
        if rek.tahun == tahun or not _baris(rek, awal, awal).final:
            matriks.append(b)
            if not b.final:
                rencana.extend((b, r) for r in b.rencana if r.status != StatusRencana.DITOLAK)
    return TindakLanjutLaporan(
        tahun=tahun, evaluasi_lalu=tuple(evaluasi), matriks=tuple(matriks), rencana_terbuka=tuple(rencana)
    )
