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
    assert len(REGISTRI) == 11


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


@pytest.mark.parametrize(
    ("terbit", "draf", "label", "alasan"),
    [
        ((), (), "T", "0 dari 3 laporan kinerja triwulan I–III 2018 terbit; belum terbit: Triwulan I, Triwulan II, Triwulan III."),
        (("TW1",), ("TW2",), "T", "1 dari 3 laporan kinerja triwulan I–III 2018 terbit; Triwulan I (2018-04-10); belum terbit: Triwulan II, Triwulan III."),
        (("TW1", "TW2", "TW3"), (), "Y", "3 dari 3 laporan kinerja triwulan I–III 2018 terbit; Triwulan I (2018-04-10), Triwulan II (2018-04-10), Triwulan III (2018-04-10)."),
    ],
)  # fmt: skip
def test_laporan_berkala_terbit(dunia, terbit, draf, label, alasan):
    """Quarters I–III count when a version is issued (a draft or another year does not)."""
    from django.utils import timezone

    from laporan.models import LaporanPeriodik

    kapan = timezone.make_aware(datetime.datetime(2018, 4, 10, 9))
    for p in terbit:
        LaporanPeriodik.objects.create(
            unit=dunia.unit, tahun=TAHUN, periode=p, status=LaporanPeriodik.Status.TERBIT,
            data_cutoff=datetime.date(2018, 3, 31), diterbitkan_pada=kapan,
        )  # fmt: skip
    for p in draf:
        LaporanPeriodik.objects.create(unit=dunia.unit, tahun=TAHUN, periode=p, data_cutoff=datetime.date(2018, 6, 30))
    LaporanPeriodik.objects.create(
        unit=dunia.unit, tahun=TAHUN - 1, periode="TW3", status=LaporanPeriodik.Status.TERBIT,
        data_cutoff=datetime.date(2017, 9, 30),
    )  # fmt: skip
    s = REGISTRI["laporan_berkala_terbit"].fungsi(Konteks(dunia.unit, TAHUN))
    assert (s.label, s.alasan) == (label, alasan)


def test_cascading_selaras(dunia):
    """Coverage of every position level from the tree's K9, capped at C by an error finding."""
    k = Konteks(dunia.unit, TAHUN)
    assert REGISTRI["cascading_selaras"].fungsi(k) is None  # no position: nothing to say
    _siapkan(dunia)
    s = REGISTRI["cascading_selaras"].fungsi(Konteks(dunia.unit, TAHUN))
    assert (s.label, s.alasan) == (
        "D",
        "Pohon kinerja 2018: 1 dari 4 jabatan (25 %) memiliki simpul (eselon III/IV 1 dari 4, "
        "pelaksana/fungsional dengan RHK 0 dari 0); 2 temuan galat konsistensi pohon (K1, K2).",
    )
    # Every position owns a node: A, unless an error finding (K1: an Eselon III node under no parent level) caps it.
    for j in Jabatan.objects.filter(unit=dunia.unit, eselon=Eselon.IV):
        NodeKinerja.objects.create(
            unit=dunia.unit, renstra=dunia.renstra, tingkat=Tingkat.ESELON_IV, uraian=f"Hasil {j.nama}", pemilik=j,
            induk=NodeKinerja.objects.get(uraian="Hasil bagian"),
        )  # fmt: skip
    k = Konteks(dunia.unit, TAHUN)
    s = REGISTRI["cascading_selaras"].fungsi(k)
    galat = k.periksa.galat()
    assert s.alasan.startswith("Pohon kinerja 2018: 4 dari 4 jabatan (100 %) memiliki simpul")
    assert galat  # the Eselon III node still hangs from no higher level (K1)
    assert s.label == "C" and s.alasan.endswith(f"{len(galat)} temuan galat konsistensi pohon (K1, K2).")


def test_cascading_galat_membatasi_huruf(dunia, monkeypatch):
    """An error-severity finding caps an A at C, naming the checks."""
    from pohon.periksa import GALAT, Cakupan, HasilPeriksa, Temuan

    k = Konteks(dunia.unit, TAHUN)
    k.__dict__["periksa"] = HasilPeriksa(
        (Temuan("K2", GALAT, "x", dunia.unit.pk), Temuan("K10", GALAT, "y", dunia.unit.pk)),
        Cakupan(jabatan_struktural=2, jabatan_struktural_berhasil=2, pegawai=1, pegawai_rhk=1),
        {},
    )
    s = REGISTRI["cascading_selaras"].fungsi(k)
    assert (s.label, s.alasan) == (
        "C",
        "Pohon kinerja 2018: 3 dari 3 jabatan (100 %) memiliki simpul (eselon III/IV 2 dari 2, "
        "pelaksana/fungsional dengan RHK 1 dari 1); 2 temuan galat konsistensi pohon (K2, K10).",
    )


def test_migrasi_hanya_template_belum_dipakai():
    """0003: the shipped template data names both rules; a used template is not touched by the migration's rule."""
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    aturan = dict(
        LkeKriteria.objects.filter(sub__komponen__template=t, kode__in=["AREN002.8", "CLAP001.2"]).values_list(
            "kode", "aturan_saran"
        )
    )
    assert aturan == {"AREN002.8": "cascading_selaras", "CLAP001.2": "laporan_berkala_terbit"}
