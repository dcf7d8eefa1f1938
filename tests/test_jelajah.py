"""Every in-app link the app renders answers (no 404, no 500): a crawl from home as each demo role on the
reference data, by GET only, following redirects; downloads must answer 200 too (not parsed; the PDF, ~5 s to
render, at most once). The year each page opens on is the unit's current year, also with a clock in a later year."""

from __future__ import annotations

import datetime
import re
from collections import Counter, deque
from html.parser import HTMLParser
from unittest import mock
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from indikator.models import UnitKerja
from indikator.tahun import tahun_berjalan, tahun_unit

PERAN = ("admin", "perencana", "kepala", "auditor")
# Per url name and set of query keys: how many distinct urls are visited (the same page for other ids/filters
# adds nothing but time).
MAKS_PER_POLA = 3
LEWATI = ("/admin/", "/static/", "/media/", "/i18n/")


class _Tautan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.href: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.href.append(href)


def _tautan(asal: str, html: str) -> list[str]:
    p = _Tautan()
    p.feed(html)
    hasil = []
    for href in p.href:
        url, _frag = urldefrag(urljoin(asal, href))
        bagian = urlsplit(url)
        if bagian.scheme not in ("", "http") or bagian.netloc not in ("", "testserver") or not bagian.path:
            continue
        hasil.append(bagian.path + (f"?{bagian.query}" if bagian.query else ""))
    return hasil


def _pola(url: str) -> tuple:
    bagian = urlsplit(url)
    try:
        nama = resolve(bagian.path).view_name
    except Resolver404:
        nama = bagian.path
    return (nama, tuple(sorted({k for k, _v in parse_qsl(bagian.query)})))


# A year printed with a thousands separator ("2.018", "1.998"), not part of a larger number.
TAHUN_BERTITIK = re.compile(r"(?<![\d.,])(?:2\.0|1\.9)\d\d(?![\d.,])")


def jelajahi(client) -> tuple[dict[str, int], dict[str, list[str]]]:
    """(url -> status of every page reachable from home, url -> years printed with a separator)."""
    antre, dilihat, per_pola, hasil, bertitik = deque(["/"]), {"/"}, Counter(), {}, {}
    pdf = 0
    while antre:
        url = antre.popleft()
        if "/pdf/" in url:
            if pdf:
                continue
            pdf += 1
        r = client.get(url)
        hasil[url] = r.status_code
        if r.status_code in (301, 302):
            berikut = [r["Location"]]
        elif r.status_code == 200 and r.get("Content-Type", "").startswith("text/html"):
            html = r.content.decode()
            if temuan := TAHUN_BERTITIK.findall(html):
                bertitik[url] = temuan
            berikut = _tautan(url, html)
        else:
            continue
        for b in berikut:
            b = urljoin(url, b)
            bagian = urlsplit(b)
            b = bagian.path + (f"?{bagian.query}" if bagian.query else "")
            if b in dilihat or b.startswith(LEWATI) or "/keluar/" in b:
                continue
            pola = _pola(b)
            if per_pola[pola] >= MAKS_PER_POLA:
                continue
            per_pola[pola] += 1
            dilihat.add(b)
            antre.append(b)
    return hasil, bertitik


@pytest.fixture
def akun_demo(referensi):
    call_command("buat_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return referensi


@pytest.mark.parametrize("peran", PERAN)
def test_setiap_tautan_dari_beranda_terjawab_dan_tahun_tanpa_titik(client, akun_demo, peran):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=peran))
    hasil, bertitik = jelajahi(client)
    rusak = {u: s for u, s in hasil.items() if s not in (200, 301, 302)}
    assert not rusak, rusak
    assert not bertitik, bertitik  # years never with a thousands separator
    assert len(hasil) > 20  # the crawl really walked the app
    # From home the unit's current year (2018, the reference data) is reachable in the workspace and the report.
    assert any("tahun=2018" in u or "/2018/" in u for u in hasil)


class _HariLain(datetime.date):
    @classmethod
    def today(cls):
        return cls(2031, 6, 1)


def test_tahun_berjalan_unit_bukan_tahun_kalender(referensi):
    with mock.patch("datetime.date", _HariLain), mock.patch("indikator.tahun.date", _HariLain):
        assert tahun_berjalan(referensi) == 2018  # the latest year with realisasi
        tahun = tahun_unit(referensi)
    assert tahun.daftar == (2015, 2016, 2017, 2018, 2019, 2020)  # Renstra 2015–2019 plus the next one
    induk = UnitKerja.objects.get(slug="sekretariat-utama")  # a parent reads its sub-units' years
    assert tahun_berjalan(induk) == 2018


@pytest.mark.parametrize("url", ["/kerja/?unit=biro-kerja-sama", "/dasbor/?unit=biro-kerja-sama", "/"])
def test_halaman_dibuka_pada_tahun_berjalan_walau_jam_di_tahun_lain(client, akun_demo, url):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="perencana"))
    with mock.patch("indikator.tahun.date", _HariLain), mock.patch("dasbor.data.date", _HariLain):
        html = client.get(url).content.decode()
    assert "2031" not in html
    assert re.search(r'data-tahun="?2018', html) or 'value="2018" selected' in html
    # The workspace's year picker lists the Renstra years plus the next one, not the calendar's.
    if url.startswith("/kerja/"):
        assert re.findall(r'<option value="(\d{4})"', html) == ["2015", "2016", "2017", "2018", "2019", "2020"]


def test_tahun_unit_dari_cache_dan_baru_setelah_versi_data_naik(referensi, django_assert_num_queries):
    """The year picker and current year are cached per unit under its scope's data version: a second read is one
    query, and a write that raises the version (every write service does, through the period lock) is seen."""
    from decimal import Decimal

    from indikator.models import Indikator, Realisasi
    from indikator.versi_data import naikkan_versi

    induk = UnitKerja.objects.get(slug="sekretariat-utama")  # the parent's scope covers the child's writes
    assert tahun_berjalan(referensi) == tahun_berjalan(induk) == 2018
    with django_assert_num_queries(1):
        assert tahun_unit(referensi).berjalan == 2018
    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit=referensi).order_by("pk").first()
    Realisasi.objects.create(indikator=ind, tahun=2019, triwulan=None, nilai=Decimal("1"))
    naikkan_versi(referensi.pk, [2019])
    assert tahun_berjalan(referensi) == tahun_berjalan(induk) == 2019
