"""Peak memory of processing one uploaded image (report figure path: Django's ImageField check, then
`kerja.forms.kinerja.kecilkan_gambar` with the figure's 1600-pixel side).

Standalone: `python bench/gambar_memori.py [--sisi 5000] [--mode RGBA] [--format PNG]`. The picture is made in this
process and written to a temporary file; each measurement runs in a fresh child process, which reads the file and
reports the growth of its peak resident size over its resident size before the processing (Linux: the peak VmHWM is
reset through /proc/self/clear_refs), so the numbers are the processing alone (Pillow's pixel buffers live outside
Python's allocator: tracemalloc does not see them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ANAK = r"""
import json, os, sys
sys.path.insert(0, sys.argv[3])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
os.environ.setdefault("SAKIP_TESTING", "1")
import django
django.setup()
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from kerja.forms.gambar import GAMBAR_SISI_SIMPAN
from kerja.forms.kinerja import kecilkan_gambar
isi = open(sys.argv[1], "rb").read()
berkas = SimpleUploadedFile(sys.argv[2], isi)
def status(kunci):
    for baris in open("/proc/self/status"):
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1])
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak (VmHWM) starts again from the current resident size
awal = status("VmRSS")
hasil = {"ditolak": None}
try:
    berkas = forms.ImageField().clean(berkas)
    keluar = kecilkan_gambar(berkas, sisi_simpan=GAMBAR_SISI_SIMPAN)
    hasil["byte_keluar"] = len(keluar.read())
except forms.ValidationError as e:
    hasil["ditolak"] = " ".join(e.messages)
puncak = status("VmHWM")
hasil["naik_mb"] = round((puncak - awal) / 1024, 1)
print(json.dumps(hasil))
"""


def buat_gambar(sisi: int, mode: str, format_: str, tujuan: Path) -> None:
    from PIL import Image, ImageDraw

    # A gradient with shapes: compresses well (under the 5 MB upload limit) like a real chart or screenshot.
    gambar = Image.linear_gradient("L").resize((sisi, sisi)).convert("RGBA" if mode == "RGBA" else "RGB")
    gores = ImageDraw.Draw(gambar)
    for i in range(0, sisi, max(1, sisi // 40)):
        gores.ellipse((i, i, i + sisi // 10, i + sisi // 10), outline="red", width=5)
    if mode == "P":
        gambar = gambar.convert("P", palette=Image.Palette.ADAPTIVE)
    elif mode != gambar.mode:
        gambar = gambar.convert(mode)
    gambar.save(tujuan, format=format_)


def ukur(berkas: Path) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", ANAK, str(berkas), berkas.name, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SAKIP_TESTING": "1"},
    )
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sisi", type=int, default=5000)
    p.add_argument("--mode", default="RGBA")
    p.add_argument("--format", default="PNG")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        berkas = Path(tmp) / f"gambar.{'jpg' if a.format == 'JPEG' else a.format.lower()}"
        buat_gambar(a.sisi, a.mode, a.format, berkas)
        hasil = ukur(berkas)
        print(
            f"{a.sisi}×{a.sisi} {a.mode} {a.format}, {berkas.stat().st_size / 1e6:.1f} MB: "
            f"puncak RSS naik {hasil['naik_mb']} MB"
            + (f", ditolak: {hasil['ditolak']}" if hasil["ditolak"] else f", disimpan {hasil['byte_keluar']} byte")
        )


if __name__ == "__main__":
    main()
