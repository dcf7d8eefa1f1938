"""Optimistic concurrency: two people load the same form; the first save wins, the second is refused with
"diubah oleh <nama> pada <waktu>; muat ulang" and nothing of the first save is overwritten."""

import re
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from indikator import services
from indikator.enums import SumberTarget
from indikator.models import BarisPK, Realisasi, Target
from indikator.token_ubah import DataBerubah

from .conftest import TAHUN

BASI = re.compile(r"diubah oleh perencana pada \d{2}-\d{2}-\d{4} \d{2}:\d{2}; muat ulang")


def _dua(data):
    """Two browsers: the planner and the administrator of the same unit."""
    a, b = Client(), Client()
    a.force_login(data.pengguna["perencana"])
    b.force_login(data.pengguna["admin"])
    return a, b


def _versi(html: str, action: str | None = None) -> str:
    """The hidden version of a page's form (of the form posting to `action` when given)."""
    if action is not None:
        html = html[html.index(f'action="{action}"') :]
    cocok = re.search(r'name="versi" value="([^"]*)"', html)
    assert cocok, "the form carries no version"
    return cocok.group(1)


def _isian(html: str, awalan: str) -> dict[str, str]:
    """Every text input whose name starts with `awalan`, with its value."""
    hasil = {}
    for tag in re.findall(r"<input[^>]*>", html):
        nama = re.search(r'name="([^"]*)"', tag)
        if nama and nama.group(1).startswith(awalan):
            nilai = re.search(r'value="([^"]*)"', tag)
            hasil[nama.group(1)] = nilai.group(1) if nilai else ""
    return hasil


class _TakMelihat:
    """Realisasi.objects as seen by a save that read the cell before another save committed it: the service's
    lookup of the cell finds nothing; every other query goes to the real manager."""

    def __init__(self, asli):
        self.asli = asli

    def filter(self, *args, **kw):
        if "indikator" in kw:
            return Realisasi.objects.none()
        return self.asli.filter(*args, **kw)

    def __getattr__(self, nama):
        return getattr(self.asli, nama)


@pytest.mark.parametrize("triwulan", [1, 2, 0], ids=["terisi", "kosong", "tahunan"])
def test_sel_realisasi_htmx_basi_ditolak(data, triwulan):
    """The grid saves a whole row; each cell carries its own version (tw<n>-versi)."""
    a, b = _dua(data)
    halaman = reverse("kerja:realisasi", args=["biro-ks", TAHUN])
    url = reverse("kerja:realisasi_baris", args=["biro-ks", TAHUN, data.ind1.pk])

    def versi(klien):
        html = klien.get(halaman).content.decode()
        html = html[html.index(f'id="baris-{data.ind1.pk}"') :]
        return re.search(rf'name="tw{triwulan}-versi" value="([^"]*)"', html).group(1)

    def isian(nilai, v):
        return {f"tw{triwulan}-nilai": nilai, f"tw{triwulan}-versi": v, "konfirmasi": "1"}

    versi_a, versi_b = versi(a), versi(b)
    assert versi_a == versi_b
    r = a.post(url, isian("5", versi_a), HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "galat" not in r.content.decode()
    r = b.post(url, isian("9", versi_b), HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert BASI.search(r.content.decode())
    tw = triwulan or None
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=tw).nilai == 5
    # after reloading, the second user may save
    r = b.post(url, isian("9", versi(b)), HTTP_HX_REQUEST="true")
    assert not BASI.search(r.content.decode())
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=tw).nilai == 9


def test_sel_kosong_disimpan_bersamaan_tanpa_500(data, monkeypatch):
    """Two first saves of an empty cell at once: the second one's insert meets the unique constraint; it gets the
    stale message, not an IntegrityError."""
    services.simpan_realisasi(indikator=data.ind1, tahun=TAHUN, triwulan=3, nilai=D("4"))
    monkeypatch.setattr(Realisasi, "objects", _TakMelihat(Realisasi.objects))
    with pytest.raises(DataBerubah) as e:
        services.simpan_realisasi(indikator=data.ind1, tahun=TAHUN, triwulan=3, nilai=D("8"))
    assert "muat ulang" in e.value.messages[0]
    monkeypatch.undo()
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=3).nilai == 4


def test_sel_kosong_lewat_http_bersamaan_tanpa_500(data, monkeypatch):
    services.simpan_realisasi(indikator=data.ind1, tahun=TAHUN, triwulan=3, nilai=D("4"))
    a, _b = _dua(data)
    monkeypatch.setattr(Realisasi, "objects", _TakMelihat(Realisasi.objects))
    url = reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 3])
    r = a.post(url, {"nilai": "8"}, HTTP_HX_REQUEST="true")
    monkeypatch.undo()
    assert r.status_code == 200
    assert "muat ulang" in r.content.decode()


def test_narasi_realisasi_basi_ditolak(data):
    a, b = _dua(data)
    url = reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 1])
    versi_a = _versi(a.get(url).content.decode())
    versi_b = _versi(b.get(url).content.decode())
    r = a.post(url, {"nilai": "7", "analisis": "Analisis A", "versi": versi_a})
    assert r.status_code == 302
    r = b.post(url, {"nilai": "7", "analisis": "Analisis B", "versi": versi_b})
    assert r.status_code == 200
    assert BASI.search(r.content.decode())
    assert Realisasi.objects.get(pk=data.realisasi1.pk).analisis == "Analisis A"


def test_grid_target_basi_ditolak(data):
    a, b = _dua(data)
    url = reverse("kerja:target", args=["biro-ks", data.revisi.pk])
    html_a, html_b = a.get(url).content.decode(), b.get(url).content.decode()
    isian_a, isian_b = _isian(html_a, "t_"), _isian(html_b, "t_")
    sel = f"t_{data.ind1.pk}_{TAHUN}"
    r = a.post(url, {**isian_a, sel: "40", "versi": _versi(html_a)})
    assert r.status_code == 302
    r = b.post(url, {**isian_b, sel: "50", f"t_{data.ind2.pk}_2019": "3", "versi": _versi(html_b)})
    assert r.status_code == 200
    assert BASI.search(r.content.decode())
    t = Target.objects.filter(sumber=SumberTarget.RENSTRA)
    assert t.get(indikator=data.ind1, tahun=TAHUN).nilai == 40
    assert not t.filter(indikator=data.ind2, tahun=2019).exists()


def _isi_baris_pk(baris: BarisPK, **ubah) -> dict:
    isi = {
        "indikator": baris.indikator_id or "",
        "uraian_sasaran": baris.uraian_sasaran,
        "uraian_indikator": baris.uraian_indikator,
        "nilai": str(baris.nilai or ""),
        "nilai_atas": "",
        "nilai_kualitatif": "",
        "teks_tampilan": "",
    }
    return {**isi, **ubah}


def test_baris_pk_basi_ditolak(data):
    a, b = _dua(data)
    url = reverse("kerja:baris_pk_ubah", args=["biro-ks", data.baris1.pk])
    versi_a = _versi(a.get(url).content.decode())
    versi_b = _versi(b.get(url).content.decode())
    r = a.post(url, _isi_baris_pk(data.baris1, nilai="35", versi=versi_a))
    assert r.status_code == 302
    r = b.post(url, _isi_baris_pk(data.baris1, nilai="36", versi=versi_b))
    assert r.status_code == 200
    assert BASI.search(r.content.decode())
    assert BarisPK.objects.get(pk=data.baris1.pk).nilai == 35


def test_mata_anggaran_basi_ditolak(data):
    a, b = _dua(data)
    url = reverse("kerja:mata_anggaran_ubah", args=["biro-ks", data.mata.pk])
    versi_a = _versi(a.get(url).content.decode())
    versi_b = _versi(b.get(url).content.decode())
    isi = {"kode": "001", "jenis": data.mata.jenis, "induk": "", "urutan": "0"}
    r = a.post(url, {**isi, "nama": "Nama A", "versi": versi_a})
    assert r.status_code == 302
    r = b.post(url, {**isi, "nama": "Nama B", "versi": versi_b})
    assert r.status_code == 200
    assert BASI.search(r.content.decode())
    data.mata.refresh_from_db()
    assert data.mata.nama == "Nama A"
