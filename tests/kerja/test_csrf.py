"""CSRF (round-one probe): a signed-in user's POST without the form's token is refused and writes nothing, on a
plain form, on an htmx request and on the login form. Views are never exempted (tests/test_statis.py keeps
templates without inline script; htmx sends the token through `hx-headers` in base.html)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from .conftest import TAHUN, potret


@pytest.mark.parametrize("htmx", [False, True], ids=["biasa", "htmx"])
def test_post_tanpa_token_csrf_ditolak_tanpa_tulis(data, htmx):
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(data.pengguna["perencana"])
    sebelum = potret()
    url = reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 2])
    r = klien.post(url, {"nilai": "9"}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    assert r.status_code == 403
    assert potret() == sebelum


def test_masuk_tanpa_token_csrf_ditolak(data):
    r = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x", "password": "y"})
    assert r.status_code == 403


def test_tanpa_pengecualian_csrf_di_kode():
    from pathlib import Path

    akar = Path(__file__).resolve().parents[2]
    berkas = [p for p in akar.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts]
    assert [str(p) for p in berkas if "csrf_exempt" in p.read_text(encoding="utf-8")] == []
