"""Submit and approve a unit's year: refused while a mandatory narrative section is empty, so a report with holes
is never signed. The period workflow itself (who, which status) stays in `indikator.periode`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from indikator.periode import ajukan_periode, sahkan_periode, tahan_periode

from .ringkasan import BagianKosong, periksa_tahun


class NarasiBelumLengkap(ValidationError):
    """A mandatory narrative section is empty; `kosong` lists each with the link to its editor."""

    def __init__(self, kosong: tuple[BagianKosong, ...]):
        self.kosong = kosong
        pesan = ngettext(
            "%(n)s bagian narasi wajib masih kosong: %(daftar)s. Isi bagian itu lebih dulu.",
            "%(n)s bagian narasi wajib masih kosong: %(daftar)s. Isi bagian-bagian itu lebih dulu.",
            len(kosong),
        ) % {"n": len(kosong), "daftar": "; ".join(b.letak for b in kosong)}
        super().__init__(pesan, code="narasi_kosong")


def pastikan_narasi_lengkap(unit, tahun: int) -> None:
    kosong = periksa_tahun(unit, tahun).narasi_kosong
    if kosong:
        raise NarasiBelumLengkap(kosong)


@transaction.atomic
def ajukan(*, unit, tahun: int, oleh, catatan: str = ""):
    """The planner submits the year; refused (NarasiBelumLengkap) while a mandatory section is empty. The period
    row is held first, so no narrative write slips between the check and the step."""
    tahan_periode(unit, tahun)
    pastikan_narasi_lengkap(unit, tahun)
    return ajukan_periode(unit=unit, tahun=tahun, oleh=oleh, catatan=catatan)


@transaction.atomic
def sahkan(*, unit, tahun: int, oleh, komentar: str = ""):
    """The head approves the year; refused (NarasiBelumLengkap) while a mandatory section is empty (a year
    submitted before this rule, or reopened by an administrator)."""
    tahan_periode(unit, tahun)
    pastikan_narasi_lengkap(unit, tahun)
    return sahkan_periode(unit=unit, tahun=tahun, oleh=oleh, komentar=komentar)
