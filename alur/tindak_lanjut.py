"""Automatic closure conditions of recommendations (`tindak_lanjut.enums.SyaratSelesai`), evaluated here because
some need the report's documents (the IKU decree's wording lives in `laporan`), which `tindak_lanjut` may not
import. A met condition shows "syarat terpenuhi" with its evidence; the APIP still verifies (Sesuai).
Also the issuing of an LHE with its source in the register (`terbitkan_lhe_dengan_sumber`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from evaluasi.layanan import terbitkan_lhe
from evaluasi.models import Evaluasi, Lhe
from indikator.models import Indikator, PerjanjianKinerja, Realisasi
from indikator.periode import ambil_periode
from laporan.bundel import ambil_naskah
from tindak_lanjut.enums import SyaratSelesai
from tindak_lanjut.formulas import tanggal_teks
from tindak_lanjut.models import Rekomendasi
from tindak_lanjut.services import sumber_dari_lhe


@dataclass(frozen=True)
class HasilSyarat:
    terpenuhi: bool
    bukti: str


def _iku(unit, tahun) -> HasilSyarat:
    naskah = ambil_naskah(unit, tahun, ambil_periode(unit=unit, tahun=tahun))
    if naskah.iku_nomor and naskah.iku_tanggal and naskah.iku_tanggal.year <= tahun:
        return HasilSyarat(
            True,
            _("Keputusan Penetapan IKU nomor %(nomor)s tanggal %(tanggal)s")
            % {"nomor": naskah.iku_nomor, "tanggal": tanggal_teks(naskah.iku_tanggal)},
        )
    return HasilSyarat(False, _("Nomor dan tanggal keputusan IKU tahun %(t)s belum diisi.") % {"t": tahun})


def _pk(unit, tahun) -> HasilSyarat:
    pk = PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun).prefetch_related("versi").first()
    versi = list(pk.versi.all()) if pk else []
    if versi:
        return HasilSyarat(True, _("Perjanjian Kinerja tahun %(t)s, %(n)s versi") % {"t": tahun, "n": len(versi)})
    return HasilSyarat(False, _("Belum ada Perjanjian Kinerja tahun %(t)s.") % {"t": tahun})


def _realisasi(unit, tahun) -> HasilSyarat:
    tw = set(
        Realisasi.objects.filter(
            indikator__in=Indikator.objects.milik(unit), tahun=tahun, triwulan__isnull=False
        ).values_list("triwulan", flat=True)
    )
    if tw >= {1, 2, 3, 4}:
        return HasilSyarat(True, _("Realisasi triwulan I–IV tahun %(t)s terisi") % {"t": tahun})
    return HasilSyarat(False, _("Realisasi tahun %(t)s baru terisi untuk %(n)s triwulan.") % {"t": tahun, "n": len(tw)})


def _lkj(unit, tahun) -> HasilSyarat:
    periode = ambil_periode(unit=unit, tahun=tahun)
    if periode.final:
        return HasilSyarat(
            True, _("Laporan Kinerja tahun %(t)s %(s)s") % {"t": tahun, "s": periode.get_status_display()}
        )
    return HasilSyarat(False, _("Laporan Kinerja tahun %(t)s belum disahkan.") % {"t": tahun})


PEMERIKSA = {
    SyaratSelesai.IKU_TERBIT: _iku,
    SyaratSelesai.PK_TERBIT: _pk,
    SyaratSelesai.REALISASI_EMPAT_TW: _realisasi,
    SyaratSelesai.LKJ_DISAHKAN: _lkj,
}


def periksa_syarat(rekomendasi: Iterable[Rekomendasi]) -> dict[int, HasilSyarat]:
    """The automatic closure condition of each recommendation that has one (by id), each (condition, unit, year)
    checked once."""
    tembolok: dict[tuple, HasilSyarat] = {}
    hasil = {}
    for rek in rekomendasi:
        if not rek.syarat_selesai:
            continue
        kunci = (rek.syarat_selesai, rek.unit_pj_id, rek.tahun)
        if kunci not in tembolok:
            tembolok[kunci] = PEMERIKSA[rek.syarat_selesai](rek.unit_pj, rek.tahun)
        hasil[rek.pk] = tembolok[kunci]
    return hasil


@transaction.atomic
def terbitkan_lhe_dengan_sumber(*, ev: Evaluasi, lhe: Lhe, oleh, alasan_abaikan: str = "") -> Evaluasi:
    """Issue the LHE (`evaluasi.layanan.terbitkan_lhe`) and, in the same transaction, create its source of
    recommendations in the register linked to the evaluation (`tindak_lanjut.services.sumber_dari_lhe`)."""
    ev = terbitkan_lhe(ev=ev, lhe=lhe, oleh=oleh, alasan_abaikan=alasan_abaikan)
    sumber_dari_lhe(oleh=oleh, ev=ev, lhe=lhe)
    return ev
