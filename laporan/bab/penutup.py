"""Bab IV Penutup: the conclusion sentence and the narrative (kesimpulan, saran, penutup)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..bundel import Bundel
from ..dokumen import Bagian, Blok, Paragraf
from . import kalimat, kerangka


def bab_penutup(b: Bundel) -> Bagian:
    kesimpulan: list[Blok] = [Paragraf(kalimat.sasaran_kriteria(b) + " " + kalimat.indikator_kriteria(b))]
    # The count opens the conclusion; the narrative's numbered points follow it.
    anak = kerangka.slot(b, 4, kerangka.huruf, {}, awal={"bab4_kesimpulan": kesimpulan})
    return kerangka.susun_bab(4, _("PENUTUP"), anak)
