"""Submit and approve a unit's year: refused while a mandatory narrative section is empty, so a report with holes
is never signed; submit also refused while the unit's performance tree has a finding of severity "galat". The period workflow itself (who, which status) stays in `indikator.periode`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from indikator.periode import ALUR, ajukan_periode, boleh_melakukan, sahkan_periode, tahan_periode
from pohon.periksa import Temuan

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


class PohonBelumKonsisten(ValidationError):
    """The unit's performance tree has findings of severity "galat" (`pohon.periksa`); `temuan` lists them."""

    def __init__(self, temuan: tuple[Temuan, ...]):
        self.temuan = temuan
        pesan = ngettext(
            "Pohon kinerja masih memiliki %(n)s temuan bertingkat galat: %(daftar)s Perbaiki lebih dulu.",
            "Pohon kinerja masih memiliki %(n)s temuan bertingkat galat: %(daftar)s Perbaiki lebih dulu.",
            len(temuan),
        ) % {"n": len(temuan), "daftar": " ".join(f"{t.kode}: {t.pesan}" for t in temuan)}
        super().__init__(pesan, code="pohon_galat")


def pastikan_narasi_lengkap(unit, tahun: int) -> None:
    kosong = periksa_tahun(unit, tahun).narasi_kosong
    if kosong:
        raise NarasiBelumLengkap(kosong)


def pastikan_siap_diajukan(unit, tahun: int) -> None:
    """Submission: every mandatory narrative section written and no tree finding of severity "galat"."""
    periksa = periksa_tahun(unit, tahun)
    if periksa.narasi_kosong:
        raise NarasiBelumLengkap(periksa.narasi_kosong)
    if periksa.pohon_galat:
        raise PohonBelumKonsisten(periksa.pohon_galat)


def _periksa_bila_berlaku(aksi: str, unit, tahun: int, oleh) -> None:
    """Hold the period row, then refuse an incomplete narrative when the step itself would be allowed (a wrong
    status or user is refused by the workflow with its own message)."""
    periode = tahan_periode(unit, tahun)
    if periode.status in ALUR[aksi][0] and boleh_melakukan(oleh, aksi=aksi, unit=unit):
        if aksi == "ajukan":
            pastikan_siap_diajukan(unit, tahun)
        else:
            pastikan_narasi_lengkap(unit, tahun)


@transaction.atomic
def ajukan(*, unit, tahun: int, oleh, catatan: str = ""):
    """The planner submits the year; refused (NarasiBelumLengkap) while a mandatory section is empty, and
    (PohonBelumKonsisten) while the unit's tree has a finding of severity "galat". The period row is held first, so no narrative write slips between the check and the step."""
    _periksa_bila_berlaku("ajukan", unit, tahun, oleh)
    return ajukan_periode(unit=unit, tahun=tahun, oleh=oleh, catatan=catatan)


@transaction.atomic
def sahkan(*, unit, tahun: int, oleh, komentar: str = ""):
    """The head approves the year; refused (NarasiBelumLengkap) while a mandatory section is empty (a year
    submitted before this rule, or reopened by an administrator)."""
    _periksa_bila_berlaku("sahkan", unit, tahun, oleh)
    return sahkan_periode(unit=unit, tahun=tahun, oleh=oleh, komentar=komentar)
