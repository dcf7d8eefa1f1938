"""Specification tables for `anggaran.formulas` (domain guide §5). Pure: no database."""

from decimal import Decimal as D

import pytest

from anggaran.enums import KategoriEfisiensi
from anggaran.formulas import (
    BarisAnggaran,
    HasilBaris,
    HasilEfisiensi,
    gulung_anggaran,
    hitung_efisiensi,
    hitung_serapan,
    hitung_sisa,
    hitung_total,
)

# --- §5 sisa and serapan --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagu", "realisasi", "harapan"),
    [
        (D("8225900000"), D("7223880286"), D("1002019714")),
        (D("1000"), D("1200"), D("-200")),
        (D("1000"), None, D("1000")),
        (D("0"), D("0"), D("0")),
        (None, D("5"), None),
        (None, None, None),
    ],
)
def test_hitung_sisa_pagu_kurang_realisasi(pagu, realisasi, harapan):
    assert hitung_sisa(pagu=pagu, realisasi=realisasi) == harapan


@pytest.mark.parametrize(
    ("pagu", "realisasi", "harapan"),
    [
        (D("8225900000"), D("7223880286"), D("87.82")),
        (D("7225900000"), D("7225900000"), D("100.00")),
        (D("800"), D("807"), D("100.88")),
        (D("1000"), D("0"), D("0.00")),
        (D("1000"), None, D("0.00")),
        (D("0"), D("10"), None),
        (None, D("10"), None),
    ],
)
def test_hitung_serapan_persen_dibulatkan_setengah_ke_atas(pagu, realisasi, harapan):
    hasil = hitung_serapan(pagu=pagu, realisasi=realisasi)
    assert hasil == harapan
    if hasil is not None:
        assert hasil.as_tuple().exponent == -2


# --- §5 roll-up -----------------------------------------------------------------------------------


def _pohon_tiga_tingkat() -> list[BarisAnggaran]:
    """P1 (own pagu 1000 agreeing, own realisasi 900 disagreeing)
    ├── K1 (no own entry) ── O1 300/250, O2 200/—
    └── K2 (own 500/400) ── O3 500/450  (own realisasi disagrees)
    P2 (no own entry) ── O4 (no entry)
    """
    # Deliberately children before parents: the order of the input must not matter.
    return [
        BarisAnggaran("O1", "K1", D("300"), D("250")),
        BarisAnggaran("O2", "K1", D("200"), None),
        BarisAnggaran("O3", "K2", D("500"), D("450")),
        BarisAnggaran("K1", "P1", None, None),
        BarisAnggaran("K2", "P1", D("500"), D("400")),
        BarisAnggaran("P1", None, D("1000"), D("900")),
        BarisAnggaran("O4", "P2", None, None),
        BarisAnggaran("P2", None, None, None),
    ]


@pytest.mark.parametrize(
    ("kunci", "harapan"),
    [
        ("O1", HasilBaris("O1", D("300"), D("250"), D("50"), D("83.33"), None, None, False, False)),
        ("O2", HasilBaris("O2", D("200"), None, D("200"), D("0.00"), None, None, False, False)),
        ("O3", HasilBaris("O3", D("500"), D("450"), D("50"), D("90.00"), None, None, False, False)),
        # parent without own entry: the sum of its children
        ("K1", HasilBaris("K1", D("500"), D("250"), D("250"), D("50.00"), D("500"), D("250"), False, False)),
        # parent whose own realisasi disagrees with its child: own wins, flagged
        ("K2", HasilBaris("K2", D("500"), D("400"), D("100"), D("80.00"), D("500"), D("450"), False, True)),
        # root: own pagu agrees with children (500 + 500), own realisasi 900 ≠ 250 + 400
        ("P1", HasilBaris("P1", D("1000"), D("900"), D("100"), D("90.00"), D("1000"), D("650"), False, True)),
        ("O4", HasilBaris("O4", None, None, None, None, None, None, False, False)),
        ("P2", HasilBaris("P2", None, None, None, None, None, None, False, False)),
    ],
)
def test_gulung_anggaran_pohon_tiga_tingkat_entri_sendiri_menang_dan_selisih_ditandai(kunci, harapan):
    assert gulung_anggaran(baris=_pohon_tiga_tingkat())[kunci] == harapan


def test_gulung_anggaran_mengembalikan_semua_baris_dalam_urutan_masukan():
    baris = _pohon_tiga_tingkat()
    assert list(gulung_anggaran(baris=baris)) == [b.kunci for b in baris]


def test_gulung_anggaran_selisih_pagu_ditandai_saat_pagu_sendiri_berbeda():
    hasil = gulung_anggaran(
        baris=[
            BarisAnggaran("001", None, D("7225900000"), None),
            BarisAnggaran("001.a", "001", D("8225900000"), D("7223880286")),
        ]
    )
    induk = hasil["001"]
    assert (induk.pagu, induk.pagu_anak, induk.selisih_pagu) == (D("7225900000"), D("8225900000"), True)
    assert (induk.realisasi, induk.selisih_realisasi) == (D("7223880286"), False)


def test_gulung_anggaran_induk_tidak_dikenal_menjadi_akar():
    hasil = gulung_anggaran(baris=[BarisAnggaran("X", "tidak-ada", D("10"), D("5"))])
    assert hasil["X"].pagu == D("10")
    assert hasil["X"].serapan == D("50.00")


def test_gulung_anggaran_pohon_sangat_dalam_tanpa_batas_rekursi():
    kedalaman = 5000
    baris = [BarisAnggaran(0, None, None, None)]
    baris += [BarisAnggaran(i, i - 1, None, None) for i in range(1, kedalaman)]
    baris.append(BarisAnggaran(kedalaman, kedalaman - 1, D("7"), D("3")))
    hasil = gulung_anggaran(baris=baris)
    assert (hasil[0].pagu, hasil[0].realisasi, hasil[0].sisa) == (D("7"), D("3"), D("4"))


def test_gulung_anggaran_kunci_ganda_ditolak():
    with pytest.raises(ValueError, match="ganda"):
        gulung_anggaran(baris=[BarisAnggaran("A", None, None, None), BarisAnggaran("A", None, None, None)])


def test_gulung_anggaran_siklus_ditolak():
    with pytest.raises(ValueError, match="siklus"):
        gulung_anggaran(baris=[BarisAnggaran("A", "B", D("1"), None), BarisAnggaran("B", "A", D("1"), None)])


def test_gulung_anggaran_kosong():
    assert gulung_anggaran(baris=[]) == {}


@pytest.mark.parametrize(
    ("kunci_akar", "harapan"),
    [
        (["P1", "P2"], (D("1000"), D("900"))),
        (["P1"], (D("1000"), D("900"))),
        (["K1", "O3"], (D("1000"), D("700"))),
        (["P2"], (D("0"), D("0"))),
        ([], (D("0"), D("0"))),
    ],
)
def test_hitung_total_jumlah_akar_none_dihitung_nol(kunci_akar, harapan):
    hasil = gulung_anggaran(baris=_pohon_tiga_tingkat())
    assert hitung_total(hasil=hasil, kunci_akar=kunci_akar) == harapan


# --- §5 efficiency --------------------------------------------------------------------------------

EFISIEN = KategoriEfisiensi.EFISIEN
TIDAK_EFISIEN = KategoriEfisiensi.TIDAK_EFISIEN


@pytest.mark.parametrize(
    ("pagu", "realisasi_dana", "target_output", "realisasi_output", "se", "harapan"),
    [
        # Lampiran 6 rows of the reference report
        (
            D("1013190000"),
            D("905219659"),
            D("1"),
            D("1"),
            D("1"),
            HasilEfisiensi(D("89.34"), D("100.00"), D("1.12"), D("1"), D("0.12"), EFISIEN),
        ),
        (
            D("9136000"),
            D("3428000"),
            D("1"),
            D("1"),
            D("1"),
            HasilEfisiensi(D("37.52"), D("100.00"), D("2.67"), D("1"), D("1.67"), EFISIEN),
        ),
        # inefficient: 80 % output for 90 % of the money
        (
            D("1000"),
            D("900"),
            D("10"),
            D("8"),
            D("1"),
            HasilEfisiensi(D("90.00"), D("80.00"), D("0.89"), D("1"), D("-0.11"), TIDAK_EFISIEN),
        ),
        # IE exactly SE is efficient
        (
            D("1000"),
            D("800"),
            D("10"),
            D("8"),
            D("1"),
            HasilEfisiensi(D("80.00"), D("80.00"), D("1.00"), D("1"), D("0.00"), EFISIEN),
        ),
        # SE = last year's IE (scheme policy): IE 1.12 < SE 1.25
        (
            D("1013190000"),
            D("905219659"),
            D("1"),
            D("1"),
            D("1.25"),
            HasilEfisiensi(D("89.34"), D("100.00"), D("1.12"), D("1.25"), D("-0.10"), TIDAK_EFISIEN),
        ),
        # %input = 0: not computable
        (
            D("1000"),
            D("0"),
            D("1"),
            D("1"),
            D("1"),
            HasilEfisiensi(D("0.00"), D("100.00"), None, D("1"), None, None),
        ),
        # pagu 0 / missing money / missing output
        (D("0"), D("0"), D("1"), D("1"), D("1"), HasilEfisiensi(None, D("100.00"), None, D("1"), None, None)),
        (
            D("1000"),
            None,
            D("1"),
            D("1"),
            D("1"),
            HasilEfisiensi(None, D("100.00"), None, D("1"), None, None),
        ),
        (
            D("1000"),
            D("500"),
            D("0"),
            D("1"),
            D("1"),
            HasilEfisiensi(D("50.00"), None, None, D("1"), None, None),
        ),
        (
            D("1000"),
            D("500"),
            D("1"),
            None,
            D("1"),
            HasilEfisiensi(D("50.00"), None, None, D("1"), None, None),
        ),
    ],
)
def test_hitung_efisiensi_ie_te_dan_kategori(pagu, realisasi_dana, target_output, realisasi_output, se, harapan):
    hasil = hitung_efisiensi(
        pagu=pagu,
        realisasi_dana=realisasi_dana,
        target_output=target_output,
        realisasi_output=realisasi_output,
        se=se,
    )
    assert hasil == harapan


def test_hitung_efisiensi_se_bawaan_satu():
    hasil = hitung_efisiensi(
        pagu=D("9136000"), realisasi_dana=D("3428000"), target_output=D("1"), realisasi_output=D("1")
    )
    assert (hasil.se, hasil.ie, hasil.te) == (D("1"), D("2.67"), D("1.67"))
