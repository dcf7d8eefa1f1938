"""periksa_konsistensi: one small hand-built dataset per rule, the reference year, and a constant query count."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.models import (
    BarisPK,
    Indikator,
    NilaiAkip,
    PerjanjianKinerja,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    UnitKerja,
    VersiPK,
)
from laporan.konsistensi import INFO, PERINGATAN, PeringatanKonsistensi, periksa_konsistensi
from laporan.models import NarasiLaporan

TAHUN = 2020


def buat_unit(
    slug="uji", *, sasaran=1, indikator_per_sasaran=1, realisasi=D("80"), target=D("80"), analisis=True, pk=True
):
    """A unit with one Renstra (2020–2024), `sasaran` × `indikator_per_sasaran` indikator with a Renstra target
    and a realisasi for 2020 (the first of each sasaran an IKU), an 'analisis' narrative per sasaran and (`pk`) a
    PK of 2020 with one version in force all year and no rows. Returns the unit."""
    unit = UnitKerja.objects.create(slug=slug, nama=f"Unit {slug}")
    renstra = Renstra.objects.create(
        unit=unit,
        nama="Renstra",
        tahun_mulai=2020,
        tahun_selesai=2024,
        skema=SkemaPenilaian.objects.get(kode="bpom-2020-2024"),
    )
    revisi = RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="awal", berlaku_mulai=2020, berlaku_sampai=2024
    )
    for s in range(1, sasaran + 1):
        sas = Sasaran.objects.create(revisi=revisi, kode=f"S{s}", nama=f"Sasaran {s}", perspektif="customer", urutan=s)
        for i in range(1, indikator_per_sasaran + 1):
            ind = Indikator.objects.create(
                sasaran=sas, kode=f"I{s}.{i}", nama=f"Indikator {s}.{i}", urutan=i, iku=i == 1
            )
            Target.objects.create(indikator=ind, tahun=TAHUN, nilai=target)
            if realisasi is not None:
                Realisasi.objects.create(indikator=ind, tahun=TAHUN, nilai=realisasi)
        if analisis:
            NarasiLaporan.objects.create(unit=unit, tahun=TAHUN, bagian="analisis", sasaran=sas, isi="Analisis.")
    if pk:
        _versi(unit, 1, date(TAHUN, 1, 1), date(TAHUN, 12, 31), [])
    return unit


def buat_anggaran(unit, baris):
    """baris: (kode, induk, pagu, realisasi) — pagu/realisasi None = no own figure."""
    mata = {}
    for i, (kode, induk, pagu, real) in enumerate(baris):
        m = MataAnggaran.objects.create(
            unit=unit, tahun=TAHUN, kode=kode, nama=f"Mata {kode}", jenis="komponen", induk=mata.get(induk), urutan=i
        )
        mata[kode] = m
        if pagu is not None:
            PaguRevisi.objects.create(mata_anggaran=m, berlaku_mulai=date(TAHUN, 1, 1), nilai=D(pagu))
        if real is not None:
            RealisasiAnggaran.objects.create(mata_anggaran=m, bulan=12, nilai=D(real))
    return mata


def kode_objek(hasil):
    return [(p.kode, p.objek) for p in hasil]


# ---------------------------------------------------------------- each rule


@pytest.mark.django_db
def test_data_lengkap_tanpa_peringatan():
    unit = buat_unit(sasaran=2, indikator_per_sasaran=2)
    buat_anggaran(unit, [("001", None, None, None), ("001.1", "001", "100", "90"), ("001.2", "001", "50", "50")])
    assert periksa_konsistensi(unit, TAHUN) == []


@pytest.mark.django_db
def test_indikator_tanpa_realisasi():
    unit = buat_unit(realisasi=None)
    assert kode_objek(periksa_konsistensi(unit, TAHUN)) == [("realisasi_kosong", "I1.1 Indikator 1.1")]


@pytest.mark.django_db
def test_realisasi_triwulan_dihitung_sebagai_realisasi():
    unit = buat_unit(realisasi=None)
    Realisasi.objects.create(indikator=Indikator.objects.get(kode="I1.1"), tahun=TAHUN, triwulan=1, nilai=D("20"))
    assert periksa_konsistensi(unit, TAHUN) == []


@pytest.mark.django_db
def test_target_pk_berbeda_dengan_renstra():
    unit = buat_unit(pk=False)
    ind = Indikator.objects.get(kode="I1.1")
    pk = PerjanjianKinerja.objects.create(unit=unit, tahun=TAHUN)
    for nomor, nilai in ((1, "80"), (2, "85")):
        versi = VersiPK.objects.create(
            pk_induk=pk,
            nomor=nomor,
            berlaku_mulai=date(TAHUN, 1, 1),
            berlaku_sampai=date(TAHUN, 12, 31),
            pihak_pertama_nama="A",
            pihak_pertama_jabatan="Kepala",
            pihak_kedua_nama="B",
            pihak_kedua_jabatan="Atasan",
        )
        BarisPK.objects.create(versi=versi, urutan=1, indikator=ind, uraian_sasaran="S", nilai=D(nilai))
    hasil = periksa_konsistensi(unit, TAHUN)
    # Version 2 (in force all year) has no Rencana Aksi: its own warning, see test_versi_berlaku_tanpa_rencana_aksi.
    assert [p for p in hasil if p.kode != "rencana_aksi_kosong"] == [
        PeringatanKonsistensi(
            kode="target_pk_berbeda",
            tingkat=PERINGATAN,
            pesan="Target PK versi 2 (85) berbeda dengan target Renstra 2020 (80).",
            objek="I1.1 Indikator 1.1",
            url=reverse("kerja:versi_pk", args=[unit.slug, versi.pk]),
        )
    ]


@pytest.mark.django_db
def test_anggaran_induk_berbeda_dengan_rincian():
    unit = buat_unit()
    buat_anggaran(
        unit,
        [
            ("001", None, "200", None),  # own pagu 200, children 150
            ("001.1", "001", "100", "90"),
            ("001.2", "001", "50", "50"),
            ("002", None, None, "30"),  # own realisasi 30, child 25
            ("002.1", "002", "40", "25"),
            ("003", None, "10", "5"),  # agrees with its child
            ("003.1", "003", "10", "5"),
        ],
    )
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("anggaran_induk_selisih", "001 Mata 001"), ("anggaran_induk_selisih", "002 Mata 002")]
    assert hasil[0].pesan == (
        "Angka mata anggaran ini tidak sama dengan jumlah rinciannya: pagu Rp 200, jumlah rincian Rp 150."
    )
    assert hasil[1].pesan == (
        "Angka mata anggaran ini tidak sama dengan jumlah rinciannya: realisasi Rp 30, jumlah rincian Rp 25."
    )


@pytest.mark.django_db
def test_realisasi_anggaran_melebihi_pagu():
    unit = buat_unit()
    buat_anggaran(unit, [("001", None, None, None), ("001.1", "001", "100", "101"), ("001.2", "001", "50", "10")])
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("realisasi_melebihi_pagu", "001.1 Mata 001.1")]
    assert hasil[0].pesan == "Realisasi Rp 101 melebihi pagu Rp 100."


@pytest.mark.django_db
def test_capaian_di_atas_120():
    unit = buat_unit(target=D("50"), realisasi=D("61"))  # 122 %
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("capaian_di_atas_batas", "I1.1 Indikator 1.1")]
    assert hasil[0].pesan == "Capaian 122,00 % di atas 120 %; periksa target dan realisasinya."


@pytest.mark.django_db
def test_capaian_tepat_120_tidak_diperingatkan():
    unit = buat_unit(target=D("50"), realisasi=D("60"))
    assert periksa_konsistensi(unit, TAHUN) == []


@pytest.mark.django_db
def test_indikator_tanpa_narasi():
    unit = buat_unit(sasaran=2, analisis=False)
    NarasiLaporan.objects.create(
        unit=unit, tahun=TAHUN, bagian="analisis", sasaran=Sasaran.objects.get(kode="S2"), isi="  "
    )  # blank text does not count
    Realisasi.objects.filter(indikator__kode="I2.1").update(faktor_pendukung="Dukungan pimpinan.")
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("narasi_kosong", "I1.1 Indikator 1.1")]
    assert hasil[0].tingkat == INFO


@pytest.mark.django_db
def test_nilai_akip_berbeda_dengan_realisasi_indikator_akip():
    unit = buat_unit()
    Indikator.objects.filter(kode="I1.1").update(nama="Nilai AKIP Unit")
    NilaiAkip.objects.create(unit=unit, tahun=TAHUN, nilai_dilaporkan=D("79.5"))
    # The name alone does not make an indikator the AKIP score: the planner's flag does.
    assert periksa_konsistensi(unit, TAHUN) == []
    Indikator.objects.filter(kode="I1.1").update(ukur_akip=True)
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("akip_berbeda", "I1.1 Nilai AKIP Unit")]
    assert hasil[0].pesan == "Realisasi 80 berbeda dengan nilai AKIP 2020 (79,5)."


@pytest.mark.django_db
def test_nilai_akip_sama_atau_tidak_ada_tidak_diperingatkan():
    unit = buat_unit()
    Indikator.objects.filter(kode="I1.1").update(nama="Nilai SAKIP Unit", ukur_akip=True)
    assert periksa_konsistensi(unit, TAHUN) == []
    NilaiAkip.objects.create(unit=unit, tahun=TAHUN, nilai_dilaporkan=D("80"))
    assert periksa_konsistensi(unit, TAHUN) == []


@pytest.mark.django_db
def test_sub_kegiatan_tanpa_output():
    unit = buat_unit()
    for i, (target, real) in enumerate([(D("1"), D("1")), (None, D("1")), (D("2"), None), (None, None)]):
        SubKegiatan.objects.create(
            unit=unit, tahun=TAHUN, urutan=i, nama=f"Sub {i}", target_output=target, realisasi_output=real
        )
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("output_kosong", "Sub 1"), ("output_kosong", "Sub 2"), ("output_kosong", "Sub 3")]
    assert [p.pesan for p in hasil] == [
        "Output sub-kegiatan belum memiliki target; efisiensinya tidak dapat dihitung.",
        "Output sub-kegiatan belum memiliki realisasi; efisiensinya tidak dapat dihitung.",
        "Output sub-kegiatan belum memiliki target dan realisasi; efisiensinya tidak dapat dihitung.",
    ]


@pytest.mark.django_db
def test_unit_tanpa_renstra_hanya_memeriksa_anggaran():
    unit = UnitKerja.objects.create(slug="kosong", nama="Kosong")
    buat_anggaran(unit, [("001", None, "10", "11")])
    assert kode_objek(periksa_konsistensi(unit, TAHUN)) == [("realisasi_melebihi_pagu", "001 Mata 001")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pk", "indikator", "harapan"),
    [
        (False, True, ["pk_kosong"]),  # indikator in force, no PK at all
        (True, False, []),  # a PK version (even without rows): the year has its agreement
        (False, False, []),  # no indikator in force: nothing to agree on
    ],
)
def test_tahun_tanpa_pk(pk, indikator, harapan):
    unit = buat_unit(pk=pk)
    if not indikator:
        Indikator.objects.filter(sasaran__revisi__renstra__unit=unit).delete()
    hasil = periksa_konsistensi(unit, TAHUN)
    assert [p.kode for p in hasil] == harapan
    if harapan:
        assert hasil[0] == PeringatanKonsistensi(
            kode="pk_kosong",
            tingkat=PERINGATAN,
            pesan="Tahun 2020 belum memiliki Perjanjian Kinerja, padahal ada indikator yang berlaku: laporan "
            "mencetak “–” untuk program dan realisasi tercatat “belum ada PK”. Buat versi PK di daftar PK tahun ini.",
            objek="PK 2020",
            url=reverse("kerja:pk", args=[unit.slug, TAHUN]),
        )


# ---------------------------------------------------------------- query count


def _jumlah_query(unit):
    with CaptureQueriesContext(connection) as c:
        periksa_konsistensi(unit, TAHUN)
    return len(c.captured_queries)


@pytest.mark.django_db
def test_jumlah_query_konstan():
    kecil = buat_unit("kecil", sasaran=1, indikator_per_sasaran=1, realisasi=None)
    besar = buat_unit("besar", sasaran=5, indikator_per_sasaran=4, realisasi=None)
    for unit, n in ((kecil, 1), (besar, 12)):
        buat_anggaran(unit, [("001", None, None, None)] + [(f"001.{i}", "001", "10", "11") for i in range(n)])
        for i in range(n):
            SubKegiatan.objects.create(unit=unit, tahun=TAHUN, urutan=i, nama=f"Sub {i}")
    assert len(periksa_konsistensi(besar, TAHUN)) > len(periksa_konsistensi(kecil, TAHUN))
    assert _jumlah_query(kecil) == _jumlah_query(besar)


# ---------------------------------------------------------------- the reference year


@pytest.mark.django_db
def test_konsistensi_data_acuan_2018(unit_bks):
    hasil = periksa_konsistensi(unit_bks, 2018)
    assert kode_objek(hasil) == [
        # PK v2 is in force at the end of Q1/Q2, v3 at Q3/Q4; neither has a Rencana Aksi (only v1 has one).
        ("rencana_aksi_kosong", "PK 2018 versi 2"),
        ("rencana_aksi_kosong", "PK 2018 versi 3"),
        ("anggaran_induk_selisih", "001.1 Penyelenggaraan Hubungan dan Kerja Sama Bilateral"),
        ("anggaran_induk_selisih", "001.2 Penyelenggaraan Hubungan dan Kerja Sama Regional dan Multilateral"),
        ("anggaran_induk_selisih", "001.3 Penyelenggaraan Hubungan dan Kerja Sama Dalam Negeri"),
        ("anggaran_induk_selisih", "001.4 Operasional Kerja Sama"),
        (
            "anggaran_induk_selisih",
            "002 Penguatan Fungsi Regulatori Pengawasan Obat dan Makanan di Negara Selatan-Selatan",
        ),
        ("anggaran_induk_selisih", "002.2 Penyelenggaraan Kerja Sama dengan Negara Anggota OKI"),
        ("output_kosong", "Drug and Food Control Newsletter"),
        (
            "output_kosong",
            "Keikutsertaan dalam Pertemuan Interkementerian dan Pertemuan Bilateral dengan Mitra di Dalam dan Luar Negeri",
        ),
    ]
    assert {p.tingkat for p in hasil} == {PERINGATAN}
    assert [p.pesan for p in hasil[:2]] == [
        "Versi ini berlaku pada akhir TW 1, TW 2, tetapi 3 indikator belum memiliki Rencana Aksi (IKU4, IKU3, IKU7); "
        "target dan progres triwulan itu tidak ditampilkan.",
        "Versi ini berlaku pada akhir TW 3, TW 4, tetapi 3 indikator belum memiliki Rencana Aksi (IKU4, IKU3, IKU7); "
        "target dan progres triwulan itu tidak ditampilkan.",
    ]
    assert hasil[6].pesan == (
        "Angka mata anggaran ini tidak sama dengan jumlah rinciannya: "
        "realisasi Rp 960.261.686, jumlah rincian Rp 963.941.186."
    )


@pytest.mark.django_db
def test_konsistensi_data_acuan_2018_tanpa_narasi_analisis(unit_bks):
    NarasiLaporan.objects.filter(unit=unit_bks, tahun=2018, bagian="analisis", sasaran__kode="SP6").delete()
    hasil = [p for p in periksa_konsistensi(unit_bks, 2018) if p.kode == "narasi_kosong"]
    assert kode_objek(hasil) == [("narasi_kosong", "IKU8 Nilai AKIP Biro Kerja Sama")]


@pytest.mark.django_db
def test_realisasi_tanpa_target():
    unit = buat_unit()
    Target.objects.filter(indikator__kode="I1.1").delete()
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("target_kosong", "I1.1 Indikator 1.1")]
    assert hasil[0].pesan == "Ada realisasi tahun 2020 tetapi belum ada target; capaian tidak dapat dihitung."


@pytest.mark.django_db
def test_jumlah_komponen_akip_berbeda_dengan_nilai_dilaporkan():
    from indikator.models import KomponenNilaiAkip

    unit = buat_unit()
    akip = NilaiAkip.objects.create(unit=unit, tahun=TAHUN, nilai_dilaporkan=D("72.58"))
    for komponen, nilai in (
        ("perencanaan", "24"),
        ("pengukuran", "17"),
        ("pelaporan", "10"),
        ("evaluasi_internal", "7"),
        ("capaian", "14.5"),
    ):
        KomponenNilaiAkip.objects.create(nilai_akip=akip, komponen=komponen, nilai=D(nilai))
    hasil = periksa_konsistensi(unit, TAHUN)
    assert kode_objek(hasil) == [("akip_komponen_selisih", "Nilai AKIP 2020")]
    assert hasil[0].pesan == (
        "Jumlah komponen 72,5 berbeda dengan nilai yang dilaporkan 72,58; yang dipakai adalah jumlah komponen."
    )
    # Components that add up to the reported total: nothing to report.
    KomponenNilaiAkip.objects.filter(nilai_akip=akip, komponen="capaian").update(nilai=D("14.58"))
    assert periksa_konsistensi(unit, TAHUN) == []


# ---------------------------------------------------------------- Rencana Aksi of the PK version in force


def _versi(unit, nomor, mulai, sampai, indikator, rencana_aksi=()):
    from indikator.models import RencanaAksi

    pk, _baru = PerjanjianKinerja.objects.get_or_create(unit=unit, tahun=TAHUN)
    versi = VersiPK.objects.create(
        pk_induk=pk,
        nomor=nomor,
        berlaku_mulai=mulai,
        berlaku_sampai=sampai,
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Atasan",
    )
    for i, ind in enumerate(indikator):
        baris = BarisPK.objects.create(versi=versi, urutan=i, indikator=ind, uraian_sasaran="S", nilai=D("80"))
        for tw, nilai in enumerate(rencana_aksi, start=1):
            RencanaAksi.objects.create(baris_pk=baris, triwulan=tw, target_kumulatif=D(nilai))
    return versi


@pytest.mark.django_db
def test_versi_berlaku_tanpa_rencana_aksi():
    from django.urls import reverse

    unit = buat_unit(sasaran=2, pk=False)
    semua = list(Indikator.objects.filter(sasaran__revisi__renstra__unit=unit).order_by("kode"))
    _versi(unit, 1, date(TAHUN, 1, 1), date(TAHUN, 12, 31), semua, ("20", "40", "60", "80"))
    assert periksa_konsistensi(unit, TAHUN) == []
    # A version without Rencana Aksi that is in force at no quarter end (1–15 May): nothing to say.
    _versi(unit, 2, date(TAHUN, 5, 1), date(TAHUN, 5, 15), semua)
    assert periksa_konsistensi(unit, TAHUN) == []
    # A newer version in force at the end of Q3 and Q4 with rows but no Rencana Aksi yet: one warning.
    v3 = _versi(unit, 3, date(TAHUN, 7, 1), date(TAHUN, 12, 31), semua)
    hasil = periksa_konsistensi(unit, TAHUN)
    assert hasil == [
        PeringatanKonsistensi(
            kode="rencana_aksi_kosong",
            tingkat=PERINGATAN,
            pesan="Versi ini berlaku pada akhir TW 3, TW 4, tetapi 2 indikator belum memiliki Rencana Aksi "
            "(I1.1, I2.1); target dan progres triwulan itu tidak ditampilkan.",
            objek="PK 2020 versi 3",
            url=reverse("kerja:rencana_aksi", args=[unit.slug, v3.pk]),
        )
    ]


@pytest.mark.django_db
def test_jumlah_query_konstan_dengan_rencana_aksi():
    hitungan = []
    for slug, sasaran in (("satu", 1), ("banyak", 6)):
        unit = buat_unit(slug, sasaran=sasaran, pk=False)
        semua = list(Indikator.objects.filter(sasaran__revisi__renstra__unit=unit))
        _versi(unit, 1, date(TAHUN, 1, 1), date(TAHUN, 6, 30), semua, ("20", "40"))
        _versi(unit, 2, date(TAHUN, 7, 1), date(TAHUN, 12, 31), semua)
        assert [p.kode for p in periksa_konsistensi(unit, TAHUN)] == ["rencana_aksi_kosong"]
        hitungan.append(_jumlah_query(unit))
    assert hitungan[0] == hitungan[1]
