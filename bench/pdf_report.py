"""Benchmark: render the 2018 Laporan Kinerja PDF of the reference data N times.

Standalone: sets up Django on a temporary SQLite database, migrates, loads the reference data, then renders.
Prints the median wall and CPU time per uncached render (data + HTML + WeasyPrint), the peak memory of one render
(tracemalloc, Python allocations) and of the process (ru_maxrss), and the page count; then the WeasyPrint part
alone, single render against the parts side by side (`laporan.pdf_paralel`, with the page map of the previous
render and without the parts' cache), median of N each, taken in turn, with the bytes and embedded font programs of
both files.

    python bench/pdf_report.py [N]          # everything
    python bench/pdf_report.py N tunggal    # only N single renders of the print HTML (for timing whole processes)
    python bench/pdf_report.py N paralel    # only N renders in parts
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from io import BytesIO
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))


def _program_font(pdf: bytes) -> int:
    """Embedded font programs (FontFile streams) of a PDF."""
    from pypdf import PdfReader

    r = PdfReader(BytesIO(pdf))
    program = set()
    for hal in r.pages:
        for font in (hal["/Resources"].get("/Font") or {}).values():
            for cid in font.get_object().get("/DescendantFonts", []):
                d = cid.get_object()["/FontDescriptor"].get_object()
                program.update(d.raw_get(k).idnum for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in d)
    return len(program)


def _pdf_saja(unit, n: int, mode: str) -> None:
    """N renders of the print HTML only, single or in parts (the page map from one earlier single render)."""
    from django.test import override_settings

    from laporan import pdf_paralel
    from laporan.pdf import render_html_cetak
    from laporan.susun import susun_laporan

    html = render_html_cetak(susun_laporan(unit, 2018))
    _, peta = pdf_paralel.render(html, None)
    waktu: dict[str, list[float]] = {"tunggal": [], "paralel": []}
    berkas: dict[str, bytes] = {}
    with override_settings(SAKIP_PDF_CACHE_BAGIAN_DETIK=0):
        for _ in range(n):
            for m in ("tunggal", "paralel"):
                if mode not in (m, "semua"):
                    continue
                t0 = time.perf_counter()
                berkas[m] = pdf_paralel.render(html, peta if m == "paralel" else None)[0]
                waktu[m].append(time.perf_counter() - t0)
    pdf_paralel.tutup_kolam()
    print(f"  WeasyPrint saja ({pdf_paralel.jumlah_proses()} proses untuk paralel), median dari {n}:")
    for m, w in waktu.items():
        if w:
            print(f"    {m:8}: {statistics.median(w):.2f} s  (min {min(w):.2f}, maks {max(w):.2f})")
    if waktu["tunggal"] and waktu["paralel"]:
        print(
            f"    rasio tunggal/paralel: {statistics.median(waktu['tunggal']) / statistics.median(waktu['paralel']):.2f}"
        )
    for m, pdf in berkas.items():
        print(f"    berkas {m:8}: {len(pdf)} byte, {_program_font(pdf)} program font")
    if len(berkas) == 2:
        print(f"    rasio byte paralel/tunggal: {len(berkas['paralel']) / len(berkas['tunggal']):.3f}")


def main(n: int = 5, mode: str = "semua") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("SAKIP_TESTING", "1")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import override_settings
        from pypdf import PdfReader

        from demo.referensi import muat_referensi
        from indikator.models import UnitKerja
        from laporan.pdf import render_pdf
        from laporan.susun import susun_laporan

        call_command("migrate", verbosity=0)
        muat_referensi()
        unit = UnitKerja.objects.get(slug="biro-kerja-sama")
        if mode != "semua":
            _pdf_saja(unit, n, mode)
            return

        def render() -> bytes:
            # Without the parts' cache (every render lays out every page); from the second render on, the page
            # map of the previous one is there, so the report renders in parts side by side.
            with override_settings(SAKIP_PDF_CACHE_BAGIAN_DETIK=0):
                return render_pdf(susun_laporan(unit, 2018))

        render()  # warm-up: imports, font loading, template compilation
        dinding, cpu = [], []
        for _ in range(n):
            t0, c0 = time.perf_counter(), time.process_time()
            pdf = render()
            dinding.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        tracemalloc.start()
        render()
        _, puncak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # An approved year: its stored final file is found without building the report (laporan.tugas).
        from indikator.enums import StatusPeriode
        from indikator.models import PeriodeUnit
        from laporan.tugas import jalankan_render, minta_berkas

        PeriodeUnit.objects.update_or_create(unit=unit, tahun=2018, defaults={"status": StatusPeriode.DISAHKAN})
        with override_settings(SAKIP_PRIVATE_ROOT=Path(tmp) / "privat"):
            jalankan_render(minta_berkas(unit, 2018, "pdf").pk)
            t0 = time.perf_counter()
            berkas = minta_berkas(unit, 2018, "pdf")
            with berkas.berkas.open("rb") as f:
                assert f.read(4) == b"%PDF"
            final_tersimpan = time.perf_counter() - t0
        halaman = len(PdfReader(BytesIO(pdf)).pages)
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"Laporan Kinerja 2018 PDF: {halaman} halaman, {len(pdf) / 1024:.0f} KiB, {n} kali render")
        print(
            f"  median waktu (wall): {statistics.median(dinding):.2f} s  (min {min(dinding):.2f}, maks {max(dinding):.2f})"
        )
        print(f"  median waktu (CPU) : {statistics.median(cpu):.2f} s")
        print(f"  puncak memori satu render (tracemalloc): {puncak / 1024 / 1024:.1f} MiB")
        print(f"  puncak memori proses (ru_maxrss): {maxrss_mb:.0f} MiB")
        print(f"  berkas final tahun disahkan (dicari + dibaca dari penyimpanan): {final_tersimpan * 1000:.0f} ms")
        print(f"  target < 3 s: {'tercapai' if statistics.median(dinding) < 3 else 'belum tercapai'}")
        _pdf_saja(unit, n, "semua")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5, sys.argv[2] if len(sys.argv) > 2 else "semua")
