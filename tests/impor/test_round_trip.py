import datetime as dt
from decimal import Decimal as D

from openpyxl.utils import get_column_letter

from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, RencanaPenarikan, SubKegiatan
from indikator.models import BarisPK, Indikator, Realisasi, RencanaAksi, Target

from .util import TAHUN, atur, cari_baris, ekspor, impor, ringkas, simpan, tambah_baris

TANPA_PERUBAHAN = {
    "Renstra": (0, 0, 1),
    "Tujuan": (0, 0, 0),
    "Sasaran": (0, 0, 2),
    "Indikator & Target": (0, 0, 3),
    "Versi PK": (0, 0, 2),
    "PK": (0, 0, 3),
    "Rencana Aksi": (0, 0, 3),
    "Realisasi": (0, 0, 4),
    "Anggaran": (0, 0, 2),
    "Sub-kegiatan": (0, 0, 1),
    "Pendanaan Renstra": (0, 0, 0),
    "Nilai AKIP": (0, 0, 0),
    "Pegawai": (0, 0, 0),
    "Jabatan": (0, 0, 0),
    "Pemegang jabatan": (0, 0, 0),
    "Pohon kinerja": (0, 0, 0),
}


def _jejak():
    """Everything the import could touch, including history rows (an unchanged import writes nothing)."""
    return (
        list(
            Target.objects.values_list(
                "indikator__kode", "tahun", "nilai", "nilai_atas", "nilai_kualitatif", "teks_tampilan"
            ).order_by("pk")
        ),
        list(
            Realisasi.objects.values_list(
                "indikator__kode", "triwulan", "nilai", "nilai_kualitatif", "analisis"
            ).order_by("pk")
        ),
        list(RencanaAksi.objects.values_list("baris_pk_id", "triwulan", "target_kumulatif").order_by("pk")),
        list(BarisPK.objects.values_list("versi__nomor", "urutan", "nilai").order_by("pk")),
        list(
            PaguRevisi.objects.values_list("mata_anggaran__kode", "revisi_ke", "nilai", "berlaku_mulai").order_by("pk")
        ),
        list(RealisasiAnggaran.objects.values_list("mata_anggaran__kode", "bulan", "nilai").order_by("pk")),
        list(SubKegiatan.objects.values_list("nama", "mata_anggaran__kode", "target_output", "realisasi_output")),
        list(Indikator.objects.values_list("kode", "nama", "polaritas", "iku").order_by("pk")),
        Realisasi.history.count(),
        Target.history.count(),
        RealisasiAnggaran.history.count(),
        MataAnggaran.history.count(),
    )


def test_ekspor_lalu_impor_tanpa_perubahan(data):
    sebelum = _jejak()
    hasil = impor(data["unit"], ekspor(data["unit"]))
    assert hasil.galat == []
    assert ringkas(hasil) == TANPA_PERUBAHAN
    assert (hasil.baru, hasil.berubah) == (0, 0)
    assert _jejak() == sebelum


def test_workbook_berisi_semua_lembar_dengan_angka_asli(data):
    wb = ekspor(data["unit"])
    assert wb.sheetnames == [
        "Petunjuk",
        "Renstra",
        "Tujuan",
        "Sasaran",
        "Indikator & Target",
        "Versi PK",
        "PK",
        "Rencana Aksi",
        "Realisasi",
        "Anggaran",
        "Sub-kegiatan",
        "Pendanaan Renstra",
        "Nilai AKIP",
        "Pegawai",
        "Jabatan",
        "Pemegang jabatan",
        "Pohon kinerja",
        "Daftar pilihan",
    ]
    assert wb["Daftar pilihan"].sheet_state == "hidden"
    petunjuk = wb["Petunjuk"]
    assert (petunjuk["A2"].value, petunjuk["B2"].value) == ("Unit", "biro-ks")
    assert (petunjuk["A3"].value, petunjuk["B3"].value) == ("Tahun", 2018)

    ws = wb["Realisasi"]
    assert [c.value for c in ws[1]][:4] == ["Kode indikator", "Indikator", "Triwulan", "Nilai"]
    assert ws["A1"].font.bold
    r = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    sel = ws.cell(row=r, column=4)
    assert sel.value == 78.35 and sel.data_type == "n"
    assert sel.number_format == "#,##0.00"
    # 5 rows (Tahunan + TW1–4) per active indikator
    assert ws.max_row == 1 + 3 * 5
    assert ws.column_dimensions["B"].width == 45

    ws = wb["Anggaran"]
    header = [c.value for c in ws[1]]
    assert header[:8] == [
        "Kode",
        "Kode induk",
        "Nama",
        "Jenis",
        "Pagu revisi 0",
        "Berlaku mulai revisi 0",
        "Pagu revisi 1",
        "Berlaku mulai revisi 1",
    ]
    bulan = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    assert header[-24:] == bulan + [f"Rencana {b}" for b in bulan]  # realisasi, then the spending plan
    r = cari_baris(ws, Kode="001")
    assert ws.cell(row=r, column=5).value == 7225900000
    assert ws.cell(row=r, column=5).number_format == "#,##0"
    assert ws.cell(row=r, column=8).value == dt.datetime(2018, 8, 1)

    ws = wb["Indikator & Target"]
    r = cari_baris(ws, Kode_indikator="IK2")
    assert ws.cell(row=r, column=[c.value for c in ws[1]].index("Target 2018") + 1).value == "70 – 80"
    assert ws["B1"].value == "Sasaran" and ws["B1"].fill.fgColor.rgb.endswith("9E9E9E")  # info column
    # Drop-downs show labels, listed on the hidden sheet.
    kol_polaritas = get_column_letter([c.value for c in ws[1]].index("Polaritas") + 1)
    dv = next(dv for dv in ws.data_validations.dataValidation if f"{kol_polaritas}2" in str(dv.sqref))
    lembar, rentang = dv.formula1.split("!")
    assert lembar == "'Daftar pilihan'"
    assert [c.value for (c,) in wb["Daftar pilihan"][rentang.replace("$", "")]] == [
        "Positif (makin tinggi makin baik)",
        "Negatif (makin rendah makin baik)",
        "Rentang (target batas bawah–atas)",
        "Rentang negatif",
        "Kualitatif (skala ordinal)",
    ]
    assert ws.cell(row=r, column=kol_polaritas_idx(ws)).value == "Rentang (target batas bawah–atas)"
    ws = wb["Rencana Aksi"]
    assert [ws.cell(row=2, column=c).value for c in range(6, 10)] == [7, 14, 26, 34]


def kol_polaritas_idx(ws) -> int:
    return [c.value for c in ws[1]].index("Polaritas") + 1


def test_workbook_diubah_menerapkan_perubahan_yang_tepat(data):
    unit = data["unit"]
    wb = ekspor(unit)

    ws = wb["Indikator & Target"]
    r = cari_baris(ws, Kode_indikator="IK1")
    atur(ws, r, "Target 2019", 42)
    atur(ws, r, "Nama indikator", "Jumlah dokumen kerja sama yang ditandatangani")
    atur(ws, r, "Nilai AKIP", "Ya")
    tambah_baris(
        ws,
        Kode_sasaran="SS2",
        Kode_indikator="IK4",
        Nama_indikator="Persentase SDM terlatih",
        Satuan="%",
        Polaritas="positif",
        Agregasi="terakhir",
        IKU="Tidak",
        **{"Target 2018": "72,5"},
    )

    ws = wb["PK"]
    atur(ws, cari_baris(ws, Versi_PK=2, Urutan=1), "Target", 37)

    ws = wb["Rencana Aksi"]
    atur(ws, cari_baris(ws, Versi_PK=1, Urutan=1), "B12", 35)

    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK1", Triwulan="Tahunan"), "Nilai", 36)
    atur(ws, cari_baris(ws, Kode_indikator="IK1", Triwulan=2), "Nilai", "14,5")

    ws = wb["Anggaran"]
    r = cari_baris(ws, Kode="001.1")
    atur(ws, r, "Jan", None)
    atur(ws, r, "Feb", "50.000,00")
    atur(ws, r, "Rencana Jun", "2.000.000,00")
    atur(ws, r, "Pagu revisi 1", 2000000)
    atur(ws, r, "Berlaku mulai revisi 1", "01/08/2018")
    tambah_baris(
        ws,
        Kode="001.2",
        Kode_induk="001",
        Nama="Kerja sama DN",
        Jenis="kegiatan",
        **{"Pagu revisi 0": 500000, "Mar": 1000},
    )

    ws = wb["Sub-kegiatan"]
    atur(ws, cari_baris(ws, Nama="Penyusunan MoU"), "Realisasi output", 10)

    pratinjau = impor(unit, simpan(wb), terapkan=False)
    assert pratinjau.galat == []
    harapan = {
        **TANPA_PERUBAHAN,
        "Indikator & Target": (1, 1, 2),
        "PK": (0, 1, 2),
        "Rencana Aksi": (0, 1, 2),
        "Realisasi": (1, 1, 3),
        "Anggaran": (1, 1, 1),
        "Sub-kegiatan": (0, 1, 0),
    }
    assert ringkas(pratinjau) == harapan
    assert not Indikator.objects.filter(kode="IK4").exists()  # dry run wrote nothing
    perubahan = {(h.judul, p.kunci): p.medan for h in pratinjau.lembar for p in h.perubahan}
    assert perubahan[("Indikator & Target", "SS1 / IK1")] == [
        ("Nama indikator", "Jumlah dokumen kerja sama", "Jumlah dokumen kerja sama yang ditandatangani"),
        ("Nilai AKIP", "Tidak", "Ya"),
        ("Target 2019", "40", "42"),
    ]
    assert perubahan[("Anggaran", "001.1")] == [
        ("Pagu revisi 1", "–", "2.000.000"),
        ("Berlaku mulai revisi 1", "–", "01/08/2018"),
        ("Jan", "100.000", "–"),
        ("Feb", "–", "50.000"),
        ("Rencana Jun", "–", "2.000.000"),
    ]
    assert perubahan[("Realisasi", "IK1 / Tahunan")] == [("Nilai", "35", "36")]

    hasil = impor(unit, simpan(wb))
    assert hasil.diterapkan and ringkas(hasil) == harapan
    # Applying writes the audit trail (the preview skips it: its writes are rolled back).
    assert Realisasi.history.filter(nilai=D("36"), triwulan=None).count() == 1
    assert PaguRevisi.history.filter(revisi_ke=1, nilai=D("2000000")).count() == 1
    assert RealisasiAnggaran.history.filter(bulan=2, nilai=D("50000")).count() == 1

    i1 = data["i1"]
    assert Target.objects.get(indikator=i1, tahun=2019).nilai == D("42")
    i1.refresh_from_db()
    assert i1.ukur_akip is True
    ik4 = Indikator.objects.get(kode="IK4")
    assert (ik4.sasaran.kode, ik4.satuan, ik4.iku) == ("SS2", "%", False)
    assert Target.objects.get(indikator=ik4, tahun=2018).nilai == D("72.5")
    assert BarisPK.objects.get(versi__nomor=2, urutan=1).nilai == D("37")
    assert RencanaAksi.objects.get(baris_pk=data["b1"], triwulan=4).target_kumulatif == D("35")
    assert Realisasi.objects.get(indikator=i1, tahun=TAHUN, triwulan=None).nilai == D("36")
    assert Realisasi.objects.get(indikator=i1, tahun=TAHUN, triwulan=2).nilai == D("14.5")
    m = data["m0011"]
    assert dict(RealisasiAnggaran.objects.filter(mata_anggaran=m).values_list("bulan", "nilai")) == {
        2: D("50000"),
        3: D("250000.75"),
    }
    assert PaguRevisi.objects.get(mata_anggaran=m, revisi_ke=1).berlaku_mulai == dt.date(2018, 8, 1)
    assert dict(RencanaPenarikan.objects.filter(mata_anggaran=m).values_list("bulan", "nilai")) == {6: D("2000000")}
    assert RencanaPenarikan.history.filter(bulan=6).count() == 1
    baru = MataAnggaran.objects.get(unit=unit, tahun=TAHUN, kode="001.2")
    assert baru.induk == data["m001"]
    assert PaguRevisi.objects.get(mata_anggaran=baru, revisi_ke=0).berlaku_mulai == dt.date(2018, 1, 1)
    assert SubKegiatan.objects.get(nama="Penyusunan MoU").realisasi_output == D("10")

    # And the new state round-trips unchanged.
    ulang = impor(unit, ekspor(unit))
    assert (ulang.baru, ulang.berubah, ulang.galat) == (0, 0, [])


def test_rencana_penarikan_tidak_sama_pagu_menolak_seluruh_buku(data):
    """All or nothing: a row whose monthly plan does not sum to its pagu refuses the whole workbook."""
    unit = data["unit"]
    sebelum = _jejak()
    wb = ekspor(unit)
    ws = wb["Anggaran"]
    r = cari_baris(ws, Kode="001.1")
    atur(ws, r, "Rencana Jun", "300.000,00")  # the line's pagu is not 300.000
    atur(ws, r, "Feb", "50.000,00")  # a valid change on the same workbook, refused with it
    hasil = impor(unit, simpan(wb), terapkan=True)
    assert any("tidak sama dengan pagu" in g.pesan for g in hasil.galat)
    assert _jejak() == sebelum
