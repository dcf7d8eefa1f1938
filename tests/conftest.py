import functools
import itertools
import os

import pytest

os.environ.setdefault("SAKIP_TESTING", "1")

SLUG_REFERENSI = "biro-kerja-sama"


def _transaksional(item: pytest.Item) -> bool:
    """pytest-django's rule: such a test commits for real and its tables are flushed afterwards."""
    from pytest_django.fixtures import validate_django_db

    penanda = item.get_closest_marker("django_db")
    if penanda:
        transaksi, urutan_ulang, *_ = validate_django_db(penanda)
        if transaksi or urutan_ulang:
            return True
    nama = getattr(item, "fixturenames", ())
    return any(n in nama for n in ("transactional_db", "live_server", "django_db_reset_sequences"))


class ReferensiBersama:
    """The reference data, loaded once inside a transaction that stays open beneath the tests' own transactions
    (a test's writes are savepoints, rolled back after it). Rolled back before a test that must not see the data
    (it does not ask for `referensi`, or it commits: transactional/live-server), and at the end of the session;
    loaded again by the next test that asks for it. A module-scoped fixture that writes to the database while the
    data is loaded (laporan/test_pdf.py) has its rows rolled back with it."""

    def __init__(self, blocker):
        self._blocker = blocker
        self._atomic = None

    @property
    def dimuat(self) -> bool:
        return self._atomic is not None

    def muat(self):
        from django.db import transaction

        from demo.referensi import muat_referensi
        from indikator.models import UnitKerja

        with self._blocker.unblock():
            if self._atomic is None:
                self._atomic = transaction.atomic()
                self._atomic.__enter__()
                try:
                    muat_referensi()
                except BaseException:
                    self.lepas()
                    raise
            return UnitKerja.objects.get(slug=SLUG_REFERENSI)

    def lepas(self):
        from django.db import transaction

        if self._atomic is not None:
            atomic, self._atomic = self._atomic, None
            with self._blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)


@pytest.fixture(scope="session")
def referensi_bersama(django_db_setup, django_db_blocker):
    """For module-scoped fixtures that read the reference data: `referensi_bersama.muat()` gives the unit."""
    bersama = ReferensiBersama(django_db_blocker)
    yield bersama
    bersama.lepas()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # Just before pytest-django opens a test's transaction: the shared reference data is there exactly for the
    # tests that ask for `referensi` (and do not commit).
    if fixturedef.argname == "_django_db_helper":
        bersama = request.getfixturevalue("referensi_bersama")
        if "referensi" in request.node.fixturenames and not _transaksional(request.node):
            bersama.muat()
        else:
            bersama.lepas()
    return (yield)


@pytest.fixture
def referensi(request, db, referensi_bersama):
    """The Biro Kerja Sama unit with its reference data (Laporan Kinerja 2018) in the test database.

    Loaded once and shared by the tests that ask for it (see ReferensiBersama); a transactional test loads its
    own copy."""
    from indikator.models import UnitKerja

    if _transaksional(request.node):
        from demo.referensi import muat_referensi

        muat_referensi()
    else:
        assert referensi_bersama.dimuat, "pytest_fixture_setup (tests/conftest.py) did not load the reference data"
    return UnitKerja.objects.get(slug=SLUG_REFERENSI)


@pytest.fixture
def unit_bks(referensi):
    return referensi


def _kunci_middleware(is_async: bool) -> str:
    """The settings a middleware may read when it is built (the rest are read per request)."""
    from django.conf import settings

    awalan = ("SECURE_", "SESSION_", "STATIC", "WHITENOISE_", "CSRF_")
    nama = sorted(n for n in dir(settings) if n.isupper() and n.startswith(awalan))
    nama += ["MIDDLEWARE", "DEBUG", "STORAGES", "ROOT_URLCONF"]
    return repr((is_async, [(n, getattr(settings, n, None)) for n in nama]))


@functools.cache
def _kelas_handler_bersama():
    """A test-client handler that reuses the middleware chain built by an earlier client with the same settings:
    building it costs ~20 ms (WhiteNoise lists every static file), once per test otherwise. The chain is built
    again as soon as one of those settings differs."""
    from django.test.client import ClientHandler

    class HandlerBersama(ClientHandler):
        cadangan: dict = {}

        def load_middleware(self, is_async=False):
            kunci = _kunci_middleware(is_async)
            contoh = self.cadangan.get(kunci)
            if contoh is None:
                contoh = ClientHandler()
                contoh.load_middleware(is_async)
                self.cadangan.clear()
                self.cadangan[kunci] = contoh
            self._view_middleware = contoh._view_middleware
            self._template_response_middleware = contoh._template_response_middleware
            self._exception_middleware = contoh._exception_middleware
            self._middleware_chain = contoh._middleware_chain

    return HandlerBersama


@pytest.fixture
def client():
    """pytest-django's `client`, with the shared middleware chain (see _kelas_handler_bersama)."""
    from django.test import Client

    klien = Client()
    klien.handler = _kelas_handler_bersama()(klien.handler.enforce_csrf_checks)
    return klien


@pytest.fixture(autouse=True)
def bahasa_indonesia():
    """Every test starts in Indonesian: a request made in English (language switcher) leaves its language active
    in the thread, which would otherwise leak into messages checked by later tests."""
    from django.utils import translation

    with translation.override("id"):
        yield


_NOMOR_UJI = itertools.count()


@pytest.fixture(autouse=True)
def ringkasan_terpisah(monkeypatch):
    """Every test has its own roll-up summary and unit-year keys: a test's writes are rolled back, which lowers the unit-year
    data versions again, so a summary cached by an earlier test could otherwise match a later test's key."""
    import dasbor.ringkasan
    import indikator.tahun

    nomor = f"{os.getpid()}:{next(_NOMOR_UJI)}"
    monkeypatch.setattr(dasbor.ringkasan, "AWALAN", f"{dasbor.ringkasan.AWALAN}:{nomor}")
    monkeypatch.setattr(indikator.tahun, "AWALAN", f"{indikator.tahun.AWALAN}:{nomor}")


def pytest_collection_modifyitems(config, items):
    """Every test that commits for real (transactional or live-server) restores the serialized database afterwards.

    Without it, the flush after such a test deletes the scheme presets and recreates the content types under new
    ids, and a later test that restores the serialized database fails on a duplicate content type."""
    from pytest_django.fixtures import validate_django_db

    for item in items:
        if not _transaksional(item):
            continue
        penanda = item.get_closest_marker("django_db")
        if penanda is not None and validate_django_db(penanda)[3]:
            continue
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)


def backend_rq() -> bool:
    """Whether the tasks go to RQ (CI's RQ leg: SAKIP_TUGAS_BACKEND=rq) instead of running at once."""
    from django.conf import settings

    return settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend"


@pytest.fixture
def kerjakan_antrean():
    """A function that runs the queued tasks. On the immediate backend (the tests' default) they already ran on
    commit; on RQ it runs a burst RQ worker in this process (rq's SimpleWorker: the same database connection, so
    the jobs see the test's transaction). The RQ queue is emptied before and after the test."""
    if not backend_rq():
        yield lambda: None
        return
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    antrean = django_rq.get_queue("default")
    antrean.empty()

    def kerjakan():
        SimpleWorker([antrean], connection=antrean.connection, job_class=Job).work(burst=True)

    yield kerjakan
    antrean.empty()
