"""Bab IV Penutup: the conclusion sentence and the narrative (kesimpulan, saran, penutup), and the open follow-up
plans of the recommendations (the register, `tindak_lanjut`)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tindak_lanjut.formulas import tanggal_teks

from ..bundel import Bundel
from ..dokumen import Bagian, Baris, Blok, Paragraf, Sel
from . import kalimat, kerangka
from .bantu import kepala, tabel_baru


def bab_penutup(b: Bundel) -> Bagian:
    kesimpulan: list[Blok] = [Paragraf(kalimat.sasaran_kriteria(b) + " " + kalimat.indikator_kriteria(b))]
    # The count opens the conclusion; the narrative's numbered points follow it.
    anak = kerangka.slot(b, 4, kerangka.huruf, {}, awal={"bab4_kesimpulan": kesimpulan})
    if blok := rencana_terbuka(b):
        nomor = sum(1 for a in anak if a.judul) + 1
        anak.append(
            Bagian(
                "bab-4-rencana-tindak-lanjut",
                kerangka.huruf(nomor),
                _("Rencana Aksi Tindak Lanjut Rekomendasi"),
                2,
                tuple(blok),
            )
        )
    return kerangka.susun_bab(4, _("PENUTUP"), anak)


def rencana_terbuka(b: Bundel) -> list[Blok]:
    """The plans of the recommendations still open on 31 December: what the unit will do next."""
    daftar = b.tindak_lanjut.rencana_terbuka
    if not daftar:
        return []
    baris = tuple(
        Baris(
            (
                Sel(i, "bulat"),
                Sel(x.rekomendasi.uraian),
                Sel(r.uraian),
                Sel(tanggal_teks(r.target_tanggal)),
                Sel(r.pj),
                Sel(r.get_status_display()),
            )
        )
        for i, (x, r) in enumerate(daftar, start=1)
    )
    judul = _("Rencana Aksi Tindak Lanjut Rekomendasi yang Masih Berjalan per 31 Desember %(tahun)s") % {
        "tahun": b.tahun
    }
    pembuka = _(
        "Rekomendasi yang belum selesai ditindaklanjuti sampai akhir tahun %(tahun)s akan diselesaikan melalui "
        "rencana aksi berikut."
    ) % {"tahun": b.tahun}
    tabel = tabel_baru(
        judul,
        kepala(
            pgettext("nomor urut", "No"),
            _("Rekomendasi"),
            _("Rencana aksi"),
            _("Target selesai"),
            _("Penanggung jawab"),
            _("Persetujuan"),
        ),
        baris,
    )
    return [Paragraf(pembuka), tabel]
