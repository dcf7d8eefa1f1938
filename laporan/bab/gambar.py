"""The report's diagrams from data: the organisation chart (Bab I, "Peran dan Kedudukan Organisasi") and the
strategy map (Bab II, after the Rencana Strategis), as `laporan.bagan` SVG."""

from __future__ import annotations

from django.utils.translation import gettext as _

from indikator.enums import LevelSasaran, Perspektif

from .. import bagan
from ..bundel import Bundel
from ..dokumen import Gambar
from ..models import GambarLaporan
from .bantu import gambar_baru, gambar_unggahan


def _kotak(b: Bundel, unit) -> bagan.Kotak:
    k = b.kepala if unit.pk == b.unit.pk else b.kepala_unit_lain.get(unit.pk)
    if k is None:
        return bagan.Kotak(unit.nama)
    return bagan.Kotak(unit.nama, kepala=k.nama_bergelar or k.nama, jabatan=k.jabatan)


def gambar_struktur(b: Bundel) -> list[Gambar]:
    """Gambar "Struktur Organisasi": the unit with its head, its parent above and its sub-units below; or the
    images uploaded to replace it."""
    if ganti := b.gambar.get(GambarLaporan.GANTI_STRUKTUR):
        return [gambar_unggahan(g) for g in ganti]
    judul = _("Struktur Organisasi %(unit)s") % {"unit": b.unit.nama}
    svg = bagan.struktur_organisasi(
        _kotak(b, b.unit),
        induk=_kotak(b, b.unit_induk) if b.unit_induk else None,
        anak=[_kotak(b, u) for u in b.sub_unit],
        judul=judul,
    )
    return [gambar_baru(judul, svg)]


def gambar_peta_strategi(b: Bundel) -> list[Gambar]:
    """Gambar "Peta Strategi": the sasaran of the year's Renstra structure in rows per BSC perspective, or per
    sasaran level when the scheme uses no perspectives (none without sasaran); or the images uploaded to
    replace it."""
    if ganti := b.gambar.get(GambarLaporan.GANTI_PETA):
        return [gambar_unggahan(g) for g in ganti]
    sasaran = list(b.revisi_kini.sasaran.all())
    if not sasaran:
        return []
    if b.skema.pakai_perspektif:
        kelompok = [(str(p.label), p.value) for p in Perspektif] + [(_("Tanpa perspektif"), "")]
        kunci = "perspektif"
    else:
        kelompok = [(str(lv.label), lv.value) for lv in LevelSasaran]
        kunci = "level"
    baris = [
        bagan.Baris(label, tuple(s.nama for s in sasaran if getattr(s, kunci) == nilai)) for label, nilai in kelompok
    ]
    r = b.revisi_kini
    judul = _("Peta Strategi %(unit)s %(awal)s–%(akhir)s") % {
        "unit": b.unit.nama,
        "awal": r.berlaku_mulai,
        "akhir": b.renstra.tahun_selesai,
    }
    return [gambar_baru(judul, bagan.peta_strategi(baris, judul=judul))]
