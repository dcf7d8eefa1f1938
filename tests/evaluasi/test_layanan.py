"""The evaluation's use cases end to end on the 88/2021 template: open with frozen suggestions, self-assessment,
kerangka logis blocking and overridden, the team's layers, the LHE locking and hashing the evaluation and
recording the AKIP result and the AKIP indikator's realisasi; refusals change nothing."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluasi.enums import JenisEvaluasi, Lapisan, StatusEvaluasi
from evaluasi.layanan import (
    Saran,
    atur_anggota,
    buka_evaluasi,
    kirim_lapisan,
    simpan_jawaban,
    terbitkan_lhe,
)
from evaluasi.models import EvaluasiTerkunci, Jawaban, Lhe, LkeKriteria
from evaluasi.skor import hasil_evaluasi
from evaluasi.templat import template_aktif
from indikator.enums import Peran, RegulasiAkip
from indikator.models import NilaiAkip, Realisasi
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db
TAHUN = 2018


@pytest.fixture
def ev(dunia):
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    return buka_evaluasi(
        unit=dunia.unit,
        tahun=TAHUN,
        jenis=JenisEvaluasi.APIP,
        template=t,
        oleh=dunia.pengguna["perencana"],
        saran={"AREN001.2": Saran("Y", "IKU dan PK 2018 ditetapkan."), "CLAP002.6": Saran("C", "Separuh IKU.")},
    )


def _kriteria(ev):
    return list(LkeKriteria.objects.filter(sub__komponen__template=ev.template).select_related("skala"))


def _isi_semua(ev, lapisan, oleh, label_yt="Y", label_ae="A"):
    for k in _kriteria(ev):
        if k.nilai_per == "bukti":
            simpan_jawaban(
                ev=ev, kriteria=k, lapisan=lapisan, label=None, oleh=oleh,
                bukti={b.pk: label_yt == "Y" for b in k.bukti.filter(wajib=True)},
            )  # fmt: skip
        else:
            label = label_yt if k.skala.kode == "YT" else label_ae
            simpan_jawaban(ev=ev, kriteria=k, lapisan=lapisan, label=label, oleh=oleh)


def test_saran_dibekukan_saat_dibuka(ev):
    j = Jawaban.objects.get(evaluasi=ev, kriteria__kode="AREN001.2")
    assert (j.saran_opsi.label, j.saran_nilai, j.saran_alasan) == ("Y", D("1"), "IKU dan PK 2018 ditetapkan.")
    assert Jawaban.objects.get(evaluasi=ev, kriteria__kode="CLAP002.6").saran_nilai == D("0.5")
    assert Jawaban.objects.filter(evaluasi=ev).count() == 77
    with pytest.raises(ValidationError, match="sudah ada"):
        buka_evaluasi(unit=ev.unit, tahun=TAHUN, jenis=JenisEvaluasi.APIP, template=ev.template, oleh=ev.dibuka_oleh)


def test_jawaban_di_luar_skala_dan_lapisan_tertutup_ditolak(ev, dunia):
    p = dunia.pengguna["perencana"]
    k = LkeKriteria.objects.get(sub__komponen__template=ev.template, kode="AREN002.5")
    with pytest.raises(ValidationError, match="tidak ada pada skala"):
        simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.MANDIRI, label="Y", oleh=p)
    with pytest.raises(ValidationError, match="tidak sedang dibuka"):
        simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.ANGGOTA, label="A", oleh=dunia.pengguna["admin"])
    with pytest.raises(PermissionDenied):
        simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.MANDIRI, label="A", oleh=dunia.pengguna["perencana_lain"])
    assert Jawaban.objects.get(evaluasi=ev, kriteria=k).nilai_mandiri is None


def test_nilai_per_bukti_rata_rata(ev, dunia):
    k = LkeKriteria.objects.get(sub__komponen__template=ev.template, kode="AREN001.2")
    bukti = list(k.bukti.all())
    j = simpan_jawaban(
        ev=ev, kriteria=k, lapisan=Lapisan.MANDIRI, label=None, oleh=dunia.pengguna["perencana"],
        bukti={bukti[0].pk: True, bukti[1].pk: True, bukti[2].pk: True},
    )  # fmt: skip
    assert j.nilai_mandiri is None  # one item not judged yet
    j = simpan_jawaban(
        ev=ev, kriteria=k, lapisan=Lapisan.MANDIRI, label=None, oleh=dunia.pengguna["perencana"],
        bukti={bukti[3].pk: False},
    )  # fmt: skip
    assert j.nilai_mandiri == D("0.75")


def test_kerangka_logis_memblokir_kecuali_dengan_alasan(ev, dunia):
    p = dunia.pengguna["perencana"]
    kr = {k.kode: k for k in _kriteria(ev)}
    simpan_jawaban(ev=ev, kriteria=kr["CLAP001.1"], lapisan=Lapisan.MANDIRI, label=None, oleh=p,
                   bukti={b.pk: False for b in kr["CLAP001.1"].bukti.all()})  # fmt: skip
    simpan_jawaban(ev=ev, kriteria=kr["CLAP002.1"], lapisan=Lapisan.MANDIRI, label="A", oleh=p)
    with pytest.raises(ValidationError) as e:
        kirim_lapisan(ev=ev, oleh=p)
    assert "CLAP002.1: LKj berkualitas tidak mungkin bila LKj belum disusun (CLAP001.1). (nilai 1.00, batas 0.00)" in (
        e.value.messages
    )
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.MANDIRI
    kirim_lapisan(ev=ev, oleh=p, alasan_abaikan="LKj disusun di luar aplikasi.")
    ev.refresh_from_db()
    assert (ev.status, ev.abaikan_kerangka) == (StatusEvaluasi.ANGGOTA, {"mandiri": "LKj disusun di luar aplikasi."})


def test_tim_hanya_auditor_dalam_lingkup(ev, dunia):
    admin = dunia.pengguna["admin"]
    luar = buat_pengguna("auditor_luar", Peran.AUDITOR, dunia.lain)
    with pytest.raises(ValidationError, match="bukan auditor"):
        atur_anggota(ev=ev, pengguna=luar, peran="anggota", oleh=admin)
    with pytest.raises(ValidationError, match="bukan auditor"):
        atur_anggota(ev=ev, pengguna=dunia.pengguna["perencana"], peran="anggota", oleh=admin)
    with pytest.raises(PermissionDenied):
        atur_anggota(ev=ev, pengguna=dunia.pengguna["auditor"], peran="anggota", oleh=luar)
    induk = buat_pengguna("auditor_induk", Peran.AUDITOR, dunia.induk)
    atur_anggota(ev=ev, pengguna=induk, peran="anggota", oleh=admin)
    with pytest.raises(PermissionDenied):  # auditors write no unit's data: administrators set up the team
        atur_anggota(ev=ev, pengguna=dunia.pengguna["auditor"], peran="ketua", oleh=induk)
    atur_anggota(ev=ev, pengguna=dunia.pengguna["auditor"], peran="ketua", oleh=admin)
    with pytest.raises(ValidationError, match="sudah mempunyai ketua"):
        atur_anggota(ev=ev, pengguna=induk, peran="ketua", oleh=admin)
    assert sorted(ev.tim.values_list("peran", flat=True)) == ["anggota", "ketua"]


def test_alur_lengkap_sampai_lhe_terkunci_dan_nilai_akip(ev, dunia):
    p, admin = dunia.pengguna["perencana"], dunia.pengguna["admin"]
    anggota = buat_pengguna("auditor_anggota", Peran.AUDITOR, dunia.induk)
    ketua = dunia.pengguna["auditor"]
    atur_anggota(ev=ev, pengguna=anggota, peran="anggota", oleh=admin)
    atur_anggota(ev=ev, pengguna=ketua, peran="ketua", oleh=admin)
    ind = dunia.ind2
    ind.ukur_akip = True
    ind.save()

    _isi_semua(ev, Lapisan.MANDIRI, p)
    kirim_lapisan(ev=ev, oleh=p)
    with pytest.raises(PermissionDenied):
        kirim_lapisan(ev=ev, oleh=p)  # the anggota layer is the team's
    _isi_semua(ev, Lapisan.ANGGOTA, anggota, label_ae="B")
    kirim_lapisan(ev=ev, oleh=anggota)
    with pytest.raises(PermissionDenied):
        simpan_jawaban(ev=ev, kriteria=_kriteria(ev)[0], lapisan=Lapisan.KETUA, label="Y", oleh=anggota)
    _isi_semua(ev, Lapisan.KETUA, ketua, label_ae="B")
    # One graded criterion the ketua leaves at C.
    k = LkeKriteria.objects.get(sub__komponen__template=ev.template, kode="AREN002.5")
    simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.KETUA, label="C", oleh=ketua, catatan="IKU belum SMART.")
    kirim_lapisan(ev=ev, oleh=ketua)
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL

    h = hasil_evaluasi(ev)
    assert h.lapisan[Lapisan.MANDIRI].total == D("100")
    # Y/T criteria 1; graded 0,75 except AREN002.5 at 0,5. Pemenuhan subs are all Y/T → full weight.
    akhir = h.lapisan[Lapisan.FINAL]
    assert akhir.lengkap
    assert akhir.komponen[h.komponen[0].pk].skor == D("6") + D("9") * (D("3") + D("0.75") * 6 + D("0.5")) / 10 + D(
        "15"
    ) * D("0.75")
    assert [(d.kriteria, d.selisih) for d in h.deviasi][:1] == [(h.deviasi[0].kriteria, D("-0.25"))]
    assert len(h.deviasi) == 77 - 22 == len([d for d in h.deviasi if d.selisih in (D("-0.25"), D("-0.5"))])

    lhe = Lhe(
        nomor="LHE-01/2018",
        tanggal=datetime.date(2018, 11, 30),
        penandatangan_nama="Inspektur",
        penandatangan_jabatan="Inspektur Utama",
    )
    with pytest.raises(PermissionDenied):
        terbitkan_lhe(ev=ev, lhe=lhe, oleh=anggota)
    terbitkan_lhe(ev=ev, lhe=lhe, oleh=ketua)
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.TERBIT
    assert len(ev.hash) == 64
    assert ev.nilai_total == D("81.414286")
    assert ev.predikat == akhir.predikat.kode

    n = NilaiAkip.objects.get(unit=dunia.unit, tahun=TAHUN)
    komponen = {k.komponen: k.nilai for k in n.komponen.all()}
    assert set(komponen) == {"perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"}
    assert n.nilai_dilaporkan == sum(komponen.values())
    assert (n.regulasi, n.nilai_dilaporkan) == (RegulasiAkip.PERMENPAN_88_2021, D("81.41"))
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=None).nilai == D("81.41")

    # Locked on every path: the services, the model (admin included), the answers and the LHE.
    with pytest.raises(EvaluasiTerkunci):
        simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.FINAL, label="A", oleh=ketua)
    j = Jawaban.objects.get(evaluasi=ev, kriteria=k)
    j.catatan_final = "ubah"
    with pytest.raises(EvaluasiTerkunci):
        j.save()
    with pytest.raises(EvaluasiTerkunci):
        j.delete()
    ev.predikat = "AA"
    with pytest.raises(EvaluasiTerkunci):
        ev.save()
    with pytest.raises(EvaluasiTerkunci):
        Lhe.objects.get(evaluasi=ev).save()
    with pytest.raises(EvaluasiTerkunci):
        atur_anggota(ev=ev, pengguna=anggota, peran="ketua", oleh=admin)


def test_lhe_ditolak_bila_nilai_akhir_belum_lengkap(ev, dunia):
    admin = dunia.pengguna["admin"]
    k = LkeKriteria.objects.get(sub__komponen__template=ev.template, kode="AREN002.5")
    simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.MANDIRI, label="A", oleh=admin)
    ev.status = StatusEvaluasi.FINAL
    ev.save()
    simpan_jawaban(ev=ev, kriteria=k, lapisan=Lapisan.FINAL, label="A", oleh=admin)
    lhe = Lhe(nomor="X", tanggal=datetime.date(2018, 12, 1), penandatangan_nama="I", penandatangan_jabatan="I")
    with pytest.raises(ValidationError, match="76 dari 77 kriteria belum dinilai"):
        terbitkan_lhe(ev=ev, lhe=lhe, oleh=admin)
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL
    assert not Lhe.objects.exists()
    assert not NilaiAkip.objects.filter(unit=dunia.unit, tahun=TAHUN).exists()


def test_buku_kerja_lke_ekspor_dan_impor_semua_atau_tidak_sama_sekali(ev, dunia):
    """The workbook round trip: the self-assessment's Jawaban/Catatan columns read back; a row outside the scale
    refuses the whole file with its row number."""
    from io import BytesIO

    from openpyxl import load_workbook

    from evaluasi.lembar import baca_lke, tulis_lke

    p = dunia.pengguna["perencana"]
    wb = load_workbook(BytesIO(tulis_lke(ev)))
    ws = wb.active
    assert [c.value for c in ws[2]][:7] == [
        "No",
        "Komponen/Sub Komponen/Kriteria",
        "Bobot",
        "Jawaban (Penilaian mandiri)",
        "Nilai (Penilaian mandiri)",
        "Kerangka Kontrol (Penilaian mandiri)",
        "Catatan (Penilaian mandiri)",
    ]
    kke = wb["KKE"]
    assert [c.value for c in kke[1]] == ["Kode", "Kriteria", "Bukti yang diperiksa", "Langkah kerja", "Simpulan"]
    assert kke.max_row == 78
    baris = {r[0].value: r[0].row for r in ws.iter_rows(min_row=3) if r[0].value}
    ws.cell(baris["AREN002.5"], 4, "b")
    ws.cell(baris["AREN002.5"], 7, "Indikator belum SMART.")
    ws.cell(baris["CLAP001.1"], 4, "Y")
    ws.cell(baris["AREN002.6"], 4, "X")
    salah = BytesIO()
    wb.save(salah)
    salah.seek(0)
    with pytest.raises(ValidationError) as e:
        baca_lke(ev, salah, oleh=p)
    assert e.value.messages == [
        f"Baris {baris['AREN002.6']} (AREN002.6): jawaban X tidak ada pada skala (pilihan: A, B, C, D, E)."
    ]
    assert not Jawaban.objects.filter(evaluasi=ev, nilai_mandiri__isnull=False).exists()
    ws.cell(baris["AREN002.6"], 4).value = None
    benar = BytesIO()
    wb.save(benar)
    benar.seek(0)
    assert baca_lke(ev, benar, oleh=p) == 2
    j = Jawaban.objects.get(evaluasi=ev, kriteria__kode="AREN002.5")
    assert (j.opsi_mandiri.label, j.nilai_mandiri, j.catatan_mandiri) == ("B", D("0.75"), "Indikator belum SMART.")
