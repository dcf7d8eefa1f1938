"""The small vocabularies written once: a target as text (`umum.format.format_target`) and the months."""

from decimal import Decimal as D

import pytest
from django.template import Context, Template
from django.utils import translation

from indikator.models import BarisPK, Target
from indikator.queries import NilaiTargetEfektif
from umum.bulan import NAMA_BULAN, NOMOR_BULAN, SINGKATAN_BULAN
from umum.format import format_target

RINGKAS = {"digit": 2, "pangkas_nol": True}
EXCEL = {"pemisah": " – ", "mentah": True}


@pytest.mark.parametrize(
    ("nilai", "atas", "kual", "teks", "opsi", "harapan"),
    [
        # report, consistency check, versi PK page, hitung_capaian: numbers as stored
        (D("1234.50"), None, "", "", {}, "1.234,5"),
        (D("80"), D("90.5"), "", "", {}, "80–90,5"),
        (None, None, "", "", {}, "–"),
        (None, D("90"), "", "", {}, "–"),  # an upper bound alone is no target
        (None, None, "A", "", {}, "A"),
        (D("91"), None, "", "91 dokumen kerja sama", {}, "91 dokumen kerja sama"),
        (None, None, "BB", "Min BB", {}, "Min BB"),
        # dashboard and workspace: 2 decimals, a zero fraction dropped
        (D("100.00"), None, "", "", RINGKAS, "100"),
        (D("78.355"), None, "", "", RINGKAS, "78,36"),
        (D("80"), D("90"), "", "", RINGKAS, "80–90"),
        (None, None, "", "", RINGKAS, "–"),
        # report cells and the Excel sheet: a plain number stays a number
        (D("34"), None, "", "", {"mentah": True}, D("34")),
        (None, None, "", "", {"mentah": True}, None),
        (None, D("90"), "", "", {"mentah": True}, None),
        (D("80"), D("90"), "", "", {"mentah": True}, "80–90"),
        (D("80"), D("90"), "", "", EXCEL, "80 – 90"),
        (D("1.5"), D("2"), "", "", EXCEL, "1,5 – 2"),
        (None, None, "A", "", EXCEL, "A"),
    ],
)
def test_format_target(nilai, atas, kual, teks, opsi, harapan):
    hasil = format_target(nilai, atas, kual, teks, **opsi)
    assert hasil == harapan and type(hasil) is type(harapan)


def test_teks_target_nilai_efektif_dan_baris_model():
    assert NilaiTargetEfektif(D("80"), D("90"), "", "", "pk").teks_target() == "80–90"
    assert NilaiTargetEfektif(D("80.00"), None, "", "", "pk").teks_target(**RINGKAS) == "80"
    assert Target(nilai=D("7"), nilai_atas=None, nilai_kualitatif="", teks_tampilan="Min 7").teks_target() == "Min 7"
    assert BarisPK(nilai=None, nilai_kualitatif="A").teks_target() == "A"


def test_filter_target():
    t = NilaiTargetEfektif(D("80.00"), D("90.50"), "", "", "pk")
    teks = Template('{{ t|target }} {{ t|target:"ringkas" }} {{ b|target }}').render(
        Context({"t": t, "b": BarisPK(nilai=D("3"), teks_tampilan="<3 negara>")})
    )
    assert teks == "80–90,5 80–90,50 &lt;3 negara&gt;"


def test_bulan():
    assert list(NOMOR_BULAN) == list(range(1, 13))
    assert len(NAMA_BULAN) == len(SINGKATAN_BULAN) == 12
    assert (NAMA_BULAN[0], NAMA_BULAN[4], NAMA_BULAN[11]) == ("Januari", "Mei", "Desember")
    # Column headers of the budget sheet: a file format, literally these.
    assert SINGKATAN_BULAN == ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
    with translation.override("en"):
        assert translation.gettext(NAMA_BULAN[4]) == "May"
        assert translation.gettext(SINGKATAN_BULAN[7]) == "Aug"
