"""The budget of a report file render: wall-clock time and memory, and processes that end with their parent.

A report file task (`laporan.tugas.jalankan_render`) opens a budget (`anggaran`): a deadline and a heartbeat
callback. The heavy work runs in other processes: WeasyPrint in the PDF pool (`laporan.pdf_paralel`), the DOCX
and XLSX writers in a forked child (`jalankan_di_anak`). Each such process caps its address space (RLIMIT_AS:
what it has at start plus `SAKIP_LAPORAN_MEMORI_MB`) and is killed when its parent dies (PR_SET_PDEATHSIG, Linux;
elsewhere a watchdog thread). The task's thread waits for them with `tunggu`, beating the heartbeat every
`SAKIP_LAPORAN_DETAK_DETIK` and killing them at the deadline; overruns raise `MelewatiBatas` with the message the
status page shows.

No Django import at module level: the pool initializer runs in bare forked processes (and the parent-death test).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Future
from concurrent.futures import wait as _tunggu_future
from dataclasses import dataclass

PR_SET_PDEATHSIG = 1


class MelewatiBatas(RuntimeError):
    """A render over its time or memory budget (the message is for the user)."""


class SewaHilang(RuntimeError):
    """The render's lease was taken by another worker (this one was taken as dead): stop quietly."""


def pesan_waktu(detik: int) -> str:
    from django.utils.translation import gettext as _

    return _(
        "Berkas terlalu lama dibuat (melebihi batas %(detik)s detik) dan dihentikan. Perpendek narasi atau tabel "
        "yang sangat panjang, lalu buat lagi."
    ) % {"detik": detik}


def pesan_memori(mb: int) -> str:
    from django.utils.translation import gettext as _

    return _(
        "Berkas terlalu besar untuk dibuat (melebihi batas memori %(mb)s MB) dan dihentikan. Perpendek narasi atau "
        "tabel yang sangat panjang, lalu buat lagi."
    ) % {"mb": mb}


# ---------------------------------------------------------------------- processes that end with their parent


def _prctl_pdeathsig(sinyal: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, sinyal, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _jaga_induk(induk: int) -> None:
    """Fallback without prctl: a daemon thread that ends the process once its parent is gone."""

    def jaga():
        while os.getppid() == induk:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=jaga, name="jaga-induk", daemon=True).start()


def ikut_induk(induk: int | None = None) -> None:
    """Make this (forked) process die with its parent: SIGKILL on the parent's death (Linux), else a watchdog.
    `induk`: the parent's pid as the parent saw it (a parent that died before the call is caught too)."""
    induk = induk if induk is not None else os.getppid()
    if not _prctl_pdeathsig(signal.SIGKILL):
        _jaga_induk(induk)
    if os.getppid() != induk:  # the parent died before prctl took effect
        os._exit(1)


def _ukuran_maya() -> int:
    """This process's virtual memory size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def batasi_memori(mb: int) -> None:
    """Cap this process's address space at its current size plus `mb` MB (0: no cap)."""
    if mb <= 0:
        return
    batas = _ukuran_maya() + mb * 1024 * 1024
    _lunak, keras = resource.getrlimit(resource.RLIMIT_AS)
    if keras != resource.RLIM_INFINITY:
        batas = min(batas, keras)
    resource.setrlimit(resource.RLIMIT_AS, (batas, keras))


def siapkan_proses(induk: int, memori_mb: int) -> None:
    """Initializer of a render process (PDF pool process, DOCX/XLSX child): dies with its parent, capped memory."""
    ikut_induk(induk)
    batasi_memori(memori_mb)


# ---------------------------------------------------------------------- the budget of the current task


@dataclass
class Anggaran:
    batas_waktu: float  # time.monotonic() deadline
    detik: int
    memori_mb: int
    detak: Callable[[], None] | None
    selang: float  # seconds between heartbeats
    _detak_terakhir: float = 0.0

    def sisa(self) -> float:
        return self.batas_waktu - time.monotonic()

    def berdetak(self, paksa: bool = False) -> None:
        """Beat the heartbeat when `selang` has passed (or now with `paksa`)."""
        kini = time.monotonic()
        if self.detak is not None and (paksa or kini - self._detak_terakhir >= self.selang):
            self._detak_terakhir = kini
            self.detak()


_lokal = threading.local()


def kini() -> Anggaran | None:
    """The budget of the render running in this thread, or None (a command, a test calling a renderer)."""
    return getattr(_lokal, "anggaran", None)


@contextlib.contextmanager
def anggaran(detik: int, memori_mb: int, *, detak: Callable[[], None] | None = None, selang: float = 5.0):
    """A time and memory budget for the renders of this thread (`detik` 0: no deadline)."""
    lama = kini()
    batas = time.monotonic() + detik if detik > 0 else float("inf")
    _lokal.anggaran = Anggaran(batas, detik, memori_mb, detak, selang)
    try:
        yield _lokal.anggaran
    finally:
        _lokal.anggaran = lama


def tunggu(futures: Iterable[Future], saat_habis: Callable[[], None]) -> None:
    """Wait for the futures within the budget: beat the heartbeat meanwhile; at the deadline call `saat_habis`
    (kill the processes) and raise MelewatiBatas. Without a budget: a plain wait. Raises the first exception."""
    daftar = list(futures)
    a = kini()
    while True:
        selang = None if a is None else max(0.0, min(a.selang, a.sisa()))
        selesai, belum = _tunggu_future(daftar, timeout=selang, return_when=FIRST_EXCEPTION)
        for f in selesai:
            if f.exception() is not None:
                raise f.exception()
        if not belum:
            return
        if a is not None:
            if a.sisa() <= 0:
                saat_habis()
                raise MelewatiBatas(pesan_waktu(a.detik))
            try:
                a.berdetak()
            except SewaHilang:
                saat_habis()  # another worker renders this file now: stop this render's processes
                raise


def jalankan_di_anak(fungsi: Callable, *args):
    """`fungsi(*args)` in a forked child within the current budget (time, memory, heartbeat); its return value
    (pickled through a pipe) or its exception here. Without a budget or without fork: called in this process.

    The child inherits everything already loaded (the report document, settings); it only writes bytes (a query
    there would open its own connection, never use the parent's socket)."""
    a = kini()
    if a is None or "fork" not in multiprocessing.get_all_start_methods():
        return fungsi(*args)
    ctx = multiprocessing.get_context("fork")
    baca, tulis = ctx.Pipe(duplex=False)
    proses = ctx.Process(target=_anak, args=(tulis, os.getpid(), a.memori_mb, fungsi, args), daemon=True)
    proses.start()
    tulis.close()
    try:
        while not baca.poll(max(0.0, min(a.selang, a.sisa()))):
            if not proses.is_alive() and not baca.poll(0):
                raise MelewatiBatas(pesan_memori(a.memori_mb))  # killed (out of memory) without an answer
            if a.sisa() <= 0:
                raise MelewatiBatas(pesan_waktu(a.detik))
            a.berdetak()
        try:
            ok, hasil = pickle.loads(baca.recv_bytes())
        except EOFError:
            raise MelewatiBatas(pesan_memori(a.memori_mb)) from None
    finally:
        if proses.is_alive():
            proses.kill()
        proses.join()
        baca.close()
    if not ok:
        if isinstance(hasil, MemoryError):
            raise MelewatiBatas(pesan_memori(a.memori_mb)) from hasil
        raise hasil
    return hasil


_koneksi_induk: list = []  # the parent's database connections, kept (never closed here) until os._exit


def _lepas_koneksi_induk() -> None:
    """A forked child must not talk on its parent's database socket: a query here opens its own connection."""
    from django.db import connections

    for c in connections.all(initialized_only=True):
        _koneksi_induk.append(c.connection)
        c.connection = None


def _anak(tulis, induk: int, memori_mb: int, fungsi: Callable, args) -> None:
    siapkan_proses(induk, memori_mb)
    _lepas_koneksi_induk()
    try:
        hasil = (True, fungsi(*args))
    except BaseException as e:  # noqa: BLE001 - every failure goes back to the parent
        hasil = (False, e)
    try:
        data = pickle.dumps(hasil)
    except MemoryError:
        data = pickle.dumps((False, MemoryError()))
    except Exception as e:  # noqa: BLE001 - an exception that cannot be pickled: its text
        data = pickle.dumps((False, RuntimeError(str(e) if hasil[0] else str(hasil[1]))))
    tulis.send_bytes(data)
    tulis.close()
