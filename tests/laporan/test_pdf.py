"""The PDF: golden numbers in its text, real page numbers in the daftar isi/tabel, no network access."""

import re
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from indikator.enums import Peran
from laporan.pdf import AksesDitolak, PengambilLokal
from tests.pabrik import buat_pengguna

# The module fixture loads data outside any test: the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db

EMAS = ["104,47", "102,24", "93,05", "87,82", "Rp 8.225.900.000", "1,12", "98,87"]


@pytest.fixture(scope="module")
def halaman(referensi_bersama, django_db_blocker, tmp_path_factory) -> list[str]:
    """The 2018 PDF, asked for once through the view by the unit's planner (the tests' immediate task backend
    renders it when the request commits) and downloaded from private storage."""
    from django.test import TestCase, override_settings

    from laporan.models import BerkasLaporan

    unit = referensi_bersama.muat()
    privat = tmp_path_factory.mktemp("privat")
    with django_db_blocker.unblock(), override_settings(AXES_ENABLED=False, SAKIP_PRIVATE_ROOT=privat):
        user = buat_pengguna("perencana-pdf", Peran.PERENCANA, unit)
        klien = Client()
        klien.force_login(user)
        with TestCase.captureOnCommitCallbacks(execute=True):
            r = klien.post(reverse("laporan:pdf", args=[unit.slug, 2018]))
        berkas = BerkasLaporan.objects.get(unit=unit, tahun=2018, format="pdf")
        assert r.status_code == 302 and berkas.status == "selesai", berkas.alasan
        r = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
        isi = b"".join(r.streaming_content)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert "laporan-kinerja-biro-kerja-sama-2018.pdf" in r["Content-Disposition"]
    assert isi.startswith(b"%PDF")
    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(isi)).pages]


def test_teks_pdf_memuat_angka_emas(halaman):
    semua = " ".join(halaman)
    for angka in EMAS:
        assert angka in semua, angka
    assert "LAPORAN KINERJA" in halaman[0] and "BIRO KERJA SAMA" in halaman[0]
    assert "DRAF — belum disahkan (status: Draf)" in halaman[0]  # the reference year is not approved here
    assert "2.018" not in semua


ROMAWI = {"i": 1, "v": 5, "x": 10, "l": 50}


def _dari_romawi(teks: str) -> int:
    nilai = [ROMAWI[c] for c in teks]
    return sum(-v if i + 1 < len(nilai) and v < nilai[i + 1] else v for i, v in enumerate(nilai))


def _halaman_bab_1(halaman) -> int:
    """The PDF page where BAB I starts (printed "1": the front matter before it is numbered i, ii, …)."""
    return next(i for i, h in enumerate(halaman, start=1) if h.startswith("BAB I PENDAHULUAN"))


def _entri(teks: str, depan: int = 0) -> list[tuple[str, int]]:
    """(entry, PDF page) of a daftar: a roman number is a front-matter page, an arabic one counts from BAB I
    (`depan` pages before it)."""
    return [
        (t.strip(), _dari_romawi(n) if n.isalpha() else int(n) + depan)
        for t, n in re.findall(r"(\S.*?)\s*\.{4,}\s*(\d+|[ivxl]+)\b", teks)
    ]


def _halaman_daftar(halaman, judul: str) -> int:
    return next(i for i, h in enumerate(halaman, start=1) if h.startswith(judul))


def test_nomor_halaman_daftar_isi_sesuai_letak_judul(halaman):
    i_isi = _halaman_daftar(halaman, "DAFTAR ISI")
    daftar = {_halaman_daftar(halaman, j) for j in ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "DAFTAR LAMPIRAN")}
    teks = " ".join(h for i, h in enumerate(halaman, start=1) if i_isi <= i < _halaman_daftar(halaman, "DAFTAR TABEL"))
    entri = _entri(teks.removeprefix("DAFTAR ISI"), _halaman_bab_1(halaman) - 1)
    assert len(entri) >= 15
    # A heading broken across lines at a hyphen comes out of the text layer as "Perundang- Undangan".
    rapat = [h.replace("- ", "-") for h in halaman]
    sebelumnya = 1
    for judul, nomor in entri:
        if judul.startswith("Daftar "):
            letak = _halaman_daftar(halaman, judul.upper())
        else:
            # Headings follow the daftar's order: the first page at or after the previous heading that holds it.
            letak = next(
                i
                for i, h in enumerate(rapat, start=1)
                if i >= sebelumnya and i not in daftar and (h.startswith(judul.upper()) or judul in h)
            )
        assert letak == nomor, (judul, nomor, letak)
        sebelumnya = letak


@pytest.mark.parametrize(("daftar", "awalan"), [("DAFTAR TABEL", "Tabel"), ("DAFTAR GAMBAR", "Gambar")])
def test_nomor_halaman_daftar_tabel_dan_gambar(halaman, daftar, awalan):
    i = _halaman_daftar(halaman, daftar)
    entri = _entri(halaman[i - 1], _halaman_bab_1(halaman) - 1)
    label = [(m.group(1), m.group(2)[:20], n) for t, n in entri if (m := re.match(rf"({awalan} \d+) (.*)", t))]
    assert len(label) >= 5
    for lab, judul, nomor in label:
        # The caption ("Tabel 6. Program dan …"), not a sentence naming the table before it ("… pada Tabel 6.").
        letak = next(j for j, h in enumerate(halaman, start=1) if j > i and f"{lab}. {judul}" in h)
        assert letak == nomor, (lab, nomor, letak)


def test_pengambil_url_menolak_jaringan():
    pengambil = PengambilLokal()
    with pytest.raises(AksesDitolak):
        pengambil.fetch("https://example.com/font.ttf")
    with pytest.raises(AksesDitolak):
        pengambil.fetch("file:///etc/passwd")
    with pytest.raises(AksesDitolak):
        pengambil.fetch("http://sakip.lokal/media/../../etc/passwd")
    respons = pengambil.fetch("http://sakip.lokal/static/fonts/DejaVuSans.ttf")
    assert respons.read(4) == b"\x00\x01\x00\x00"
