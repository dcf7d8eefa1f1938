"""The Inspektorat's overview (kerja:evaluasi_beranda): the weakest sub-components of a year across the units'
issued evaluations (share of weight, exact Decimals), the trend of recorded totals as a table and SVG chart, and a
constant number of queries whatever the number of evaluations."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluasi import formulas as f
from evaluasi.enums import JenisEvaluasi, StatusEvaluasi
from evaluasi.layanan import buka_evaluasi
from evaluasi.models import Evaluasi, Jawaban
from evaluasi.skor import sub_komponen_tahun
from evaluasi.templat import template_aktif
from indikator.enums import RegulasiAkip
from indikator.models import NilaiAkip

TAHUN = 2018


@pytest.mark.parametrize(
    ("bobot", "skor", "porsi"),
    [
        ("6", ("6",), D("100")),
        ("6", ("3", "4.5"), D("62.5")),
        ("7.5", ("2.5",), D("100") / 3),
        ("9", (), None),
        ("0", ("1",), None),
    ],
)
def test_porsi_sub(bobot, skor, porsi):
    assert f.PorsiSub("x", D(bobot), tuple(D(s) for s in skor)).porsi == porsi


def test_sub_terlemah_urut_dan_batas():
    a = f.PorsiSub("A", D("6"), (D("6"),))  # 100 %
    b = f.PorsiSub("B", D("9"), (D("4.5"),))  # 50 %
    c = f.PorsiSub("C", D("15"), (D("7.5"), D("0")))  # 25 %
    kosong = f.PorsiSub("D", D("5"), ())
    d = f.PorsiSub("E", D("10"), (D("5"),))  # 50 %, after B by key
    assert [s.kunci for s in f.sub_terlemah([a, b, c, kosong, d])] == ["C", "B", "E", "A"]
    assert [s.kunci for s in f.sub_terlemah([a, b, c, kosong, d], 2)] == ["C", "B"]


def _evaluasi_terbit(dunia, unit, nilai_aren: str, nilai_lain: str) -> Evaluasi:
    """An issued APIP evaluation whose final values are set directly (the workflow is tested in test_halaman)."""
    ev = buka_evaluasi(
        unit=unit, tahun=TAHUN, jenis=JenisEvaluasi.APIP, template=template_aktif(RegulasiAkip.PERMENPAN_88_2021),
        oleh=dunia.pengguna["admin"],
    )  # fmt: skip
    Jawaban.objects.filter(evaluasi=ev).update(nilai_final=D(nilai_lain))
    Jawaban.objects.filter(evaluasi=ev, kriteria__sub__kode="AREN001").update(nilai_final=D(nilai_aren))
    Evaluasi.objects.filter(pk=ev.pk).update(status=StatusEvaluasi.TERBIT)
    ev.refresh_from_db()
    return ev


@pytest.mark.django_db
def test_sub_komponen_tahun_dan_halaman(client, dunia):
    ev1 = _evaluasi_terbit(dunia, dunia.unit, "0.5", "1")
    # Exact shares: AREN001 (bobot 6) at 0.5 of every criterion = 3 → 50 %; every other sub at 100 %.
    with CaptureQueriesContext(connection) as q:
        hasil = sub_komponen_tahun([ev1])
    assert len(q) == 4
    assert (hasil[0].kode, hasil[0].porsi.skor, hasil[0].porsi.porsi, hasil[0].rata) == (
        "AREN001",
        (D("3.0"),),
        D("50"),
        D("3"),
    )
    assert all(h.porsi.porsi == D("100") for h in hasil[1:])

    client.force_login(dunia.pengguna["admin"])
    url = reverse("kerja:evaluasi_beranda")
    with CaptureQueriesContext(connection) as q1:
        r = client.get(url)
    halaman = r.content.decode()
    assert 'id="tabel-sub-terlemah"' in halaman
    baris = halaman.split('id="tabel-sub-terlemah"')[1].split("</table>")[0]
    assert baris.index("AREN001") < baris.index("AREN002")
    assert "<td>AREN001</td>" in baris and "50,00" in baris

    # A second unit's issued evaluation (AREN001 at 0.25 → 25 %): the mean share (50 + 25) / 2 = 37,5 %; same queries.
    ev2 = _evaluasi_terbit(dunia, dunia.lain, "0.25", "1")
    hasil = sub_komponen_tahun([ev1, ev2])
    assert (hasil[0].kode, hasil[0].porsi.porsi) == ("AREN001", D("37.5"))
    with CaptureQueriesContext(connection) as q2:
        r = client.get(url + f"?tahun={TAHUN}")
    assert "37,50" in r.content.decode().split('id="tabel-sub-terlemah"')[1]
    assert len(q2) == len(q1), "\n".join(x["sql"][:150] for x in q2.captured_queries)
    # A self-assessment is not the Inspektorat's result; an unknown year falls back to the latest.
    assert client.get(url + "?tahun=abc").status_code == 200


@pytest.mark.django_db
def test_tren_tabel_dan_grafik(client, dunia):
    for tahun, nilai in ((2016, "69.84"), (2017, "72.08"), (2018, "72.58")):
        NilaiAkip.objects.create(unit=dunia.unit, tahun=tahun, nilai_dilaporkan=D(nilai))
    client.force_login(dunia.pengguna["admin"])
    halaman = client.get(reverse("kerja:evaluasi_beranda")).content.decode()
    tabel = halaman.split('id="tabel-akip"')[1].split("</table>")[0]
    assert all(t in tabel for t in ('<th class="angka">2016</th>', "69,84", "72,08", "72,58"))
    grafik = halaman.split('id="grafik-tren-akip"')[1].split("</figure>")[0]
    assert "<svg" in grafik and "<polyline" in grafik and "Biro Kerja Sama" in grafik and "72,58" in grafik
    assert "Belum ada LHE terbit" in halaman
