"""Load benchmark: gunicorn (gunicorn.conf.py) and one task worker against a throw-away database, driven by a
bounded closed loop on 127.0.0.1 only.

    python bench/load.py [--workers 2] [--detik 15] [--konkurensi 1,4,16] [--unit 60]

The database is PostgreSQL when DATABASE_URL points at one (a database `sakip_load_<pid>` is created on that
server and dropped afterwards), else a temporary SQLite file. Data: the reference unit (Biro Kerja Sama) and
`--unit` synthetic sub-units (demo/skala.py). Clients log in as a head (dashboard, roll-up) and a planner (report
HTML, realisasi page) and request pages back to back for `--detik` seconds per concurrency level. At concurrency 4
the run is done twice: without and with 3 report PDFs asked for at its start (rendered by the task worker; the
web workers only queue them). Prints throughput, p50/p95/p99 and errors per page, the dashboard's p95 inside the
render window against the run without renders, and how long the PDF requests and the renders took.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

AKAR = Path(__file__).resolve().parents[1]
PY = sys.executable
SANDI = "beban-" + secrets.token_hex(6)


def _basis_data(tmp: str):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp}/load.sqlite3", "SQLite (sementara)", lambda: None
    import psycopg

    nama = f"sakip_load_{os.getpid()}"
    u = urlparse(url)
    admin = urlunparse(u._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        c.execute(f'CREATE DATABASE "{nama}"')

    def hapus():
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')

    return urlunparse(u._replace(path="/" + nama)), f"PostgreSQL ({u.hostname}:{u.port or 5432}/{nama})", hapus


SIAPKAN = """
from django.contrib.auth import get_user_model
from demo.referensi import muat_referensi
from demo.skala import buat_data_skala
from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja
import sys
muat_referensi()
h = buat_data_skala(unit=int(sys.argv[1]), tahun=1, indikator=15, baris_anggaran=600, awalan="beban")
ref = UnitKerja.objects.get(slug="biro-kerja-sama")
U = get_user_model()
kepala = U.objects.create_user("kepala-beban", password=sys.argv[2])
Keanggotaan.objects.create(pengguna=kepala, unit=h.induk, peran=Peran.PIMPINAN)
perencana = U.objects.create_user("perencana-beban", password=sys.argv[2])
Keanggotaan.objects.create(pengguna=perencana, unit=ref, peran=Peran.PERENCANA)
print(h.induk.slug, h.units[len(h.units) // 2].slug, h.tahun[-1])
"""


class Klien:
    def __init__(self, dasar: str):
        self.dasar = dasar
        self.cj = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cj))

    def _buka(self, req):
        try:
            with self.op.open(req, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except OSError:
            return 0, b""

    def get(self, jalur: str, **header):
        return self._buka(urllib.request.Request(self.dasar + jalur, headers=header))

    def post(self, jalur: str, data: dict, **header):
        csrf = next((c.value for c in self.cj if c.name == "csrftoken"), "")
        header = {"X-CSRFToken": csrf, "Referer": self.dasar + "/", **header}
        isi = urllib.parse.urlencode(data).encode()
        return self._buka(urllib.request.Request(self.dasar + jalur, data=isi, headers=header))

    def masuk(self, nama: str):
        _s, html = self.get("/masuk/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
        self.post("/masuk/", {"csrfmiddlewaretoken": token, "username": nama, "password": SANDI})
        assert any(c.name == "sessionid" for c in self.cj), f"login {nama} gagal"


def _persen(urut: list[float], p: float) -> float:
    return urut[min(len(urut) - 1, max(0, int(round(p / 100 * len(urut))) - 1))]


def _jalankan(dasar, halaman, konkurensi, detik, pdf=None):
    """Closed loop: `konkurensi` clients, each alternating head and planner pages, for `detik` seconds (with
    `pdf`: until the PDFs are rendered too, at most 300 s). Returns samples (page, start, duration_ms, ok), the
    duration and the PDF report."""
    sampel, kunci = [], threading.Lock()
    klien = []
    for i in range(konkurensi):
        kepala, perencana = Klien(dasar), Klien(dasar)
        kepala.masuk("kepala-beban")
        perencana.masuk("perencana-beban")
        klien.append((i, kepala, perencana))
    hasil_pdf, pdf_selesai = {}, threading.Event()
    mulai = time.perf_counter()
    akhir = mulai + detik

    def berjalan() -> bool:
        kini = time.perf_counter()
        if pdf is None:
            return kini < akhir
        return (kini < akhir or not pdf_selesai.is_set()) and kini < mulai + 300

    def putar(i, kepala, perencana):
        n = i
        while berjalan():
            nama, jalur, peran = halaman[n % len(halaman)]
            n += 1
            k = kepala if peran == "kepala" else perencana
            t0 = time.perf_counter()
            status, _isi = k.get(jalur)
            with kunci:
                sampel.append((nama, t0, (time.perf_counter() - t0) * 1000, status == 200))

    def minta():
        try:
            hasil_pdf.update(pdf(dasar))
        finally:
            pdf_selesai.set()

    benang = [threading.Thread(target=putar, args=a) for a in klien]
    if pdf:
        benang.append(threading.Thread(target=minta))
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    return sampel, time.perf_counter() - mulai, hasil_pdf


def _minta_pdf(dasar: str, tahun_pdf=(2018, 2017, 2016)):
    """Asks for 3 PDFs (3 years of the reference unit) and waits until the worker has rendered them."""
    k = Klien(dasar)
    k.masuk("perencana-beban")
    t0 = time.perf_counter()
    berkas, waktu_minta = [], []
    for t in tahun_pdf:
        s0 = time.perf_counter()
        status, isi = k.post(f"/laporan/biro-kerja-sama/{t}/pdf/", {}, **{"HX-Request": "true"})
        waktu_minta.append((time.perf_counter() - s0) * 1000)
        assert status == 200, status
        berkas.append(re.search(rb"/laporan/berkas/(\d+)/", isi).group(1).decode())
    selesai = {}
    while len(selesai) < len(berkas) and time.perf_counter() - t0 < 300:
        for pk in berkas:
            if pk not in selesai:
                _s, isi = k.get(f"/laporan/berkas/{pk}/", **{"HX-Request": "true"})
                if b"hx-get" not in isi:
                    selesai[pk] = (time.perf_counter() - t0, b"/unduh/" in isi)
        time.sleep(0.5)
    t1 = time.perf_counter()
    unduh = []
    for pk in berkas:
        s0 = time.perf_counter()
        status, isi = k.get(f"/laporan/berkas/{pk}/unduh/")
        unduh.append(((time.perf_counter() - s0) * 1000, status == 200 and isi[:4] == b"%PDF"))
    return {"mulai": t0, "akhir": t1, "minta_ms": waktu_minta, "selesai": selesai, "unduh": unduh}


def _cetak(judul, sampel, durasi):
    print(f"\n{judul}: {len(sampel)} permintaan dalam {durasi:.1f} dtk = {len(sampel) / durasi:.1f} per dtk")
    print(f"  {'halaman':<16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'galat':>6}")
    for nama in dict.fromkeys(s[0] for s in sampel):
        w = sorted(s[2] for s in sampel if s[0] == nama)
        galat = sum(1 for s in sampel if s[0] == nama and not s[3])
        print(
            f"  {nama:<16} {len(w):>5} {_persen(w, 50):>8.0f} {_persen(w, 95):>8.0f} {_persen(w, 99):>8.0f} {galat:>6}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--detik", type=float, default=15)
    ap.add_argument("--konkurensi", default="1,4,16")
    ap.add_argument("--unit", type=int, default=60)
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="sakip-load-")
    url_db, keterangan, hapus_db = _basis_data(tmp)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("SAKIP_TESTING", "SAKIP_DEBUG")},
        "DATABASE_URL": url_db,
        "SAKIP_SECRET_KEY": secrets.token_urlsafe(50),
        "SAKIP_HTTPS": "0",
        "SAKIP_ALLOWED_HOSTS": "127.0.0.1",
        "SAKIP_AXES": "0",
        "SAKIP_PRIVATE_ROOT": f"{tmp}/privat",
        "SAKIP_MEDIA_ROOT": f"{tmp}/media",
        "SAKIP_STATIC_ROOT": f"{tmp}/static",
        "SAKIP_LOG_LEVEL": "ERROR",
        "SAKIP_ACCESS_LOG": "",
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
    }
    proses = []
    try:
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=AKAR, env=env, check=True)
        keluar = subprocess.run(
            [PY, "-c", "import django; django.setup()\n" + SIAPKAN, str(a.unit), SANDI],
            cwd=AKAR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        induk, anak, tahun = keluar[-3:]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        dasar = f"http://127.0.0.1:{port}"
        web_env = {**env, "SAKIP_BIND": f"127.0.0.1:{port}", "SAKIP_WEB_WORKERS": str(a.workers)}
        proses.append(
            subprocess.Popen(
                [str(Path(PY).parent / "gunicorn"), "-c", "gunicorn.conf.py", "sakip.wsgi"],
                cwd=AKAR,
                env=web_env,
                stdout=subprocess.DEVNULL,
                stderr=open(f"{tmp}/gunicorn.log", "w"),  # noqa: SIM115
            )
        )
        proses.append(
            subprocess.Popen(
                [PY, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
                cwd=AKAR,
                env=env,
                preexec_fn=lambda: os.nice(5),  # as the systemd unit (docs/deploy.md): pages first
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        for _ in range(120):
            if Klien(dasar).get("/sehat/")[0] == 200:
                break
            time.sleep(0.5)
        else:
            sys.exit("gunicorn tidak siap:\n" + Path(f"{tmp}/gunicorn.log").read_text()[-3000:])
        status, isi = Klien(dasar).get("/masuk/")
        if status != 200:
            sys.exit(f"/masuk/ -> {status}\n" + isi.decode()[:500] + Path(f"{tmp}/gunicorn.log").read_text()[-3000:])
        halaman = [
            ("dasbor", f"/dasbor/?unit={anak}&tahun={tahun}", "kepala"),
            ("laporan HTML", "/laporan/biro-kerja-sama/2018/", "perencana"),
            (f"roll-up {a.unit}", f"/dasbor/unit-bawahan/?unit={induk}&tahun={tahun}", "kepala"),
            ("realisasi", "/kerja/biro-kerja-sama/2018/realisasi/", "perencana"),
        ]
        print(
            f"Basis data: {keterangan}; gunicorn {a.workers} worker sync + 1 pekerja tugas (nice 5); 127.0.0.1:{port}"
        )
        print(f"Data: unit acuan + {a.unit} unit skala; {a.detik:.0f} dtk per tingkat konkurensi (closed loop)")
        for k in (int(x) for x in a.konkurensi.split(",")):
            sampel, durasi, _j = _jalankan(dasar, halaman, k, a.detik)
            _cetak(f"Konkurensi {k}", sampel, durasi)
            if k == 4:
                dasar4 = sorted(s[2] for s in sampel if s[0] == "dasbor")
                sampel, durasi, j = _jalankan(dasar, halaman, 4, a.detik, pdf=_minta_pdf)
                _cetak("Konkurensi 4 dengan 3 PDF diminta di awal", sampel, durasi)
                di_jendela = sorted(s[2] for s in sampel if s[0] == "dasbor" and s[1] <= j["akhir"])
                print(f"  permintaan PDF (mengantrekan): {', '.join(f'{m:.0f}' for m in j['minta_ms'])} ms")
                render = ", ".join(f"{t:.1f} dtk{'' if ok else ' GAGAL'}" for t, ok in j["selesai"].values())
                print(f"  PDF selesai dirender pekerja setelah: {render}")
                unduh = ", ".join(f"{m:.0f} ms{'' if ok else ' GAGAL'}" for m, ok in j["unduh"])
                print(f"  unduhan berkas tersimpan: {unduh}")
                if dasar4 and di_jendela:
                    p_tanpa, p_dengan = _persen(dasar4, 95), _persen(di_jendela, 95)
                    print(
                        f"  dasbor p95 tanpa PDF {p_tanpa:.0f} ms, selama render {p_dengan:.0f} ms "
                        f"({p_dengan / p_tanpa:.2f}×; sasaran ≤ 1,5×)"
                    )
    finally:
        for p in proses:
            p.send_signal(signal.SIGTERM)
        for p in proses:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        hapus_db()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
