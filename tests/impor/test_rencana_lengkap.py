"""The whole plan in one workbook (issue 9, item 3): a new unit's workbook carries everything a planner types.

Import into a unit without a Renstra creates all of it; re-importing the export changes nothing; a bad row
changes nothing and names sheet/row/column; example rows (CONTOH) are ignored; drop-down labels are accepted.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from anggaran.models import AlokasiRenstra, MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.models import (
    BarisPK,
    Indikator,
    KomposisiPegawai,
    NilaiAkip,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkalaKualitatif,
    SkemaPenilaian,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)

from .util import atur, cari_baris, ekspor, impor, ringkas, simpan, tambah_baris

TAHUN = 2021


@pytest.fixture
def unit_baru(db):
    bpom = SkemaPenilaian.objects.get(kode="bpom-2020-2024")
    skema = SkemaPenilaian.objects.create(
        kode="tanpa-bsc",
        nama="Skema tanpa perspektif",
        tahun_mulai=2020,
        tahun_selesai=2024,
        pakai_perspektif=False,
        skala_huruf=SkalaKualitatif.objects.get(kode="nilai-huruf-akip"),
    )
    for band in bpom.band.all():
        band.pk = None
        band.skema = skema
        band.save()
    return UnitKerja.objects.create(slug="dinas-baru", nama="Dinas Baru")


def _jumlah():
    """Row counts of everything the workbook can create."""
    return {
        m.__name__: m.objects.count()
        for m in (
            Renstra,
            RevisiRenstra,
            Tujuan,
            Sasaran,
            Indikator,
            Target,
            PerjanjianKinerja,
            VersiPK,
            BarisPK,
            RencanaAksi,
            Realisasi,
            MataAnggaran,
            PaguRevisi,
            RealisasiAnggaran,
            SubKegiatan,
            AlokasiRenstra,
            NilaiAkip,
            KomposisiPegawai,
        )
    }


def isi_rencana(wb):
    """A plan typed into the new unit's workbook below its example rows, with labels as the drop-downs show."""
    tambah_baris(
        wb["Renstra"],
        Tahun_mulai=2020,
        Tahun_selesai=2024,
        Nama_Renstra="Renstra Dinas Baru 2020–2024",
        Skema_penilaian="Skema tanpa perspektif",
        Visi="Pelayanan prima",
        **{"Misi (satu per baris)": "Misi satu\nMisi dua"},
    )
    ws = wb["Tujuan"]
    tambah_baris(ws, Kode_tujuan="T1", Uraian="Meningkatnya layanan", Urutan=1)
    tambah_baris(ws, Kode_tujuan="T2", Uraian="Tata kelola yang baik", Urutan=2)
    ws = wb["Sasaran"]
    tambah_baris(ws, Kode_sasaran="S1", Nama_sasaran="Layanan cepat", Level="Sasaran Program", Kode_tujuan="T1")
    tambah_baris(ws, Kode_sasaran="S2", Nama_sasaran="Akuntabilitas", Level="program", Kode_tujuan="T2", Urutan=2)
    ws = wb["Indikator & Target"]
    tambah_baris(
        ws,
        Kode_sasaran="S1",
        Kode_indikator="I1",
        Nama_indikator="Persentase layanan tepat waktu",
        Satuan="%",
        Polaritas="Positif (makin tinggi makin baik)",
        Agregasi="Rata-rata",
        IKU="Ya",
        Definisi_operasional="Layanan selesai sesuai SOP",
        Formula="a / b × 100",
        Sumber_data="Aplikasi layanan",
        Penanggung_jawab="Kepala Bidang Layanan",
        **{"Target 2021": 80, "Target 2022": 85, "Teks target 2021": "80%"},
    )
    tambah_baris(
        ws,
        Kode_sasaran="S1",
        Kode_indikator="I2",
        Nama_indikator="Indeks kepuasan",
        Polaritas="rentang",
        Agregasi="terakhir",
        **{"Target 2021": "3,0 – 3,5"},
    )
    tambah_baris(
        ws,
        Kode_sasaran="S2",
        Kode_indikator="I3",
        Nama_indikator="Nilai AKIP",
        Polaritas="Positif (makin tinggi makin baik)",
        Agregasi="Nilai terakhir",
        Nilai_AKIP="Ya",
        **{"Target 2021": "A"},
    )
    tambah_baris(
        wb["Versi PK"],
        Versi_PK=1,
        Berlaku_mulai="01/01/2021",
        Berlaku_sampai="31/12/2021",
        Kota="Semarang",
        **{
            "Pihak pertama: nama": "Kepala Dinas",
            "Pihak pertama: jabatan": "Kepala Dinas",
            "Pihak kedua: nama": "Gubernur",
            "Pihak kedua: jabatan": "Gubernur",
        },
    )
    ws = wb["PK"]
    tambah_baris(ws, Versi_PK=1, Urutan=1, Sasaran="Layanan cepat", Kode_indikator="I1", Target=80)
    tambah_baris(ws, Versi_PK=1, Urutan=2, Sasaran="Akuntabilitas", Kode_indikator="I3", Target_kualitatif="A")
    tambah_baris(wb["Rencana Aksi"], Versi_PK=1, Urutan=1, B3=70, B6=75, B9=78, B12=80)
    ws = wb["Realisasi"]
    tambah_baris(ws, Kode_indikator="I1", Triwulan="Tahunan", Nilai="82,5", Analisis="Tercapai karena …")
    tambah_baris(ws, Kode_indikator="I1", Triwulan=1, Nilai=78)
    tambah_baris(ws, Kode_indikator="I3", Triwulan="Tahunan", Nilai="71,74")
    ws = wb["Anggaran"]
    tambah_baris(ws, Kode="01", Nama="Program layanan", Jenis="Program", **{"Pagu revisi 0": 1000000, "Des": 900000})
    tambah_baris(
        ws,
        Kode="01.1",
        Kode_induk="01",
        Nama="Kegiatan",
        Jenis="kegiatan",
        **{"Pagu revisi 0": 400000, "Realisasi setahun": "350.000,00"},
    )
    tambah_baris(
        wb["Sub-kegiatan"],
        Nama="Pelatihan",
        Kode_mata_anggaran="01.1",
        Kode_sasaran="S2, S1",
        Kode_indikator="I1",
        Target_output=5,
        Realisasi_output=5,
    )
    ws = wb["Pendanaan Renstra"]
    tambah_baris(ws, Program="Program layanan", Tahun=2021, **{"Alokasi (Rp)": 1000000})
    tambah_baris(ws, Program="Program layanan", Tahun=2022, **{"Alokasi (Rp)": 1100000})
    tambah_baris(wb["Nilai AKIP"], Tahun=2020, Regulasi="PermenPANRB 88/2021", **{"Nilai total dilaporkan": 71.74})
    ws = wb["Pegawai"]
    tambah_baris(ws, Golongan="Golongan III", Jumlah=12)
    tambah_baris(ws, Golongan="Golongan IV", Jumlah=3)
    tambah_baris(ws, Jumlah=2)  # category unknown
    return wb


def test_workbook_unit_baru_berpetunjuk_contoh_dan_daftar_pilihan(unit_baru):
    wb = ekspor(unit_baru, TAHUN)
    assert "Petunjuk" in wb.sheetnames
    petunjuk = " ".join(str(c.value) for (c,) in wb["Petunjuk"].iter_rows(min_col=2, max_col=2) if c.value)
    assert "CONTOH" in petunjuk
    for judul in wb.sheetnames:
        if judul in {"Petunjuk", "Daftar pilihan"}:
            continue
        ws = wb[judul]
        assert ws.max_row == 2 and ws["A2"].value == "CONTOH", judul  # one example row per sheet
        assert ws["A2"].font.italic
    header = [c.value for c in wb["Indikator & Target"][1]]
    # No Renstra yet: target columns for five years from the workbook's year.
    assert [h for h in header if h.startswith("Target ")] == [f"Target {t}" for t in range(2021, 2026)]
    assert {"Definisi operasional", "Formula", "Sumber data", "Penanggung jawab"} <= set(header)
    ws = wb["Sasaran"]
    assert ws["C2"].value == "Sasaran Program"  # the example row shows labels, not codes
    daftar = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert all(f.startswith("'Daftar pilihan'!") for f in daftar) and len(daftar) == 2  # level, perspektif


def test_impor_ke_unit_kosong_membuat_semuanya(unit_baru):
    wb = isi_rencana(ekspor(unit_baru, TAHUN))
    sebelum = _jumlah()

    pratinjau = impor(unit_baru, simpan(wb), terapkan=False, tahun=TAHUN)
    assert pratinjau.galat == []
    assert _jumlah() == sebelum  # the preview wrote nothing
    assert pratinjau.ringkasan.startswith(
        "akan dibuat: 1 Renstra, 2 tujuan, 2 sasaran, 3 indikator, 1 versi PK, 2 baris PK, "
    )
    assert "3 realisasi, 2 mata anggaran, 1 sub-kegiatan, 2 alokasi pendanaan, 1 nilai AKIP, 3 baris pegawai" in (
        pratinjau.ringkasan
    )

    hasil = impor(unit_baru, simpan(wb), tahun=TAHUN)
    assert hasil.diterapkan and hasil.galat == []
    renstra = Renstra.objects.get(unit=unit_baru)
    assert (renstra.tahun_mulai, renstra.tahun_selesai, renstra.skema.kode) == (2020, 2024, "tanpa-bsc")
    assert renstra.misi == "Misi satu\nMisi dua"
    revisi = RevisiRenstra.objects.get(renstra=renstra)
    assert (revisi.nomor, revisi.berlaku_mulai, revisi.berlaku_sampai) == (0, 2020, 2024)
    assert list(Sasaran.objects.filter(revisi=revisi).values_list("kode", "perspektif", "tujuan__kode")) == [
        ("S1", "", "T1"),
        ("S2", "", "T2"),
    ]
    i1 = Indikator.objects.get(sasaran__revisi=revisi, kode="I1")
    assert (i1.agregasi, i1.iku, i1.formula, i1.penanggung_jawab) == (
        "rata_rata",
        True,
        "a / b × 100",
        "Kepala Bidang Layanan",
    )
    assert {t.tahun: (t.nilai, t.teks_tampilan) for t in i1.target.all()} == {
        2021: (D("80"), "80%"),
        2022: (D("85"), ""),
    }
    i2 = Indikator.objects.get(kode="I2")
    assert (i2.polaritas, i2.agregasi) == ("rentang", "terakhir")
    assert Target.objects.filter(indikator=i2).values_list("nilai", "nilai_atas").get() == (D("3"), D("3.5"))
    i3 = Indikator.objects.get(kode="I3")
    assert (i3.polaritas, i3.ukur_akip) == ("positif", True)
    assert Target.objects.get(indikator=i3, tahun=2021).nilai_kualitatif == "A"  # a letter-grade target
    versi = VersiPK.objects.get(pk_induk__unit=unit_baru, pk_induk__tahun=TAHUN)
    assert (versi.berlaku_mulai, versi.kota, versi.pihak_kedua_nama) == (dt.date(2021, 1, 1), "Semarang", "Gubernur")
    assert list(versi.baris.values_list("urutan", "indikator__kode", "nilai", "nilai_kualitatif")) == [
        (1, "I1", D("80"), ""),
        (2, "I3", None, "A"),
    ]
    assert list(RencanaAksi.objects.values_list("triwulan", "target_kumulatif")) == [
        (1, D("70")),
        (2, D("75")),
        (3, D("78")),
        (4, D("80")),
    ]
    assert Realisasi.objects.get(indikator=i1, triwulan=None).nilai == D("82.5")
    assert Realisasi.objects.get(indikator=i3, triwulan=None).nilai == D("71.74")
    assert MataAnggaran.objects.get(unit=unit_baru, kode="01.1").induk.kode == "01"
    assert RealisasiAnggaran.objects.get(mata_anggaran__kode="01", bulan=12).nilai == D("900000")
    assert MataAnggaran.objects.get(unit=unit_baru, kode="01.1").realisasi_tahunan == D("350000")  # yearly only
    sk = SubKegiatan.objects.get(unit=unit_baru)
    assert sk.mata_anggaran.kode == "01.1"
    assert sorted(sk.sasaran.values_list("kode", flat=True)) == ["S1", "S2"]
    assert list(sk.indikator.values_list("kode", flat=True)) == ["I1"]
    assert sorted(AlokasiRenstra.objects.values_list("tahun", "nilai")) == [(2021, D("1000000")), (2022, D("1100000"))]
    akip = NilaiAkip.objects.get(unit=unit_baru)
    assert (akip.tahun, akip.regulasi, akip.nilai_dilaporkan) == (2020, "permenpan_88_2021", D("71.74"))
    assert sorted(KomposisiPegawai.objects.filter(unit=unit_baru).values_list("golongan", "jumlah")) == [
        ("", 2),
        ("iii", 12),
        ("iv", 3),
    ]
    # The audit trail has the creation.
    assert Sasaran.history.filter(kode="S1", history_type="+").count() == 1

    # The filled unit exports in the same format, and importing that export changes nothing.
    setelah = _jumlah()
    ulang = impor(unit_baru, ekspor(unit_baru, TAHUN), tahun=TAHUN)
    assert (ulang.baru, ulang.berubah, ulang.galat) == (0, 0, [])
    assert ulang.ringkasan == "tidak ada yang berubah"
    assert _jumlah() == setelah
    wb2 = ekspor(unit_baru, TAHUN)
    assert wb2["Sasaran"]["C2"].value == "Sasaran Program" and wb2["Sasaran"]["A2"].value == "S1"
    assert "CONTOH" not in [ws["A2"].value for ws in wb2.worksheets if ws.title in ("Renstra", "Sasaran", "Pegawai")]


def test_baris_salah_tidak_mengubah_apa_pun_dan_menunjuk_sel(unit_baru):
    wb = isi_rencana(ekspor(unit_baru, TAHUN))
    ws = wb["Sasaran"]
    atur(ws, cari_baris(ws, Kode_sasaran="S2"), "Level", "Sasaran Entah")
    ws = wb["Indikator & Target"]
    atur(ws, cari_baris(ws, Kode_indikator="I1"), "Target 2025", 90)  # outside the Renstra 2020–2024
    sebelum = _jumlah()
    hasil = impor(unit_baru, simpan(wb), tahun=TAHUN)
    assert not hasil.diterapkan
    # The two mistakes first, then what they cause (rows that cite the sasaran and indikator not created).
    assert [(g.lembar, g.baris, g.kolom) for g in hasil.galat][:3] == [
        ("Sasaran", 4, "Level"),
        ("Indikator & Target", 3, "Target 2025"),
        ("Indikator & Target", 5, "Kode sasaran"),
    ]
    assert "tidak dikenal" in hasil.galat[0].pesan and "Sasaran Program" in hasil.galat[0].pesan
    assert "di luar periode Renstra" in hasil.galat[1].pesan
    assert _jumlah() == sebelum  # all or nothing: not even the Renstra was created


def test_perspektif_wajib_bila_skema_memakainya(unit_baru):
    wb = isi_rencana(ekspor(unit_baru, TAHUN))
    ws = wb["Renstra"]
    atur(ws, cari_baris(ws, Tahun_mulai=2020), "Skema penilaian", "bpom-2020-2024")  # a code is accepted too
    ws = wb["Sasaran"]
    atur(ws, cari_baris(ws, Kode_sasaran="S1"), "Perspektif", "Customer Perspective")
    hasil = impor(unit_baru, simpan(wb), tahun=TAHUN)
    assert [(g.lembar, g.baris, g.kolom) for g in hasil.galat][:1] == [("Sasaran", 4, "Perspektif")]
    assert "memakai perspektif BSC" in hasil.galat[0].pesan
    assert not Renstra.objects.filter(unit=unit_baru).exists()


def test_tanpa_renstra_lembar_berikutnya_bergalat(unit_baru):
    wb = ekspor(unit_baru, TAHUN)
    tambah_baris(wb["Sasaran"], Kode_sasaran="S1", Nama_sasaran="Sasaran", Level="Sasaran Program")
    hasil = impor(unit_baru, simpan(wb), tahun=TAHUN)
    assert [(g.lembar, g.baris) for g in hasil.galat] == [("Sasaran", 3)]
    assert "isi lembar Renstra dulu" in hasil.galat[0].pesan


def test_contoh_saja_tidak_mengubah_apa_pun(unit_baru):
    hasil = impor(unit_baru, ekspor(unit_baru, TAHUN), tahun=TAHUN)
    assert hasil.galat == [] and not hasil.ada_perubahan
    assert set(ringkas(hasil).values()) == {(0, 0, 0)}


def test_unit_berisi_lembar_baru_pulang_pergi_tanpa_perubahan(data):
    """A filled unit with tujuan, funding plan, AKIP scores and staff: the export re-imports unchanged."""
    from indikator.models import KomponenNilaiAkip

    unit = data["unit"]
    renstra = Renstra.objects.get(unit=unit)
    tujuan = Tujuan.objects.create(renstra=renstra, kode="", uraian="Tujuan tanpa kode", urutan=1)
    Sasaran.objects.filter(kode="SS1", revisi__nomor=1).update(tujuan=tujuan)
    AlokasiRenstra.objects.create(renstra=renstra, program="Program dukungan", tahun=2018, nilai=D("5000000.50"))
    akip = NilaiAkip.objects.create(unit=unit, tahun=2017, regulasi="permenpan_12_2015", evaluator="Inspektorat")
    KomponenNilaiAkip.objects.create(nilai_akip=akip, komponen="perencanaan", nilai=D("25.5"))
    KomposisiPegawai.objects.create(unit=unit, tahun=2018, jenis="asn", jenjang="s1", jumlah=7)
    Indikator.objects.filter(kode="IK1").update(definisi_operasional="Dokumen =ditandatangani", sumber_data="Arsip")
    SubKegiatan.objects.get().sasaran.add(Sasaran.objects.get(kode="SS1"))
    jejak = (_jumlah(), Tujuan.history.count(), NilaiAkip.history.count(), Indikator.history.count())
    hasil = impor(unit, ekspor(unit))
    assert hasil.galat == []
    assert (hasil.baru, hasil.berubah) == (0, 0)
    assert ringkas(hasil)["Nilai AKIP"] == (0, 0, 1)
    assert ringkas(hasil)["Pegawai"] == (0, 0, 1)
    assert ringkas(hasil)["Tujuan"] == (0, 0, 1)
    assert (_jumlah(), Tujuan.history.count(), NilaiAkip.history.count(), Indikator.history.count()) == jejak

    # Updating by code: a component, the staff count and a sub-kegiatan's links change, nothing else.
    wb = ekspor(unit)
    atur(wb["Nilai AKIP"], 2, "Perencanaan Kinerja", 26)
    atur(wb["Pegawai"], 2, "Jumlah", 8)
    atur(wb["Sub-kegiatan"], 2, "Kode sasaran", "SS1,SS2")
    hasil = impor(unit, simpan(wb))
    assert (hasil.baru, hasil.berubah, hasil.galat) == (0, 3, [])
    perubahan = {(h.judul, p.kunci): p.medan for h in hasil.lembar for p in h.perubahan}
    assert perubahan[("Sub-kegiatan", "Penyusunan MoU")] == [("Kode sasaran", "SS1", "SS1, SS2")]
    assert sorted(SubKegiatan.objects.get().sasaran.values_list("kode", flat=True)) == ["SS1", "SS2"]
    ulang = impor(unit, ekspor(unit))
    assert (ulang.baru, ulang.berubah, ulang.galat) == (0, 0, [])
    assert KomponenNilaiAkip.objects.get(nilai_akip=akip).nilai == D("26")
    assert KomposisiPegawai.objects.get(unit=unit).jumlah == 8


def test_unit_baru_unduh_unggah_pratinjau_lalu_terapkan_lewat_halaman(client, unit_baru):
    """The planner of a new unit downloads the plan workbook, uploads it filled, sees the summary, confirms."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from openpyxl import load_workbook

    from indikator.enums import Peran
    from tests.pabrik import buat_pengguna

    client.force_login(buat_pengguna("perencana-baru", Peran.PERENCANA, unit_baru))
    r = client.get(reverse("kerja:excel_unduh", args=[unit_baru.slug, TAHUN]))
    assert r.status_code == 200
    wb = isi_rencana(load_workbook(io.BytesIO(r.content)))
    url = reverse("kerja:excel_impor", args=[unit_baru.slug, TAHUN])
    berkas = SimpleUploadedFile("rencana.xlsx", simpan(wb), content_type="application/octet-stream")
    r = client.post(url, {"berkas": berkas})
    assert r.status_code == 200
    teks = r.content.decode()
    assert "Akan dibuat: 1 Renstra, 2 tujuan, 2 sasaran, 3 indikator" in teks
    assert not Renstra.objects.filter(unit=unit_baru).exists()
    r = client.post(url, {"token": r.context["token"], "terapkan": "1"})
    assert r.status_code == 302
    assert Indikator.objects.filter(sasaran__revisi__renstra__unit=unit_baru).count() == 3
