"""Shared datasets ("layers"), each built once and kept beneath the tests' own transactions.

A layer is a function decorated with `@basis_bersama`: it builds rows (and files) and returns the objects the tests
use. The decorator turns it into a pytest fixture of the same name. Its parameters name the layers it builds on
(`def perencana(referensi)`), which are built first and passed in.

Before each database test (just before pytest-django opens the test's transaction) the layers the test asks for,
directly or through other fixtures, are made exactly the open ones: layers it does not ask for are rolled back,
missing ones are built, each inside a transaction (a savepoint above the layer below it). The test's writes are
rolled back after it, so every test sees each layer as it was built. A test gets a deep copy of the layer's
objects: changing them in memory does not reach the next test. A test that commits (transactional, live server)
rolls every layer back and builds its own copy inside the test, as a plain fixture would.

Files a layer writes (under MEDIA_ROOT or SAKIP_PRIVATE_ROOT) go to a folder of the layer; with `berkas=True`
the fixture asks for `media_sementara` (the test's own MEDIA_ROOT and SAKIP_PRIVATE_ROOT) and copies them there,
so a test that deletes or adds a file changes no other test.
"""

from __future__ import annotations

import copy
import inspect
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest


@dataclass(eq=False)
class Lapisan:
    nama: str
    bangun: Callable[..., Any]
    dasar: tuple[str, ...]
    berkas: bool
    kunci: str = field(init=False)

    def __post_init__(self):
        self.kunci = f"{self.bangun.__module__}.{self.bangun.__qualname__}"


@dataclass(eq=False)
class _Terbuka:
    lapisan: Lapisan
    atomic: Any
    nilai: Any
    folder: Path


def transaksional(item: pytest.Item) -> bool:
    """pytest-django's rule: such a test commits for real and its tables are flushed afterwards."""
    from pytest_django.fixtures import validate_django_db

    penanda = item.get_closest_marker("django_db")
    if penanda:
        transaksi, urutan_ulang, *_ = validate_django_db(penanda)
        if transaksi or urutan_ulang:
            return True
    nama = getattr(item, "fixturenames", ())
    return any(n in nama for n in ("transactional_db", "live_server", "django_db_reset_sequences"))


def lapisan_item(item: pytest.Item) -> list[Lapisan]:
    """The layers `item` asks for (directly or through its fixtures), each after the layers it builds on."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return []
    definisi = info.name2fixturedefs

    def cari(nama: str) -> Lapisan | None:
        # The closest definition, or one it overrides and asks for by the same name.
        daftar = definisi.get(nama) or ()
        for i in range(len(daftar) - 1, -1, -1):
            lapisan = getattr(daftar[i].func, "_lapisan", None)
            if lapisan is not None:
                return lapisan
            if nama not in daftar[i].argnames:
                break
        return None

    hasil: list[Lapisan] = []

    def tambah(lapisan: Lapisan):
        if lapisan in hasil:
            return
        for nama in lapisan.dasar:
            dasar = cari(nama)
            assert dasar is not None, f"{lapisan.nama}: {nama} bukan lapisan basis_bersama"
            tambah(dasar)
        hasil.append(lapisan)

    for nama in sorted(item.fixturenames):
        lapisan = cari(nama)
        if lapisan is not None:
            tambah(lapisan)
    return hasil


class BasisBersama:
    """The open layers of the session, bottom first (see the module docstring)."""

    def __init__(self, blocker):
        self._blocker = blocker
        self._tumpukan: list[_Terbuka] = []

    def terbuka(self, lapisan: Lapisan) -> bool:
        return any(t.lapisan is lapisan for t in self._tumpukan)

    def nilai(self, lapisan: Lapisan):
        for t in self._tumpukan:
            if t.lapisan is lapisan:
                return t.nilai
        raise LookupError(lapisan.nama)

    def siapkan(self, daftar: list[Lapisan]) -> None:
        """Make `daftar` (bottom first) exactly the open layers: keep the common bottom, roll back the rest, build
        what is missing."""
        sama = 0
        while sama < min(len(daftar), len(self._tumpukan)) and self._tumpukan[sama].lapisan is daftar[sama]:
            sama += 1
        while len(self._tumpukan) > sama:
            self._tutup_atas()
        for lapisan in daftar[sama:]:
            self._bangun(lapisan)

    def lepas(self) -> None:
        self.siapkan([])

    def _bangun(self, lapisan: Lapisan) -> None:
        from django.db import transaction
        from django.test import override_settings

        dasar = {t.lapisan.nama: t.nilai for t in self._tumpukan}
        folder = Path(tempfile.mkdtemp(prefix=f"basis-{lapisan.nama}-"))
        with self._blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                with override_settings(MEDIA_ROOT=folder / "media", SAKIP_PRIVATE_ROOT=folder / "privat"):
                    nilai = lapisan.bangun(**{n: dasar[n] for n in lapisan.dasar})
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                shutil.rmtree(folder, ignore_errors=True)
                raise
        self._tumpukan.append(_Terbuka(lapisan, atomic, nilai, folder))

    def _tutup_atas(self) -> None:
        from django.db import transaction

        t = self._tumpukan.pop()
        with self._blocker.unblock():
            transaction.set_rollback(True)
            t.atomic.__exit__(None, None, None)
        shutil.rmtree(t.folder, ignore_errors=True)

    def salin_berkas(self, lapisan: Lapisan, media_root, privat_root) -> None:
        """Copy the files the open layers up to `lapisan` wrote into the test's own roots."""
        for t in self._tumpukan:
            for sumber, tujuan in ((t.folder / "media", media_root), (t.folder / "privat", privat_root)):
                if sumber.is_dir():
                    shutil.copytree(sumber, tujuan, dirs_exist_ok=True)
            if t.lapisan is lapisan:
                break


def basis_bersama(fungsi=None, *, berkas: bool = False):
    """Declare a shared dataset (see the module docstring): `@basis_bersama def nama(dasar...): ...; return objek`.

    `berkas=True`: the layer writes files; its fixture asks for `media_sementara` and copies them there."""

    def hias(fungsi):
        dasar = tuple(inspect.signature(fungsi).parameters)
        lapisan = Lapisan(fungsi.__name__, fungsi, dasar, berkas)

        def fixture(request, **kw):
            if transaksional(request.node):
                # The test commits: its own copy, built in the test (every layer is rolled back for it).
                return fungsi(**{n: kw[n] for n in dasar})
            basis: BasisBersama = request.getfixturevalue("basis_bersama_sesi")
            assert basis.terbuka(lapisan), f"tests/conftest.py did not build the shared dataset {lapisan.nama}"
            if berkas:
                from django.conf import settings

                basis.salin_berkas(lapisan, settings.MEDIA_ROOT, settings.SAKIP_PRIVATE_ROOT)
            return copy.deepcopy(basis.nilai(lapisan))

        parameter = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        perlu = ["db", *dasar] + (["media_sementara"] if berkas else [])
        parameter += [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY) for n in perlu]
        fixture.__signature__ = inspect.Signature(parameter)
        fixture.__name__ = fungsi.__name__
        fixture.__qualname__ = fungsi.__qualname__
        fixture.__module__ = fungsi.__module__
        fixture.__doc__ = fungsi.__doc__
        fixture._lapisan = lapisan
        hasil = pytest.fixture(name=fungsi.__name__)(fixture)
        hasil.bangun = fungsi  # the builder itself, for code that needs a fresh copy
        return hasil

    return hias(fungsi) if fungsi is not None else hias
