"""Suggested answers from the app's own data (alur/saran_lke.py): the registry, each rule on the shared world, and
the suggestions frozen into a new evaluation."""

import datetime
from decimal import Decimal as D

import pytest

from alur.saran_lke import REGISTRI, Konteks, hitung_saran, huruf_dari_rasio
from evaluasi.enums import JenisEvaluasi
from evaluasi.layanan import buka_evaluasi
from evaluasi.models import Jawaban, LkeKriteria
from evaluasi.templat import template_aktif
from indikator.enums import RegulasiAkip
from laporan.models import NaskahDinas
from pohon.enums import Eselon, Tingkat
from pohon.models import Jabatan, NodeKinerja

pytestmark = pytest.mark.django_db
TAHUN = 2018


@pytest.mark.parametrize(
    ("r", "huruf"),
    [("1", "A"), ("0.9", "A"), ("0.8999", "B"), ("0.75", "B"), ("0.5", "C"), ("0.49", "D"), ("0.01", "D"), ("0", "E")],
)
def test_huruf_dari_rasio(r, huruf):
    assert huruf_dari_rasio(D(r)) == huruf


def test_setiap_aturan_template_terdaftar():
    kunci = set(
        LkeKriteria.objects.filter(sub__komponen__template=template_aktif(RegulasiAkip.PERMENPAN_88_2021))
        .exclude(aturan_saran="")
        .values_list("aturan_saran", flat=True)
    )
    assert kunci == set(REGISTRI)
    assert len(REGISTRI) == 9


def _siapkan(dunia):
    NaskahDinas.objects.update_or_create(
        unit=dunia.unit, defaults={"iku_nomor": "KEP-1/2018", "iku_tanggal": datetime.date(2018, 2, 8)}
    )
    dunia.versi.tanggal_tanda_tangan = datetime.date(2018, 1, 15)
    dunia.versi.save()
    es3 = Jabatan.objects.create(unit=dunia.unit, nama="Kepala Bagian", eselon=Eselon.III)
    Jabatan.objects.create(unit=dunia.unit, nama="Kepala Subbagian A", eselon=Eselon.IV, atasan=es3)
    Jabatan.objects.create(unit=dunia.unit, nama="Kepala Subbagian B", eselon=Eselon.IV, atasan=es3)
    Jabatan.objects.create(unit=dunia.unit, nama="Kepala Subbagian C", eselon=Eselon.IV, atasan=es3)
    NodeKinerja.objects.create(
        unit=dunia.unit, renstra=dunia.renstra, tingkat=Tingkat.ESELON_III, uraian="Hasil bagian", pemilik=es3
    )


def test_aturan_pada_data_dunia(dunia):
    _siapkan(dunia)
    k = Konteks(dunia.unit, TAHUN)
    hasil = {kunci: a.fungsi(k) for kunci, a in REGISTRI.items()}
    assert hasil["iku_pk_ditetapkan"].label == "Y"
    assert "KEP-1/2018" in hasil["iku_pk_ditetapkan"].alasan
    assert (hasil["pk_sampai_jabatan"].label, hasil["pk_sampai_jabatan"].alasan) == (
        "D",
        "1 dari 4 jabatan eselon III/IV (25 %) memiliki simpul pohon kinerja.",
    )
    assert hasil["lkj_disahkan"].label == "T"
    assert hasil["lkj_tepat_waktu"].alasan == "LKj 2017 belum disahkan dalam aplikasi (tenggat 2018-02-28)."
    # One IKU (I1) with one of four quarters entered.
    assert (hasil["realisasi_triwulan"].label, hasil["realisasi_triwulan"].alasan) == (
        "T",
        "1 dari 4 sel realisasi triwulan IKU 2018 terisi (25 %).",
    )
    assert hasil["capaian_lebih_baik"] is None  # no 2017 capaian to compare with
    assert hasil["benchmark_ada"].label == "E"
    assert hasil["efisiensi_dianalisis"].label in {"A", "E"}


def test_saran_dibekukan_saat_evaluasi_dibuka(dunia):
    _siapkan(dunia)
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    saran = hitung_saran(t, dunia.unit, TAHUN)
    assert saran["AREN001.2"].label == saran["AREN002.1"].label == "Y"
    ev = buka_evaluasi(
        unit=dunia.unit, tahun=TAHUN, jenis=JenisEvaluasi.MANDIRI, template=t, oleh=dunia.pengguna["perencana"],
        saran=saran,
    )  # fmt: skip
    j = Jawaban.objects.get(evaluasi=ev, kriteria__kode="AREN002.10")
    assert (j.saran_opsi.label, j.saran_nilai) == ("D", D("0.25"))
    # Later data changes leave the frozen suggestion alone.
    NaskahDinas.objects.filter(unit=dunia.unit).update(iku_nomor="")
    assert Jawaban.objects.get(evaluasi=ev, kriteria__kode="AREN001.2").saran_opsi.label == "Y"


def test_perintah_lke_json(dunia):
    """`manage.py lke --json` without an evaluation: the template and the live suggestions."""
    import json
    from io import StringIO

    from django.core.management import call_command

    _siapkan(dunia)
    keluar = StringIO()
    call_command("lke", unit=dunia.unit.slug, tahun=TAHUN, json=True, stdout=keluar)
    data = json.loads(keluar.getvalue())
    komponen = data["template"]["komponen"]
    assert [(k["kode"], k["bobot"]) for k in komponen] == [
        ("AREN", "30.0000"),
        ("BKUR", "30.0000"),
        ("CLAP", "15.0000"),
        ("DVAL", "25.0000"),
    ]
    assert komponen[0]["sub"][0]["kriteria"][0]["kode"] == "AREN001.1"
    saran = {s["kriteria"]: s for s in data["saran"]}
    assert saran["AREN001.2"]["jawaban"] == "Y"
    assert saran["AREN002.10"]["alasan"] == "1 dari 4 jabatan eselon III/IV (25 %) memiliki simpul pohon kinerja."
    assert data["evaluasi"] is None
