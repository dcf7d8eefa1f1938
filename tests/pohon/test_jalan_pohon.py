"""Cascading across two units, clicking only, in real headless Chromium, on the setup `make run` gives (a server on
one SQLite file with the reference data; the pattern of tests/test_jalan_unit_baru.py). Sekretariat Utama has a
Renstra with SS1 and SP1 (seeded); its planner offers a Sasaran Kegiatan to Biro Kerja Sama from the tree editor;
the bureau's planner sets up two positions and a holder (one acting), accepts the offer naming its owner, and adds
two levels below it (Eselon III and Eselon IV results) with their owners; the tree shows them, Plt-aware, at 1366 px
and at 390 px without sideways scrolling. The planner then links one indikator to SK1 and to its child, opens the
consistency page from the tree and finds K5 (an indikator copied word for word from the parent) and K4 (the bureau's
budget lines no node refers to), and a finding's link opens the node in the tree editor. Screenshots go to test-results/pohon-*.png."""

from __future__ import annotations

import os
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_jalan_unit_baru import _env, _manage, _port_bebas, _proses

ROOT = Path(__file__).resolve().parents[2]
HASIL = ROOT / "test-results"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SANDI = "Pohon-kinerja-2026!"
TAHUN = 2018
INDUK = "sekretariat-utama"
ANAK = "biro-kerja-sama"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Seed: the parent unit's Renstra with SS1 → SP1, and one planner per unit (no temporary password).
BENIH = f"""
from indikator import models as m
from indikator.enums import Peran
from pohon.enums import Tingkat
from pohon.models import NodeKinerja
from tests.pabrik import buat_pengguna
induk = m.UnitKerja.objects.get(slug="{INDUK}")
anak = m.UnitKerja.objects.get(slug="{ANAK}")
skema = m.Renstra.objects.filter(unit=anak).first().skema
r = m.Renstra.objects.create(unit=induk, nama="Renstra Sestama 2015-2019", tahun_mulai=2015, tahun_selesai=2019,
                             skema=skema)
ss = NodeKinerja.objects.create(unit=induk, renstra=r, tingkat=Tingkat.SS, kode="SS1",
                                uraian="Meningkatnya efektivitas pengawasan obat dan makanan")
NodeKinerja.objects.create(unit=induk, renstra=r, tingkat=Tingkat.SP, kode="SP1", induk=ss,
                           uraian="Meningkatnya kualitas dukungan manajemen")
buat_pengguna("sari", Peran.PERENCANA, induk, password="{SANDI}")
buat_pengguna("rina", Peran.PERENCANA, anak, password="{SANDI}")
"""


@pytest.fixture
def server(tmp_path):
    """`make run` on a fresh SQLite file with the reference data and the seed; yields the base URL."""
    if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        pytest.skip("SQLite only: the server runs on its own file")
    if not os.path.exists(CHROMIUM):
        if os.environ.get("SAKIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} tidak ada, padahal SAKIP_REQUIRE_BROWSER=1 (pasang: apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} tidak ada; pasang dengan `apt-get install chromium` untuk uji peramban")
    env = _env(tmp_path)
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "muat_referensi")
    _manage(env, "shell", "-c", BENIH)
    port = _port_bebas()
    with _proses(env, "runserver", "--noreload", f"127.0.0.1:{port}", log=tmp_path / "server.log"):
        base = f"http://127.0.0.1:{port}"
        batas = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/sehat/", timeout=2)
                break
            except OSError:
                if time.monotonic() > batas:
                    raise
                time.sleep(0.2)
        yield base


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    HASIL.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def foto(page, nama: str, lebar: int = 1366) -> None:
    semula = page.viewport_size
    if lebar != semula["width"]:
        page.set_viewport_size({"width": lebar, "height": 900})
    page.screenshot(path=str(HASIL / f"pohon-{nama}-{lebar}.png"), full_page=True)
    if lebar != semula["width"]:
        page.set_viewport_size(semula)


def masuk(browser, base, username):
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(f"{base}/")
    page.wait_for_url(lambda url: "/masuk/" in url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)
    return page


def simpul(page, kode: str):
    return page.locator(f"li.simpul[data-kode='{kode}']").first


def langkah_induk(browser, base):
    """Sestama's planner: the workspace menu leads to the tree; SP1 › Usulkan ke unit bawahan."""
    page = masuk(browser, base, "sari")
    page.goto(f"{base}/kerja/{INDUK}/renstra/")
    page.click("nav.subnav >> text=Pohon kinerja")
    page.wait_for_url(lambda url: "/pohon/" in url)
    page.goto(f"{base}/pohon/{INDUK}/{TAHUN}/")
    simpul(page, "SP1").locator("> details > .simpul-isi a[data-aksi=usulkan]").click()
    page.select_option("select[name=unit]", label="Biro Kerja Sama")
    page.select_option("select[name=tingkat]", "sk")
    page.select_option("select[name=jenis_hasil]", "outcome")
    page.fill("input[name=kode]", "SK1")
    page.fill("textarea[name=uraian]", "Meningkatnya efektivitas kerja sama dalam dan luar negeri")
    page.click("button:has-text('Simpan')")
    page.wait_for_selector("text=menunggu jawaban unit itu")
    teks = simpul(page, "SK1").inner_text()
    assert "Biro KS" in teks and "Diusulkan" in teks, teks
    foto(page, "01-induk-usulan")
    page.context.close()


def tambah_jabatan(page, nama, eselon_label, atasan=None):
    page.fill("input[name=nama]", nama)
    page.select_option("select[name=eselon]", label=eselon_label)
    if atasan:
        page.select_option("select[name=atasan]", label=atasan)
    page.click("button:has-text('Simpan')")
    page.wait_for_selector("text=Jabatan disimpan.")


def langkah_anak(browser, base):
    page = masuk(browser, base, "rina")
    page.goto(f"{base}/pohon/{ANAK}/{TAHUN}/jabatan/")
    tambah_jabatan(page, "Kepala Biro Kerja Sama", "Eselon II")
    tambah_jabatan(page, "Kepala Bagian Kerja Sama Luar Negeri", "Eselon III", "Kepala Biro Kerja Sama")
    tambah_jabatan(page, "Kepala Subbagian Kerja Sama Bilateral", "Eselon IV", "Kepala Bagian Kerja Sama Luar Negeri")
    # Holders: a definitive head of bureau, and an acting head of division.
    for jabatan, nama, plt in (
        ("Kepala Biro Kerja Sama", "Dra. Lestari Wulan", False),
        ("Kepala Bagian Kerja Sama Luar Negeri", "Bambang Sutejo", True),
    ):
        page.goto(f"{base}/pohon/{ANAK}/{TAHUN}/jabatan/")
        page.locator("tr", has_text=jabatan).first.locator("a:has-text('Ubah')").click()
        form = page.locator("form:has(#simpan-pemegang)")
        form.locator("input[name=nama]").fill(nama)
        form.locator("input[name=mulai]").fill("2018-01-02")
        if plt:
            form.locator("input[name=plt]").check()
        form.locator("#simpan-pemegang").click()
        page.wait_for_selector("text=Pemegang jabatan disimpan.")
    page.goto(f"{base}/pohon/{ANAK}/{TAHUN}/jabatan/")
    foto(page, "02-jabatan")
    foto(page, "02-jabatan", 390)

    # The inbox: accept the offer, naming its owner.
    page.goto(f"{base}/pohon/{ANAK}/{TAHUN}/")
    simpul(page, "SK1").locator("a:has-text('Jawab usulan')").click()
    usulan = page.locator(".usulan", has_text="Meningkatnya efektivitas kerja sama").first
    usulan.locator("select[name=pemilik]").select_option(label="Kepala Biro Kerja Sama")
    usulan.locator("button[value=terima]").click()
    page.wait_for_selector("text=Usulan diterima")
    page.click("text=Kembali ke pohon kinerja")

    # Two levels below it, each with its owner.
    for induk, tingkat, kode, uraian, pemilik in (
        (
            "SK1",
            "es3",
            "SK1.1",
            "Meningkatnya kerja sama luar negeri yang ditindaklanjuti",
            "Kepala Bagian Kerja Sama Luar Negeri",
        ),
        ("SK1.1", "es4", "SK1.1.1", "Tersusunnya naskah kerja sama bilateral", "Kepala Subbagian Kerja Sama Bilateral"),
    ):
        simpul(page, induk).locator("> details > .simpul-isi a[data-aksi=anak]").click()
        page.select_option("select[name=tingkat]", tingkat)
        page.fill("input[name=kode]", kode)
        page.fill("textarea[name=uraian]", uraian)
        page.select_option("select[name=pemilik]", label=pemilik)
        page.click("button:has-text('Simpan')")
        page.wait_for_selector("text=Simpul disimpan.")

    sk = simpul(page, "SK1").inner_text()
    assert "Kepala Biro Kerja Sama: Dra. Lestari Wulan" in sk, sk
    assert "Diusulkan" not in simpul(page, "SK1").locator("> details > summary").inner_text()
    e3 = simpul(page, "SK1.1").inner_text()
    assert "Kepala Bagian Kerja Sama Luar Negeri: Plt. Bambang Sutejo" in e3, e3
    e4 = simpul(page, "SK1.1.1").inner_text()
    assert "Kepala Subbagian Kerja Sama Bilateral (kosong)" in e4, e4
    # SK1.1.1 sits inside SK1.1, which sits inside SK1 (the tree, not a list).
    assert (
        page.locator("li.simpul[data-kode='SK1'] li.simpul[data-kode='SK1.1'] li.simpul[data-kode='SK1.1.1']").count()
        == 1
    )
    foto(page, "03-pohon-anak")
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    lebar = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    foto(page, "03-pohon-anak", 390)
    page.set_viewport_size({"width": 1366, "height": 900})

    # The same indikator on SK1 and on its child SK1.1: its text is copied word for word from the parent (K5).
    nama_indikator = None
    for kode in ("SK1", "SK1.1"):
        simpul(page, kode).locator("> details > .simpul-isi a[data-aksi=indikator]").click()
        pilih = page.locator("select[name=indikator]")
        if nama_indikator is None:
            pilih.select_option(index=1)
            nama_indikator = pilih.locator("option:checked").inner_text().strip()
        else:
            pilih.select_option(label=nama_indikator)
        page.click("button.utama:has-text('Tambah')")
        page.wait_for_selector("text=Indikator ditautkan.")
        page.click("text=Kembali ke pohon")
        page.wait_for_url(lambda url: url.split("#")[0].endswith(f"/pohon/{ANAK}/{TAHUN}/"))

    # The consistency page, by clicking: K5 on SK1.1, and K4 for the bureau's budget lines no node refers to.
    page.click("#cek-konsistensi")
    page.wait_for_url(lambda url: "/konsistensi/" in url)
    k5 = page.locator("tr", has_text="Indikator disalin dari induk").filter(has_text="SK1.1").first
    assert "sama persis dengan indikator induknya" in k5.inner_text(), k5.inner_text()
    k4 = page.locator("tr", has_text="Anggaran mengacu kinerja").filter(has_text="tidak mengacu ke simpul kinerja")
    assert k4.count() >= 1, page.inner_text("main")
    foto(page, "04-konsistensi")
    foto(page, "04-konsistensi", 390)
    # A finding opens its node in the tree editor.
    k5.locator("a:has-text('Buka di editor pohon')").click()
    page.wait_for_url(lambda url: f"/pohon/{ANAK}/{TAHUN}/#simpul-" in url)
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").get_attribute("data-kode") == "SK1.1"
    page.context.close()


def test_usulan_induk_diterima_anak_dan_dua_tingkat(server, browser):
    langkah_induk(browser, server)
    langkah_anak(browser, server)
