"""Optimistic concurrency on every remaining edit form: two people load the same form, the first save wins, the
second is refused with "diubah oleh <nama> pada <waktu>; muat ulang" and changes nothing (every row and history
row of the domain apps is as the first save left it); after reloading, the second person may save."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from indikator.models import Tujuan

from .conftest import TAHUN, potret
from .test_konkurensi import BASI, _dua, _versi
from .titik import _versi as _isi_versi_pk

S = "biro-ks"


@dataclass(frozen=True)
class Formulir:
    nama: str
    halaman: Callable  # data -> url of the page that shows the form
    isi: Callable  # (data, n) -> the form's POST data of user n (1 or 2)
    kirim: Callable | None = None  # data -> url the form posts to, when not the page itself
    siapkan: Callable | None = None  # data -> None: rows the form needs that the dataset lacks


def _tujuan(d):
    d.tujuan = Tujuan.objects.create(renstra=d.renstra, kode="T1", uraian="Tujuan awal", urutan=1)


def _ra(d, n):
    return {f"ra_{d.baris1.pk}_{tw}": str(nilai + n) for tw, nilai in zip((1, 2, 3, 4), (7, 14, 26, 34), strict=True)}


FORMULIR = [
    Formulir(
        "renstra",
        lambda d: reverse("kerja:renstra_ubah", args=[S, d.renstra.pk]),
        lambda d, n: {"nama": f"Renstra {n}", "tahun_mulai": 2015, "tahun_selesai": 2019, "skema": d.skema.pk},
    ),
    Formulir(
        "revisi_renstra",
        lambda d: reverse("kerja:revisi_baru", args=[S, d.renstra.pk]),
        lambda d, n: {"nama": f"Revisi {n}", "berlaku_mulai": TAHUN, "berlaku_sampai": 2019},
    ),
    Formulir(
        "tujuan",
        lambda d: reverse("kerja:tujuan_ubah", args=[S, d.tujuan.pk]),
        lambda d, n: {"kode": "T1", "uraian": f"Tujuan {n}", "urutan": 1},
        siapkan=_tujuan,
    ),
    Formulir(
        "sasaran",
        lambda d: reverse("kerja:sasaran_ubah", args=[S, d.sasaran.pk]),
        lambda d, n: {"kode": "S1", "nama": f"Sasaran {n}", "level": "program", "perspektif": "customer"},
    ),
    Formulir(
        "indikator",
        lambda d: reverse("kerja:indikator_ubah", args=[S, d.ind1.pk]),
        lambda d, n: {
            "kode": "I1",
            "nama": f"Indikator {n}",
            "satuan": "dokumen",
            "polaritas": d.ind1.polaritas,
            "agregasi": d.ind1.agregasi,
            "iku": "ya",
        },
    ),
    Formulir(
        "pensiun_indikator",
        lambda d: reverse("kerja:indikator_pensiun", args=[S, d.ind2.pk]),
        lambda d, n: {"dipensiunkan_tahun": TAHUN + n - 1},
    ),
    Formulir(
        "versi_pk",
        lambda d: reverse("kerja:versi_pk_ubah", args=[S, d.versi.pk]),
        lambda d, n: _isi_versi_pk(judul=f"Versi {n}", berlaku_mulai=f"{TAHUN}-01-01"),
    ),
    Formulir("rencana_aksi", lambda d: reverse("kerja:rencana_aksi", args=[S, d.versi.pk]), _ra),
    Formulir(
        "realisasi_anggaran_bulanan",
        lambda d: reverse("kerja:mata_anggaran", args=[S, d.mata.pk]),
        lambda d, n: {"b_1": f"{n}50.000,00", "b_2": "10.000,00"},
        kirim=lambda d: reverse("kerja:realisasi_bulanan", args=[S, d.mata.pk]),
    ),
    Formulir(
        "rencana_penarikan",
        lambda d: reverse("kerja:mata_anggaran", args=[S, d.mata.pk]),
        lambda d, n: {"b_1": f"{n}00.000,00", "b_12": str(1_000_000 - n * 100_000)},
        kirim=lambda d: reverse("kerja:rencana_penarikan", args=[S, d.mata.pk]),
    ),
    Formulir(
        "revisi_pagu",
        lambda d: reverse("kerja:mata_anggaran", args=[S, d.mata.pk]),
        lambda d, n: {"nilai": f"{n}.500.000", "berlaku_mulai": f"{TAHUN}-08-01", "keterangan": f"Revisi {n}"},
        kirim=lambda d: reverse("kerja:pagu_tambah", args=[S, d.mata.pk]),
    ),
    Formulir(
        "sub_kegiatan",
        lambda d: reverse("kerja:sub_kegiatan_ubah", args=[S, d.sub.pk]),
        lambda d, n: {"nama": f"Sub {n}", "urutan": 0, "target_output": str(n), "mata_anggaran": d.mata.pk},
    ),
    Formulir(
        "narasi_laporan",
        lambda d: reverse("kerja:narasi_ubah", args=[S, TAHUN, "kata_pengantar"]),
        lambda d, n: {"judul": "Kata Pengantar", "isi": f"Teks pengguna {n}.", "aksi": "simpan"},
    ),
    Formulir(
        "narasi_laporan_sasaran",
        lambda d: reverse("kerja:narasi_ubah", args=[S, TAHUN, "analisis--S1"]),
        lambda d, n: {"judul": "Analisis", "isi": f"Analisis pengguna {n}.", "aksi": "simpan"},
    ),
    Formulir(
        "profil_unit",
        lambda d: reverse("kerja:profil_unit", args=[S]),
        lambda d, n: {"nama": f"Biro Kerja Sama {n}", "singkatan": "BKS", "instansi": "BPOM", "kota": "Jakarta"},
    ),
]


@pytest.mark.parametrize("f", FORMULIR, ids=lambda f: f.nama)
def test_simpan_basi_ditolak_tanpa_mengubah_apa_pun(data, f):
    if f.siapkan:
        f.siapkan(data)
    a, b = _dua(data)
    halaman = f.halaman(data)
    kirim = f.kirim(data) if f.kirim else halaman
    aksi = kirim if f.kirim else None
    versi_a = _versi(a.get(halaman).content.decode(), aksi)
    versi_b = _versi(b.get(halaman).content.decode(), aksi)
    assert versi_a == versi_b

    r = a.post(kirim, {**f.isi(data, 1), "versi": versi_a})
    assert r.status_code == 302, re.findall(r"(?:galat|errorlist)[^\n]*", r.content.decode())
    setelah_a = potret()

    r = b.post(kirim, {**f.isi(data, 2), "versi": versi_b})
    assert r.status_code in (200, 409)
    html = r.content.decode()
    assert BASI.search(html), html[:3000]
    # the refused form still carries the version it was loaded from: submitting it again is refused again
    assert _versi(html, aksi) == versi_b
    assert potret() == setelah_a

    # after reloading, the second person sees the first one's save and may save over it
    versi_baru = _versi(b.get(halaman).content.decode(), aksi)
    assert versi_baru != versi_b
    r = b.post(kirim, {**f.isi(data, 2), "versi": versi_baru})
    assert r.status_code == 302, re.findall(r"(?:galat|errorlist)[^\n]*", r.content.decode())
    assert potret() != setelah_a
