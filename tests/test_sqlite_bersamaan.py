"""SQLite as the zero-setup default: the web process and the task worker of `make run` share one file. A
transaction that reads, hashes a password and then writes (creating a user) must not meet "database is locked"
while the worker polls its queue (it takes an exclusive lock every interval)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

BUAT = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, os.getcwd())
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from indikator.administrasi import buat_pengguna

    print("mode", connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
    admin = get_user_model().objects.create_superuser("adm", password=None)
    gagal = 0
    for i in range(int(sys.argv[1])):
        try:
            buat_pengguna(username=f"pengguna{i}", nama_depan="Uji", oleh=admin)
        except Exception as e:  # counted: the test asserts there is none
            gagal += 1
            print("GAGAL", type(e).__name__, e)
    print("gagal", gagal)
    """
)


def test_buat_pengguna_selagi_pekerja_memeriksa_antrean(tmp_path):
    if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql")):
        pytest.skip("SQLite only")
    env = {
        k: v for k, v in os.environ.items() if k not in {"SAKIP_TESTING", "PYTEST_CURRENT_TEST", "SAKIP_TUGAS_BACKEND"}
    }
    # The real settings of `make run`: DEBUG demo, the real password hasher, the database queue.
    env.update(
        SAKIP_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DJANGO_SETTINGS_MODULE="sakip.settings"
    )
    jalankan = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "timeout": 240}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **jalankan)
    (tmp_path / "buat.py").write_text(BUAT)
    pekerja = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(2)  # the worker is polling
        assert pekerja.poll() is None, "db_worker did not start"
        hasil = subprocess.run([sys.executable, str(tmp_path / "buat.py"), "4"], **jalankan)
    finally:
        pekerja.terminate()
        pekerja.wait(timeout=30)
    assert hasil.returncode == 0, hasil.stderr
    assert "mode wal" in hasil.stdout
    assert "gagal 0" in hasil.stdout, hasil.stdout
