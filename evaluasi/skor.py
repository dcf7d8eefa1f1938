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


@dataclass(frozen=True)
class SubTahun:
    """A sub-component's share of its weight across the issued evaluations of a year (the overview)."""

    kode: str
    nama: str
    komponen: str
    template: str
    porsi: f.PorsiSub

    @property
    def rata(self) -> Decimal | None:
        """The mean score (unrounded)."""
        p = self.porsi
        return sum(p.skor, f.NOL) / len(p.skor) if p.skor else None


def sub_komponen_tahun(evaluasi: list[Evaluasi]) -> list[SubTahun]:
    """Every sub-component of the given evaluations' templates with the final-layer scores of those evaluations
    (unanswered counts 0, as the final layer does), weakest share first. 4 queries whatever the number of
    evaluations: the templates' components, sub-components and criteria, and every final value."""
    if not evaluasi:
        return []
    template_id = {ev.template_id for ev in evaluasi}
    komponen = list(
        LkeKomponen.objects.filter(template_id__in=template_id)
        .select_related("template")
        .prefetch_related("sub__kriteria")
        .order_by("template_id", "urutan", "id")
    )
    nilai: dict[int, dict[int, Decimal | None]] = {ev.pk: {} for ev in evaluasi}
    for ev_id, kriteria_id, v in Jawaban.objects.filter(evaluasi__in=evaluasi).values_list(
        "evaluasi_id", "kriteria_id", "nilai_final"
    ):
        nilai[ev_id][kriteria_id] = v
    hasil = []
    for k in komponen:
        milik = [ev for ev in evaluasi if ev.template_id == k.template_id]
        for s in k.sub.all():
            struktur = f.Sub(
                s.pk, s.kode, s.bobot, s.metode, tuple(f.Kriteria(c.pk, c.kode, c.bobot) for c in s.kriteria.all())
            )
            skor = tuple(
                h.skor for ev in milik if (h := f.skor_sub(struktur, nilai[ev.pk], kosong_nol=True)).skor is not None
            )
            hasil.append(SubTahun(s.kode, s.nama, k.nama, str(k.template), f.PorsiSub(s.pk, s.bobot, skor)))
    urut = {id(p): i for i, p in enumerate(f.sub_terlemah([h.porsi for h in hasil]))}
    return sorted((h for h in hasil if id(h.porsi) in urut), key=lambda h: urut[id(h.porsi)])
