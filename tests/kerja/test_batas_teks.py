"""Text limits and one-line fields (hardening round two, findings 4 and 8a): every free-text field has a maximum
length and every one-line field refuses control characters, the same on every path — the workspace forms, the
write services (no form in front), the admin — with an Indonesian message and nothing changed. The workbook
import is covered in tests/impor/test_batas.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from indikator import periode
from indikator.enums import StatusPeriode
from indikator.models import Tujuan
from laporan.dinas import simpan_naskah, simpan_reviu
from laporan.models import NaskahDinas
from laporan.narasi import simpan_narasi
from tests.pabrik import buat_pengguna
from umum.teks import TeksPanjang

from .conftest import TAHUN, atur_status, isi_narasi_wajib, potret

S = "biro-ks"
X = "x"
GARIS = "Biro Kerja Sama\nBcc: semua@contoh.go.id"
PESAN_GARIS = "tidak boleh berisi baris baru"

# Text columns written by the system, not typed by users (error reasons, the failed e-mail log).
TEKS_SISTEM = {"laporan.BerkasLaporan.alasan", "impor.ImporLatar.alasan", "indikator.SurelGagal.penerima"}
TEKS_SISTEM |= {"indikator.SurelGagal.galat"}


def test_setiap_teks_bebas_berbatas():
    """A new unbounded text field fails here: give it a TeksPanjang with its limit (and docs/security.md)."""
    tanpa = [
        f"{model._meta.label}.{f.name}"
        for label in ("indikator", "laporan", "anggaran", "impor")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField) and not isinstance(f, TeksPanjang)
    ]
    assert sorted(set(tanpa) - TEKS_SISTEM) == []


@dataclass(frozen=True)
class Isian:
    nama: str
    url: Callable  # data -> the page the form posts to
    isi: Callable  # (data, text) -> POST data with `text` in the field under test
    batas: int | None  # the limit; None: a one-line field (the text has a newline)
    pengguna: str = "perencana"
    siapkan: Callable | None = None


def _tujuan(d):
    d.tujuan = Tujuan.objects.create(renstra=d.renstra, kode="T1", uraian="Tujuan awal", urutan=1)


def _profil(**lain):
    return {"nama": "Biro Kerja Sama", "singkatan": "BKS", "instansi": "BPOM", "kota": "Jakarta", **lain}


def _naskah(**lain):
    n = NaskahDinas()
    data = {f"naskah-{k}": getattr(n, k) for k in ("pk_pembuka", "pk_janji", "pk_supervisi", "iku_menimbang")}
    data |= {"naskah-iku_mengingat": n.iku_mengingat, "naskah-iku_diktum": n.iku_diktum, "aksi": "naskah"}
    return {**data, **{f"naskah-{k}": v for k, v in lain.items()}}


def _reviu(**lain):
    data = {
        "isi": "Kami telah mereviu.",
        "kota": "Jakarta",
        "tanggal": "2019-02-20",
        "pereviu_nama": "Inspektur Uji",
        "pereviu_jabatan": "Inspektur I",
        **lain,
    }
    return {"aksi": "reviu", **{f"reviu-{k}": v for k, v in data.items()}}


def _narasi(d):
    return reverse("kerja:narasi_ubah", args=[S, TAHUN, "kata_pengantar"])


def _rincian(d):
    return reverse("kerja:realisasi_rincian", args=[S, TAHUN, d.ind1.pk, 1])


def _indikator(d, **lain):
    return {"kode": "I1", "nama": "Indikator", "satuan": "dokumen", "polaritas": d.ind1.polaritas, **lain} | {
        "agregasi": d.ind1.agregasi,
        "iku": "ya",
    }


ISIAN = [
    Isian("narasi_isi", _narasi, lambda d, t: {"judul": "Kata Pengantar", "isi": t, "aksi": "simpan"}, 20000),
    Isian("narasi_judul", _narasi, lambda d, t: {"judul": t, "isi": "Teks.", "aksi": "simpan"}, None),
    Isian("realisasi_analisis", _rincian, lambda d, t: {"nilai": "5", "analisis": t}, 10000),
    Isian("realisasi_faktor_penghambat", _rincian, lambda d, t: {"nilai": "5", "faktor_penghambat": t}, 5000),
    Isian("realisasi_rencana_tindak_lanjut", _rincian, lambda d, t: {"nilai": "5", "rencana_tindak_lanjut": t}, 5000),
    Isian("profil_tugas", lambda d: reverse("kerja:profil_unit", args=[S]), lambda d, t: _profil(tugas=t), 5000),
    Isian("profil_fungsi", lambda d: reverse("kerja:profil_unit", args=[S]), lambda d, t: _profil(fungsi=t), 5000),
    Isian("profil_alamat", lambda d: reverse("kerja:profil_unit", args=[S]), lambda d, t: _profil(alamat=t), 500),
    Isian("profil_nama_unit", lambda d: reverse("kerja:profil_unit", args=[S]), lambda d, t: _profil(nama=t), None),
    Isian("profil_kota", lambda d: reverse("kerja:profil_unit", args=[S]), lambda d, t: _profil(kota=t), None),
    Isian(
        "naskah_pk_janji",
        lambda d: reverse("kerja:naskah_ubah", args=[S, TAHUN]),
        lambda d, t: _naskah(pk_janji=t),
        3000,
    ),
    Isian(
        "naskah_iku_diktum",
        lambda d: reverse("kerja:naskah_ubah", args=[S, TAHUN]),
        lambda d, t: _naskah(iku_diktum=t),
        5000,
    ),
    Isian("reviu_isi", lambda d: reverse("kerja:naskah_ubah", args=[S, TAHUN]), lambda d, t: _reviu(isi=t), 5000),
    Isian(
        "reviu_pereviu_nama",
        lambda d: reverse("kerja:naskah_ubah", args=[S, TAHUN]),
        lambda d, t: _reviu(pereviu_nama=t),
        None,
    ),
    Isian(
        "renstra_visi",
        lambda d: reverse("kerja:renstra_ubah", args=[S, d.renstra.pk]),
        lambda d, t: {"nama": "Renstra", "tahun_mulai": 2015, "tahun_selesai": 2019, "skema": d.skema.pk, "visi": t},
        2000,
    ),
    Isian(
        "renstra_nama",
        lambda d: reverse("kerja:renstra_ubah", args=[S, d.renstra.pk]),
        lambda d, t: {"nama": t, "tahun_mulai": 2015, "tahun_selesai": 2019, "skema": d.skema.pk},
        None,
    ),
    Isian(
        "tujuan_uraian",
        lambda d: reverse("kerja:tujuan_ubah", args=[S, d.tujuan.pk]),
        lambda d, t: {"kode": "T1", "uraian": t, "urutan": 1},
        1000,
        siapkan=_tujuan,
    ),
    Isian(
        "sasaran_nama",
        lambda d: reverse("kerja:sasaran_ubah", args=[S, d.sasaran.pk]),
        lambda d, t: {"kode": "S1", "nama": t, "level": "program", "perspektif": "customer"},
        1000,
    ),
    Isian(
        "indikator_definisi_operasional",
        lambda d: reverse("kerja:indikator_ubah", args=[S, d.ind1.pk]),
        lambda d, t: _indikator(d, definisi_operasional=t),
        3000,
    ),
    Isian(
        "pengajuan_catatan",
        lambda d: reverse("kerja:pengajuan", args=[S, TAHUN]),
        lambda d, t: {"catatan": t, "konfirmasi": "on", "akui_peringatan": "on"},
        2000,
        siapkan=isi_narasi_wajib,  # submitting needs every mandatory narrative section
    ),
    Isian(
        "pengguna_nama_depan",
        lambda d: reverse("kerja:admin_pengguna_baru"),
        lambda d, t: {"username": "baru", "nama_depan": t},
        None,
        pengguna="admin",
    ),
]


@pytest.mark.parametrize("f", ISIAN, ids=lambda f: f.nama)
def test_teks_melebihi_batas_atau_berbaris_ditolak_tanpa_perubahan(client, data, f):
    if f.siapkan:
        f.siapkan(data)
    client.force_login(data.pengguna[f.pengguna])
    sebelum = potret()
    teks = GARIS if f.batas is None else X * (f.batas + 1)
    r = client.post(f.url(data), f.isi(data, teks))
    assert r.status_code in (200, 400), r.status_code
    html = r.content.decode()
    pesan = PESAN_GARIS if f.batas is None else f"paling banyak {f.batas} karakter (sekarang {f.batas + 1}"
    assert pesan in html
    assert potret() == sebelum


@pytest.mark.parametrize("f", [f for f in ISIAN if f.batas], ids=lambda f: f.nama)
def test_teks_tepat_di_batas_diterima(client, data, f):
    if f.siapkan:
        f.siapkan(data)
    client.force_login(data.pengguna[f.pengguna])
    sebelum = potret()
    r = client.post(f.url(data), f.isi(data, X * f.batas))
    assert r.status_code == 302
    assert potret() != sebelum


# The write services refuse the same without a form in front (htmx, commands, future API).
LAYANAN = [
    (
        "narasi",
        lambda d, t: simpan_narasi(unit=d.unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi=t),
        20000,
    ),
    ("naskah", lambda d, t: simpan_naskah(unit=d.unit, tahun=TAHUN, data=_isi_naskah(pk_janji=t)), 3000),
    ("reviu", lambda d, t: simpan_reviu(unit=d.unit, tahun=TAHUN, data=_isi_reviu(isi=t)), 5000),
    (
        "kembalikan",
        lambda d, t: periode.kembalikan_periode(unit=d.unit, tahun=TAHUN, oleh=d.pengguna["pimpinan"], komentar=t),
        2000,
    ),
]


def _isi_naskah(**lain):
    n = NaskahDinas()
    return {k: getattr(n, k) for k in NaskahDinas.KOLOM} | lain


def _isi_reviu(**lain):
    import datetime

    return {
        "isi": "Kami telah mereviu.",
        "kota": "Jakarta",
        "tanggal": datetime.date(2019, 2, 20),
        "pereviu_nama": "Inspektur",
        "pereviu_nip": "",
        "pereviu_jabatan": "Inspektur I",
    } | lain


@pytest.mark.parametrize("nama, tulis, batas", LAYANAN, ids=[x[0] for x in LAYANAN])
def test_layanan_menolak_teks_melebihi_batas(data, nama, tulis, batas):
    if nama == "kembalikan":
        atur_status(data, StatusPeriode.DIAJUKAN)
    sebelum = potret()
    with pytest.raises(ValidationError) as galat:
        tulis(data, X * (batas + 1))
    assert f"paling banyak {batas} karakter" in " ".join(galat.value.messages)
    assert potret() == sebelum


def test_komentar_panjang_saat_mengembalikan_tersimpan_utuh(data):
    """The history's reason column holds 100 characters (PostgreSQL refused a longer comment with a 500)."""
    atur_status(data, StatusPeriode.DIAJUKAN)
    p = periode.kembalikan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["pimpinan"], komentar=X * 2000)
    assert p.komentar == X * 2000
    assert len(p.history.latest().history_change_reason) == 100


def test_komentar_melebihi_batas_di_halaman_ruang_kerja_ditolak(client, data):
    atur_status(data, StatusPeriode.DIAJUKAN)
    client.force_login(data.pengguna["pimpinan"])
    sebelum = potret()
    r = client.post(reverse("kerja:periode_aksi", args=[S, TAHUN, "kembalikan"]), {"komentar": X * 2001}, follow=True)
    assert "paling banyak 2000 karakter" in r.content.decode()
    assert potret() == sebelum


@pytest.mark.parametrize(
    "url, isi, pesan",
    [
        (
            lambda d: reverse("admin:laporan_narasilaporan_add"),
            lambda d: {"unit": d.unit.pk, "tahun": TAHUN, "bagian": "kata_pengantar", "judul": "", "isi": X * 20001},
            "paling banyak 20000 karakter",
        ),
        (
            lambda d: reverse("admin:indikator_unitkerja_change", args=[d.unit.pk]),
            lambda d: {"slug": d.unit.slug, "nama": GARIS, "kota": "Jakarta", "urutan": 0},
            PESAN_GARIS,
        ),
        (
            lambda d: reverse("admin:indikator_unitkerja_change", args=[d.unit.pk]),
            lambda d: {"slug": d.unit.slug, "nama": "Biro", "tugas": X * 5001, "urutan": 0},
            "paling banyak 5000 karakter",
        ),
    ],
    ids=["narasi_isi", "unit_nama", "unit_tugas"],
)
def test_admin_menolak_yang_sama(client, data, url, isi, pesan):
    client.force_login(buat_pengguna("root", is_staff=True, is_superuser=True))
    sebelum = potret()
    r = client.post(url(data), isi(data))
    assert r.status_code == 200
    assert pesan in r.content.decode()
    assert potret() == sebelum


def test_pratinjau_narasi_tidak_merender_teks_melebihi_batas(client, data):
    """The htmx preview saves nothing, but rendering 10 MB of Markdown would hold a web worker: refused too."""
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:narasi_pratinjau", args=[S, TAHUN, "kata_pengantar"])
    html = client.post(url, {"isi": "**x** " * 4000}).content.decode()
    assert "paling banyak 20000 karakter (sekarang 24000" in html and "<strong>" not in html
    assert "<strong>x</strong>" in client.post(url, {"isi": "**x**"}).content.decode()
