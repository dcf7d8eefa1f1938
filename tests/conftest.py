import copy
import functools
import itertools
import os

import pytest

from tests.basis import BasisBersama, basis_bersama, lapisan_item, transaksional

os.environ.setdefault("SAKIP_TESTING", "1")

SLUG_REFERENSI = "biro-kerja-sama"


@basis_bersama
def referensi():
    """The Biro Kerja Sama unit with its reference data (Laporan Kinerja 2018) in the test database.

    A shared dataset (tests/basis.py): loaded once and kept while consecutive tests ask for it; a transactional
    test loads its own copy."""
    from demo.referensi import muat_referensi
    from indikator.models import UnitKerja

    muat_referensi()
    return UnitKerja.objects.get(slug=SLUG_REFERENSI)


# The shared base of named actors (users of every role, units, scheme, plan, budget, an evidence file): fixture
# `dunia`, for every test directory (tests/kerja calls it `data`).
from tests.dunia import dunia  # noqa: E402, F401


@pytest.fixture(scope="session")
def basis_bersama_sesi(django_db_setup, django_db_blocker):
    """The session's open shared datasets (tests/basis.py), rolled back at the end."""
    basis = BasisBersama(django_db_blocker)
    yield basis
    basis.lepas()


class ReferensiBersama:
    """For module-scoped fixtures that read the reference data: `referensi_bersama.muat()` makes the reference
    data the only open shared dataset and gives the unit. A module fixture that writes to the database then
    (laporan/test_pdf.py) has its rows rolled back with it."""

    def __init__(self, basis: BasisBersama):
        self._basis = basis

    @property
    def dimuat(self) -> bool:
        return self._basis.terbuka(referensi._lapisan)

    def muat(self):
        self._basis.siapkan([referensi._lapisan])
        return copy.deepcopy(self._basis.nilai(referensi._lapisan))

    def lepas(self):
        self._basis.lepas()


@pytest.fixture(scope="session")
def referensi_bersama(basis_bersama_sesi):
    return ReferensiBersama(basis_bersama_sesi)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # Just before pytest-django opens a test's transaction: the open shared datasets are exactly the ones the test
    # asks for (none for a test that commits).
    if fixturedef.argname == "_django_db_helper":
        basis = request.getfixturevalue("basis_bersama_sesi")
        basis.siapkan([] if transaksional(request.node) else lapisan_item(request.node))
    return (yield)


@pytest.fixture
def media_sementara(settings, tmp_path):
    """The test's own MEDIA_ROOT and SAKIP_PRIVATE_ROOT (evidence and other private files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    return settings.MEDIA_ROOT


@pytest.fixture
def privat_sementara(settings, tmp_path):
    """The test's own SAKIP_PRIVATE_ROOT (report files, uploads to import): the folder."""
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    return settings.SAKIP_PRIVATE_ROOT


@pytest.fixture
def antrean():
    """The task queue as Django's dummy backend: tasks are recorded, never run."""
    from django.test import override_settings
    from django_tasks import default_task_backend

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        default_task_backend.clear()
        yield default_task_backend
        default_task_backend.clear()


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


# Fixtures through which a test reaches the test database.
FIXTURE_DB = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def pakai_db(item: pytest.Item) -> bool:
    """Whether `item` may reach the test database: a django_db mark, a database fixture, or a fixture of ours (or
    the test) that unblocks the database itself with django_db_blocker (pytest-django's autouse fixtures ask for
    the blocker in every test only to keep it blocked)."""
    if item.get_closest_marker("django_db") is not None:
        return True
    if not FIXTURE_DB.isdisjoint(getattr(item, "fixturenames", ())):
        return True
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    if "django_db_blocker" in info.argnames:
        return True
    return any(
        "django_db_blocker" in d.argnames and not d.func.__module__.startswith("pytest_django")
        for daftar in info.name2fixturedefs.values()
        for d in daftar
    )


def pytest_collection_modifyitems(config, items):
    """Mark every test that reaches no database `tanpa_db` (CI runs it once, on SQLite; the PostgreSQL leg runs
    `-m "not tanpa_db"`).

    Every test that commits for real (transactional or live-server) restores the serialized database afterwards.
    Without it, the flush after such a test deletes the scheme presets and recreates the content types under new
    ids, and a later test that restores the serialized database fails on a duplicate content type."""
    from pytest_django.fixtures import validate_django_db

    for item in items:
        if not pakai_db(item):
            item.add_marker(pytest.mark.tanpa_db)
            continue
        if item.get_closest_marker("tanpa_db"):
            raise pytest.UsageError(f"{item.nodeid}: ditandai tanpa_db tetapi memakai basis data")
        if not transaksional(item):
            continue
        penanda = item.get_closest_marker("django_db")
        if penanda is not None and validate_django_db(penanda)[3]:
            continue
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)


class _UrutanBasis:
    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        """Within a module, the database tests that ask for the same shared datasets run one after another (each
        dataset is built once for them). Runs after pytest-django's ordering, which it keeps."""
        hasil = []
        for (_, db, komit), run in itertools.groupby(items, key=lambda i: (i.path, pakai_db(i), transaksional(i))):
            run = list(run)
            if db and not komit:
                run.sort(key=lambda i: tuple(lapisan.kunci for lapisan in lapisan_item(i)))
            hasil += run
        items[:] = hasil


def pytest_configure(config):
    config.pluginmanager.register(_UrutanBasis(), "sakip-urutan-basis")


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
