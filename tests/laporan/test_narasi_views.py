"""Narrative list/edit and the consistency page: access by role, period lock, sanitising, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.models import SubKegiatan
from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, Sasaran, UnitKerja
from laporan.models import NarasiLaporan
from laporan.narasi import BAGIAN_SASARAN, BAGIAN_UMUM, KUNCI_OPSIONAL
from tests.laporan.test_konsistensi import TAHUN, buat_anggaran, buat_unit
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror="alert(1)">[klik](javascript:alert(1)) **aman**'


@pytest.fixture
def unit():
    return buat_unit("biro", sasaran=2)


@pytest.fixture
def lain():
    return UnitKerja.objects.create(slug="lain", nama="Unit Lain")


@pytest.fixture
def perencana(unit):
    return buat_pengguna("perencana", Peran.PERENCANA, unit)


def url(nama, unit, *args, tahun=TAHUN):
    return reverse(f"kerja:{nama}", args=[unit.slug, tahun, *args])


def masuk(client, user):
    client.force_login(user)
    return client


# ---------------------------------------------------------------- list


def test_daftar_menampilkan_semua_bagian_dengan_status(client, unit, perencana):
    NarasiLaporan.objects.create(unit=unit, tahun=TAHUN, bagian="kata_pengantar", isi="Pengantar.")
    r = masuk(client, perencana).get(url("narasi_daftar", unit))
    assert r.status_code == 200
    kunci = [b["kunci"] for b in r.context["baris"]]
    assert kunci == [k for k, _ in BAGIAN_UMUM] + [f"{k}--{s}" for s in ("S1", "S2") for k, _ in BAGIAN_SASARAN]
    # the fixture unit has an 'analisis' for each sasaran plus the kata pengantar
    assert (r.context["terisi"], r.context["jumlah"]) == (3, len(BAGIAN_UMUM) + 2 * len(BAGIAN_SASARAN))
    html = r.content.decode()
    assert "3 dari 25 bagian terisi." in html
    assert url("narasi_ubah", unit, "analisis--S1") in html
    assert "terisi" in html and "kosong" in html and "Ubah" in html


def test_daftar_menampilkan_bagian_tambahan_yang_tersimpan(client, unit, perencana):
    NarasiLaporan.objects.create(unit=unit, tahun=TAHUN, bagian="catatan_khusus", judul="Catatan", isi="Teks.")
    c = masuk(client, perencana)
    r = c.get(url("narasi_daftar", unit))
    assert r.context["baris"][-1]["kunci"] == "catatan_khusus"
    assert r.context["baris"][-1]["b"].label == "Catatan"
    r = c.post(url("narasi_ubah", unit, "catatan_khusus"), {"judul": "Catatan", "isi": "Baru.", "aksi": "simpan"})
    assert r.status_code == 302
    assert NarasiLaporan.objects.get(bagian="catatan_khusus").isi == "Baru."


def test_daftar_anonim_dialihkan_ke_halaman_masuk(client, unit):
    r = client.get(url("narasi_daftar", unit))
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_daftar_auditor_hanya_melihat(client, unit):
    r = masuk(client, buat_pengguna("auditor", Peran.AUDITOR)).get(url("narasi_daftar", unit))
    assert r.status_code == 200
    assert r.context["dapat_mengubah"] is False
    assert "Lihat" in r.content.decode()


@pytest.mark.parametrize("nama", ["narasi_daftar", "konsistensi"])
def test_perencana_unit_lain_ditolak(client, unit, lain, nama):
    r = masuk(client, buat_pengguna("p-lain", Peran.PERENCANA, lain)).get(url(nama, unit))
    assert r.status_code == 403


# ---------------------------------------------------------------- edit


def test_perencana_menyimpan_narasi_dan_riwayat_tercatat(client, unit, perencana):
    c = masuk(client, perencana)
    alamat = url("narasi_ubah", unit, "kata_pengantar")
    r = c.get(alamat)
    assert r.status_code == 200 and r.context["dapat_mengubah"] is True
    assert 'name="isi"' in r.content.decode()
    r = c.post(alamat, {"judul": "Kata Pengantar", "isi": "Versi pertama.", "aksi": "simpan"})
    assert r.status_code == 302
    c.post(alamat, {"judul": "Kata Pengantar", "isi": "Versi kedua.\r\n", "aksi": "simpan"})
    c.post(alamat, {"judul": "Kata Pengantar", "isi": "Versi kedua.", "aksi": "simpan"})  # unchanged: no history
    n = NarasiLaporan.objects.get(unit=unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None)
    assert (n.judul, n.isi) == ("Kata Pengantar", "Versi kedua.")
    riwayat = list(n.history.order_by("history_date"))
    assert [(h.history_type, h.isi, h.history_user) for h in riwayat] == [
        ("+", "Versi pertama.", perencana),
        ("~", "Versi kedua.", perencana),
    ]
    r = c.get(alamat)
    assert len(r.context["riwayat"]) == 2


def test_perencana_menyimpan_narasi_per_sasaran(client, unit, perencana):
    r = masuk(client, perencana).post(
        url("narasi_ubah", unit, "upaya--S2"), {"judul": "Upaya", "isi": "1. Satu\n2. Dua", "aksi": "simpan"}
    )
    assert r.status_code == 302
    n = NarasiLaporan.objects.get(unit=unit, tahun=TAHUN, bagian="upaya")
    assert n.sasaran == Sasaran.objects.get(kode="S2", revisi__renstra__unit=unit)


@pytest.mark.parametrize(
    "kunci, judul",
    [
        # A general section starts untitled: the report prints its own heading, not "1.2. Bab I – Maksud…".
        ("bab1_maksud_tujuan", ""),
        ("kata_pengantar", ""),
        ("penutup", ""),
        # A sasaran's section keeps its label as the sub-heading it prints under the sasaran.
        ("upaya--S1", "Upaya tahun berikutnya"),
    ],
)
def test_bagian_baru_dibuka_dengan_judul_bawaan_laporan(client, unit, perencana, kunci, judul):
    r = masuk(client, perencana).get(url("narasi_ubah", unit, kunci))
    assert r.status_code == 200
    assert r.context["form"]["judul"].value() == judul
    assert "Kosongkan untuk memakai judul bawaan laporan." in r.content.decode()


def test_admin_boleh_mengubah(client, unit):
    r = masuk(client, buat_pengguna("admin", is_superuser=True)).post(
        url("narasi_ubah", unit, "penutup"), {"judul": "", "isi": "Akhir kata.", "aksi": "simpan"}
    )
    assert r.status_code == 302
    assert NarasiLaporan.objects.get(unit=unit, bagian="penutup").isi == "Akhir kata."


@pytest.mark.parametrize("peran", [Peran.AUDITOR, Peran.PIMPINAN], ids=["auditor", "pimpinan"])
def test_pembaca_melihat_tanpa_formulir_dan_tidak_boleh_menyimpan(client, unit, peran):
    c = masuk(client, buat_pengguna("pembaca", peran, None if peran == Peran.AUDITOR else unit))
    alamat = url("narasi_ubah", unit, "analisis--S1")
    r = c.get(alamat)
    assert r.status_code == 200
    html = r.content.decode()
    assert r.context["dapat_mengubah"] is False
    assert 'name="isi"' not in html and "<p>Analisis.</p>" in html
    r = c.post(alamat, {"judul": "x", "isi": "diubah", "aksi": "simpan"})
    assert r.status_code == 403
    assert NarasiLaporan.objects.get(unit=unit, bagian="analisis", sasaran__kode="S1").isi == "Analisis."


def test_perencana_unit_lain_tidak_boleh_membaca_atau_mengubah(client, unit, lain):
    c = masuk(client, buat_pengguna("p-lain", Peran.PERENCANA, lain))
    alamat = url("narasi_ubah", unit, "kata_pengantar")
    assert c.get(alamat).status_code == 403
    assert c.post(alamat, {"isi": "x", "aksi": "simpan"}).status_code == 403
    assert c.post(url("narasi_pratinjau", unit, "kata_pengantar"), {"isi": "x"}).status_code == 403
    assert not NarasiLaporan.objects.filter(bagian="kata_pengantar").exists()


@pytest.mark.parametrize("status", [StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
def test_tahun_terkunci_menolak_perubahan(client, unit, perencana, status):
    PeriodeUnit.objects.create(unit=unit, tahun=TAHUN, status=status)
    c = masuk(client, perencana)
    alamat = url("narasi_ubah", unit, "analisis--S1")
    r = c.get(alamat)
    pesan = f"Data Unit biro tahun {TAHUN} sudah {StatusPeriode(status).label.lower()} dan tidak dapat diubah."
    assert r.context["dapat_mengubah"] is False
    assert pesan in r.content.decode() and 'name="isi"' not in r.content.decode()
    r = c.post(alamat, {"judul": "x", "isi": "diubah", "aksi": "simpan"})
    assert r.status_code == 409
    assert pesan in r.content.decode()
    n = NarasiLaporan.objects.get(unit=unit, bagian="analisis", sasaran__kode="S1")
    assert n.isi == "Analisis." and n.history.count() == 1
    assert not NarasiLaporan.objects.filter(unit=unit, bagian="kata_pengantar").exists()
    assert masuk(client, perencana).get(url("narasi_daftar", unit)).context["dapat_mengubah"] is False


@pytest.mark.parametrize("kunci", ["tidak_ada", "analisis--S9", "kata_pengantar--S1", "analisis"])
def test_bagian_tak_dikenal_404(client, unit, perencana, kunci):
    assert masuk(client, perencana).get(url("narasi_ubah", unit, kunci)).status_code == 404


# ---------------------------------------------------------------- preview and sanitising


def test_pratinjau_htmx_membersihkan_markdown(client, unit, perencana):
    r = masuk(client, perencana).post(url("narasi_pratinjau", unit, "kata_pengantar"), {"isi": XSS})
    html = r.content.decode()
    assert r.status_code == 200
    assert "<strong>aman</strong>" in html
    for terlarang in ("<script", "onerror", "javascript:", "<img"):
        assert terlarang not in html


def test_pratinjau_tanpa_js_tidak_menyimpan(client, unit, perencana):
    r = masuk(client, perencana).post(
        url("narasi_ubah", unit, "kata_pengantar"), {"judul": "", "isi": "**tebal**", "aksi": "pratinjau"}
    )
    assert r.status_code == 200
    assert "<strong>tebal</strong>" in r.content.decode()
    assert not NarasiLaporan.objects.filter(bagian="kata_pengantar").exists()


def test_narasi_berbahaya_dibersihkan_saat_ditampilkan(client, unit, perencana):
    NarasiLaporan.objects.filter(unit=unit, bagian="analisis", sasaran__kode="S1").update(isi=XSS)
    for user in (perencana, buat_pengguna("auditor", Peran.AUDITOR)):
        html = masuk(client, user).get(url("narasi_ubah", unit, "analisis--S1")).content.decode()
        assert "<strong>aman</strong>" in html
        assert '<script>alert("x")' not in html
        assert 'onerror="alert' not in html and 'href="javascript:' not in html


# ---------------------------------------------------------------- consistency page


def test_konsistensi_dikelompokkan_dengan_jumlah(client, unit):
    buat_anggaran(unit, [("001", None, "10", None), ("001.1", "001", "5", "6")])
    for i in range(3):
        SubKegiatan.objects.create(unit=unit, tahun=TAHUN, urutan=i, nama=f"Sub {i}")
    NarasiLaporan.objects.filter(unit=unit, bagian="analisis", sasaran__kode="S2").delete()
    r = masuk(client, buat_pengguna("auditor", Peran.AUDITOR)).get(url("konsistensi", unit))
    assert r.status_code == 200
    assert [(k["kode"], k["jumlah"]) for k in r.context["kelompok"]] == [
        ("anggaran_induk_selisih", 1),
        ("realisasi_melebihi_pagu", 1),
        ("output_kosong", 3),
        ("narasi_kosong", 1),
    ]
    html = r.content.decode()
    # Empty mandatory sections are listed (with links) and counted with the warnings: they block submission.
    kosong = r.context["narasi_kosong"]
    assert kosong and all(b.url in html for b in kosong)
    assert f"{5 + len(kosong)} peringatan dan 1 catatan informasi." in html
    assert "Rp 6" in html and "Sub-kegiatan tanpa target atau realisasi output" in html
    assert url("narasi_ubah", unit, "analisis--S2") in html  # link to fix the missing narrative


def test_konsistensi_kosong(client, unit, perencana):
    for s in Sasaran.objects.filter(revisi__renstra__unit=unit):
        for k, _label in BAGIAN_SASARAN:
            if k not in KUNCI_OPSIONAL:
                NarasiLaporan.objects.get_or_create(unit=unit, tahun=TAHUN, bagian=k, sasaran=s, defaults={"isi": "x"})
    for k, _label in BAGIAN_UMUM:
        NarasiLaporan.objects.create(unit=unit, tahun=TAHUN, bagian=k, isi="x")
    r = masuk(client, perencana).get(url("konsistensi", unit))
    assert r.status_code == 200
    assert "Tidak ada temuan" in r.content.decode()


def test_konsistensi_data_acuan(client, unit_bks):
    r = masuk(client, buat_pengguna("auditor", Peran.AUDITOR)).get(url("konsistensi", unit_bks, tahun=2018))
    assert [(k["kode"], k["jumlah"]) for k in r.context["kelompok"]] == [
        ("rencana_aksi_kosong", 2),  # PK versions 2 and 3 are in force without Rencana Aksi
        ("anggaran_induk_selisih", 6),
        ("output_kosong", 2),
    ]
    assert "Rp 963.941.186" in r.content.decode()


def test_daftar_data_acuan_semua_terisi_kecuali_yang_tidak_ada_di_laporan(client, unit_bks):
    r = masuk(client, buat_pengguna("auditor", Peran.AUDITOR)).get(url("narasi_daftar", unit_bks, tahun=2018))
    assert [b["kunci"] for b in r.context["baris"] if not b["b"].terisi] == [
        "tindak_lanjut_evaluasi--SP1",
        "tindak_lanjut_evaluasi--SP2",
        "kegiatan_pendukung--SP3",
        "tindak_lanjut_evaluasi--SP3",
        "kegiatan_pendukung--SP4",
        "tindak_lanjut_evaluasi--SP4",
        "tindak_lanjut_evaluasi--SP5",
    ]
    wajib_kosong = [b["kunci"] for b in r.context["baris"] if not b["b"].terisi and not b["b"].opsional]
    assert wajib_kosong == ["kegiatan_pendukung--SP3", "kegiatan_pendukung--SP4"]
    assert r.content.decode().count("(opsional)") == 5


# ---------------------------------------------------------------- query counts


def _query(client, alamat):
    with CaptureQueriesContext(connection) as c:
        r = client.get(alamat)
    assert r.status_code == 200
    return len(c.captured_queries)


@pytest.mark.parametrize("nama", ["narasi_daftar", "konsistensi"])
def test_jumlah_query_halaman_tidak_bergantung_ukuran_data(client, nama):
    """1 sasaran, 1 indikator, 1 budget line, 1 sub-kegiatan vs 6 × 4 indikator, 11 lines, 8 sub-kegiatan."""
    kecil = buat_unit("kecil", sasaran=1, indikator_per_sasaran=1)
    buat_anggaran(kecil, [("001", None, "10", "5")])
    SubKegiatan.objects.create(unit=kecil, tahun=TAHUN, urutan=0, nama="Sub")
    besar = buat_unit("besar", sasaran=6, indikator_per_sasaran=4, realisasi=None, analisis=False)
    buat_anggaran(besar, [("001", None, "1", None)] + [(f"001.{i}", "001", "10", "11") for i in range(10)])
    for i in range(8):
        SubKegiatan.objects.create(unit=besar, tahun=TAHUN, urutan=i, nama=f"Sub {i}")
    for k, _label in BAGIAN_UMUM:
        NarasiLaporan.objects.create(unit=besar, tahun=TAHUN, bagian=k, isi="Teks.")
    c = masuk(client, buat_pengguna("admin", is_superuser=True))
    c.get(url(nama, kecil))  # warm-up (session)
    assert _query(c, url(nama, kecil)) == _query(c, url(nama, besar))


@pytest.mark.parametrize(
    ("nama", "args"),
    [("narasi_daftar", ()), ("narasi_ubah", (BAGIAN_UMUM[0][0],)), ("naskah_ubah", ()), ("gambar_daftar", ())],
)
@pytest.mark.parametrize("status", [StatusPeriode.DRAFT, StatusPeriode.DISAHKAN])
def test_baris_periode_dibaca_sekali_per_halaman(client, unit, perencana, nama, args, status):
    """The period row is read once per page (`ambil_periode`), shared by the lock message and the unit strip."""
    PeriodeUnit.objects.create(unit=unit, tahun=TAHUN, status=status)
    c = masuk(client, perencana)
    with CaptureQueriesContext(connection) as q:
        r = c.get(url(nama, unit, *args))
    assert r.status_code == 200
    assert sum('FROM "indikator_periodeunit"' in x["sql"] for x in q.captured_queries) == 1


def test_tahun_tanpa_pk_di_halaman_konsistensi_dan_ringkasan_pengajuan(client):
    """Both pages read alur.ringkasan.periksa_tahun: the year without a PK is listed with its link to the PK list."""
    tanpa_pk = buat_unit("tanpa-pk", pk=False)
    perencana = buat_pengguna("perencana-tanpa-pk", Peran.PERENCANA, tanpa_pk)
    masuk(client, perencana)
    for nama in ("konsistensi", "pengajuan"):
        html = client.get(url(nama, tanpa_pk)).content.decode()
        assert "Tahun 2020 belum memiliki Perjanjian Kinerja" in html, nama
        assert f'href="{url("pk", tanpa_pk)}"' in html, nama
