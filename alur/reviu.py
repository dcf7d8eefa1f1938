"""The APIP's LKj review over the report's data: the checklist points the app can check itself (from the one
bundle read of the report, `laporan.bundel.ambil_bundel`), and opening the review with them. The review's writes
are `tindak_lanjut.reviu`; the statement it makes the report print is read by `laporan.bundel`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from indikator.models import UnitKerja
from indikator.queries import DataTidakDitemukan
from laporan.bundel import ambil_bundel
from tindak_lanjut import reviu as reviu_tl
from tindak_lanjut.enums import ButirPeriksa as B
from tindak_lanjut.models import ReviuLaporan


def periksa_otomatis(unit: UnitKerja, tahun: int) -> dict[str, tuple[bool, str]]:
    """Checklist code → (met, reason) for the points the data decide; the others are left to the reviewer."""
    try:
        b = ambil_bundel(unit, tahun)
    except DataTidakDitemukan:
        return {}
    baris = b.ukur.baris
    hasil: dict[str, tuple[bool, str]] = {}
    hasil[B.PK] = (
        (True, _("%(n)s versi Perjanjian Kinerja tahun %(t)s.") % {"n": len(b.versi_pk), "t": tahun})
        if b.versi_pk
        else (False, _("Belum ada Perjanjian Kinerja tahun %(t)s.") % {"t": tahun})
    )
    dihitung = sum(1 for x in baris if x.dihitung)
    hasil[B.BANDING_TARGET] = (
        bool(baris) and dihitung == len(baris),
        _("Capaian terhadap target terhitung untuk %(d)s dari %(n)s indikator.") % {"d": dihitung, "n": len(baris)},
    )
    lalu = sum(1 for x in baris if (r := b.riwayat.get(x.indikator.pk)) and (n := r.untuk(tahun - 1)) and not n.kosong)
    hasil[B.BANDING_TAHUN_LALU] = (
        bool(baris) and lalu == len(baris),
        _("Data tahun %(t)s ada untuk %(d)s dari %(n)s indikator.") % {"t": tahun - 1, "d": lalu, "n": len(baris)},
    )
    renstra = sum(1 for x in baris if x.target_akhir.nilai is not None or x.target_akhir.teks)
    hasil[B.BANDING_RENSTRA] = (
        bool(baris) and renstra == len(baris),
        _("Target akhir Renstra ada untuk %(d)s dari %(n)s indikator.") % {"d": renstra, "n": len(baris)},
    )
    hasil[B.EFISIENSI] = (
        bool(b.efisiensi),
        _("Tabel efisiensi berisi %(n)s sub-kegiatan.") % {"n": len(b.efisiensi)},
    )
    hasil[B.ANGGARAN] = (
        b.anggaran.total_pagu > 0,
        _("Pagu dan realisasi anggaran tahun %(t)s tercatat.") % {"t": tahun}
        if b.anggaran.total_pagu > 0
        else _("Belum ada pagu anggaran tahun %(t)s.") % {"t": tahun},
    )
    tl = b.tindak_lanjut
    hasil[B.TINDAK_LANJUT] = (
        bool(tl.evaluasi_lalu or tl.matriks),
        _("%(n)s rekomendasi tercantum dalam matriks tindak lanjut.") % {"n": len(tl.matriks)},
    )
    analisis = sum(1 for ns in b.ukur.sasaran if b.narasi.untuk_sasaran(ns.sasaran.pk))
    hasil[B.ANALISIS_PENYEBAB] = (
        bool(b.ukur.sasaran) and analisis == len(b.ukur.sasaran),
        _("Analisis tertulis untuk %(d)s dari %(n)s sasaran.") % {"d": analisis, "n": len(b.ukur.sasaran)},
    )
    return hasil


def buka_reviu(*, oleh, unit: UnitKerja, tahun: int) -> ReviuLaporan:
    """Open the review of a submitted LKj with the app's checks pre-filled (`tindak_lanjut.reviu.buka_reviu`)."""
    return reviu_tl.buka_reviu(oleh=oleh, unit=unit, tahun=tahun, otomatis=periksa_otomatis(unit, tahun))
