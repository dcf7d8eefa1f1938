"""The demo's example AKIP self-assessment: the reference unit's 2018 on the PermenPANRB 88/2021 template, marked
as an example (`Evaluasi.contoh`), answered with the suggestions the app computes from the 2018 data (the other
criteria are left for the planner). The reference's recorded AKIP totals 2015–2018 come with the reference data
(`demo.referensi`, `nilai_akip`)."""

from __future__ import annotations

from django.db import transaction

from alur.saran_lke import hitung_saran
from evaluasi.enums import JenisEvaluasi, Lapisan
from evaluasi.layanan import buka_evaluasi, simpan_jawaban
from evaluasi.models import Evaluasi, LkeKriteria
from evaluasi.templat import template_aktif
from indikator.enums import RegulasiAkip
from indikator.models import UnitKerja

CATATAN = "Contoh penilaian mandiri: jawaban mengikuti saran aplikasi."


@transaction.atomic
def buat_contoh_lke(*, slug: str, tahun: int, oleh) -> Evaluasi | None:
    """Create the example once (an existing one is kept); None when the unit does not exist."""
    unit = UnitKerja.objects.filter(slug=slug).first()
    if unit is None:
        return None
    ada = Evaluasi.objects.filter(unit=unit, tahun=tahun, jenis=JenisEvaluasi.MANDIRI).first()
    if ada is not None:
        return ada
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    saran = hitung_saran(t, unit, tahun)
    ev = buka_evaluasi(
        unit=unit, tahun=tahun, jenis=JenisEvaluasi.MANDIRI, template=t, oleh=oleh, saran=saran, contoh=True
    )
    kriteria = {k.kode: k for k in LkeKriteria.objects.filter(sub__komponen__template=t)}
    for kode, s in saran.items():
        simpan_jawaban(
            ev=ev, kriteria=kriteria[kode], lapisan=Lapisan.MANDIRI, label=s.label, catatan=CATATAN, oleh=oleh
        )
    return ev
