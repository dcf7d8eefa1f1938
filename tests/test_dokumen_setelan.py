"""Every environment variable the code reads is documented: in README.md's configuration table or in
docs/deploy.md (issue 19, finding 10)."""

import re
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
# os.environ.get("X"), os.environ["X"], os.getenv("X"), _env_bool("X") in Python; any SAKIP_* in Makefile/deploy.
BACA_PY = re.compile(r"""(?:environ(?:\.get)?\s*[(\[]|getenv\(|_env_bool\()\s*["']([A-Z][A-Z0-9_]+)["']""")
NAMA_SAKIP = re.compile(r"\bSAKIP_[A-Z0-9_]+\b")


def nama_dibaca() -> dict[str, str]:
    """Name -> the first file that reads it."""
    hasil: dict[str, str] = {}
    python = [*AKAR.glob("sakip/**/*.py"), *AKAR.glob("umum/**/*.py"), AKAR / "gunicorn.conf.py"]
    lain = [AKAR / "Makefile", *(p for p in AKAR.glob("deploy/**/*") if p.is_file())]
    for berkas, pola in [*((p, BACA_PY) for p in python), *((p, NAMA_SAKIP) for p in lain)]:
        for nama in pola.findall(berkas.read_text(encoding="utf-8")):
            hasil.setdefault(nama, str(berkas.relative_to(AKAR)))
    return hasil


def test_setiap_setelan_yang_dibaca_kode_tertulis_di_dokumen():
    dibaca = nama_dibaca()
    assert {"SAKIP_SECRET_KEY", "SAKIP_EMAIL_HOST", "SAKIP_URL_DASAR", "SAKIP_BIND"} <= dibaca.keys()
    dokumen = (AKAR / "README.md").read_text(encoding="utf-8") + (AKAR / "docs" / "deploy.md").read_text(
        encoding="utf-8"
    )
    tertulis = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", dokumen)) | set(NAMA_SAKIP.findall(dokumen))
    hilang = {n: asal for n, asal in dibaca.items() if n not in tertulis}
    assert not hilang, f"tidak ada di README.md atau docs/deploy.md: {hilang}"


def test_satu_nama_backend_tugas():
    """SAKIP_TUGAS_BACKEND is the name the docs give; the old SAKIP_TASKS_BACKEND is only an alias."""
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    assert "`SAKIP_TUGAS_BACKEND`" in readme
    assert "| `SAKIP_TASKS_BACKEND`" not in readme
