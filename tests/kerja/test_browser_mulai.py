"""End to end in real headless Chromium, as a new office would do it, with no Django admin and no typed URL: the
administrator creates a unit, its head and its planner; the planner signs in with the temporary password, is led
from the home page to the guided start, starts a Renstra without BSC perspectives and downloads the plan workbook."""

import io

import openpyxl
import pytest

from demo.referensi import pastikan_preset
from indikator.enums import Peran
from indikator.models import Keanggotaan, KepalaUnit, Renstra, UnitKerja
from tests.pabrik import KATA_SANDI

from .test_browser import HASIL, browser  # noqa: F401 - the browser fixture


def _masuk(page, base, username, sandi):
    page.goto(f"{base}/")
    page.wait_for_url(lambda url: "/masuk/" in url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", sandi)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_membuat_unit_dan_perencana_lalu_perencana_memulai(data, live_server, browser):  # noqa: F811
    pastikan_preset()
    base = live_server.url
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    try:
        # Administrator: the menu leads to the administration pages.
        _masuk(page, base, "admin", KATA_SANDI)
        page.click("nav.menu >> text=Administrasi")
        page.click("text=Tambah unit")
        page.fill("input[name=slug]", "balai-uji")
        page.fill("input[name=nama]", "Balai Uji")
        page.select_option("select[name=induk]", label="Sekretariat Utama")
        page.click("button:has-text('Simpan')")
        page.wait_for_url(lambda url: url.endswith("/administrasi/unit/balai-uji/"))
        page.fill("input[name=kepala-nama]", "Dewi")
        page.fill("input[name=kepala-nip]", "198001012005012001")
        page.fill("input[name=kepala-jabatan]", "Kepala Balai Uji")
        page.fill("input[name=kepala-mulai]", "2025-01-01")
        page.click("button:has-text('Simpan kepala')")
        page.wait_for_selector("text=Kepala unit disimpan.")
        page.click("nav.subnav >> text=Pengguna")
        page.click("#tambah-pengguna")
        page.fill("input[name=username]", "rina")
        page.fill("input[name=nama_depan]", "Rina")
        page.select_option("select[name=unit]", label="Balai Uji")
        page.select_option("select[name=peran]", value=Peran.PERENCANA)
        page.click("button:has-text('Simpan')")
        sandi = page.locator("#sandi-sementara").inner_text().strip()
        assert len(sandi) == 14
        page.click("header form button.tautan")

        unit = UnitKerja.objects.get(slug="balai-uji")
        assert unit.induk == data.induk
        assert KepalaUnit.objects.get(unit=unit).nip == "198001012005012001"
        assert Keanggotaan.objects.filter(pengguna__username="rina", unit=unit, peran=Peran.PERENCANA).exists()

        # Planner: the home page says what to do first; the guided start creates the scheme and the Renstra.
        _masuk(page, base, "rina", sandi)
        page.click("text=Mulai di sini")
        page.check("input[name=pilihan][value=tanpa_perspektif]")
        page.fill("input[name=nama]", "Renstra Balai Uji 2025-2029")
        page.fill("input[name=tahun_mulai]", "2025")
        page.fill("input[name=tahun_selesai]", "2029")
        page.fill("textarea[name=visi]", "Balai pengujian yang andal")
        page.click("#form-mulai button[type=submit]")
        page.wait_for_selector("#langkah-2")
        renstra = Renstra.objects.get(unit=unit)
        assert (renstra.tahun_mulai, renstra.tahun_selesai, renstra.skema.pakai_perspektif) == (2025, 2029, False)

        with page.expect_download() as unduhan:
            page.click("#unduh-buku-kerja")
        berkas = unduhan.value.path()
        buku = openpyxl.load_workbook(io.BytesIO(open(berkas, "rb").read()))
        assert buku.sheetnames
    except Exception:
        page.screenshot(path=str(HASIL / "browser-mulai.png"), full_page=True)
        raise
    finally:
        page.close()
