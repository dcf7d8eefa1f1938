"""Report files rendered in the background through Django's task API (django-tasks now, `django.tasks` from
Django 6): a request asks for a file (`minta_berkas`; the standalone legal PDFs, the PK agreement of a version and
the IKU decree: `minta_dokumen`) and never renders one; the worker (`render_berkas`) renders and stores it.

One render per content at a time: `BerkasLaporan` is unique per (unit, year, format, content hash), so a second
request for the same content — a second click, another user, another web worker or machine — finds the row and
joins it instead of queueing another render. A failed or lost render (its worker stopped) is queued again by the
next request. An approved or locked year is served from its stored final file without building the report.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from indikator.models import UnitKerja
from indikator.periode import ambil_periode
from indikator.queries import DataTidakDitemukan

from .models import BerkasLaporan
from .pdf import html_keputusan_iku, html_pk, kunci_peta, render_html_cetak, render_pdf_html
from .susun import susun_laporan

try:  # Django 6
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

log = logging.getLogger(__name__)
Status = BerkasLaporan.Status
Jenis = BerkasLaporan.Jenis


class DataBerubah(RuntimeError):
    """The report's data changed between the request and the render."""


def hash_isi(
    format_: str, dengan_peringatan: bool, bahasa: str, html: str, *, jenis: str = "laporan", versi_id=None
) -> str:
    """What a file is made of: the print HTML (all data, narrative and layout, in its language), the format and
    the warnings annex; for a legal document also which one (two PK versions may print alike)."""
    awal = f"{format_}\n{int(dengan_peringatan)}\n{bahasa}\n"
    if jenis != Jenis.LAPORAN:
        awal += f"{jenis}\n{versi_id or ''}\n"
    h = hashlib.sha256(awal.encode())
    h.update(html.encode("utf-8"))
    return h.hexdigest()


def _isi(jenis: str, unit: UnitKerja, tahun: int, versi, dengan_peringatan: bool, bahasa: str):
    """(print HTML, final, the report or None) of a document. Raises DataTidakDitemukan when it has nothing to
    print (no report for the year, no IKU)."""
    with translation.override(bahasa):
        if jenis == Jenis.LAPORAN:
            laporan = susun_laporan(unit, tahun, dengan_peringatan=dengan_peringatan)
            return render_html_cetak(laporan), laporan.final, laporan
        if jenis == Jenis.PK:
            html = html_pk(versi)
        else:
            html = html_keputusan_iku(unit, tahun)
            if html is None:
                raise DataTidakDitemukan(_("Belum ada Indikator Kinerja Utama untuk tahun ini."))
    return html, ambil_periode(unit=unit, tahun=tahun).final, None


def _final_tersimpan(
    unit: UnitKerja, tahun: int, format_: str, dengan_peringatan: bool, bahasa: str, jenis="laporan", versi=None
):
    """The stored final file of an approved or locked year, made after the year's last status change."""
    periode = ambil_periode(unit=unit, tahun=tahun)
    if not periode.final:
        return None
    return (
        BerkasLaporan.objects.filter(
            unit=unit,
            tahun=tahun,
            jenis=jenis,
            versi_pk=versi,
            format=format_,
            dengan_peringatan=dengan_peringatan,
            bahasa=bahasa,
            status=Status.SELESAI,
            final=True,
            dibuat_pada__gte=periode.diubah_pada,
        )
        .order_by("-selesai_pada")
        .first()
    )


def kedaluwarsa(berkas: BerkasLaporan) -> bool:
    """Queued or rendering for longer than SAKIP_LAPORAN_BATAS_DETIK: its worker is gone."""
    batas = timezone.now() - timedelta(seconds=settings.SAKIP_LAPORAN_BATAS_DETIK)
    return berkas.berjalan and berkas.diperbarui_pada < batas


def tandai_kedaluwarsa(berkas: BerkasLaporan) -> BerkasLaporan:
    """Marks a lost render as failed (so that the page says so and offers to try again)."""
    if kedaluwarsa(berkas):
        alasan = _("Pembuatan berkas tidak selesai dalam batas waktu (pekerja tugas berhenti?). Silakan coba lagi.")
        BerkasLaporan.objects.filter(pk=berkas.pk, status=berkas.status).update(status=Status.GAGAL, alasan=alasan)
        berkas.refresh_from_db()
    return berkas


def minta_berkas(
    unit: UnitKerja, tahun: int, format_: str, *, dengan_peringatan: bool = False, bahasa: str = "id"
) -> BerkasLaporan:
    """The report file for the current data: stored, queued or rendering (joined), or newly queued.

    Builds the report data and its print HTML (to hash it), never the PDF or XLSX itself. Raises
    `indikator.queries.DataTidakDitemukan` when the year has no report."""
    return _minta(unit, tahun, format_, Jenis.LAPORAN, None, dengan_peringatan, bahasa)


def minta_dokumen(jenis: str, unit: UnitKerja, tahun: int, *, versi=None, bahasa: str = "id") -> BerkasLaporan:
    """A standalone legal PDF the same way as `minta_berkas`: the "Dokumen Perjanjian Kinerja" of `versi`
    (jenis "pk") or the decree setting the IKU of the Renstra covering `tahun` (jenis "iku"). Builds its print
    HTML only; raises DataTidakDitemukan when there is nothing to print."""
    return _minta(unit, tahun, BerkasLaporan.Format.PDF, jenis, versi, False, bahasa)


def _ada(berkas: BerkasLaporan) -> bool:
    return bool(berkas.berkas) and berkas.berkas.storage.exists(berkas.berkas.name)


def _minta(unit, tahun, format_, jenis, versi, dengan_peringatan, bahasa) -> BerkasLaporan:
    final = _final_tersimpan(unit, tahun, format_, dengan_peringatan, bahasa, jenis, versi)
    if final is not None and _ada(final):
        return final
    html, final_isi, _laporan = _isi(jenis, unit, tahun, versi, dengan_peringatan, bahasa)
    kunci = hash_isi(format_, dengan_peringatan, bahasa, html, jenis=jenis, versi_id=getattr(versi, "pk", None))
    berkas, dibuat = BerkasLaporan.objects.get_or_create(
        unit=unit,
        tahun=tahun,
        format=format_,
        hash=kunci,
        defaults={
            "jenis": jenis,
            "versi_pk": versi,
            "dengan_peringatan": dengan_peringatan,
            "bahasa": bahasa,
            "final": final_isi,
        },
    )
    if dibuat:
        _antrekan(berkas)
        return berkas
    ulang = berkas.status == Status.GAGAL or kedaluwarsa(berkas)
    if berkas.status == Status.SELESAI and not _ada(berkas):
        ulang = True  # the stored file is gone (e.g. a new machine's empty private folder)
    elif berkas.status == Status.SELESAI and final_isi and not berkas.final:
        # The same content, now of an approved year (a legal document prints no draft mark): the stored file
        # becomes the year's final file, found from now on without building the document.
        BerkasLaporan.objects.filter(pk=berkas.pk).update(final=True, dibuat_pada=timezone.now())
        berkas.refresh_from_db()
    if ulang:
        # Only the request whose update wins queues the render; the others join it.
        if BerkasLaporan.objects.filter(
            pk=berkas.pk, status=berkas.status, diperbarui_pada=berkas.diperbarui_pada
        ).update(status=Status.ANTRI, alasan="", diperbarui_pada=timezone.now()):
            berkas.refresh_from_db()
            _antrekan(berkas)
        else:
            berkas.refresh_from_db()
    return berkas


def _antrekan(berkas: BerkasLaporan) -> None:
    pk = berkas.pk
    transaction.on_commit(lambda: render_berkas.enqueue(pk))


def jalankan_render(berkas_id: int) -> None:
    """The worker's job: render the queued file, store it, mark it done (or failed, with the reason)."""
    if not BerkasLaporan.objects.filter(pk=berkas_id, status=Status.ANTRI).update(
        status=Status.DIRENDER, diperbarui_pada=timezone.now()
    ):
        return  # already rendered or taken by another worker
    berkas = BerkasLaporan.objects.select_related("unit", "versi_pk__pk_induk__unit").get(pk=berkas_id)
    try:
        html, final, laporan = _isi(
            berkas.jenis, berkas.unit, berkas.tahun, berkas.versi_pk, berkas.dengan_peringatan, berkas.bahasa
        )
        kunci = hash_isi(
            berkas.format,
            berkas.dengan_peringatan,
            berkas.bahasa,
            html,
            jenis=berkas.jenis,
            versi_id=berkas.versi_pk_id,
        )
        with translation.override(berkas.bahasa):
            if kunci != berkas.hash:
                raise DataBerubah(_("Data laporan berubah sejak permintaan. Silakan buat berkas lagi."))
            if berkas.format == BerkasLaporan.Format.PDF:
                # The page map of this report's previous render lets the chapters render side by side (the
                # standalone legal documents are a few pages: one render).
                peta = None
                if berkas.jenis == BerkasLaporan.Jenis.LAPORAN:
                    peta = kunci_peta(berkas.unit_id, berkas.tahun, berkas.bahasa, berkas.dengan_peringatan)
                isi = render_pdf_html(html, peta)
            elif berkas.format == BerkasLaporan.Format.DOCX:
                from .word import render_docx

                isi = render_docx(laporan)
            else:
                from .excel import render_xlsx

                isi = render_xlsx(laporan)
        penyimpanan = berkas.berkas.storage
        nama = berkas.nama_simpan()
        if penyimpanan.exists(nama):
            penyimpanan.delete(nama)
        nama = penyimpanan.save(nama, ContentFile(isi))
    except Exception as e:
        alasan = str(e) if isinstance(e, DataBerubah) else _("Kesalahan saat membuat berkas: %(galat)s") % {"galat": e}
        BerkasLaporan.objects.filter(pk=berkas_id).update(
            status=Status.GAGAL, alasan=alasan[:1000], diperbarui_pada=timezone.now()
        )
        log.exception("Berkas laporan %s gagal dibuat", berkas_id)
        raise
    kini = timezone.now()
    BerkasLaporan.objects.filter(pk=berkas_id).update(
        status=Status.SELESAI,
        berkas=nama,
        ukuran=len(isi),
        final=final,
        selesai_pada=kini,
        diperbarui_pada=kini,
    )
    _buang_yang_lama(berkas)


def _buang_yang_lama(berkas: BerkasLaporan) -> None:
    """Older files of the same report (stale drafts of an edited year, an earlier approval's final) go once a
    newer one is stored; running ones are left to finish."""
    lama = BerkasLaporan.objects.filter(
        unit_id=berkas.unit_id,
        tahun=berkas.tahun,
        jenis=berkas.jenis,
        versi_pk_id=berkas.versi_pk_id,
        format=berkas.format,
        dengan_peringatan=berkas.dengan_peringatan,
        bahasa=berkas.bahasa,
        status__in=[Status.SELESAI, Status.GAGAL],
    ).exclude(pk=berkas.pk)
    for b in lama:
        if b.berkas:
            b.berkas.storage.delete(b.berkas.name)
        b.delete()


@task()
def render_berkas(berkas_id: int) -> None:
    jalankan_render(berkas_id)
