"""Large Excel imports through Django's task API (django-tasks now, `django.tasks` from Django 6).

An upload with more than settings.SAKIP_IMPOR_LATAR_BARIS data rows (counted while streaming the sheets' XML within
a time budget, `buku_kerja.hitung_baris_data`; one that cannot be counted in time counts as large) is not imported
in the request: `antrekan_impor` stores it in private storage and queues `impor_latar`; the worker validates and applies it with the same service as the workspace
(`layanan.impor_excel`: period lock, one transaction, all or nothing), records the summary or the row errors on
the `ImporLatar` row the status page polls, and deletes the stored upload whatever the outcome. Smaller uploads keep
the preview-then-confirm flow inside the request.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from indikator.periode import PeriodeBeku, pastikan_dapat_diubah

from .buku_kerja import HasilImpor, HitunganBaris, WorkbookTidakValid
from .layanan import impor_excel
from .models import ImporLatar

try:  # Django 6
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

log = logging.getLogger(__name__)
Status = ImporLatar.Status
MAKS_GALAT = 500  # row errors kept for the status page


def perlu_latar(hitungan: HitunganBaris) -> bool:
    """A large upload: more data rows than settings.SAKIP_IMPOR_LATAR_BARIS, or too many to count in the request."""
    return not hitungan.lengkap or hitungan.jumlah > settings.SAKIP_IMPOR_LATAR_BARIS


def antrekan_impor(*, unit, tahun: int, pengguna, berkas, jumlah_baris: int, bahasa: str = "id") -> ImporLatar:
    """Store the upload privately and queue its import. Raises PeriodeBeku for a frozen year (nothing is
    stored then); the task checks the lock again when it runs."""
    pastikan_dapat_diubah(unit, tahun)
    impor = ImporLatar(
        unit=unit,
        tahun=tahun,
        pengguna=pengguna,
        bahasa=bahasa,
        nama_berkas=(getattr(berkas, "name", "") or "impor.xlsx")[-255:],
        jumlah_baris=jumlah_baris,
    )
    impor.berkas.save(f"{secrets.token_urlsafe(16)}.xlsx", berkas, save=False)
    impor.save()
    pk = impor.pk
    transaction.on_commit(lambda: impor_latar.enqueue(pk))
    return impor


@contextlib.contextmanager
def _atas_nama(pengguna):
    """The audit trail (django-simple-history) names the uploader as the author of the task's writes."""
    lama = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = SimpleNamespace(user=pengguna) if pengguna is not None else None
    try:
        yield
    finally:
        if lama is None:
            with contextlib.suppress(AttributeError):
                del HistoricalRecords.context.request
        else:
            HistoricalRecords.context.request = lama


def _ringkas(hasil: HasilImpor) -> dict:
    galat = [[g.lembar or "", g.baris, g.kolom or "", str(g.pesan)] for g in hasil.galat]
    return {
        "lembar": [
            {"judul": h.judul, "baru": h.baru, "berubah": h.berubah, "tetap": h.tetap, "galat": len(h.galat)}
            for h in hasil.lembar
        ],
        "baru": hasil.baru,
        "berubah": hasil.berubah,
        "tetap": hasil.tetap,
        "jumlah_galat": len(galat),
        "galat": galat[:MAKS_GALAT],
    }


def _buang_berkas(impor: ImporLatar) -> None:
    if impor.berkas:
        impor.berkas.storage.delete(impor.berkas.name)


def jalankan_impor(impor_id: int) -> None:
    """The worker's job: import the stored workbook (all or nothing), record the outcome, delete the upload."""
    if not ImporLatar.objects.filter(pk=impor_id, status=Status.ANTRI).update(
        status=Status.DIPROSES, diperbarui_pada=timezone.now()
    ):
        return  # already done or taken by another worker
    impor = ImporLatar.objects.select_related("unit", "pengguna").get(pk=impor_id)
    status, alasan, ringkasan, jumlah_baris = Status.GAGAL, "", {}, impor.jumlah_baris
    try:
        with translation.override(impor.bahasa), _atas_nama(impor.pengguna):
            try:
                with impor.berkas.storage.open(impor.berkas.name, "rb") as f:
                    hasil = impor_excel(unit=impor.unit, tahun=impor.tahun, berkas=f, terapkan=True)
            except PeriodeBeku as e:
                alasan = e.messages[0]
            except WorkbookTidakValid as e:
                alasan = str(e)
            except FileNotFoundError:
                alasan = _("Berkas unggahan tidak ditemukan lagi; unggah ulang berkasnya.")
            except Exception as e:
                alasan = _("Kesalahan saat mengimpor: %(galat)s") % {"galat": e}
                log.exception("Impor latar %s gagal", impor_id)
                raise
            else:
                ringkasan = _ringkas(hasil)
                jumlah_baris = hasil.jumlah_baris  # the request's count may have stopped at its time budget
                if hasil.diterapkan:
                    status = Status.SELESAI
                else:
                    alasan = _("Impor dibatalkan: %(n)s galat; tidak ada data yang diubah.") % {"n": len(hasil.galat)}
    finally:
        _buang_berkas(impor)
        kini = timezone.now()
        ImporLatar.objects.filter(pk=impor_id).update(
            status=status,
            alasan=alasan[:2000],
            hasil=ringkasan,
            jumlah_baris=jumlah_baris,
            berkas="",
            selesai_pada=kini,
            diperbarui_pada=kini,
        )


def tandai_kedaluwarsa(impor: ImporLatar) -> ImporLatar:
    """An import still queued or running after SAKIP_IMPOR_BATAS_DETIK is taken as lost (its worker stopped):
    failed, its upload deleted. Its transaction never committed, so nothing was changed."""
    batas = timezone.now() - timedelta(seconds=settings.SAKIP_IMPOR_BATAS_DETIK)
    if impor.berjalan and impor.diperbarui_pada < batas:
        alasan = _("Impor tidak selesai dalam batas waktu (pekerja tugas berhenti?); tidak ada data yang diubah.")
        if ImporLatar.objects.filter(pk=impor.pk, status=impor.status).update(
            status=Status.GAGAL, alasan=alasan, berkas="", diperbarui_pada=timezone.now()
        ):
            _buang_berkas(impor)
        impor.refresh_from_db()
    return impor


@task()
def impor_latar(impor_id: int) -> None:
    jalankan_impor(impor_id)
