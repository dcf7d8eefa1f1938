"""Pure rules of the recommendations register: the status state machine, deadlines, ageing, reminder days and
the share followed up (`../shared/docs/siklus.md` §4.3). No queries; table-tested in tests/tindak_lanjut."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from umum.bulan import NAMA_BULAN

from .enums import STATUS_FINAL, HasilVerifikasi, KelompokUmur, Peristiwa
from .enums import StatusRekomendasi as S

# (status, peristiwa) → the next status. Absent = refused. S and TD are final: nothing leaves them.
TRANSISI: dict[tuple[str, str], str] = {
    (S.BELUM, Peristiwa.RENCANA): S.PROSES,
    (S.BELUM, Peristiwa.TINDAK_LANJUT): S.PROSES,
    (S.PROSES, Peristiwa.RENCANA): S.PROSES,
    (S.PROSES, Peristiwa.TINDAK_LANJUT): S.PROSES,
    (S.BELUM_SESUAI, Peristiwa.RENCANA): S.BELUM_SESUAI,
    (S.BELUM_SESUAI, Peristiwa.TINDAK_LANJUT): S.PROSES,
    (S.PROSES, Peristiwa.VERIFIKASI_SESUAI): S.SESUAI,
    (S.PROSES, Peristiwa.VERIFIKASI_BELUM_SESUAI): S.BELUM_SESUAI,
    (S.BELUM, Peristiwa.VERIFIKASI_TIDAK_DAPAT): S.TIDAK_DAPAT,
    (S.PROSES, Peristiwa.VERIFIKASI_TIDAK_DAPAT): S.TIDAK_DAPAT,
    (S.BELUM_SESUAI, Peristiwa.VERIFIKASI_TIDAK_DAPAT): S.TIDAK_DAPAT,
}

PERISTIWA_VERIFIKASI = {
    HasilVerifikasi.SESUAI: Peristiwa.VERIFIKASI_SESUAI,
    HasilVerifikasi.BELUM_SESUAI: Peristiwa.VERIFIKASI_BELUM_SESUAI,
    HasilVerifikasi.TIDAK_DAPAT: Peristiwa.VERIFIKASI_TIDAK_DAPAT,
}

SERATUS = Decimal("100")
DUA_DESIMAL = Decimal("0.01")


def status_final(status: str) -> bool:
    return status in STATUS_FINAL


def status_berikut(status: str, peristiwa: str) -> str:
    """The status after `peristiwa`, or ValidationError (code "transisi") when the state machine forbids it."""
    if status_final(status):
        raise ValidationError(
            _("Rekomendasi berstatus %(status)s sudah final dan tidak dapat diubah.") % {"status": S(status).label},
            code="final",
        )
    berikut = TRANSISI.get((status, peristiwa))
    if berikut is None:
        raise ValidationError(
            _("Perubahan dari status %(status)s karena %(peristiwa)s tidak diizinkan.")
            % {"status": S(status).label, "peristiwa": Peristiwa(peristiwa).label},
            code="transisi",
        )
    return berikut


def periksa_verifikasi(hasil: str, catatan: str) -> None:
    """A verification other than Sesuai needs a note."""
    if hasil != HasilVerifikasi.SESUAI and not (catatan or "").strip():
        raise ValidationError(
            {"catatan": _("Catatan wajib diisi bila hasil verifikasi bukan Sesuai.")}, code="catatan_wajib"
        )


def periksa_progres(progres: Decimal) -> None:
    if progres is None or not (Decimal(0) <= progres <= SERATUS):
        raise ValidationError({"progres": _("Progres harus antara 0 dan 100 persen.")}, code="progres")


def hari_lewat(batas_waktu: datetime.date, hari_ini: datetime.date) -> int:
    """Days past the deadline (0 or less: not yet past)."""
    return (hari_ini - batas_waktu).days


def terlambat(batas_waktu: datetime.date, status: str, hari_ini: datetime.date) -> bool:
    """Overdue: past the deadline (the deadline day itself is still in time) and not final."""
    return not status_final(status) and hari_lewat(batas_waktu, hari_ini) > 0


def kelompok_umur(batas_waktu: datetime.date, status: str, hari_ini: datetime.date) -> str | None:
    """The ageing bucket of an overdue recommendation (days past its deadline), None when not overdue."""
    if not terlambat(batas_waktu, status, hari_ini):
        return None
    hari = hari_lewat(batas_waktu, hari_ini)
    if hari <= 30:
        return KelompokUmur.SAMPAI_30
    if hari <= 90:
        return KelompokUmur.SAMPAI_90
    return KelompokUmur.LEBIH_90


HARI_SEBELUM_PENGINGAT = (7, 3, 1)


def perlu_pengingat(batas_waktu: datetime.date, status: str, hari_ini: datetime.date) -> bool:
    """A reminder is due 7, 3 and 1 days before the deadline, and weekly once overdue (the first day overdue,
    then every 7 days); never for a final recommendation."""
    if status_final(status):
        return False
    sisa = (batas_waktu - hari_ini).days
    if sisa in HARI_SEBELUM_PENGINGAT:
        return True
    return sisa < 0 and (-sisa - 1) % 7 == 0


def bulat(nilai: Decimal) -> Decimal:
    return nilai.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def porsi_sesuai(status: Iterable[str]) -> Decimal | None:
    """% TL sesuai = S ÷ (total − TD) × 100, half-up to 2 places; None when nothing is left to count."""
    daftar = list(status)
    penyebut = sum(1 for s in daftar if s != S.TIDAK_DAPAT)
    if not penyebut:
        return None
    return bulat(Decimal(sum(1 for s in daftar if s == S.SESUAI)) * SERATUS / Decimal(penyebut))


def huruf_porsi(porsi: Decimal | None) -> str:
    """The LKE answer the share suggests (auto rule `tl_rekomendasi`): ≥ 90 A, ≥ 75 B, ≥ 50 C, > 0 D, else E."""
    if porsi is None or porsi <= 0:
        return "E"
    for batas, huruf in ((Decimal(90), "A"), (Decimal(75), "B"), (Decimal(50), "C")):
        if porsi >= batas:
            return huruf
    return "D"


def progres_rekomendasi(status: str, progres_terakhir: Decimal | None) -> Decimal:
    """The % a matrix row prints: 100 when Sesuai, else the last reported progress (0 when none)."""
    if status == S.SESUAI:
        return SERATUS
    return progres_terakhir if progres_terakhir is not None else Decimal(0)


def tanggal_teks(d: datetime.date | None) -> str:
    """A date as the report prints it ("15 Januari 2018"), "" for none."""
    if d is None:
        return ""
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def status_pada(peristiwa: Iterable[str]) -> str:
    """The status after the given events in order, from Belum ditindaklanjuti (the status a report prints as at
    a date: the events dated up to it). An event the machine does not allow at that point changes nothing."""
    status = S.BELUM
    for p in peristiwa:
        if status_final(status):
            break
        status = TRANSISI.get((status, p), status)
    return status
