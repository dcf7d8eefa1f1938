"""End to end in real headless Chromium: a planner enters a quarterly realisasi and sees capaian, kriteria and NKO
update (htmx), submits through the summary; the head returns it with a comment; the planner fixes and resubmits;
the head approves; the year is then locked and an edit is refused."""

import os
from decimal import Decimal as D
from pathlib import Path

import pytest

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi
from tests.pabrik import KATA_SANDI
from tests.peramban import tunggu_js

from .conftest import TAHUN, isi_narasi_wajib

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HASIL = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("SAKIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} tidak ada, padahal SAKIP_REQUIRE_BROWSER=1 (pasang: apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} tidak ada; pasang dengan `apt-get install chromium` untuk uji peramban")
    from playwright.sync_api import sync_playwright

    HASIL.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _masuk(page, base, username):
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", KATA_SANDI)
    page.click("button[type=submit]")
    # Planners land on the home page, heads on their dashboard.
    page.wait_for_url(lambda url: "/masuk/" not in url)


def _keluar(page):
    page.click("header form button.tautan")


def _simpan_baris(page, ind_pk):
    """Click the row's one save button; answer "Ya, simpan" when the row asks about an implausible value."""
    baris = f"#baris-{ind_pk}"

    def klik_dan_tunggu(tombol):
        # Mark the row, click, and wait for htmx to swap in the server's new row.
        page.evaluate(f"document.querySelector('{baris}').dataset.lama = '1'")
        page.click(f"{baris} button[data-aksi={tombol}]")
        tunggu_js(page, f"!document.querySelector('{baris}[data-lama]')", timeout=10000)

    klik_dan_tunggu("simpan-baris")
    if page.locator(f"{baris} .konfirmasi").count():
        klik_dan_tunggu("konfirmasi")
        assert page.locator(f"{baris} .status-simpan").count() == 1


def _ajukan_lewat_ringkasan(page, catatan):
    page.click(".konteks-tautan a:has-text('Ruang kerja')")
    page.click("a[data-aksi=ajukan]")
    page.wait_for_selector("#ringkasan-pengukuran")
    assert "NKO" in page.locator("#ringkasan-nko").inner_text()
    page.fill("textarea[name=catatan]", catatan)
    if page.locator("input[name=akui_peringatan]").count():
        page.check("input[name=akui_peringatan]")
    page.check("input[name=konfirmasi]")
    page.click("#form-ajukan button[data-aksi=ajukan]")
    page.wait_for_selector("#status-periode:has-text('Diajukan')")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_perencana_mengisi_mengajukan_pimpinan_mengembalikan_lalu_mengesahkan(data, live_server, browser):
    """Clicking only, on a machine whose clock is years after the data: the planner finds 2018 from home, enters
    a quarter (capaian and NKO follow), submits through the summary; the head finds the submission on the
    dashboard, reads the summary and returns it with a comment; the planner sees the comment on home, fixes and
    resubmits; the head sees what changed and approves; the planner's edits are then refused."""
    isi_narasi_wajib(data)  # submit and approve need every mandatory narrative section
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    ind = data.ind1

    # Planner: home → the 2018 row → workspace → realisasi.
    _masuk(page, base, "perencana")
    page.click(f"section[data-unit=biro-ks] tr[data-tahun='{TAHUN}'] td a")
    page.wait_for_selector("#status-periode")
    page.click(f"a[href$='/kerja/biro-ks/{TAHUN}/realisasi/']")
    baris = page.locator(f"#baris-{ind.pk}")
    assert baris.locator("td.capaian").inner_text().strip() == "20,59 %"
    assert baris.locator("td.kriteria").inner_text().strip() == "Kurang"
    nko_awal = page.locator("#nko .nilai-nko").inner_text().strip()
    page.evaluate("window.__tanpaMuatUlang = true")
    baris.locator("td[data-tw='2'] input[name=tw2-nilai]").fill("27")
    _simpan_baris(page, ind.pk)  # 34 against a TW2 Rencana Aksi of 14: the row asks first
    tunggu_js(
        page, f"document.querySelector('#baris-{ind.pk} td.capaian').innerText.trim() === '100,00 %'", timeout=10000
    )
    assert baris.locator("td.kriteria").inner_text().strip() == "Baik"
    tunggu_js(page, f"document.querySelector('#nko .nilai-nko').innerText.trim() !== '{nko_awal}'", timeout=10000)
    assert page.evaluate("window.__tanpaMuatUlang") is True  # swapped in place by htmx
    page.screenshot(path=str(HASIL / "kerja-1-realisasi.png"), full_page=True)
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).nilai == D("27")

    # Invalid input: the message shows how to write a number; nothing saved.
    baris.locator("td[data-tw='3'] input[name=tw3-nilai]").fill("1.23.4")
    _simpan_baris(page, ind.pk)
    assert "bukan angka yang sah" in page.locator(f"#baris-{ind.pk} td[data-tw='3'] .galat").inner_text()
    assert not Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=3).exists()
    page.screenshot(path=str(HASIL / "kerja-2-galat.png"), full_page=True)

    # Submit through the summary.
    _ajukan_lewat_ringkasan(page, "Mohon diperiksa")
    page.screenshot(path=str(HASIL / "kerja-3-diajukan.png"), full_page=True)
    _keluar(page)

    # Head: the dashboard lists the submission; its page shows the summary; return with a comment.
    _masuk(page, base, "pimpinan")
    page.click(f"#peringatan a[href$='/kerja/biro-ks/{TAHUN}/pengesahan/']")
    page.wait_for_selector("#ringkasan-pengukuran")
    assert "Mohon diperiksa" in page.locator("#catatan-pengajuan").inner_text()
    # Never approved: the head sees everything entered for the year (the comparison is with the last approval).
    assert "Tahun ini belum pernah disahkan" in page.locator("#perubahan").inner_text()
    page.fill("#form-kembalikan textarea[name=komentar]", "Lengkapi realisasi TW3")
    page.click("#form-kembalikan button[data-aksi=kembalikan]")
    page.wait_for_selector("#status-periode:has-text('Dikembalikan')")
    _keluar(page)

    # Planner: the comment is on home; fix and resubmit.
    _masuk(page, base, "perencana")
    assert "Dikembalikan: Lengkapi realisasi TW3" in page.locator("#kabar-persetujuan").inner_text()
    page.click("#kabar-persetujuan h3 a")
    page.click(f"a[href$='/kerja/biro-ks/{TAHUN}/realisasi/']")
    page.locator(f"#baris-{ind.pk} td[data-tw='3'] input[name=tw3-nilai]").fill("1.500")
    _simpan_baris(page, ind.pk)  # "1.500" is one thousand five hundred: implausible, confirmed
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=3).nilai == D("1500")
    page.locator(f"#baris-{ind.pk} td[data-tw='3'] input[name=tw3-nilai]").fill("12")
    _simpan_baris(page, ind.pk)
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=3).nilai == D("12")
    _ajukan_lewat_ringkasan(page, "TW3 sudah diisi")
    _keluar(page)

    # Head: the changes (still against the never-approved year: everything entered, now with TW3), then approve.
    _masuk(page, base, "pimpinan")
    page.click(f"#peringatan a[href$='/kerja/biro-ks/{TAHUN}/pengesahan/']")
    perubahan = page.locator("#perubahan").inner_text()
    assert "Tahun ini belum pernah disahkan" in perubahan and "TW3" in perubahan
    page.screenshot(path=str(HASIL / "kerja-4-pengesahan.png"), full_page=True)
    page.click("#form-sahkan button[data-aksi=sahkan]")
    page.wait_for_selector("#status-periode:has-text('Disahkan')")
    assert PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN).status == StatusPeriode.DISAHKAN
    _keluar(page)

    # Planner: the outcome is on home; the year is locked, no inputs, a direct edit is refused.
    _masuk(page, base, "perencana")
    assert "Disahkan oleh pimpinan pada" in page.locator("#kabar-persetujuan").inner_text()
    page.click("#kabar-persetujuan h3 a")
    page.click(f"a[href$='/kerja/biro-ks/{TAHUN}/realisasi/']")
    assert "semua perubahan ditolak" in page.locator(".peringatan-kunci").inner_text()
    assert page.locator(f"#baris-{ind.pk} input[name^=tw]").count() == 0
    page.screenshot(path=str(HASIL / "kerja-5-terkunci.png"), full_page=True)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    r = page.request.post(
        f"{base}/kerja/biro-ks/{TAHUN}/realisasi/{ind.pk}/baris/",
        form={"tw2-nilai": "1", "konfirmasi": "1"},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert r.status == 200
    assert "sudah disahkan dan tidak dapat diubah" in r.text()
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).nilai == D("27")

    # The other pages render for the planner (screenshots to check the layout).
    page.goto(f"{base}/kerja/biro-ks/renstra/{data.renstra.pk}/")
    assert page.locator("table.struktur").count() == 1
    page.screenshot(path=str(HASIL / "kerja-6-renstra.png"), full_page=True)
    page.goto(f"{base}/kerja/biro-ks/anggaran/{data.mata.pk}/")
    page.screenshot(path=str(HASIL / "kerja-7-anggaran.png"), full_page=True)
    page.close()
