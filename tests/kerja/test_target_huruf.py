"""Issue 19, finding 3: a target cell reads the same on every route (`indikator.target.baca_isian_target`).

Before, the Renstra target grid refused "A" for a Kualitatif indikator on the Predikat AKIP scale ("bukan angka
yang sah") and showed a stored "A" as an empty cell, while the PK row and the workbook accepted it; the PK row
took any grade, on the scale or not. Each input below goes through the parser, the grid, the PK row form and the
workbook's "Indikator & Target" sheet, and through the indikator form's new target cells; all store the same value
or give the same message.
"""

import html as html_lib
import io
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indikator import models as m
from indikator.enums import Polaritas, SumberTarget
from indikator.queries import skala_target
from indikator.target import IsianTarget, TargetTidakSah, baca_isian_target
from tests.impor.util import atur, cari_baris, ekspor, galat, impor, simpan

from .conftest import TAHUN, buat_indikator

PREDIKAT = "AA, A, BB, B, CC, C, D"
SALAH_KUALITATIF = "“E” tidak ada pada skala indikator ini. Pilih salah satu: " + PREDIKAT + "."
SALAH_ANGKA_HURUF = (
    "“E” bukan angka yang sah dan tidak ada pada skala nilai. Tulis angka, atau salah satu: " + PREDIKAT + "."
)

KASUS = [
    # (indikator, typed, stored (nilai, nilai_atas, kualitatif) or the message)
    ("kualitatif", "A", IsianTarget(None, None, "A")),
    ("kualitatif", " bb ", IsianTarget(None, None, "BB")),
    ("kualitatif", "E", SALAH_KUALITATIF),
    ("kualitatif", "80", "“80” tidak ada pada skala indikator ini. Pilih salah satu: " + PREDIKAT + "."),
    ("positif", "A", IsianTarget(None, None, "A")),
    ("positif", "1.234,5", IsianTarget(D("1234.5"))),
    ("positif", "E", SALAH_ANGKA_HURUF),
    (
        "positif",
        "12abc",
        "“12abc” bukan angka yang sah. Tulis misalnya 1500 atau 1.500 (seribu lima ratus), 1.234.567,8 "
        "(titik pemisah ribuan, koma tanda desimal) atau 78,35.",
    ),
    ("rentang", "80 – 90", IsianTarget(D("80"), D("90"))),
    ("rentang", "80 s.d. 90,5", IsianTarget(D("80"), D("90.5"))),
    ("rentang", "90 - 80", "Batas atas rentang lebih kecil dari batas bawah."),
]


@pytest.fixture
def indikator(data):
    """A Kualitatif indikator on the Predikat AKIP scale, a positive one and a range one, under a scheme whose
    letter scale is the AKIP grade scale (same grades as Predikat AKIP)."""
    data.skema.skala_huruf = m.SkalaKualitatif.objects.get(kode="nilai-huruf-akip")
    data.skema.save()
    data.ind2.polaritas = Polaritas.KUALITATIF
    data.ind2.skala = m.SkalaKualitatif.objects.get(kode="predikat-akip")
    data.ind2.save()
    m.Target.objects.filter(indikator=data.ind2).update(nilai=None, nilai_kualitatif="B")
    rentang = buat_indikator(data.sasaran, "I3", polaritas=Polaritas.RENTANG, urutan=3)
    return {"kualitatif": data.ind2, "positif": data.ind1, "rentang": rentang}


def _tersimpan(ind) -> IsianTarget:
    t = m.Target.objects.filter(indikator=ind, tahun=TAHUN, sumber=SumberTarget.RENSTRA).first()
    return IsianTarget(t.nilai, t.nilai_atas, t.nilai_kualitatif) if t else IsianTarget()


def _versi(html: str) -> str:
    return re.search(r'name="versi" value="([^"]*)"', html).group(1)


def _isian(html: str) -> dict[str, str]:
    hasil = {}
    for tag in re.findall(r"<input[^>]*>", html):
        nama = re.search(r'name="(t_[^"]*)"', tag)
        if nama:
            nilai = re.search(r'value="([^"]*)"', tag)
            hasil[nama.group(1)] = html_lib.unescape(nilai.group(1)) if nilai else ""
    return hasil


def lewat_parser(data, ind, teks):
    try:
        return baca_isian_target(teks, polaritas=ind.polaritas, skala=skala_target([ind.pk]).get(ind.pk))
    except TargetTidakSah as e:
        return str(e)


def lewat_grid(client, data, ind, teks):
    url = reverse("kerja:target", args=["biro-ks", data.revisi.pk])
    halaman = client.get(url).content.decode()
    r = client.post(url, {**_isian(halaman), f"t_{ind.pk}_{TAHUN}": teks, "versi": _versi(halaman)})
    if r.status_code == 302:
        return _tersimpan(ind)
    return html_lib.unescape(re.search(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', r.content.decode()).group(1))


def lewat_baris_pk(client, data, ind, teks):
    url = reverse("kerja:baris_pk_ubah", args=["biro-ks", data.baris1.pk])
    halaman = client.get(url).content.decode()
    isi = {"indikator": ind.pk, "uraian_sasaran": "S", "uraian_indikator": "I", "nilai": teks}
    r = client.post(url, {**isi, "versi": _versi(halaman)})
    if r.status_code == 302:
        b = m.BarisPK.objects.get(pk=data.baris1.pk)
        return IsianTarget(b.nilai, b.nilai_atas, b.nilai_kualitatif)
    return html_lib.unescape(re.search(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', r.content.decode()).group(1))


def lewat_form_indikator(client, data, ind, teks):
    url = reverse("kerja:indikator_ubah", args=["biro-ks", ind.pk])
    halaman = client.get(url).content.decode()
    isi = {
        "kode": ind.kode,
        "nama": ind.nama,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "agregasi": ind.agregasi,
        "skala": ind.skala_id or "",
        "iku": "ya" if ind.iku else "tidak",
        f"target_{TAHUN}": teks,
    }
    r = client.post(url, {**isi, "versi": _versi(halaman)})
    if r.status_code == 302:
        return _tersimpan(ind)
    return html_lib.unescape(re.search(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', r.content.decode()).group(1))


_BUKU: dict[str, bytes] = {}


def lewat_workbook(client, data, ind, teks):
    # The export is the same for every case (the fixture's data): made once, read anew for each case.
    if "isi" not in _BUKU:
        _BUKU["isi"] = simpan(ekspor(data.unit, TAHUN))
    wb = load_workbook(io.BytesIO(_BUKU["isi"]))
    ws = wb["Indikator & Target"]
    atur(ws, cari_baris(ws, Kode_indikator=ind.kode), f"Target {TAHUN}", teks)
    hasil = impor(data.unit, wb, tahun=TAHUN)
    if hasil.ada_galat:
        assert galat(hasil) == [("Indikator & Target", cari_baris(ws, Kode_indikator=ind.kode), f"Target {TAHUN}")]
        return hasil.galat[0].pesan
    return _tersimpan(ind)


@pytest.mark.parametrize("jenis, teks, harapan", KASUS, ids=[f"{k[0]}-{k[1].strip()}" for k in KASUS])
def test_sel_target_sama_di_setiap_jalur(client, data, indikator, jenis, teks, harapan):
    client.force_login(data.pengguna["perencana"])
    ind = indikator[jenis]
    assert lewat_parser(data, ind, teks) == harapan
    for jalur in (lewat_grid, lewat_form_indikator, lewat_baris_pk, lewat_workbook):
        m.Target.objects.filter(indikator=ind, tahun=TAHUN).delete()
        assert jalur(client, data, ind, teks) == harapan, jalur.__name__


def test_grid_menampilkan_huruf_dan_rentang_tersimpan(client, data, indikator):
    """A stored grade and a stored range show in their cells (before: "A" was an empty cell, a range its lower
    bound only), and saving the page unchanged changes nothing."""
    m.Target.objects.filter(indikator=data.ind2, tahun=TAHUN).update(nilai=None, nilai_kualitatif="A")
    m.Target.objects.create(
        indikator=indikator["rentang"], tahun=TAHUN, sumber=SumberTarget.RENSTRA, nilai=D("80"), nilai_atas=D("90")
    )
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:target", args=["biro-ks", data.revisi.pk])
    halaman = client.get(url).content.decode()
    isian = _isian(halaman)
    assert isian[f"t_{data.ind2.pk}_{TAHUN}"] == "A"
    assert isian[f"t_{indikator['rentang'].pk}_{TAHUN}"] == "80 – 90"
    assert "Nilai huruf: " + PREDIKAT in halaman
    # The grades are offered on qualitative rows only (a percentage row listed them too).
    kualitatif = m.Indikator.objects.filter(sasaran__revisi=data.revisi, polaritas=Polaritas.KUALITATIF).count()
    assert (
        1
        <= halaman.count("Nilai huruf: ")
        <= kualitatif
        < m.Indikator.objects.filter(sasaran__revisi=data.revisi).count()
    )
    sebelum = list(m.Target.history.values_list("history_id", flat=True))
    r = client.post(url, {**isian, "versi": _versi(halaman)})
    assert r.status_code == 302
    assert list(m.Target.history.values_list("history_id", flat=True)) == sebelum


def test_form_indikator_baru_menyimpan_target_dan_menampilkannya(client, data, indikator):
    """The indikator form carries one target cell per Renstra year: a new Kualitatif indikator gets its grade
    targets in the same save, and the edit page shows them."""
    client.force_login(data.pengguna["perencana"])
    isi = {
        "kode": "I9",
        "nama": "Predikat AKIP",
        "polaritas": Polaritas.KUALITATIF,
        "agregasi": "terakhir",
        "skala": m.SkalaKualitatif.objects.get(kode="predikat-akip").pk,
        "iku": "ya",
        "target_2018": "a",
        "target_2019": "AA",
    }
    r = client.post(reverse("kerja:indikator_baru", args=["biro-ks", data.sasaran.pk]), isi)
    assert r.status_code == 302
    baru = m.Indikator.objects.get(kode="I9")
    assert dict(baru.target.values_list("tahun", "nilai_kualitatif")) == {2018: "A", 2019: "AA"}
    halaman = client.get(reverse("kerja:indikator_ubah", args=["biro-ks", baru.pk])).content.decode()
    assert _isian_form(halaman, "target_2019") == "AA"
    assert _isian_form(halaman, "target_2015") == ""


def _isian_form(html: str, nama: str) -> str:
    tag = re.search(rf'<input[^>]*name="{nama}"[^>]*>', html).group(0)
    nilai = re.search(r'value="([^"]*)"', tag)
    return nilai.group(1) if nilai else ""
