"""Every route of the app, generated: the URL resolver is walked; each route that accepts POST is a write route,
every other one a page.

Each write route must be in `TULIS` (how to build its URL and a valid POST for the dataset of tests/kerja) or in
`PER_PENGGUNA` (routes about the signed-in user, not a unit's data), each page in `BACA` (who reads it) or in
`BACA_TANPA_UNIT`; a new route in none of them fails `test_setiap_rute_tulis_tercakup` or
`test_setiap_rute_baca_tercakup`. For each write route:

- its writer (the unit's planner, or head, or an administrator) on an open year is accepted and the data changes,
  so the POST is a real one and the refusals below are refusals of it;
- the head of another unit, the Inspektorat's auditor (reads every unit, writes nothing) and an anonymous visitor
  are refused (4xx, the login page for anonymous) with no database change;
- on a submitted, approved or locked year the unit's own planner is refused with no database change (4xx, or the
  reason in the page or the htmx fragment), never a 500;
- another unit's planner naming this unit's object under his own unit's address is refused;
- an empty or garbled POST by its writer is never a 500.

POSTs that only read (ask for a report file) are `baca`: every reader of the unit may make them, on any year;
outsiders are refused. Each page: its readers 200, other units' heads, planners and internal auditors 403/404,
anonymous the login page. Every Django admin route refuses users who are not staff. One dataset per module,
inside a transaction rolled back at the end; each test runs in its own savepoint; "no database change" compares
every row of every table (`sidik`).
"""

from __future__ import annotations

import datetime as dt
import dis
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from PIL import Image

from api.token import buat_klien
from impor.models import ImporLatar
from indikator import models as m
from indikator.enums import Peran, StatusPeriode
from laporan.models import BerkasLaporan, LaporanPeriodik, NaskahDinas
from tests import dunia as _dunia
from tests.kerja.conftest import TAHUN, atur_status, isi_narasi_wajib
from tests.kerja.titik import TITIK
from tests.pabrik import buat_pengguna
from tests.pohon.pabrik_pohon import bangun_pohon

S = "biro-ks"
PESAN_BEKU = re.compile(r"tidak dapat diubah|dibekukan")

# --- the walker ------------------------------------------------------------------------------------------------


def semua_rute(resolver=None, ns: tuple[str, ...] = ()):
    """(name with namespaces, pattern) of every named route, recursively through includes."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from semua_rute(p, ns + ((p.namespace,) if p.namespace else ()))
        elif isinstance(p, URLPattern) and p.name:
            yield ":".join((*ns, p.name)), p


def _nama_global(kode) -> set[str]:
    """Global names a code object loads, its lambdas and inner functions included."""
    hasil = {i.argval for i in dis.get_instructions(kode) if i.opname == "LOAD_GLOBAL"}
    for k in kode.co_consts:
        if inspect.iscode(k):
            hasil |= _nama_global(k)
    return hasil


def _sumber(fungsi, dilihat: set) -> str:
    """The source of a view function and of the functions of its module it calls (transitively)."""
    fungsi = inspect.unwrap(fungsi)
    if fungsi in dilihat or not inspect.isfunction(fungsi):
        return ""
    dilihat.add(fungsi)
    teks = inspect.getsource(fungsi)  # decorators included
    for nama in _nama_global(fungsi.__code__):
        lain = fungsi.__globals__.get(nama)
        if inspect.isfunction(lain) and lain.__module__ == fungsi.__module__:
            teks += _sumber(lain, dilihat)
    return teks


def menerima_post(pola: URLPattern) -> bool:
    """A class-based view with `post`, or a function view (or a helper of its module) that reads POST."""
    kelas = getattr(pola.callback, "view_class", None)
    if kelas is not None:
        return hasattr(kelas, "post")
    return "POST" in _sumber(pola.callback, set())


def rute_tulis() -> set[str]:
    return {nama for nama, pola in semua_rute() if not nama.startswith("admin:") and menerima_post(pola)}


# --- the table of write routes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rute:
    url: Callable  # dataset -> url
    isi: Callable = lambda d: {}  # dataset -> a valid POST for the writer
    penulis: str = "perencana"  # who may (on an open year)
    ubah: bool = True  # the accepted POST changes the database
    beku: int | None = TAHUN  # the year whose freezing refuses it; None: not a year's data
    baca: bool = False  # a POST that only reads: any reader of the unit may make it
    htmx: bool = False
    siapkan: Callable | None = None  # dataset -> None, before the POST (in the test's savepoint)
    alasan: str = field(default="", compare=False)


def _png(nama="bagan.png"):
    isi = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(isi, format="PNG")
    return SimpleUploadedFile(nama, isi.getvalue(), content_type="image/png")


def _naskah():
    n = NaskahDinas()
    return {
        "aksi": "naskah",
        "naskah-pk_pembuka": n.pk_pembuka,
        "naskah-pk_janji": "Pihak pertama berjanji mewujudkan target kinerja {unit}.",
        "naskah-pk_supervisi": n.pk_supervisi,
        "naskah-iku_nomor": "HK.01.1.12.18.123",
        "naskah-iku_tanggal": "2018-01-15",
        "naskah-iku_menimbang": n.iku_menimbang,
        "naskah-iku_mengingat": n.iku_mengingat,
        "naskah-iku_diktum": n.iku_diktum,
    }


def _matriks_tl():
    from openpyxl import Workbook

    buku = Workbook()
    buku.active.append(["Unit", "Rekomendasi", "Batas waktu"])
    buku.active.append([S, "Rekomendasi dari matriks", f"{TAHUN}-06-30"])
    isi = BytesIO()
    buku.save(isi)
    return SimpleUploadedFile("matriks.xlsx", isi.getvalue())


def _diajukan(d):
    atur_status(d, StatusPeriode.DIAJUKAN)


def _anak_konsolidasi(d):
    """A sub-unit of the unit with an indikator of ind1's unit of measure, its 2018 approved (consolidation)."""
    from decimal import Decimal

    anak = m.UnitKerja.objects.create(slug="anak-ks", nama="Anak KS", induk=d.unit)
    renstra = m.Renstra.objects.create(
        unit=anak, nama="Renstra anak", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    revisi = m.RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2019
    )
    sasaran = m.Sasaran.objects.create(revisi=revisi, kode="S1", nama="Sasaran anak", perspektif="customer")
    d.ind_anak = m.Indikator.objects.create(sasaran=sasaran, kode="A1", nama="Dokumen anak", satuan=d.ind1.satuan)
    m.Realisasi.objects.create(indikator=d.ind_anak, tahun=TAHUN, nilai=Decimal("5"))
    m.PeriodeUnit.objects.create(unit=anak, tahun=TAHUN, status=StatusPeriode.DISAHKAN)


def _aturan_konsolidasi(d):
    from pohon.models import AgregasiIndikator, SumberAgregasi

    _anak_konsolidasi(d)
    aturan = AgregasiIndikator.objects.create(indikator=d.ind1, metode="jumlah")
    SumberAgregasi.objects.create(agregasi=aturan, indikator=d.ind_anak)


def _r(nama, *args):
    return lambda d: reverse(nama, args=[a(d) if callable(a) else a for a in args])


TULIS: dict[str, Rute] = {
    **{
        "kerja:" + ("realisasi_tahunan" if t.nama == "realisasi_tahunan_anggaran" else t.nama): Rute(t.url, t.isi)
        for t in TITIK
    },
    "kerja:realisasi_sel": Rute(
        _r("kerja:realisasi_sel", S, TAHUN, lambda d: d.ind1.pk, 2), lambda d: {"nilai": "8"}, htmx=True
    ),
    "kerja:realisasi_baris": Rute(
        _r("kerja:realisasi_baris", S, TAHUN, lambda d: d.ind1.pk),
        lambda d: {"tw2-nilai": "8", "konfirmasi": "1"},
        htmx=True,
    ),
    "kerja:tujuan_ubah": Rute(
        _r("kerja:tujuan_ubah", S, lambda d: d.tujuan.pk), lambda d: {"kode": "T1", "uraian": "Diubah", "urutan": 1}
    ),
    "kerja:tujuan_hapus": Rute(_r("kerja:tujuan_hapus", S, lambda d: d.tujuan.pk)),
    "kerja:profil_unit": Rute(
        _r("kerja:profil_unit", S),
        lambda d: {"nama": d.unit.nama, "singkatan": "BKS", "instansi": "BPOM", "kota": "Bandung"},
        beku=None,
        alasan="the unit's profile is not a year's data; an approved year prints the copy kept at approval",
    ),
    "kerja:pengajuan": Rute(
        _r("kerja:pengajuan", S, TAHUN), lambda d: {"konfirmasi": "on", "akui_peringatan": "on", "catatan": ""}
    ),
    "kerja:periode_aksi": Rute(
        _r("kerja:periode_aksi", S, TAHUN, "sahkan"), lambda d: {"komentar": ""}, penulis="pimpinan", siapkan=_diajukan
    ),
    "kerja:pohon_aturan": Rute(
        _r("kerja:pohon_aturan", S),
        lambda d: {"boleh_lompat_tingkat": "on", "keparahan_K3": "galat"},
        penulis="pimpinan",
        beku=None,
        alasan="the unit's tree settings (severities, level skipping) are the unit's, not a year's data",
    ),
    "kerja:tenggat": Rute(_r("kerja:tenggat", S, TAHUN), lambda d: {"tenggat": "2019-01-31"}, penulis="pimpinan"),
    "kerja:pulihkan": Rute(_r("kerja:pulihkan", S, "tujuan", lambda d: d.tujuan_terhapus), penulis="admin"),
    "kerja:excel_impor": Rute(
        _r("kerja:excel_impor", S, TAHUN),
        lambda d: {"berkas": SimpleUploadedFile("buku.xlsx", d.buku_kerja)},
        ubah=False,
        alasan="the upload shows a preview; the confirmation (same route, with the token) writes",
    ),
    "kerja:mulai": Rute(
        _r("kerja:mulai", S),
        lambda d: {
            "pilihan": "salin",
            "skema": d.skema.pk,
            "nama": "Renstra 2020-2024",
            "tahun_mulai": "2020",
            "tahun_selesai": "2024",
            "visi": "Visi",
            "misi": "Misi",
        },
        beku=2020,
    ),
    "kerja:salin": Rute(
        _r("kerja:salin", S),
        lambda d: {"jenis": "tahun", "aksi": "terapkan", "tahun-tahun_asal": str(TAHUN)},
        beku=2019,
    ),
    "kerja:admin_unit_baru": Rute(
        _r("kerja:admin_unit_baru"), lambda d: {"slug": "baru", "nama": "Unit Baru", "urutan": 0}, penulis="admin"
    ),
    "kerja:admin_unit_ubah": Rute(
        _r("kerja:admin_unit_ubah", S), lambda d: {"slug": S, "nama": "Nama Baru", "urutan": 0}, penulis="admin"
    ),
    "kerja:admin_unit_detail": Rute(
        _r("kerja:admin_unit_detail", S),
        lambda d: {"aksi": "peran", "pengguna": d.pengguna["tanpa_peran"].pk, "unit": d.unit.pk, "peran": "perencana"},
        penulis="pimpinan",
    ),
    "kerja:admin_peran_hapus": Rute(
        _r("kerja:admin_peran_hapus", lambda d: d.pengguna["perencana"].keanggotaan.get().pk), penulis="pimpinan"
    ),
    "kerja:admin_pengguna_baru": Rute(
        _r("kerja:admin_pengguna_baru"), lambda d: {"username": "baru", "nama_depan": "Baru"}, penulis="admin"
    ),
    "api:klien_baru": Rute(_r("api:klien_baru"), lambda d: {"nama": "SIMPEG", "unit": S}, penulis="admin", beku=None),
    "api:klien_cabut": Rute(_r("api:klien_cabut", lambda d: d.klien.pk), penulis="admin", beku=None),
    "kerja:admin_pengguna": Rute(
        _r("kerja:admin_pengguna", lambda d: d.pengguna["tanpa_peran"].pk),
        lambda d: {"aksi": "nonaktifkan"},
        penulis="admin",
    ),
    "kerja:narasi_ubah": Rute(
        _r("kerja:narasi_ubah", S, TAHUN, "kata_pengantar"),
        lambda d: {"judul": "Kata Pengantar", "isi": "Baru.", "aksi": "simpan"},
    ),
    "kerja:narasi_pratinjau": Rute(
        _r("kerja:narasi_pratinjau", S, TAHUN, "kata_pengantar"),
        lambda d: {"isi": "x"},
        ubah=False,
        beku=None,
        alasan="renders the Markdown typed, saves nothing (writers only)",
    ),
    "kerja:gambar_daftar": Rute(
        _r("kerja:gambar_daftar", S, TAHUN),
        lambda d: {"bagian": "bab1_peran", "judul": "Bagan", "urutan": "1", "berkas": _png()},
    ),
    "kerja:gambar_ubah": Rute(_r("kerja:gambar_ubah", S, TAHUN, lambda d: d.gambar.pk), lambda d: {"aksi": "hapus"}),
    "kerja:naskah_ubah": Rute(_r("kerja:naskah_ubah", S, TAHUN), lambda d: _naskah()),
    **{
        f"laporan:{f}": Rute(_r(f"laporan:{f}", S, TAHUN), penulis="auditor", baca=True, beku=None)
        for f in ("pdf", "xlsx", "docx")
    },
    "kerja:versi_pk_pdf": Rute(
        _r("kerja:versi_pk_pdf", S, lambda d: d.versi.pk), penulis="auditor", baca=True, beku=None
    ),
    "kerja:konsolidasi_aturan": Rute(
        _r("kerja:konsolidasi_aturan", S, TAHUN, lambda d: d.ind1.pk),
        lambda d: {"metode": "jumlah", "sumber": [str(getattr(d, "ind_anak", d.ind2).pk)]},
        siapkan=_anak_konsolidasi,
    ),
    "kerja:konsolidasi_rasio": Rute(
        _r("kerja:konsolidasi_rasio", S, TAHUN),
        lambda d: {f"pembilang_{d.ind1.pk}": "7", f"penyebut_{d.ind1.pk}": "10"},
        siapkan=lambda d: m.Indikator.objects.filter(pk=d.ind1.pk).update(satuan="%"),
    ),
    "kerja:konsolidasi_hitung": Rute(_r("kerja:konsolidasi_hitung", S, TAHUN), siapkan=_aturan_konsolidasi),
    "kerja:keputusan_iku_pdf": Rute(_r("kerja:keputusan_iku_pdf", S, TAHUN), penulis="auditor", baca=True, beku=None),
    "kerja:pohon_simpul_tawarkan": Rute(
        _r("kerja:pohon_simpul_tawarkan", "sestama", TAHUN, lambda d: d.pohon.sp.pk),
        lambda d: {"unit": d.unit.pk, "tingkat": "sk", "uraian": "Usulan Sestama"},
        penulis="perencana_induk",
        alasan="the parent unit's planner writes into the child unit's year (tests/pohon: refused when it is frozen)",
    ),
    "kerja:periodik_daftar": Rute(
        _r("kerja:periodik_daftar", S, TAHUN), lambda d: {"periode": "TW3", "data_cutoff": f"{TAHUN}-10-10"}
    ),
    "kerja:periodik": Rute(
        _r("kerja:periodik", S, lambda d: d.periodik.pk),
        lambda d: {
            "aksi": "isian",
            "indikator": d.ind1.pk,
            f"i{d.ind1.pk}-kendala": "Data mitra terlambat",
            f"i{d.ind1.pk}-pembilang": "7",
            f"i{d.ind1.pk}-penyebut": "10",
        },
    ),
    "kerja:periodik_aksi": Rute(
        _r("kerja:periodik_aksi", S, lambda d: d.periodik_diajukan.pk, "terbitkan"), penulis="pimpinan"
    ),
    "kerja:periodik_berkas": Rute(
        _r("kerja:periodik_berkas", S, lambda d: d.periodik.pk, "pdf"), penulis="auditor", baca=True, beku=None
    ),
    # The AKIP evaluation: not a year's report data (an approved year is evaluated); the LHE records the year's
    # AKIP result and realisasi, so it follows the year's lock.
    "kerja:evaluasi_unit": Rute(
        _r("kerja:evaluasi_unit", S, TAHUN),
        lambda d: {"jenis": "apip", "template": d.ev_lke.template_id},
        beku=None,
    ),
    "kerja:evaluasi": Rute(
        _r("kerja:evaluasi", S, TAHUN, "eksternal"),
        lambda d: {
            "aksi": "simpan",
            f"opsi-{d.kriteria_lke.pk}": d.opsi_lke.pk,
            f"catatan-{d.kriteria_lke.pk}": "Ada.",
        },
        beku=None,
    ),
    "kerja:evaluasi_tim": Rute(
        _r("kerja:evaluasi_tim", S, TAHUN, "eksternal"),
        lambda d: {"pengguna": d.pengguna["auditor"].pk, "peran": "anggota"},
        penulis="admin",
        beku=None,
    ),
    "kerja:evaluasi_lhe": Rute(
        _r("kerja:evaluasi_lhe", S, TAHUN, "eksternal"),
        lambda d: {
            "nomor": "LHE-1",
            "tanggal": "2018-12-01",
            "penandatangan_nama": "Inspektur",
            "penandatangan_jabatan": "Inspektur Utama",
        },
        penulis="admin",
        siapkan=lambda d: _evaluasi_final(d),
    ),
    # The recommendations register: the APIP (auditor) issues and verifies, the unit's planner plans and reports.
    "kerja:tl_sumber_baru": Rute(
        _r("kerja:tl_sumber_baru", S),
        lambda d: {
            "jenis": "lhp_bpk",
            "nomor": "LHP-2/2018",
            "tanggal": "2018-05-01",
            "penerbit": "BPK",
            "tahun_objek": "2017",
            "batas_hari": "60",
        },
        penulis="auditor",
        beku=None,
        alasan="a source is not a year's data; the recommendations it issues are",
    ),
    "kerja:tl_rekomendasi_baru": Rute(
        _r("kerja:tl_rekomendasi_baru", S),
        lambda d: {
            "sumber": d.tl_sumber.pk,
            "uraian": "Tetapkan manual IKU",
            "prioritas": "sedang",
            "tahun": str(TAHUN),
            "batas_waktu": f"{TAHUN}-06-30",
        },
        penulis="auditor",
    ),
    "kerja:tl_rencana_baru": Rute(
        _r("kerja:tl_rencana_baru", S, lambda d: d.tl_rek.pk),
        lambda d: {
            "uraian": "Susun rancangan",
            "tanggal_mulai": f"{TAHUN}-03-10",
            "target_tanggal": f"{TAHUN}-04-10",
            "pj": "Kabag Program",
        },
    ),
    "kerja:tl_lapor": Rute(
        _r("kerja:tl_lapor", S, lambda d: d.tl_rek.pk),
        lambda d: {
            "uraian": "Keputusan IKU ditetapkan",
            "tanggal": f"{TAHUN}-04-01",
            "progres": "100",
            "bukti_jenis": "dokumen",
            "dokumen": "iku",
            "dokumen_tahun": str(TAHUN),
            "halaman": "1",
        },
    ),
    "kerja:tl_rencana_putus": Rute(
        _r("kerja:tl_rencana_putus", S, lambda d: d.tl_rencana.pk), lambda d: {"setuju": "1"}, penulis="auditor"
    ),
    "kerja:tl_impor": Rute(
        _r("kerja:tl_impor", S, lambda d: d.tl_sumber.pk),
        lambda d: {"aksi": "simpan", "berkas": _matriks_tl()},
        penulis="auditor",
    ),
    "kerja:tl_reviu": Rute(
        _r("kerja:tl_reviu", S, TAHUN),
        lambda d: {"aksi": "buka"},
        penulis="auditor",
        beku=None,
        siapkan=_diajukan,
        alasan="the APIP reviews a submitted (frozen) year; refused once approved (tests/tindak_lanjut/test_reviu.py)",
    ),
    "kerja:tl_verifikasi": Rute(
        _r("kerja:tl_verifikasi", S, lambda d: d.tl_tl.pk), lambda d: {"hasil": "s"}, penulis="auditor"
    ),
}


def _evaluasi_final(d):
    """The dataset's evaluation at its final stage with every criterion valued."""
    from evaluasi.models import Evaluasi, Jawaban

    Jawaban.objects.filter(evaluasi=d.ev_lke).update(nilai_final=1)
    Evaluasi.objects.filter(pk=d.ev_lke.pk).update(status="final")


# Routes about the signed-in user, not a unit's data: their own rules (tests/test_keamanan.py, tests/kerja/test_masuk.py).
PER_PENGGUNA = {
    "login": "sign in",
    "logout": "sign out",
    "password_change": "the user's own password",
    "set_language": "the language of the session",
}
# Django admin routes outside the staff-only check: sign in/out and the JavaScript catalogue.
ADMIN_TERBUKA = {"admin:login", "admin:logout", "admin:jsi18n"}


@dataclass(frozen=True)
class Baca:
    url: Callable  # dataset -> url
    pembaca: tuple[str, ...] = ("pimpinan_induk", "auditor")  # read it (200)
    ditolak: tuple[str, ...] = ("pimpinan_lain", "auditor_lain", "perencana_lain")  # 403/404
    pilih: bool = False  # the page picks among the user's own units: others get theirs, never this one


PENGELOLA = {"pembaca": ("admin",), "ditolak": ("pimpinan", "auditor", "perencana")}

# Every route that does not accept POST, with who reads it and who is refused (a unit's data: its readers,
# the head of the parent unit and the Inspektorat's auditor; not another unit's head, planner or internal auditor).
BACA: dict[str, Baca] = {
    "laporan:html": Baca(_r("laporan:html", S, TAHUN)),
    "laporan:gambar_berkas": Baca(_r("laporan:gambar_berkas", lambda d: d.gambar.pk)),
    "laporan:berkas": Baca(_r("laporan:berkas", lambda d: d.berkas.pk)),
    "laporan:berkas_unduh": Baca(_r("laporan:berkas_unduh", lambda d: d.berkas.pk)),
    "kerja:konsolidasi": Baca(_r("kerja:konsolidasi", S, TAHUN)),
    "kerja:narasi_daftar": Baca(_r("kerja:narasi_daftar", S, TAHUN)),
    "kerja:konsistensi": Baca(_r("kerja:konsistensi", S, TAHUN)),
    "kerja:pohon_konsistensi": Baca(_r("kerja:pohon_konsistensi", S, TAHUN)),
    "kerja:periodik_html": Baca(_r("kerja:periodik_html", S, lambda d: d.periodik.pk)),
    "dasbor:utama": Baca(lambda d: reverse("dasbor:utama") + f"?unit={S}&tahun={TAHUN}"),
    "dasbor:rollup": Baca(
        lambda d: reverse("dasbor:rollup") + f"?unit=sestama&tahun={TAHUN}", pembaca=("pimpinan_induk", "auditor")
    ),
    "dasbor:indikator": Baca(_r("dasbor:indikator", lambda d: d.ind1.pk)),
    "kerja:utama": Baca(lambda d: reverse("kerja:utama") + f"?unit={S}&tahun={TAHUN}", pilih=True),
    "kerja:riwayat_objek": Baca(_r("kerja:riwayat_objek", "indikator", lambda d: d.ind1.pk)),
    "kerja:riwayat_unit": Baca(_r("kerja:riwayat_unit", S, TAHUN)),
    "kerja:pengesahan": Baca(_r("kerja:pengesahan", S, TAHUN)),
    "kerja:renstra_daftar": Baca(_r("kerja:renstra_daftar", S)),
    "kerja:renstra": Baca(_r("kerja:renstra", S, lambda d: d.renstra.pk)),
    "kerja:pk": Baca(_r("kerja:pk", S, TAHUN)),
    "kerja:versi_pk": Baca(_r("kerja:versi_pk", S, lambda d: d.versi.pk)),
    "kerja:realisasi": Baca(_r("kerja:realisasi", S, TAHUN)),
    "kerja:bukti_unduh": Baca(_r("kerja:bukti_unduh", S, lambda d: d.bukti.pk)),
    "kerja:anggaran": Baca(_r("kerja:anggaran", S, TAHUN)),
    "kerja:mata_anggaran": Baca(_r("kerja:mata_anggaran", S, lambda d: d.mata.pk)),
    "kerja:sub_kegiatan": Baca(_r("kerja:sub_kegiatan", S, TAHUN)),
    "kerja:excel_unduh": Baca(_r("kerja:excel_unduh", S, TAHUN)),
    "kerja:impor_status": Baca(
        _r("kerja:impor_status", S, TAHUN, lambda d: d.impor.pk),
        pembaca=("perencana", "admin"),
        ditolak=("pimpinan", "auditor", "perencana_lain"),
    ),
    "kerja:terhapus": Baca(_r("kerja:terhapus", S), **PENGELOLA),
    "kerja:pengguna": Baca(_r("kerja:pengguna"), **PENGELOLA),
    "kerja:admin_riwayat": Baca(_r("kerja:admin_riwayat"), **PENGELOLA),
    "kerja:pohon": Baca(_r("kerja:pohon", S, TAHUN)),
    "kerja:pohon_masuk": Baca(_r("kerja:pohon_masuk", S, TAHUN)),
    "kerja:admin_unit": Baca(_r("kerja:admin_unit"), pembaca=("admin", "pimpinan"), ditolak=("auditor", "perencana")),
    "kerja:pohon_gambar": Baca(_r("kerja:pohon_gambar", S, TAHUN)),
    "kerja:pohon_pdf": Baca(_r("kerja:pohon_pdf", S, TAHUN)),
    "kerja:pohon_peta": Baca(_r("kerja:pohon_peta", S, TAHUN)),
    "kerja:pohon_matriks": Baca(_r("kerja:pohon_matriks", S, TAHUN)),
    "kerja:pohon_matriks_xlsx": Baca(_r("kerja:pohon_matriks_xlsx", S, TAHUN, "peran-hasil")),
    "api:klien": Baca(_r("api:klien"), **PENGELOLA),
    "kerja:evaluasi_lhe_docx": Baca(_r("kerja:evaluasi_lhe_docx", S, TAHUN, "eksternal")),
    "kerja:evaluasi_lhe_pdf": Baca(_r("kerja:evaluasi_lhe_pdf", S, TAHUN, "eksternal")),
    "kerja:evaluasi_xlsx": Baca(_r("kerja:evaluasi_xlsx", S, TAHUN, "eksternal")),
    "kerja:evaluasi_bukti_unduh": Baca(
        _r("kerja:evaluasi_bukti_unduh", S, TAHUN, "eksternal", lambda d: d.bukti_lke.pk)
    ),
    "kerja:tl_register": Baca(_r("kerja:tl_register", S)),
    "kerja:tl_rekomendasi": Baca(_r("kerja:tl_rekomendasi", S, lambda d: d.tl_rek.pk)),
    "kerja:tl_bukti_unduh": Baca(_r("kerja:tl_bukti_unduh", S, lambda d: d.tl_bukti.pk)),
    "kerja:tl_sumber_unduh": Baca(_r("kerja:tl_sumber_unduh", S, lambda d: d.tl_sumber.pk)),
    "kerja:tl_matriks_xlsx": Baca(_r("kerja:tl_matriks_xlsx", S)),
    "kerja:tl_matriks_pdf": Baca(_r("kerja:tl_matriks_pdf", S)),
    "kerja:tl_reviu_lhr": Baca(_r("kerja:tl_reviu_lhr", S, TAHUN - 1)),
    "kerja:tl_antrean": Baca(_r("kerja:tl_antrean"), pembaca=("auditor", "admin"), ditolak=("perencana", "pimpinan")),
}
# Pages that show no unit's data.
BACA_TANPA_UNIT = {
    "beranda": "redirects to the user's own start page",
    "sehat": "health check",
    "password_change_done": "the user's own password",
    "api-v1:openapi-json": "the read API's OpenAPI schema (no data)",
    "api-v1:openapi-view": "the read API's docs page (no data)",
    "api-v1:api-root": "the read API's root (no operation)",
    "kerja:evaluasi_beranda": "the AKIP overview lists only the units the user reads",
}

# The read API (api/): data answered to an API token (Bearer, a token in the LKE tools' base address, or a signed
# download link), never to a session: each of these refuses an anonymous visitor and a signed-in administrator
# alike (401, or 404 for a download link that is not valid). Scopes, drafts and the rest: tests/api/.
V1 = "api-v1:"
# Sample values of the API routes' path parameters (any value: the refusal comes before the lookup).
NILAI_API = {"kode": S, "jenis": "lapkin", "token": "token-palsu", "tanda": "tanda-palsu"}


def _url_api(nama: str) -> Callable:
    pola = dict(semua_rute())[nama]
    return lambda d: reverse(nama, kwargs={k: NILAI_API.get(k, "1") for k in pola.pattern.converters})


# Every route of the v1 API (a new router's operations join by themselves) and the token routes beside it.
API_TOKEN: dict[str, Callable] = {
    n: _url_api(n)
    for n, _p in semua_rute()
    if (n.startswith(V1) and n not in BACA_TANPA_UNIT)
    or n in {"api:berkas", *(f"api:esakip_{x}{t}" for x in ("opd", "jenis", "dokumen") for t in ("", "_token"))}
}


# --- the dataset -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker, referensi_bersama, tmp_path_factory):
    """tests/kerja's dataset plus what the write routes need (a tujuan, a deleted one, a figure, an auditor of
    another unit, the unit's workbook), built once for the module inside a transaction rolled back at its end."""
    referensi_bersama.lepas()  # its transaction must not be open beneath this one
    akar = tmp_path_factory.mktemp("rute")
    with (
        override_settings(MEDIA_ROOT=akar / "media", SAKIP_PRIVATE_ROOT=akar / "privat"),
        django_db_blocker.unblock(),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            d = _dunia.dunia.bangun()  # the `dunia` dataset's own builder, inside this module's transaction
            isi_narasi_wajib(d)  # submit and approve need every mandatory narrative section
            d.tujuan = m.Tujuan.objects.create(renstra=d.renstra, kode="T1", uraian="Tujuan satu", urutan=1)
            hapus = m.Tujuan.objects.create(renstra=d.renstra, kode="T9", uraian="Terhapus", urutan=9)
            hapus.delete()
            d.tujuan_terhapus = m.Tujuan.history.filter(history_type="-").latest("history_id").history_id
            from laporan.unggahan import simpan_gambar

            d.gambar = simpan_gambar(unit=d.unit, tahun=TAHUN, bagian="bab1_peran", judul="G", berkas=_png(), urutan=1)
            d.pengguna["auditor_lain"] = buat_pengguna("auditor_lain", Peran.AUDITOR, d.lain)
            d.pohon = bangun_pohon(d)  # the performance tree's write routes (also adds `perencana_induk`)
            d.klien, _token = buat_klien(nama="Klien uji", unit=d.unit, cakupan=[])
            d.berkas = BerkasLaporan.objects.create(
                unit=d.unit, tahun=TAHUN, format="xlsx", hash="0" * 64, status=BerkasLaporan.Status.SELESAI
            )
            d.berkas.berkas.save("laporan.xlsx", ContentFile(b"PK isi"))
            d.periodik = LaporanPeriodik.objects.create(
                unit=d.unit, tahun=TAHUN, periode="TW1", data_cutoff=dt.date(TAHUN, 4, 10)
            )
            d.periodik_diajukan = LaporanPeriodik.objects.create(
                unit=d.unit, tahun=TAHUN, periode="TW2", data_cutoff=dt.date(TAHUN, 7, 10), status="diajukan"
            )
            d.impor = ImporLatar.objects.create(
                unit=d.unit, tahun=TAHUN, pengguna=d.pengguna["perencana"], nama_berkas="buku.xlsx"
            )
            _evaluasi_lke(d)
            _rekomendasi(d)
            klien = Client()
            klien.force_login(d.pengguna["perencana"])
            d.buku_kerja = klien.get(reverse("kerja:excel_unduh", args=[S, TAHUN])).content
            yield d
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _evaluasi_lke(d):
    """An external AKIP evaluation of the unit's year with one uploaded evidence file (the evaluation routes)."""
    from evaluasi.layanan import buka_evaluasi, lampirkan_bukti
    from evaluasi.models import LkeKriteria, LkeTemplate

    t = LkeTemplate.objects.get(regulasi="permenpan_88_2021", status="aktif")
    d.ev_lke = buka_evaluasi(unit=d.unit, tahun=TAHUN, jenis="eksternal", template=t, oleh=d.pengguna["perencana"])
    d.kriteria_lke = LkeKriteria.objects.get(sub__komponen__template=t, kode="AREN002.5")
    d.opsi_lke = d.kriteria_lke.skala.opsi.get(label="B")
    d.bukti_lke = lampirkan_bukti(
        ev=d.ev_lke,
        kriteria=d.kriteria_lke,
        oleh=d.pengguna["perencana"],
        berkas=ContentFile(b"%PDF-1.4 bukti", name="bukti.pdf"),
    )


def _rekomendasi(d):
    """A source with its file, a recommendation in process with a proposed plan and an unverified follow-up with an
    uploaded evidence file (the register's routes)."""
    import datetime

    from tindak_lanjut.models import BuktiTindakLanjut, Rekomendasi, RencanaAksiTL, SumberRekomendasi, TindakLanjut

    d.tl_sumber = SumberRekomendasi.objects.create(
        unit=d.unit, jenis="lhe_internal", nomor="LHE-1/2018", tanggal=datetime.date(TAHUN, 3, 1), tahun_objek=TAHUN - 1
    )
    d.tl_sumber.berkas.save("lhe.pdf", ContentFile(b"%PDF-1.4 LHE"))
    d.tl_rek = Rekomendasi.objects.create(
        sumber=d.tl_sumber,
        uraian="Tetapkan IKU",
        unit_pj=d.unit,
        tahun=TAHUN,
        batas_waktu=datetime.date(TAHUN, 6, 30),
        status="p",
    )
    d.tl_rencana = RencanaAksiTL.objects.create(
        rekomendasi=d.tl_rek,
        uraian="Rancangan",
        tanggal_mulai=datetime.date(TAHUN, 3, 5),
        target_tanggal=datetime.date(TAHUN, 4, 5),
        pj="Kabag",
    )
    d.tl_tl = TindakLanjut.objects.create(
        rekomendasi=d.tl_rek, uraian="Ditetapkan", tanggal=datetime.date(TAHUN, 4, 1), progres=100
    )
    d.tl_bukti = BuktiTindakLanjut(tindak_lanjut=d.tl_tl, jenis="berkas", keterangan="SK")
    d.tl_bukti.berkas.save("sk.pdf", ContentFile(b"%PDF-1.4 SK"))
    from tindak_lanjut.models import ReviuLaporan

    lhr = ReviuLaporan(unit=d.unit, tahun=TAHUN - 1, status="selesai", nomor_lhr="LHR-1")
    lhr.berkas_lhr.save("lhr.pdf", ContentFile(b"%PDF-1.4 LHR"))


@pytest.fixture
def d(dataset, db):
    return dataset


def sidik() -> dict[str, list]:
    """Every row of every table except the sessions: any write changes it."""
    qn = connection.ops.quote_name
    hasil = {}
    with connection.cursor() as kursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            if model is Session or not meta.managed or meta.proxy:
                continue
            kursor.execute(f"SELECT * FROM {qn(meta.db_table)} ORDER BY {qn(meta.pk.column)}")
            hasil[meta.db_table] = kursor.fetchall()
    return hasil


def _kirim(client, rute: Rute, d, **lain):
    kepala = {"HTTP_HX_REQUEST": "true"} if rute.htmx else {}
    return client.post(rute.url(d), rute.isi(d), **kepala, **lain)


# --- the tests -------------------------------------------------------------------------------------------------


def test_setiap_rute_tulis_tercakup():
    """A write route (accepts POST) that is neither in TULIS nor in PER_PENGGUNA fails here: add it to TULIS."""
    assert rute_tulis() == set(TULIS) | set(PER_PENGGUNA)


def test_setiap_rute_baca_tercakup():
    """A page that is neither in BACA nor in BACA_TANPA_UNIT fails here: add it to BACA."""
    baca = {n for n, _p in semua_rute() if not n.startswith("admin:")} - rute_tulis()
    assert baca == set(BACA) | set(BACA_TANPA_UNIT) | set(API_TOKEN)


@pytest.mark.parametrize("nama", sorted(API_TOKEN))
def test_api_tanpa_token_ditolak_walau_bersesi(client, d, nama):
    """An API route answers a token, never a session: anonymous and a signed-in administrator get 401 (404 for
    a download link that is not valid), and no data."""
    url = API_TOKEN[nama](d) + f"?unit={S}&tahun={TAHUN}&nip=1"
    for peran in ("anonim", "admin"):
        client.logout()
        if peran != "anonim":
            client.force_login(d.pengguna[peran])
        r = client.get(url)
        assert r.status_code == (404 if nama == "api:berkas" else 401), (peran, r.status_code)
        assert S.encode() not in r.content, peran


@pytest.mark.parametrize(
    ("nama", "tulis"),
    [
        ("kerja:realisasi_sel", True),  # @require_POST
        ("kerja:versi_pk_pdf", True),  # GET/POST through a helper of its module
        ("laporan:html", False),
        ("dasbor:utama", False),
        ("logout", True),  # class-based
        ("password_change_done", False),
    ],
)
def test_pemilah_rute(nama, tulis):
    assert menerima_post(dict(semua_rute())[nama]) is tulis


@pytest.mark.parametrize("nama", sorted(TULIS))
def test_penulis_diterima(client, d, nama):
    """The table's POST is a real one: its writer on an open year is accepted (and the data changes)."""
    rute = TULIS[nama]
    if rute.siapkan:
        rute.siapkan(d)
    client.force_login(d.pengguna[rute.penulis])
    sebelum = sidik()
    r = _kirim(client, rute, d)
    assert r.status_code in (200, 302), r.content.decode()[:3000]
    if rute.ubah and not rute.baca:
        assert sidik() != sebelum, r.content.decode()[:3000]


@pytest.mark.parametrize("nama", sorted(TULIS))
def test_orang_luar_ditolak_tanpa_perubahan(client, d, nama):
    """The head of another unit and the auditor: 4xx; anonymous: the login page; nothing changes."""
    rute = TULIS[nama]
    if rute.siapkan:
        rute.siapkan(d)
    # The Inspektorat's auditor may ask for files (baca); an auditor of another unit may not.
    if rute.penulis == "auditor" and not rute.baca:  # the APIP's writes: not the unit's planner nor head
        luar = ("pimpinan_lain", "auditor_lain", "perencana", "pimpinan", "anonim")
    else:
        luar = ("pimpinan_lain", "auditor_lain" if rute.baca else "auditor", "anonim")
    for peran in luar:
        client.logout()
        if peran != "anonim":
            client.force_login(d.pengguna[peran])
        sebelum = sidik()
        r = _kirim(client, rute, d)
        if peran == "anonim":
            assert r.status_code == 302 and r["Location"].startswith(reverse("login")), peran
        else:
            assert 400 <= r.status_code < 500, (peran, r.status_code, r.content.decode()[:2000])
        assert sidik() == sebelum, peran


@pytest.mark.parametrize("nama", sorted(n for n, r in TULIS.items() if r.beku))
def test_tahun_beku_menolak_perencana_unit(client, d, nama):
    """A submitted, approved or locked year: the unit's own planner (the APIP for its writes) is refused with the
    reason (4xx, or the message in the page or the htmx fragment), nothing changes."""
    rute = TULIS[nama]
    if rute.siapkan:
        rute.siapkan(d)
    client.force_login(d.pengguna["auditor" if rute.penulis == "auditor" else "perencana"])
    for status in (StatusPeriode.DIAJUKAN, StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI):
        atur_status(d, status, tahun=rute.beku)
        sebelum = sidik()
        r = _kirim(client, rute, d, follow=not rute.htmx)
        assert r.status_code != 500, status
        if r.status_code < 400:
            assert PESAN_BEKU.search(r.content.decode()), (status, r.content.decode()[:3000])
        assert sidik() == sebelum, status


# --- the Django admin: staff only ------------------------------------------------------------------------------


def _url_admin(nama: str, pola: URLPattern) -> str | None:
    nilai = {"app_label": "indikator", "content_type_id": "1"}
    regex = pola.pattern.regex
    kwargs = {k: nilai.get(k, "1") for k in regex.groupindex}
    try:
        return reverse(nama, kwargs=kwargs) if kwargs else reverse(nama, args=["1"] * regex.groups)
    except Exception:  # noqa: BLE001 — a pattern these sample values do not fit
        return None


@pytest.mark.parametrize("peran", ["pimpinan_lain", "auditor", "perencana", "anonim"])
def test_admin_django_hanya_untuk_staf(client, d, peran):
    """Every Django admin route (POST) refuses a user who is not staff: the admin's sign-in page, or 4xx."""
    if peran != "anonim":
        client.force_login(d.pengguna[peran])
    rute = [(n, _url_admin(n, p)) for n, p in semua_rute() if n.startswith("admin:") and n not in ADMIN_TERBUKA]
    assert len(rute) > 100 and all(url for _n, url in rute), [n for n, url in rute if not url]
    sebelum = sidik()
    salah = {}
    for nama, url in rute:
        r = client.post(url, {"nama": "x", "action": "delete_selected", "_selected_action": "1", "post": "yes"})
        if not (r.status_code == 302 and "/admin/login/" in r["Location"]) and not 400 <= r.status_code < 500:
            salah[nama] = r.status_code
    assert not salah
    assert sidik() == sebelum


@pytest.mark.parametrize("nama", sorted(BACA))
def test_halaman_hanya_untuk_pembacanya(client, d, nama):
    """Its readers get the page; the others 403/404 (or, on a page that picks among the user's units, their own)."""
    b = BACA[nama]
    for peran in b.pembaca:
        client.force_login(d.pengguna[peran])
        r = client.get(b.url(d))
        assert r.status_code == 200, (peran, r.content.decode()[:2000])
        if b.pilih:
            assert r.context["unit"].slug == S, peran
    for peran in b.ditolak:
        client.force_login(d.pengguna[peran])
        r = client.get(b.url(d))
        if b.pilih and r.status_code == 200:
            assert r.context["unit"] is None or r.context["unit"].slug != S, peran
        else:
            assert r.status_code in (403, 404), (peran, r.status_code)


def test_halaman_anonim_ke_login(client, d):
    for nama, b in BACA.items():
        r = client.get(b.url(d))
        assert r.status_code == 302 and r["Location"].startswith(reverse("login")), nama


def _rute_objek() -> list[str]:
    """Write routes that name an object of the unit (not only the unit, year or a word)."""
    bukan_objek = {"slug", "unit_slug", "tahun", "arah", "aksi", "bagian", "jenis", "triwulan"}
    pola = dict(semua_rute())
    hasil = []
    for n in TULIS:
        nama_kw = set(pola[n].pattern.converters)
        if nama_kw & {"slug", "unit_slug"} and nama_kw - bukan_objek:
            hasil.append(n)
    return sorted(hasil)


@pytest.mark.parametrize("nama", _rute_objek())
def test_objek_unit_lain_lewat_unit_sendiri_ditolak(client, d, nama):
    """The planner of another unit names this unit's object under their own unit's address: refused (404, or 403
    for a route that is not theirs anyway), nothing changes."""
    rute = TULIS[nama]
    client.force_login(d.pengguna["perencana_lain"])
    sebelum = sidik()
    kepala = {"HTTP_HX_REQUEST": "true"} if rute.htmx else {}
    r = client.post(rute.url(d).replace(f"/{S}/", "/biro-lain/"), rute.isi(d), **kepala)
    assert r.status_code in (403, 404), r.status_code
    assert sidik() == sebelum


@pytest.mark.parametrize("nama", sorted(TULIS))
def test_isian_kosong_atau_rusak_tanpa_500(client, d, nama):
    """The writer posting an empty form, or one with every field garbled: an answer (a refusal with its reason or a
    harmless save), never a 500."""
    rute = TULIS[nama]
    client.force_login(d.pengguna[rute.penulis])
    kepala = {"HTTP_HX_REQUEST": "true"} if rute.htmx else {}
    url, isi = rute.url(d), rute.isi(d)
    rusak = {k: "\x00" + "9" * 30 for k, v in isi.items() if not hasattr(v, "read")}
    assert client.post(url, rusak, **kepala).status_code < 500
    assert client.post(url, {}, **kepala).status_code < 500
