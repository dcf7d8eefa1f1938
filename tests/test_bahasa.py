"""Interface language: Indonesian by default whatever the browser asks for, English once the user picks it;
the English catalogue is complete and compiled."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from indikator.enums import Peran

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _lepas(teks: str) -> str:
    """Undo the .po escapes (\\n, \\t, \\", \\\\)."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), teks)


def _entri_po() -> list[tuple[str, str, str | None]]:
    """(msgid, first msgstr, msgctxt) of every entry except the header."""
    teks = PO.read_text(encoding="utf-8")
    hasil = []
    for blok in teks.split("\n\n"):
        if "#, fuzzy" in blok and 'msgid ""\nmsgstr ""' not in blok:
            hasil.append(("<fuzzy>", "", None))
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', blok, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', blok, re.M)
        if not msgid or not msgstr:
            continue
        gabung = lambda m: _lepas("".join(re.findall(r'"(.*)"', m.group(1))))  # noqa: E731
        konteks = re.search(r'^msgctxt ((?:".*"\n?)+)', blok, re.M)
        if gabung(msgid):
            hasil.append((gabung(msgid), gabung(msgstr), gabung(konteks) if konteks else None))
    return hasil


def test_katalog_inggris_lengkap_tanpa_fuzzy():
    entri = _entri_po()
    assert len(entri) > 500
    kosong = [m for m, s, _k in entri if not s]
    assert kosong == []


def test_katalog_inggris_terkompilasi_dan_mutakhir():
    katalog = gettext.GNUTranslations(MO.open("rb"))
    assert MO.stat().st_mtime >= PO.stat().st_mtime - 1
    for msgid, msgstr, konteks in _entri_po():
        hasil = katalog.pgettext(konteks, msgid) if konteks else katalog.gettext(msgid)
        assert hasil == msgstr, msgid


@pytest.mark.django_db
def test_bawaan_bahasa_indonesia_walau_peramban_berbahasa_inggris(client):
    r = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Masuk ke SAKIP" in html and "Kata sandi" in html
    assert 'lang="id"' in html


@pytest.mark.django_db
def test_pilihan_bahasa_inggris_berlaku_dan_bisa_kembali(client):
    r = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert r.status_code == 302
    html = client.get(reverse("login")).content.decode()
    assert "Log in to SAKIP" in html and "Password" in html
    assert "Masuk ke SAKIP" not in html
    client.post(reverse("set_language"), {"language": "id", "next": reverse("login")})
    assert "Masuk ke SAKIP" in client.get(reverse("login")).content.decode()


def test_laporan_dalam_bahasa_inggris_tetap_memakai_angka_indonesia(client, unit_bks):
    from tests.pabrik import buat_pengguna

    client.force_login(buat_pengguna("perencana-en", Peran.PERENCANA, unit_bks))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("laporan:html", args=[unit_bks.slug, 2018])).content.decode()
    assert "CHAPTER III PERFORMANCE ACCOUNTABILITY" in html and "Make PDF" in html
    # The narrative is the unit's own Indonesian text, shown as written.
    assert "Kata Pengantar" in html
    assert "104,47" in html and "Rp 8.225.900.000" in html


def test_tidak_ada_teks_kita_yang_diterjemahkan_ulang_katalog_django():
    """Our source strings are Indonesian. A string that Django's own Indonesian catalogue also knows (a bare
    "No" became "Tidak" in table headers) must carry a context so it stays as written."""
    from django.utils import translation

    with translation.override("id"):
        berubah = [m for m, _s, k in _entri_po() if k is None and translation.gettext(m) != m]
    assert berubah == []
