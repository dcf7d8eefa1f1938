"""Sentences generated from data that more than one part of the report prints (ringkasan, Bab III, Bab IV)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from umum.format import format_persen, format_rupiah

from ..bundel import Bundel
from .bantu import hitungan, label_kriteria, tanggal


def sasaran_per_kriteria(b: Bundel) -> tuple[tuple[str, int], ...]:
    """Number of sasaran per band of the scheme (every band, zero included), in the scheme's order."""
    hasil = {band.label: 0 for band in b.skema.bands}
    for s in b.ukur.sasaran:
        if s.kriteria is not None:
            hasil[s.kriteria.label] = hasil.get(s.kriteria.label, 0) + 1
    return tuple(hasil.items())


def indikator_kriteria(b: Bundel) -> str:
    n = len(b.ukur.baris)
    rincian = hitungan(tuple(b.ukur.hitung_per_kriteria().items()))
    return ngettext("Dari %(n)s indikator kinerja, %(rincian)s.", "Dari %(n)s indikator kinerja, %(rincian)s.", n) % {
        "n": n,
        "rincian": rincian or _("belum ada yang dapat dinilai"),
    }


def sasaran_kriteria(b: Bundel) -> str:
    n = len([s for s in b.ukur.sasaran if s.baris])
    rincian = hitungan(sasaran_per_kriteria(b))
    return _("Dari %(n)s sasaran, %(rincian)s.") % {"n": n, "rincian": rincian or _("belum ada yang dapat dinilai")}


def cakupan_nko(b: Bundel) -> str:
    """ "NKO dihitung atas 10 dari 11 indikator; tidak dihitung: IK 3 (belum ada data realisasi)." """
    teks = _("NKO dihitung atas %(n)s dari %(total)s indikator") % {
        "n": b.ukur.jumlah_dihitung,
        "total": b.ukur.jumlah_indikator,
    }
    tidak = [
        _("%(kode)s (%(alasan)s)") % {"kode": bp.indikator.kode, "alasan": bp.alasan.label if bp.alasan else "–"}
        for bp in b.ukur.tidak_dihitung
    ]
    if tidak:
        return _("%(cakupan)s; tidak dihitung: %(daftar)s.") % {"cakupan": teks, "daftar": "; ".join(tidak)}
    return teks + "."


def nko(b: Bundel) -> str:
    if not b.ukur.pakai_perspektif:
        teks = _("Nilai Kinerja Organisasi (NKO) tahun %(tahun)s adalah %(nko)s dengan kategori %(kriteria)s.") % {
            "tahun": b.tahun,
            "nko": format_persen(b.ukur.nko),
            "kriteria": label_kriteria(b.ukur.kriteria_nko),
        }
        return f"{teks} {cakupan_nko(b)}"
    bagian = [
        _("%(perspektif)s %(nps)s (%(kriteria)s)")
        % {"perspektif": p.label, "nps": format_persen(p.nps), "kriteria": label_kriteria(p.kriteria)}
        for p in b.ukur.perspektif
    ]
    return _(
        "Nilai Kinerja Organisasi (NKO) tahun %(tahun)s adalah %(nko)s dengan kategori %(kriteria)s, "
        "rata-rata nilai pencapaian sasaran (NPS) per perspektif: %(rincian)s."
    ) % {
        "tahun": b.tahun,
        "nko": format_persen(b.ukur.nko),
        "kriteria": label_kriteria(b.ukur.kriteria_nko),
        "rincian": "; ".join(bagian),
    } + (f" {cakupan_nko(b)}" if b.ukur.tidak_dihitung else "")


def anggaran(b: Bundel) -> str:
    a = b.anggaran
    return _(
        "Pada tahun %(tahun)s, pagu anggaran %(unit)s sebesar %(pagu)s dengan realisasi %(realisasi)s "
        "(%(serapan)s), sehingga sisa anggaran %(sisa)s."
    ) % {
        "tahun": b.tahun,
        "unit": b.unit.nama,
        "pagu": format_rupiah(a.total_pagu),
        "realisasi": format_rupiah(a.total_realisasi),
        "serapan": format_persen(a.total_serapan),
        "sisa": format_rupiah(a.total_sisa),
    }


def anggaran_pk(b: Bundel) -> str | None:
    """The change of the budget between the first and the last PK version, when it changed."""
    nilai = [(v, v.anggaran) for v in b.versi_pk if v.anggaran is not None]
    if len(nilai) < 2 or nilai[0][1] == nilai[-1][1]:
        return None
    (v0, a0), (v1, a1) = nilai[0], nilai[-1]
    return _(
        "Anggaran dalam Perjanjian Kinerja berubah dari %(awal)s (berlaku %(mulai_awal)s) menjadi %(akhir)s "
        "(berlaku %(mulai_akhir)s)."
    ) % {
        "awal": format_rupiah(a0),
        "mulai_awal": tanggal(v0.berlaku_mulai),
        "akhir": format_rupiah(a1),
        "mulai_akhir": tanggal(v1.berlaku_mulai),
    }
