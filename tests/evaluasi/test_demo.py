"""The demo's example self-assessment on the reference unit (2018, PermenPANRB 88/2021): marked as an example,
answered with the suggestions from the 2018 data, the recorded AKIP totals 2015–2018 untouched."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from demo.lke import buat_contoh_lke
from evaluasi.models import Jawaban
from indikator.enums import Peran
from indikator.models import NilaiAkip
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db


def test_contoh_penilaian_mandiri_2018(referensi):
    perencana = buat_pengguna("perencana_demo", Peran.PERENCANA, referensi)
    ev = buat_contoh_lke(slug=referensi.slug, tahun=2018, oleh=perencana)
    assert ev.contoh and ev.jenis == "mandiri"
    saran = Jawaban.objects.filter(evaluasi=ev, saran_opsi__isnull=False)
    assert saran.count() >= 6
    assert all(j.opsi_mandiri_id == j.saran_opsi_id for j in saran)
    assert buat_contoh_lke(slug=referensi.slug, tahun=2018, oleh=perencana) == ev  # once
    totals = dict(NilaiAkip.objects.filter(unit=referensi).values_list("tahun", "nilai_dilaporkan"))
    assert totals == {2015: D("62.05"), 2016: D("69.84"), 2017: D("72.08"), 2018: D("72.58")}

    keluar = StringIO()
    call_command("lke", unit=referensi.slug, tahun=2018, json=True, stdout=keluar)
    data = json.loads(keluar.getvalue())
    assert data["evaluasi"]["contoh"] is True
    assert data["lapisan"]["mandiri"]["terjawab"] == saran.count()
    assert {s["kriteria"] for s in data["saran"]} == {j.kriteria.kode for j in saran}
    assert all(s["alasan"] for s in data["saran"])
