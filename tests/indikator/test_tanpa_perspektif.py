"""Measurement of a unit without perspectives, with a letter-grade target and an indikator not computed (issue 9)."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command

from indikator.enums import AlasanTidakDihitung
from indikator.queries import susun_pengukuran, susun_pengukuran_banyak
from tests.pabrik_tanpa_perspektif import TAHUN, buat_unit_tanpa_perspektif

pytestmark = pytest.mark.django_db


def test_pengukuran_tanpa_perspektif_nps_sasaran():
    unit = buat_unit_tanpa_perspektif()
    p = susun_pengukuran(unit, TAHUN)
    assert p.perspektif == ()
    assert not p.pakai_perspektif
    assert {b.indikator.kode: b.capaian for b in p.baris} == {
        "I1": D("100.00"),
        "I2": D("120.00"),
        "I3": D("89.68"),
        "I4": None,
    }
    i4 = p.baris_indikator(p.baris[-1].indikator.pk)
    assert i4.alasan == AlasanTidakDihitung.TANPA_REALISASI and not i4.dihitung
    assert [s.nps for s in p.sasaran] == [D("110.00"), D("89.68"), None]
    assert p.nko == D("99.84")
    assert (p.jumlah_dihitung, p.jumlah_indikator) == (3, 4)
    assert [b.indikator.kode for b in p.tidak_dihitung] == ["I4"]


def test_pengukuran_tanpa_perspektif_rata_indikator():
    unit = buat_unit_tanpa_perspektif(agregasi_nko="rata_indikator")
    assert susun_pengukuran(unit, TAHUN).nko == D("103.23")
    assert susun_pengukuran_banyak([unit], TAHUN)[unit.pk].nko == D("103.23")


def test_huruf_d_tidak_dihitung_dengan_alasan():
    from indikator.models import Target

    unit = buat_unit_tanpa_perspektif()
    Target.objects.filter(indikator__kode="I3", tahun=TAHUN).update(nilai_kualitatif="D")
    p = susun_pengukuran(unit, TAHUN)
    i3 = next(b for b in p.baris if b.indikator.kode == "I3")
    assert i3.capaian is None and i3.alasan == AlasanTidakDihitung.TARGET_NOL
    assert p.nko == D("110.00") and p.jumlah_dihitung == 2


def test_hitung_capaian_json_tanpa_eksponen():
    unit = buat_unit_tanpa_perspektif()
    out = StringIO()
    call_command("hitung_capaian", "--unit", unit.slug, "--tahun", str(TAHUN), "--json", stdout=out)
    teks = out.getvalue()
    assert "E+" not in teks and "e+" not in teks
    data = json.loads(teks)
    baris = {i["kode"]: i for i in data["indikator"]}
    assert baris["I1"]["target"] == "80" and baris["I1"]["realisasi"] == "80"
    assert baris["I1"]["capaian"] == "100.00"
    assert baris["I2"]["capaian"] == "120.00"
    assert baris["I3"]["target"] is None and baris["I3"]["target_huruf"] == "A"
    assert baris["I3"]["realisasi"] == "71.74" and baris["I3"]["capaian"] == "89.68"
    assert baris["I4"]["capaian"] is None and baris["I4"]["tidak_dihitung"] == "belum ada data realisasi"
    assert data["perspektif"] == []
    assert (data["nko"], data["nko_indikator_dihitung"], data["nko_indikator_total"]) == ("99.84", 3, 4)


def test_hitung_capaian_teks_tanpa_perspektif():
    unit = buat_unit_tanpa_perspektif()
    out = StringIO()
    call_command("hitung_capaian", "--unit", unit.slug, "--tahun", str(TAHUN), stdout=out)
    teks = out.getvalue()
    assert "Perspective" not in teks
    assert "Sasaran S2" in teks and "capaian 89,68 %" in teks
    assert "tidak dihitung: belum ada data realisasi" in teks
    assert "NKO: 99,84 %" in teks and "(dihitung atas 3 dari 4 indikator)" in teks
