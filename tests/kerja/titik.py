"""Write endpoints of the workspace with a valid POST for the conftest dataset (read by the route table of
tests/test_rute.py, which adds the other write routes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .conftest import TAHUN


@dataclass(frozen=True)
class Titik:
    nama: str
    url: Callable
    isi: Callable
    berkas: bool = False


def _indikator(d, ind, **lain):
    return {
        "kode": ind.kode,
        "nama": ind.nama,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "agregasi": ind.agregasi,
        "iku": "ya" if ind.iku else "tidak",
        **lain,
    }


def _versi(**lain):
    return {
        "judul": "Agustus",
        "berlaku_mulai": f"{TAHUN}-08-01",
        "berlaku_sampai": f"{TAHUN}-12-31",
        "kota": "Jakarta",
        "pihak_pertama_nama": "A",
        "pihak_pertama_jabatan": "Kepala",
        "pihak_kedua_nama": "B",
        "pihak_kedua_jabatan": "Atasan",
        "anggaran": "8.225.900.000",
        **lain,
    }


def _sasaran_kedua(d):
    """S2 has no indikator, hence no realisasi: it may be deleted."""
    return d.revisi.sasaran.get(kode="S2")


def _bukti():
    return SimpleUploadedFile("laporan.pdf", b"%PDF-1.4 isi", content_type="application/pdf")


S = "biro-ks"
TITIK = [
    Titik(
        "renstra_baru",
        lambda d: reverse("kerja:renstra_baru", args=[S]),
        lambda d: {"nama": "Renstra baru", "tahun_mulai": TAHUN, "tahun_selesai": TAHUN + 4, "skema": d.skema.pk},
    ),
    Titik(
        "renstra_ubah",
        lambda d: reverse("kerja:renstra_ubah", args=[S, d.renstra.pk]),
        lambda d: {"nama": "Renstra diubah", "tahun_mulai": 2015, "tahun_selesai": 2019, "skema": d.skema.pk},
    ),
    Titik(
        "tujuan_baru",
        lambda d: reverse("kerja:tujuan_baru", args=[S, d.renstra.pk]),
        lambda d: {"kode": "T1", "uraian": "Meningkatnya kerja sama BPOM", "urutan": 1},
    ),
    Titik(
        "revisi_baru",
        lambda d: reverse("kerja:revisi_baru", args=[S, d.renstra.pk]),
        lambda d: {"nama": "Revisi 2018", "berlaku_mulai": TAHUN, "berlaku_sampai": 2019},
    ),
    Titik(
        "sasaran_baru",
        lambda d: reverse("kerja:sasaran_baru", args=[S, d.revisi.pk]),
        lambda d: {"kode": "S3", "nama": "Sasaran baru", "level": "program", "perspektif": "customer"},
    ),
    Titik(
        "sasaran_ubah",
        lambda d: reverse("kerja:sasaran_ubah", args=[S, d.sasaran.pk]),
        lambda d: {"kode": "S1", "nama": "Nama diubah", "level": "program", "perspektif": "customer"},
    ),
    Titik("sasaran_geser", lambda d: reverse("kerja:sasaran_geser", args=[S, d.sasaran.pk, "turun"]), lambda d: {}),
    Titik("sasaran_hapus", lambda d: reverse("kerja:sasaran_hapus", args=[S, _sasaran_kedua(d).pk]), lambda d: {}),
    Titik(
        "indikator_baru",
        lambda d: reverse("kerja:indikator_baru", args=[S, d.sasaran.pk]),
        lambda d: {
            "kode": "I3",
            "nama": "Indikator baru",
            "polaritas": "positif",
            "agregasi": "terakhir",
            "iku": "tidak",
        },
    ),
    Titik(
        "indikator_ubah",
        lambda d: reverse("kerja:indikator_ubah", args=[S, d.ind1.pk]),
        lambda d: _indikator(d, d.ind1, nama="Nama indikator diubah"),
    ),
    Titik("indikator_geser", lambda d: reverse("kerja:indikator_geser", args=[S, d.ind1.pk, "turun"]), lambda d: {}),
    Titik(
        "indikator_pensiun",
        lambda d: reverse("kerja:indikator_pensiun", args=[S, d.ind2.pk]),
        lambda d: {"dipensiunkan_tahun": TAHUN},
    ),
    Titik(
        "target",
        lambda d: reverse("kerja:target", args=[S, d.revisi.pk]),
        lambda d: {f"t_{d.ind1.pk}_{TAHUN}": "40", f"t_{d.ind2.pk}_{TAHUN}": "10"},
    ),
    Titik("versi_pk_baru", lambda d: reverse("kerja:versi_pk_baru", args=[S, TAHUN]), lambda d: _versi()),
    Titik(
        "versi_pk_ubah",
        lambda d: reverse("kerja:versi_pk_ubah", args=[S, d.versi.pk]),
        lambda d: _versi(judul="Diubah", berlaku_mulai=f"{TAHUN}-01-01"),
    ),
    Titik(
        "baris_pk_baru",
        lambda d: reverse("kerja:baris_pk_baru", args=[S, d.versi.pk]),
        lambda d: {"indikator": d.ind2.pk, "nilai": "10"},
    ),
    Titik(
        "baris_pk_ubah",
        lambda d: reverse("kerja:baris_pk_ubah", args=[S, d.baris1.pk]),
        lambda d: {"indikator": d.ind1.pk, "uraian_sasaran": "S", "uraian_indikator": "I", "nilai": "35"},
    ),
    Titik("baris_pk_hapus", lambda d: reverse("kerja:baris_pk_hapus", args=[S, d.baris1.pk]), lambda d: {}),
    Titik(
        "versi_pk_isi_renstra",
        lambda d: reverse("kerja:versi_pk_isi_renstra", args=[S, d.versi.pk]),
        lambda d: {"timpa": "1"},
    ),
    Titik(
        "rencana_aksi",
        lambda d: reverse("kerja:rencana_aksi", args=[S, d.versi.pk]),
        lambda d: {
            f"ra_{d.baris1.pk}_1": "8",
            f"ra_{d.baris1.pk}_2": "14",
            f"ra_{d.baris1.pk}_3": "26",
            f"ra_{d.baris1.pk}_4": "34",
        },
    ),
    Titik(
        "realisasi_sel",
        lambda d: reverse("kerja:realisasi_sel", args=[S, TAHUN, d.ind1.pk, 2]),
        lambda d: {"nilai": "8"},
    ),
    Titik(
        "realisasi_rincian",
        lambda d: reverse("kerja:realisasi_rincian", args=[S, TAHUN, d.ind1.pk, 1]),
        lambda d: {"nilai": "7", "analisis": "Analisis baru"},
    ),
    Titik(
        "bukti_unggah",
        lambda d: reverse("kerja:bukti_unggah", args=[S, TAHUN, d.ind1.pk, 1]),
        lambda d: {"berkas": _bukti(), "keterangan": "Laporan"},
        berkas=True,
    ),
    Titik("bukti_hapus", lambda d: reverse("kerja:bukti_hapus", args=[S, d.bukti.pk]), lambda d: {}),
    Titik(
        "mata_anggaran_baru",
        lambda d: reverse("kerja:mata_anggaran_baru", args=[S, TAHUN]),
        lambda d: {"kode": "002", "nama": "Program baru", "jenis": "program", "urutan": 0},
    ),
    Titik(
        "mata_anggaran_ubah",
        lambda d: reverse("kerja:mata_anggaran_ubah", args=[S, d.mata.pk]),
        lambda d: {"kode": "001", "nama": "Nama diubah", "jenis": "program", "urutan": 0},
    ),
    Titik(
        "pagu_tambah",
        lambda d: reverse("kerja:pagu_tambah", args=[S, d.mata.pk]),
        lambda d: {"nilai": "1.500.000", "berlaku_mulai": f"{TAHUN}-08-01"},
    ),
    Titik(
        "realisasi_bulanan",
        lambda d: reverse("kerja:realisasi_bulanan", args=[S, d.mata.pk]),
        lambda d: {"b_1": "150.000,50"},
    ),
    Titik(
        "realisasi_tahunan_anggaran",
        lambda d: reverse("kerja:realisasi_tahunan", args=[S, d.mata.pk]),
        lambda d: {"nilai": "1.250.000"},
    ),
    Titik(
        "rencana_penarikan",
        lambda d: reverse("kerja:rencana_penarikan", args=[S, d.mata.pk]),
        lambda d: {"b_1": "100.000,00", "b_12": "900000"},
    ),
    Titik(
        "sub_kegiatan_baru",
        lambda d: reverse("kerja:sub_kegiatan_baru", args=[S, TAHUN]),
        lambda d: {"nama": "Sub baru", "urutan": 0},
    ),
    Titik(
        "sub_kegiatan_ubah",
        lambda d: reverse("kerja:sub_kegiatan_ubah", args=[S, d.sub.pk]),
        lambda d: {"nama": "Sub diubah", "urutan": 0, "target_output": "5", "realisasi_output": "4"},
    ),
    # The performance tree (/pohon/): `d.pohon` is tests/pohon/pabrik_pohon.py's tree, built by the route table.
    *(
        Titik(nama, lambda d, nama=nama, objek=objek: reverse(f"kerja:{nama}", args=_args_pohon(d, objek)), isi)
        for nama, objek, isi in [
            ("pohon_simpul_baru", None, lambda d: {"induk": d.pohon.sk.pk, "tingkat": "es3", "uraian": "Bagian"}),
            ("pohon_simpul_ubah", "sk", lambda d: {"tingkat": "sk", "kode": "SK1", "uraian": "Diubah"}),
            ("pohon_simpul_pindah", "sk", lambda d: {"induk": d.pohon.sp.pk, "alasan": "Penataan"}),
            ("pohon_simpul_nonaktif", "sk", lambda d: {"alasan": "Dihentikan"}),
            ("pohon_simpul_indikator", "sk", lambda d: {"indikator": d.ind2.pk, "peran": "utama"}),
            ("pohon_simpul_anggaran", "sk", lambda d: {"kode_program": "063", "kode_ro": "AAA", "pagu": "1.000"}),
            (
                "pohon_simpul_mitra",
                "sk",
                lambda d: {"mitra_unit": d.lain.pk, "peran": "kontributor", "kontribusi": "Data"},
            ),
            ("pohon_simpul_tautan", "sk", lambda d: {"ke": d.pohon.usulan.pk}),
            ("pohon_usulan_jawab", "usulan", lambda d: {"aksi": "terima", "pemilik": d.pohon.kabiro.pk}),
            ("pohon_crosscutting_jawab", "crosscutting", lambda d: {"aksi": "terima"}),
            ("pohon_jabatan", None, lambda d: {"nama": "Kepala Subbagian", "eselon": "4", "urutan": "0"}),
            ("pohon_jabatan_ubah", "kabag", lambda d: {"aksi": "pemegang", "nama": "Andi", "mulai": f"{TAHUN}-01-01"}),
        ]
    ),
]


def _args_pohon(d, objek: str | None) -> list:
    return [S, TAHUN] + ([getattr(d.pohon, objek).pk] if objek else [])
