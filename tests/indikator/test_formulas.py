"""Specification tables for `indikator.formulas` (domain guide §2–§4, §6). Pure: no database."""

from datetime import date
from decimal import Decimal as D

import pytest

from indikator.enums import (
    BOBOT_AKIP,
    Agregasi,
    AgregasiPerspektif,
    KomponenAkip,
    Polaritas,
    RegulasiAkip,
    RumusNegatif,
)
from indikator.formulas import (
    DUA_DESIMAL,
    PRESET_BPOM_2015_2019,
    PRESET_BPOM_2020_2024,
    Band,
    SkorIndikator,
    akhir_triwulan,
    bulatkan,
    hitung_capaian,
    hitung_capaian_resmi,
    hitung_kumulatif_triwulan,
    hitung_nilai_kualitatif,
    hitung_nko,
    hitung_nps_perspektif,
    hitung_nps_sasaran,
    hitung_persen_target_akhir,
    hitung_progres_triwulan,
    hitung_rata_rata,
    hitung_realisasi_tahunan,
    hitung_total_akip,
    pilih_versi_berlaku,
    tentukan_kriteria,
    tentukan_predikat_akip,
    terapkan_batas,
)

SKALA_AKIP = {
    "AA": D("100"),
    "A": D("80"),
    "BB": D("70"),
    "B": D("60"),
    "CC": D("50"),
    "C": D("30"),
    "D": D("0"),
}


def _dua_desimal(nilai: D) -> bool:
    return nilai.as_tuple().exponent == -2


# --- bulatkan -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "digit", "harapan"),
    [
        (D("100.875"), 2, D("100.88")),
        (D("97.9375"), 2, D("97.94")),
        (D("102.235"), 2, D("102.24")),
        (D("102.2349"), 2, D("102.23")),
        (D("-1.005"), 2, D("-1.01")),
        (D("100"), 2, D("100.00")),
        (D("2.5"), 0, D("3")),
        (D("1.2345"), 3, D("1.235")),
    ],
)
def test_bulatkan_setengah_ke_atas(nilai, digit, harapan):
    hasil = bulatkan(nilai, digit=digit)
    assert hasil == harapan
    assert hasil.as_tuple().exponent == -digit


def test_bulatkan_none_tetap_none():
    assert bulatkan(None) is None


def test_dua_desimal_adalah_kuantum_resmi():
    assert D("0.01") == DUA_DESIMAL


# --- §2 capaian -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        (D("100"), D("80"), D("80")),
        (D("80"), D("100"), D("125")),
        (D("50"), D("50"), D("100")),
        (D("10"), D("0"), D("0")),
    ],
)
def test_hitung_capaian_positif_r_per_t(target, realisasi, harapan):
    assert hitung_capaian(polaritas=Polaritas.POSITIF, target=target, realisasi=realisasi) == harapan


def test_hitung_capaian_positif_mentah_tidak_dibulatkan():
    assert hitung_capaian(polaritas=Polaritas.POSITIF, target=D("80"), realisasi=D("80.7")) == D("100.875")


@pytest.mark.parametrize("realisasi", [D("0"), D("5")])
def test_hitung_capaian_positif_target_nol_tidak_dapat_dihitung(realisasi):
    assert hitung_capaian(polaritas=Polaritas.POSITIF, target=D("0"), realisasi=realisasi) is None


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        (D("10"), D("8"), D("120")),
        (D("10"), D("10"), D("100")),
        (D("10"), D("12"), D("80")),
        (D("10"), D("0"), D("200")),
        (D("10"), D("25"), D("-50")),
    ],
)
def test_hitung_capaian_negatif_cermin_2t_kurang_r_per_t(target, realisasi, harapan):
    assert hitung_capaian(polaritas=Polaritas.NEGATIF, target=target, realisasi=realisasi) == harapan


def test_hitung_capaian_negatif_bawaan_adalah_cermin():
    assert hitung_capaian(polaritas=Polaritas.NEGATIF, target=D("10"), realisasi=D("8")) == hitung_capaian(
        polaritas=Polaritas.NEGATIF, target=D("10"), realisasi=D("8"), rumus_negatif=RumusNegatif.CERMIN
    )


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        (D("80"), D("100"), D("80")),
        (D("100"), D("80"), D("125")),
        (D("10"), D("10"), D("100")),
        (D("10"), D("0"), None),
    ],
)
def test_hitung_capaian_negatif_kebalikan_t_per_r(target, realisasi, harapan):
    hasil = hitung_capaian(
        polaritas=Polaritas.NEGATIF, target=target, realisasi=realisasi, rumus_negatif=RumusNegatif.KEBALIKAN
    )
    assert hasil == harapan


@pytest.mark.parametrize("rumus", list(RumusNegatif))
@pytest.mark.parametrize(("realisasi", "harapan"), [(D("0"), D("100")), (D("3"), D("0")), (D("0.01"), D("0"))])
def test_hitung_capaian_negatif_target_nol(rumus, realisasi, harapan):
    hasil = hitung_capaian(polaritas=Polaritas.NEGATIF, target=D("0"), realisasi=realisasi, rumus_negatif=rumus)
    assert hasil == harapan


@pytest.mark.parametrize("polaritas", list(Polaritas))
def test_hitung_capaian_realisasi_kosong_belum_ada_data(polaritas):
    assert hitung_capaian(polaritas=polaritas, target=D("10"), realisasi=None, target_atas=D("20")) is None


@pytest.mark.parametrize("polaritas", list(Polaritas))
def test_hitung_capaian_target_kosong_tidak_dapat_dihitung(polaritas):
    assert hitung_capaian(polaritas=polaritas, target=None, realisasi=D("10")) is None


@pytest.mark.parametrize(
    ("bawah", "atas", "realisasi", "harapan"),
    [
        (D("10"), D("20"), D("15"), D("100")),
        (D("10"), D("20"), D("10"), D("100")),
        (D("10"), D("20"), D("20"), D("100")),
        (D("10"), D("20"), D("25"), D("125")),
        (D("10"), D("20"), D("8"), D("80")),
        (D("10"), D("20"), D("9.99"), D("99.9")),
        (D("10"), D("20"), D("20.01"), D("100.05")),
        (D("20"), D("10"), D("25"), D("125")),
        (D("10"), None, D("10"), D("100")),
        (D("10"), None, D("12"), D("120")),
        (D("10"), None, D("5"), D("50")),
        (D("0"), D("0"), D("0"), D("100")),
        (D("0"), D("0"), D("3"), None),
    ],
)
def test_hitung_capaian_rentang(bawah, atas, realisasi, harapan):
    hasil = hitung_capaian(polaritas=Polaritas.RENTANG, target=bawah, target_atas=atas, realisasi=realisasi)
    assert hasil == harapan


@pytest.mark.parametrize(
    ("bawah", "atas", "realisasi", "rumus", "harapan"),
    [
        (D("10"), D("20"), D("15"), RumusNegatif.CERMIN, D("100")),
        (D("10"), D("20"), D("10"), RumusNegatif.CERMIN, D("100")),
        (D("10"), D("20"), D("20"), RumusNegatif.KEBALIKAN, D("100")),
        (D("10"), D("20"), D("25"), RumusNegatif.CERMIN, D("75")),
        (D("10"), D("20"), D("8"), RumusNegatif.CERMIN, D("120")),
        (D("10"), D("20"), D("25"), RumusNegatif.KEBALIKAN, D("80")),
        (D("10"), D("20"), D("8"), RumusNegatif.KEBALIKAN, D("125")),
        (D("10"), None, D("12"), RumusNegatif.CERMIN, D("80")),
        (D("0"), D("5"), D("6"), RumusNegatif.CERMIN, D("80")),
        (D("0"), D("0"), D("0"), RumusNegatif.CERMIN, D("100")),
        (D("0"), D("0"), D("2"), RumusNegatif.CERMIN, D("0")),
        (D("0"), D("0"), D("2"), RumusNegatif.KEBALIKAN, D("0")),
    ],
)
def test_hitung_capaian_rentang_negatif_rumus_negatif_terhadap_batas_terdekat(bawah, atas, realisasi, rumus, harapan):
    hasil = hitung_capaian(
        polaritas=Polaritas.RENTANG_NEGATIF,
        target=bawah,
        target_atas=atas,
        realisasi=realisasi,
        rumus_negatif=rumus,
    )
    assert hasil == harapan


@pytest.mark.parametrize(
    ("kode", "harapan"),
    [
        ("AA", D("100")),
        ("A", D("80")),
        ("bb", D("70")),
        (" B ", D("60")),
        ("cc", D("50")),
        ("C", D("30")),
        ("D", D("0")),
        ("E", None),
        ("", None),
        (None, None),
    ],
)
def test_hitung_nilai_kualitatif_kode_ke_angka(kode, harapan):
    assert hitung_nilai_kualitatif(kode=kode, skala=SKALA_AKIP) == harapan


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        ("A", "AA", D("125.00")),
        ("A", "A", D("100.00")),
        ("A", "BB", D("87.50")),
        ("BB", "A", D("114.29")),
        ("A", "D", D("0.00")),
        ("D", "A", None),
        ("A", "X", None),
        ("A", None, None),
    ],
)
def test_hitung_capaian_kualitatif_nilai_r_per_nilai_t(target, realisasi, harapan):
    hasil = hitung_capaian_resmi(
        polaritas=Polaritas.KUALITATIF,
        target=hitung_nilai_kualitatif(kode=target, skala=SKALA_AKIP),
        realisasi=hitung_nilai_kualitatif(kode=realisasi, skala=SKALA_AKIP),
    )
    assert hasil == harapan


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        (D("75"), D("78.35"), D("104.47")),
        (D("70"), D("70.3"), D("100.43")),
        (D("95"), D("100"), D("105.26")),
        (D("80"), D("80.7"), D("100.88")),
        (D("78"), D("72.58"), D("93.05")),
        (D("34"), D("34"), D("100.00")),
    ],
)
def test_hitung_capaian_resmi_laporan_rujukan(target, realisasi, harapan):
    hasil = hitung_capaian_resmi(polaritas=Polaritas.POSITIF, target=target, realisasi=realisasi)
    assert hasil == harapan
    assert _dua_desimal(hasil)


def test_hitung_capaian_resmi_none_tetap_none():
    assert hitung_capaian_resmi(polaritas=Polaritas.POSITIF, target=D("0"), realisasi=D("1")) is None


@pytest.mark.parametrize(
    ("polaritas", "realisasi", "target_akhir", "target_akhir_atas", "rumus", "harapan"),
    [
        (Polaritas.POSITIF, D("72.58"), D("78"), None, RumusNegatif.CERMIN, D("93.05")),
        (Polaritas.NEGATIF, D("9"), D("12"), None, RumusNegatif.CERMIN, D("125.00")),
        (Polaritas.NEGATIF, D("9"), D("12"), None, RumusNegatif.KEBALIKAN, D("133.33")),
        (Polaritas.RENTANG, D("15"), D("10"), D("20"), RumusNegatif.CERMIN, D("100.00")),
        (Polaritas.POSITIF, None, D("78"), None, RumusNegatif.CERMIN, None),
        (Polaritas.POSITIF, D("5"), D("0"), None, RumusNegatif.CERMIN, None),
    ],
)
def test_hitung_persen_target_akhir_rumus_capaian_terhadap_target_akhir_renstra(
    polaritas, realisasi, target_akhir, target_akhir_atas, rumus, harapan
):
    hasil = hitung_persen_target_akhir(
        polaritas=polaritas,
        realisasi=realisasi,
        target_akhir=target_akhir,
        target_akhir_atas=target_akhir_atas,
        rumus_negatif=rumus,
    )
    assert hasil == harapan


# --- §2 quarters ----------------------------------------------------------------------------------

TRIWULAN_BERLUBANG = [D("8"), D("6"), None, D("10")]


@pytest.mark.parametrize(
    ("nilai", "agregasi", "harapan"),
    [
        (TRIWULAN_BERLUBANG, Agregasi.KUMULATIF, D("24")),
        (TRIWULAN_BERLUBANG, Agregasi.TERAKHIR, D("10")),
        (TRIWULAN_BERLUBANG, Agregasi.RATA_RATA, D("8")),
        (TRIWULAN_BERLUBANG, Agregasi.MAKSIMUM, D("10")),
        ([D("7"), D("7"), D("12"), D("8")], Agregasi.KUMULATIF, D("34")),
        ([D("5"), None, None, None], Agregasi.TERAKHIR, D("5")),
        ([D("5"), D("9"), None, None], Agregasi.TERAKHIR, D("9")),
        ([D("1"), D("1"), D("2")], Agregasi.RATA_RATA, D("4") / D("3")),
        ([D("1"), D("2")], Agregasi.RATA_RATA, D("1.5")),
        ([D("3"), D("11"), D("7")], Agregasi.MAKSIMUM, D("11")),
        ([D("0"), None], Agregasi.KUMULATIF, D("0")),
    ],
)
def test_hitung_realisasi_tahunan_per_agregasi(nilai, agregasi, harapan):
    assert hitung_realisasi_tahunan(nilai_triwulan=nilai, agregasi=agregasi) == harapan


@pytest.mark.parametrize("agregasi", list(Agregasi))
@pytest.mark.parametrize("nilai", [[], [None, None, None, None]])
def test_hitung_realisasi_tahunan_tanpa_data_adalah_none(agregasi, nilai):
    assert hitung_realisasi_tahunan(nilai_triwulan=nilai, agregasi=agregasi) is None


@pytest.mark.parametrize(
    ("nilai", "agregasi", "harapan"),
    [
        (TRIWULAN_BERLUBANG, Agregasi.KUMULATIF, [D("8"), D("14"), None, D("24")]),
        (TRIWULAN_BERLUBANG, Agregasi.TERAKHIR, [D("8"), D("6"), None, D("10")]),
        (TRIWULAN_BERLUBANG, Agregasi.RATA_RATA, [D("8"), D("7"), None, D("8")]),
        (TRIWULAN_BERLUBANG, Agregasi.MAKSIMUM, [D("8"), D("8"), None, D("10")]),
        ([None, D("4"), D("6")], Agregasi.KUMULATIF, [None, D("4"), D("10")]),
        ([D("7"), D("7"), D("12"), D("8")], Agregasi.KUMULATIF, [D("7"), D("14"), D("26"), D("34")]),
        ([], Agregasi.KUMULATIF, []),
    ],
)
def test_hitung_kumulatif_triwulan_per_awalan_dengan_celah(nilai, agregasi, harapan):
    assert hitung_kumulatif_triwulan(nilai_triwulan=nilai, agregasi=agregasi) == harapan


# --- §3 kriteria ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        (D("0"), "Kurang"),
        (D("89.99"), "Kurang"),
        (D("90"), "Cukup"),
        (D("93.05"), "Cukup"),
        (D("99.99"), "Cukup"),
        (D("100"), "Baik"),
        (D("100.00"), "Baik"),
        (D("100.01"), "Memuaskan"),
        (D("100.43"), "Memuaskan"),
        (D("104.47"), "Memuaskan"),
        (D("120"), "Memuaskan"),
        (D("120.01"), "Tidak dapat disimpulkan"),
        (D("-5"), "Kurang"),
    ],
)
def test_tentukan_kriteria_preset_bpom_2015_2019_di_setiap_batas(capaian, label):
    assert tentukan_kriteria(capaian=capaian, bands=PRESET_BPOM_2015_2019).label == label


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        (D("0"), "Sangat Kurang"),
        (D("49.99"), "Sangat Kurang"),
        (D("50"), "Kurang"),
        (D("69.99"), "Kurang"),
        (D("70"), "Cukup"),
        (D("89.99"), "Cukup"),
        (D("90"), "Baik"),
        (D("100"), "Baik"),
        (D("110"), "Baik"),
        (D("110.01"), "Sangat Baik"),
        (D("120"), "Sangat Baik"),
        (D("120.01"), "Tidak dapat disimpulkan"),
    ],
)
def test_tentukan_kriteria_preset_bpom_2020_2024_di_setiap_batas(capaian, label):
    assert tentukan_kriteria(capaian=capaian, bands=PRESET_BPOM_2020_2024).label == label


@pytest.mark.parametrize("preset", [PRESET_BPOM_2015_2019, PRESET_BPOM_2020_2024])
def test_preset_setiap_band_berwarna_hex_dan_label_unik(preset):
    assert len({band.label for band in preset}) == len(preset)
    for band in preset:
        assert band.warna.startswith("#")
        assert len(band.warna) == 7
        int(band.warna[1:], 16)


@pytest.mark.parametrize("preset", [PRESET_BPOM_2015_2019, PRESET_BPOM_2020_2024])
def test_preset_tepat_satu_band_memuat_setiap_capaian(preset):
    for sen in range(-1000, 20001):
        capaian = D(sen) / D("100")
        assert sum(band.memuat(capaian) for band in preset) == 1, capaian


def test_tentukan_kriteria_capaian_kosong_tanpa_kriteria():
    assert tentukan_kriteria(capaian=None, bands=PRESET_BPOM_2020_2024) is None


def test_tentukan_kriteria_tanpa_band_yang_cocok_adalah_none():
    bands = (Band("Tinggi", batas_bawah=D("100")),)
    assert tentukan_kriteria(capaian=D("99"), bands=bands) is None


def test_tentukan_kriteria_band_pertama_yang_memuat_menang():
    bands = (Band("Pertama", batas_bawah=D("0")), Band("Kedua", batas_bawah=D("50")))
    assert tentukan_kriteria(capaian=D("60"), bands=bands).label == "Pertama"


@pytest.mark.parametrize(
    ("band", "nilai", "harapan"),
    [
        (Band("x"), D("-1000"), True),
        (Band("x", batas_bawah=D("10")), D("10"), True),
        (Band("x", batas_bawah=D("10"), bawah_inklusif=False), D("10"), False),
        (Band("x", batas_bawah=D("10")), D("9.99"), False),
        (Band("x", batas_atas=D("20")), D("20"), False),
        (Band("x", batas_atas=D("20"), atas_inklusif=True), D("20"), True),
        (Band("x", batas_atas=D("20")), D("19.99"), True),
        (Band("x", batas_bawah=D("10"), batas_atas=D("20")), D("20.01"), False),
    ],
)
def test_band_memuat_menghormati_inklusivitas_batas(band, nilai, harapan):
    assert band.memuat(nilai) is harapan


# --- §4 NPS and NKO -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "batas", "harapan"),
    [
        (D("130"), D("120"), D("120")),
        (D("110"), D("120"), D("110")),
        (D("120"), D("120"), D("120")),
        (D("130"), None, D("130")),
        (None, D("120"), None),
    ],
)
def test_terapkan_batas_memotong_capaian_di_batas(capaian, batas, harapan):
    assert terapkan_batas(capaian=capaian, batas=batas) == harapan


@pytest.mark.parametrize(
    ("nilai", "bobot", "harapan"),
    [
        ([D("104.47"), D("100")], None, D("102.24")),
        ([D("104.47"), None, D("100")], None, D("102.24")),
        ([D("100"), D("80")], [D("3"), D("1")], D("95.00")),
        ([D("100"), None, D("80")], [D("3"), D("5"), D("1")], D("95.00")),
        ([D("100"), D("50")], [D("0"), D("1")], D("50.00")),
        ([D("1"), D("2")], None, D("1.50")),
        ([], None, None),
        ([None, None], None, None),
        ([D("100")], [D("0")], None),
    ],
)
def test_hitung_rata_rata_berbobot_dibulatkan_dua_desimal(nilai, bobot, harapan):
    hasil = hitung_rata_rata(nilai=nilai, bobot=bobot)
    assert hasil == harapan
    if hasil is not None:
        assert _dua_desimal(hasil)


def test_hitung_rata_rata_bobot_harus_sama_panjang():
    with pytest.raises(ValueError, match="sama panjang"):
        hitung_rata_rata(nilai=[D("1"), D("2")], bobot=[D("1")])


@pytest.mark.parametrize(
    ("capaian", "batas", "harapan"),
    [
        ([D("104.47"), D("100")], None, D("102.24")),
        ([D("100"), D("100.43"), D("105.26"), D("100.88"), D("100")], None, D("101.31")),
        ([D("130"), D("100")], None, D("115.00")),
        ([D("130"), D("100")], D("120"), D("110.00")),
        ([D("130"), None], D("120"), D("120.00")),
        ([None], D("120"), None),
        ([], None, None),
    ],
)
def test_hitung_nps_sasaran_rata_rata_capaian_resmi_dengan_batas(capaian, batas, harapan):
    assert hitung_nps_sasaran(capaian=capaian, batas=batas) == harapan


def test_hitung_nps_perspektif_customer_laporan_rujukan():
    skor = [SkorIndikator("SS1", D("104.47"), iku=True), SkorIndikator("SS2", D("100"), iku=True)]
    assert hitung_nps_perspektif(skor=skor) == D("102.24")


def test_hitung_nps_perspektif_internal_process_laporan_rujukan():
    skor = [
        SkorIndikator("SS3", D("100")),
        SkorIndikator("SS3", D("100.43")),
        SkorIndikator("SS4", D("105.26")),
        SkorIndikator("SS5", D("100.88")),
        SkorIndikator("SS5", D("100")),
    ]
    assert hitung_nps_perspektif(skor=skor) == D("101.31")


SKOR_CAMPURAN = [
    SkorIndikator("S1", D("104.47"), iku=True),
    SkorIndikator("S1", D("100")),
    SkorIndikator("S2", D("90"), iku=True),
    SkorIndikator("S3", None, iku=True),
]
SKOR_DI_ATAS_BATAS = [
    SkorIndikator("S1", D("150")),
    SkorIndikator("S1", D("100")),
    SkorIndikator("S2", D("90")),
]


@pytest.mark.parametrize(
    ("skor", "metode", "batas", "bobot_iku", "harapan"),
    [
        # flat mean (104.47 + 100 + 90) / 3 = 98.1566…
        (SKOR_CAMPURAN, AgregasiPerspektif.RATA_INDIKATOR, None, D("1"), D("98.16")),
        # IKU weight 2: (2×104.47 + 100 + 2×90) / 5 = 97.788
        (SKOR_CAMPURAN, AgregasiPerspektif.RATA_INDIKATOR, None, D("2"), D("97.79")),
        # sasaran NPS S1 = 102.24 (102.235 half-up), S2 = 90, S3 left out → 96.12
        (SKOR_CAMPURAN, AgregasiPerspektif.RATA_SASARAN, None, D("1"), D("96.12")),
        (SKOR_CAMPURAN, AgregasiPerspektif.RATA_SASARAN, None, D("2"), D("96.12")),
        # caps: (120 + 100 + 90) / 3 = 103.33; uncapped (150 + 100 + 90) / 3 = 113.33
        (SKOR_DI_ATAS_BATAS, AgregasiPerspektif.RATA_INDIKATOR, D("120"), D("1"), D("103.33")),
        (SKOR_DI_ATAS_BATAS, AgregasiPerspektif.RATA_INDIKATOR, None, D("1"), D("113.33")),
        # RATA_SASARAN with caps: mean(mean(120, 100) = 110, 90) = 100
        (SKOR_DI_ATAS_BATAS, AgregasiPerspektif.RATA_SASARAN, D("120"), D("1"), D("100.00")),
        ([], AgregasiPerspektif.RATA_INDIKATOR, None, D("1"), None),
        ([], AgregasiPerspektif.RATA_SASARAN, None, D("1"), None),
        ([SkorIndikator("S1", None)], AgregasiPerspektif.RATA_SASARAN, None, D("1"), None),
    ],
)
def test_hitung_nps_perspektif_metode_batas_dan_bobot_iku(skor, metode, batas, bobot_iku, harapan):
    assert hitung_nps_perspektif(skor=skor, metode=metode, batas=batas, bobot_iku=bobot_iku) == harapan


@pytest.mark.parametrize(
    ("nilai_perspektif", "bobot", "harapan"),
    [
        (
            {
                "stakeholder": None,
                "customer": D("102.24"),
                "internal_process": D("101.31"),
                "learning_growth": D("93.05"),
            },
            None,
            D("98.87"),
        ),
        ({"a": D("100"), "b": D("80")}, {"a": D("3"), "b": D("1")}, D("95.00")),
        ({"a": D("100"), "b": D("80")}, {"a": D("3")}, D("100.00")),
        ({"a": D("100"), "b": None}, {"a": D("1"), "b": D("9")}, D("100.00")),
        ({"a": D("100")}, {"a": D("0")}, None),
        ({"a": None}, None, None),
        ({}, None, None),
    ],
)
def test_hitung_nko_rata_rata_berbobot_perspektif_tanpa_data_dilewati(nilai_perspektif, bobot, harapan):
    assert hitung_nko(nilai_perspektif=nilai_perspektif, bobot=bobot) == harapan


def test_nko_laporan_rujukan_dapat_dihitung_ulang_dari_baris_resmi():
    def resmi(target: str, realisasi: str) -> D:
        return hitung_capaian_resmi(polaritas=Polaritas.POSITIF, target=D(target), realisasi=D(realisasi))

    customer = hitung_nps_perspektif(
        skor=[SkorIndikator("c1", resmi("75", "78.35")), SkorIndikator("c2", resmi("34", "34"))]
    )
    internal = hitung_nps_perspektif(
        skor=[
            SkorIndikator("i1", resmi("1", "1")),
            SkorIndikator("i1", resmi("70", "70.3")),
            SkorIndikator("i2", resmi("95", "100")),
            SkorIndikator("i3", resmi("80", "80.7")),
            SkorIndikator("i3", resmi("91", "91")),
        ]
    )
    learning = hitung_nps_perspektif(skor=[SkorIndikator("l1", resmi("78", "72.58"))])
    assert (customer, internal, learning) == (D("102.24"), D("101.31"), D("93.05"))
    nko = hitung_nko(nilai_perspektif={"customer": customer, "internal": internal, "learning": learning})
    assert nko == D("98.87")


# --- §6 AKIP --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("komponen", "harapan"),
    [
        (
            {
                KomponenAkip.PERENCANAAN: D("24.50"),
                KomponenAkip.PENGUKURAN: D("18.75"),
                KomponenAkip.PELAPORAN: D("11.20"),
                KomponenAkip.EVALUASI_INTERNAL: D("7.05"),
                KomponenAkip.CAPAIAN: D("12.00"),
            },
            D("73.50"),
        ),
        ({KomponenAkip.PERENCANAAN: D("30")}, D("30")),
        ({}, None),
    ],
)
def test_hitung_total_akip_jumlah_komponen(komponen, harapan):
    assert hitung_total_akip(komponen=komponen) == harapan


@pytest.mark.parametrize("regulasi", list(RegulasiAkip))
def test_hitung_total_akip_nilai_maksimum_regulasi_adalah_seratus(regulasi):
    komponen = {k: D(str(v)) for k, v in BOBOT_AKIP[regulasi].items()}
    assert hitung_total_akip(komponen=komponen) == D("100")


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        (D("100"), "AA"),
        (D("90.01"), "AA"),
        (D("90"), "A"),
        (D("90.00"), "A"),
        (D("80.01"), "A"),
        (D("80"), "BB"),
        (D("70.01"), "BB"),
        (D("70"), "B"),
        (D("60.01"), "B"),
        (D("60"), "CC"),
        (D("50.01"), "CC"),
        (D("50"), "C"),
        (D("30.01"), "C"),
        (D("30"), "D"),
        (D("0"), "D"),
        (None, None),
    ],
)
def test_tentukan_predikat_akip_di_setiap_batas(nilai, predikat):
    assert tentukan_predikat_akip(nilai=nilai) == predikat


# --- Rencana Aksi: version in force per quarter, quarterly progress --------------------------------


@pytest.mark.parametrize(
    ("triwulan", "harapan"),
    [(1, date(2018, 3, 31)), (2, date(2018, 6, 30)), (3, date(2018, 9, 30)), (4, date(2018, 12, 31))],
)
def test_akhir_triwulan(triwulan, harapan):
    assert akhir_triwulan(tahun=2018, triwulan=triwulan) == harapan


def _v(mulai: str, sampai: str, nomor: int) -> tuple[date, date, int]:
    return (date.fromisoformat(mulai), date.fromisoformat(sampai), nomor)


# The reference PK 2018: January–February, March–July, August–December.
ACUAN = [_v("2018-01-01", "2018-02-28", 1), _v("2018-03-01", "2018-07-31", 2), _v("2018-08-01", "2018-12-31", 3)]


@pytest.mark.parametrize(
    ("versi", "tanggal", "harapan"),
    [
        # the version whose validity contains the quarter's last day
        (ACUAN, "2018-03-31", 2),
        (ACUAN, "2018-06-30", 2),
        (ACUAN, "2018-09-30", 3),
        (ACUAN, "2018-12-31", 3),
        (ACUAN, "2018-02-28", 1),  # inclusive end
        (ACUAN, "2018-03-01", 2),  # inclusive start
        # several contain it: the latest by berlaku_mulai, then nomor
        ([_v("2018-01-01", "2018-12-31", 1), _v("2018-07-01", "2018-12-31", 2)], "2018-09-30", 2),
        ([_v("2018-01-01", "2018-12-31", 1), _v("2018-07-01", "2018-12-31", 2)], "2018-06-30", 1),
        ([_v("2018-07-01", "2018-12-31", 2), _v("2018-01-01", "2018-12-31", 1)], "2018-12-31", 2),  # list order
        ([_v("2018-01-01", "2018-12-31", 1), _v("2018-01-01", "2018-12-31", 2)], "2018-03-31", 2),
        ([_v("2018-01-01", "2018-12-31", 3), _v("2018-02-01", "2018-12-31", 2)], "2018-03-31", 2),
        # none contains it: the latest that started on or before the day
        ([_v("2018-01-01", "2018-02-28", 1), _v("2018-04-01", "2018-05-31", 2)], "2018-03-31", 1),
        ([_v("2018-01-01", "2018-02-28", 1), _v("2018-04-01", "2018-05-31", 2)], "2018-06-30", 2),
        ([_v("2018-01-01", "2018-01-31", 2), _v("2018-01-01", "2018-02-28", 1)], "2018-03-31", 2),
        # none started yet, or no version at all
        ([_v("2018-04-01", "2018-12-31", 1)], "2018-03-31", None),
        ([], "2018-12-31", None),
    ],
)
def test_pilih_versi_berlaku(versi, tanggal, harapan):
    assert pilih_versi_berlaku(versi=versi, tanggal=date.fromisoformat(tanggal)) == harapan


@pytest.mark.parametrize(
    ("polaritas", "target", "realisasi", "rumus", "harapan"),
    [
        # positif: R / T × 100, rounded half-up; no target (None) or no realisasi → None
        (
            Polaritas.POSITIF,
            [D("7"), D("14"), None, None],
            [D("7"), D("13"), D("20"), None],
            RumusNegatif.CERMIN,
            (D("100.00"), D("92.86"), None, None),
        ),
        (
            Polaritas.POSITIF,
            [D("20"), D("45"), D("70"), D("91")],
            [D("20.5"), None, D("80.7"), D("91")],
            RumusNegatif.CERMIN,
            (D("102.50"), None, D("115.29"), D("100.00")),
        ),
        # T = 0 is not computable
        (
            Polaritas.POSITIF,
            [D("0"), None, None, None],
            [D("1"), None, None, None],
            RumusNegatif.CERMIN,
            (None, None, None, None),
        ),
        # negatif, both formulas
        (
            Polaritas.NEGATIF,
            [D("10"), D("10"), None, D("8")],
            [D("8"), D("12"), D("5"), D("0")],
            RumusNegatif.CERMIN,
            (D("120.00"), D("80.00"), None, D("200.00")),
        ),
        (
            Polaritas.NEGATIF,
            [D("10"), D("10"), D("3"), D("8")],
            [D("8"), D("12"), D("7"), D("0")],
            RumusNegatif.KEBALIKAN,
            (D("125.00"), D("83.33"), D("42.86"), None),
        ),
        # kualitatif: no quarterly progress
        (
            Polaritas.KUALITATIF,
            [D("1"), D("2"), D("3"), D("4")],
            [D("1"), D("2"), D("3"), D("4")],
            RumusNegatif.CERMIN,
            (None, None, None, None),
        ),
    ],
)
def test_hitung_progres_triwulan(polaritas, target, realisasi, rumus, harapan):
    hasil = hitung_progres_triwulan(
        polaritas=polaritas, target_kumulatif=target, realisasi_kumulatif=realisasi, rumus_negatif=rumus
    )
    assert hasil == harapan
    assert all(_dua_desimal(x) for x in hasil if x is not None)
