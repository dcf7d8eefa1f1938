"""The LKE of a unit's year as data (`manage.py lke --json`, the evaluation pages): the template with its codes
and weights, each layer's component scores, total and predikat, and the suggestions with their reasons — frozen
in the evaluation when one exists, computed from the app's data otherwise."""

from __future__ import annotations

from decimal import Decimal

from evaluasi import formulas as f
from evaluasi.enums import URUTAN_LAPISAN, JenisEvaluasi
from evaluasi.models import Evaluasi, LkeKomponen, LkeTemplate
from evaluasi.skor import hasil_evaluasi
from evaluasi.templat import template_aktif
from indikator.enums import RegulasiAkip
from indikator.models import UnitKerja

from .saran_lke import hitung_saran


def _angka(x: Decimal | None) -> str | None:
    return None if x is None else str(x)


def _tampil(x: Decimal | None) -> str | None:
    return None if x is None else str(f.tampil(x))


def cari_evaluasi(unit: UnitKerja, tahun: int, jenis: str | None = None) -> Evaluasi | None:
    """The unit's evaluation of the year: of the given kind, else the most advanced (external, APIP, self)."""
    qs = Evaluasi.objects.filter(unit=unit, tahun=tahun).select_related("template", "unit")
    if jenis:
        return qs.filter(jenis=jenis).first()
    urutan = {JenisEvaluasi.EKSTERNAL: 0, JenisEvaluasi.APIP: 1, JenisEvaluasi.MANDIRI: 2}
    return min(qs, key=lambda e: urutan[e.jenis], default=None)


def _template(t: LkeTemplate, komponen: list[LkeKomponen]) -> dict:
    return {
        "kode": t.kode,
        "versi": t.versi,
        "nama": t.nama,
        "regulasi": t.regulasi,
        "komponen": [
            {
                "kode": k.kode,
                "nama": k.nama,
                "bobot": _angka(k.bobot),
                "sub": [
                    {
                        "kode": s.kode,
                        "nama": s.nama,
                        "jenis": s.jenis,
                        "bobot": _angka(s.bobot),
                        "metode": s.metode,
                        "kriteria": [
                            {
                                "kode": c.kode,
                                "kriteria": c.pertanyaan,
                                "skala": c.skala.kode,
                                "bobot": _angka(c.bobot),
                                "bukti": [
                                    {"nama": b.nama, "jenis_dokumen": b.jenis_dokumen, "tahun_offset": b.tahun_offset}
                                    for b in c.bukti.all()
                                ],
                            }
                            for c in s.kriteria.all()
                        ],
                    }
                    for s in k.sub.all()
                ],
            }
            for k in komponen
        ],
    }


def data_lke(unit: UnitKerja, tahun: int, *, jenis: str | None = None) -> dict:
    ev = cari_evaluasi(unit, tahun, jenis)
    if ev is None:
        t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
        komponen = list(
            LkeKomponen.objects.filter(template=t).prefetch_related("sub__kriteria__bukti", "sub__kriteria__skala")
        )
        return {
            "unit": unit.slug,
            "tahun": tahun,
            "evaluasi": None,
            "template": _template(t, komponen),
            "lapisan": {},
            "saran": [
                {"kriteria": kode, "jawaban": s.label, "alasan": s.alasan}
                for kode, s in sorted(hitung_saran(t, unit, tahun).items())
            ],
        }
    h = hasil_evaluasi(ev)
    kode = {c.pk: c.kode for k in h.komponen for s in k.sub.all() for c in s.kriteria.all()}
    lapisan = {}
    for nama in URUTAN_LAPISAN:
        hl = h.lapisan[nama]
        lapisan[nama] = {
            "komponen": {k.kode: _angka(hl.komponen[k.pk].skor) for k in h.komponen},
            "total": _angka(hl.total),
            "total_tampil": _tampil(hl.total),
            "predikat": hl.predikat.kode if hl.predikat else None,
            "terjawab": hl.terjawab,
            "jumlah": hl.jumlah,
            "kerangka_logis": [
                {"kriteria": kode[p.aturan.kriteria], "pesan": p.aturan.pesan} for p in h.kerangka[nama]
            ],
        }
    return {
        "unit": unit.slug,
        "tahun": tahun,
        "evaluasi": {
            "jenis": ev.jenis,
            "tahap": ev.status,
            "contoh": ev.contoh,
            "nilai_akhir": _angka(ev.nilai_total),
            "predikat": ev.predikat or None,
            "hash": ev.hash or None,
        },
        "template": _template(ev.template, h.komponen),
        "lapisan": lapisan,
        "deviasi": [
            {"kriteria": kode[d.kriteria], "mandiri": str(d.mandiri), "final": str(d.final)} for d in h.deviasi
        ],
        "saran": [
            {"kriteria": kode[j.kriteria_id], "jawaban": j.saran_opsi.label, "alasan": j.saran_alasan}
            for j in sorted(h.jawaban.values(), key=lambda j: kode[j.kriteria_id])
            if j.saran_opsi_id
        ],
    }
