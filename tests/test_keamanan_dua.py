"""Hardening, round two (issue 17, finding 8): passwords, sessions, private files, login lockout per client.

docs/security.md "Putaran dua: sandi, sesi, unggahan" lists each probe with its test here."""

import os
import stat

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

# --- Private files: 0700 folders, 0600 files whatever the umask -----------------------------------------------------


@pytest.fixture
def umask_longgar():
    lama = os.umask(0o022)
    yield
    os.umask(lama)


def _mode(jalur) -> int:
    return stat.S_IMODE(os.stat(jalur).st_mode)


@pytest.mark.parametrize("akar_ada", [False, True], ids=["akar-baru", "akar-lama-0755"])
def test_berkas_privat_hanya_untuk_pemilik(tmp_path, settings, umask_longgar, akar_ada):
    akar = tmp_path / "data" / "privat"
    if akar_ada:
        akar.mkdir(parents=True, mode=0o755)
        os.chmod(akar, 0o755)
    settings.SAKIP_PRIVATE_ROOT = akar
    nama = storages["privat"].save("bukti/2024/unit/berkas.pdf", ContentFile(b"%PDF-1.4 rahasia"))
    assert _mode(akar) == 0o700
    assert _mode(akar / "bukti") == 0o700 and _mode(akar / "bukti" / "2024" / "unit") == 0o700
    assert _mode(akar / nama) == 0o600
