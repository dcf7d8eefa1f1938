"""An evaluation's scores read from the database: every layer's scores, kerangka logis findings and the deviation
list, built with a constant number of queries (`hasil_evaluasi`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import formulas as f
from .enums import URUTAN_LAPISAN, Lapisan
from .models import Evaluasi, Jawaban, KerangkaLogis, LkeKomponen, PredikatBand
from .templat import band


@dataclass(frozen=True)
class HasilEvaluasi:
    evaluasi: Evaluasi
    komponen: list[LkeKomponen]  # with sub and kriteria prefetched
    jawaban: dict[int, Jawaban]  # by kriteria id
    lapisan: dict[str, f.HasilLapisan]
    kerangka: dict[str, list[f.Pelanggaran]]
    deviasi: list[f.Deviasi]
    struktur: list[f.Komponen]

    def nilai(self, lapisan: str) -> dict[int, Decimal | None]:
        return {k: j.nilai(lapisan) for k, j in self.jawaban.items()}


def _aturan(template_id: int) -> list[f.Aturan]:
    return [
        f.Aturan(
            r.pk,
            r.kriteria_id,
            r.tipe,
            r.pembanding_kriteria_id or r.pembanding_sub_id,
            r.pesan,
        )
        for r in KerangkaLogis.objects.filter(kriteria__sub__komponen__template_id=template_id).select_related(
            "kriteria"
        )
    ]


def hasil_evaluasi(ev: Evaluasi) -> HasilEvaluasi:
    """All layers of one evaluation (6 queries whatever its size)."""
    komponen = list(
        LkeKomponen.objects.filter(template_id=ev.template_id).prefetch_related(
            "sub__kriteria__bukti", "sub__kriteria__skala__opsi"
        )
    )
    bands = [band(b) for b in PredikatBand.objects.filter(template_id=ev.template_id)]
    jawaban = {j.kriteria_id: j for j in Jawaban.objects.filter(evaluasi=ev).select_related("saran_opsi")}
    struktur = [
        f.Komponen(
            k.pk,
            k.kode,
            k.bobot,
            tuple(
                f.Sub(
                    s.pk, s.kode, s.bobot, s.metode, tuple(f.Kriteria(c.pk, c.kode, c.bobot) for c in s.kriteria.all())
                )
                for s in k.sub.all()
            ),
        )
        for k in komponen
    ]
    kriteria_sub = {s.id: [c.id for c in s.kriteria] for k in struktur for s in k.sub}
    aturan = _aturan(ev.template_id)
    lapisan, kerangka = {}, {}
    for nama in URUTAN_LAPISAN:
        nilai = {k: j.nilai(nama) for k, j in jawaban.items()}
        lapisan[nama] = f.skor_lapisan(struktur, nilai, bands=bands, kosong_nol=nama == Lapisan.FINAL)
        kerangka[nama] = f.periksa_kerangka(aturan, nilai, kriteria_sub)
    deviasi = f.daftar_deviasi(
        {k: j.nilai_mandiri for k, j in jawaban.items()}, {k: j.nilai_final for k, j in jawaban.items()}
    )
    return HasilEvaluasi(ev, komponen, jawaban, lapisan, kerangka, deviasi, struktur)
