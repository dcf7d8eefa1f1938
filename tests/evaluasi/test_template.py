"""The shipped LKE templates (data migration) and template versioning: PermenPANRB 88/2021 with 77 criteria and
their evidence, 12/2015 at component level, weights refused with the delta, immutable once used, clone."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from evaluasi import formulas as f
from evaluasi.enums import JenisEvaluasi
from evaluasi.models import Evaluasi, LkeKriteria, LkeTemplate, OpsiJawaban, TemplateTerpakai
from evaluasi.templat import baca_data, muat_template, salin_versi_baru, struktur, template_aktif
from indikator.enums import RegulasiAkip

pytestmark = pytest.mark.django_db


def _model(nama):
    from django.apps import apps

    return apps.get_model("evaluasi", nama)


def test_template_88_2021_dimuat_dengan_kriteria_dan_bukti():
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    komponen, bands = struktur(t)
    assert [(k.kode, k.bobot) for k in komponen] == [
        ("AREN", D("30")),
        ("BKUR", D("30")),
        ("CLAP", D("15")),
        ("DVAL", D("25")),
    ]
    assert [s.bobot for k in komponen for s in k.sub] == [
        D(x) for x in ("6", "9", "15", "6", "9", "15", "3", "4.5", "7.5", "5", "7.5", "5", "7.5")
    ]
    assert f.periksa_bobot(komponen) == []
    kriteria = LkeKriteria.objects.filter(sub__komponen__template=t)
    assert kriteria.count() == 77
    aren = kriteria.get(kode="AREN001.2")
    assert (aren.skala.kode, aren.nilai_per) == ("YT", "bukti")
    assert [(b.jenis_dokumen, b.tahun_offset) for b in aren.bukti.all()] == [
        ("renja", -1),
        ("renja", 0),
        ("iku", 0),
        ("pk", 0),
    ]
    assert kriteria.get(kode="CLAP002.1").kerangka.count() == 2
    assert f.celah_band(bands) == []
    assert [(b.kode, b.bawah, b.bawah_inklusif) for b in bands][:2] == [
        ("AA", D("90"), False),
        ("A", D("80"), False),
    ]
    ae = t.skala.get(kode="AE")
    assert ae.perlu_konfirmasi
    assert list(OpsiJawaban.objects.filter(skala=ae).values_list("label", "nilai")) == [
        ("A", D("1")),
        ("B", D("0.75")),
        ("C", D("0.5")),
        ("D", D("0.25")),
        ("E", D("0")),
    ]


def test_template_12_2015_tingkat_komponen():
    t = template_aktif(RegulasiAkip.PERMENPAN_12_2015)
    assert t.tingkat_komponen
    assert [(k.komponen_akip, k.bobot) for k in t.komponen.all()] == [
        ("perencanaan", D("30")),
        ("pengukuran", D("25")),
        ("pelaporan", D("15")),
        ("evaluasi_internal", D("10")),
        ("capaian", D("20")),
    ]


def test_bobot_tidak_sesuai_ditolak_dengan_selisih():
    data = baca_data("permenpanrb_88_2021.json")
    data["kode"] = "uji-bobot"
    data["komponen"][0]["sub"][2]["bobot"] = "14.5"
    with pytest.raises(ValidationError) as e:
        muat_template(data, _model)
    assert e.value.messages == ["AREN: jumlah bobot 29,5, seharusnya 30 (selisih -0,5)."]
    data["komponen"][0]["bobot"] = "29.5"
    with pytest.raises(ValidationError) as e:
        muat_template(data, _model)
    assert e.value.messages == ["Template: jumlah bobot 99,5, seharusnya 100 (selisih -0,5)."]
    assert not LkeTemplate.objects.filter(kode="uji-bobot").exists()


def test_template_terpakai_tidak_dapat_diubah_dan_disalin_ke_versi_baru(dunia):
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    Evaluasi.objects.create(template=t, unit=dunia.unit, tahun=2018, jenis=JenisEvaluasi.MANDIRI)
    k = LkeKriteria.objects.get(sub__komponen__template=t, kode="AREN002.5")
    k.pertanyaan = "diubah"
    with pytest.raises(TemplateTerpakai):
        k.save()
    opsi = OpsiJawaban.objects.get(skala__template=t, skala__kode="AE", label="B")
    opsi.nilai = D("0.66")
    with pytest.raises(TemplateTerpakai):
        opsi.save()

    def ubah(data):
        for s in data["skala"]:
            if s["kode"] == "AE":
                s["opsi"] = [["A", "1"], ["B", "0.66"], ["C", "0.33"], ["D", "0"]]

    baru = salin_versi_baru(t, ubah=ubah)
    assert (baru.kode, baru.versi, baru.asal_id) == (t.kode, t.versi + 1, t.pk)
    assert LkeKriteria.objects.filter(sub__komponen__template=baru).count() == 77
    assert list(baru.skala.get(kode="AE").opsi.values_list("nilai", flat=True)) == [
        D("1"),
        D("0.66"),
        D("0.33"),
        D("0"),
    ]
    assert OpsiJawaban.objects.get(pk=opsi.pk).nilai == D("0.75")
    # Rules and evidence are carried over.
    assert LkeKriteria.objects.get(sub__komponen__template=baru, kode="CLAP002.1").kerangka.count() == 2
