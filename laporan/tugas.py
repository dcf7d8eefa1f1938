"""Report files rendered in the background through Django's task API (django-tasks now, `django.tasks` from
Django 6): a request asks for a file (`minta_berkas`; the standalone legal PDFs, the PK agreement of a version and
the IKU decree: `minta_dokumen`) and never builds or renders one; the worker (`render_berkas`) builds it once,
renders and stores it.

Keyed by inputs: a request computes the file's key from what it is made of (`laporan.kunci.kunci_berkas`: data
and text versions, language, annex, format, build id; a constant handful of queries) and finds, joins or queues
the `BerkasLaporan` of that key (unique per unit, year, format and key), so a second request for the same report
— a second click, another user, another web worker or machine — joins the render instead of queueing another.
The worker checks the key before and after building (the data changed meanwhile: failed with a clear reason) and
hashes the built content: a file of the same content already stored is taken over instead of rendered again.

Budget and lease: the render runs within `SAKIP_LAPORAN_WAKTU_MAKS_DETIK` and `SAKIP_LAPORAN_MEMORI_MB`
(`laporan.batas`: in a capped child or pool process, killed at the deadline) and fails with a clear message when
over it. The worker holds a lease (`sewa`) and beats `detak` every `SAKIP_LAPORAN_DETAK_DETIK`; a render whose
heartbeat is older than `SAKIP_LAPORAN_DETAK_MATI_DETIK` is taken as dead (its worker was killed): shown as failed
and queued anew by the next request. At most one render per unit runs at a time: a unit's next file waits
(`menunggu`) and is queued when the running one ends, so one unit's files never hold up other units'. An approved or
locked year is served from its stored final file without computing anything else.
"""

from __future__ import annotations

import hashlib
import logging
import statistics
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from indikator.models import PeriodeUnit, UnitKerja
from indikator.periode import ambil_periode
from indikator.queries import DataTidakDitemukan, renstra_untuk, revisi_untuk

from . import batas
from .kunci import kunci_berkas, versi_masukan
from .models import BerkasLaporan
from .pdf import html_keputusan_iku, html_periodik, html_pk, kunci_peta, render_html_cetak, render_pdf_html
from .susun import susun_laporan, susun_laporan_periodik

try:  # Django 6
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task

log = logging.getLogger(__name__)
Status = BerkasLaporan.Status
Jenis = BerkasLaporan.Jenis
Tahap = BerkasLaporan.Tahap


class DataBerubah(RuntimeError):
    """The report's data changed between the request and the render."""


def hash_isi(
    format_: str, dengan_peringatan: bool, bahasa: str, html: str, *, jenis: str = "laporan", versi_id=None
) -> str:
    """What a file's content is: the print HTML (all data, narrative and layout, in its language), the format and
    the warnings annex; for a legal document also which one (two PK versions may print alike). The worker's
    check: a stored file of the same content is taken over instead of rendered again."""
    awal = f"{format_}\n{int(dengan_peringatan)}\n{bahasa}\n"
    if jenis != Jenis.LAPORAN:
        awal += f"{jenis}\n{versi_id or ''}\n"
    h = hashlib.sha256(awal.encode())
    h.update(html.encode("utf-8"))
    return h.hexdigest()


def _isi(jenis: str, unit: UnitKerja, tahun: int, versi, dengan_peringatan: bool, bahasa: str, periodik=None):
    """(print HTML, final, the report or None) of a document (the worker's build). Raises DataTidakDitemukan
    when it has nothing to print (no report for the year, no IKU). A periodic report: an issued version's frozen
    HTML (its DOCX and XLSX from the document built now)."""
    with translation.override(bahasa):
        if jenis == Jenis.PERIODIK:
            laporan = susun_laporan_periodik(periodik)
            return html_periodik(periodik, laporan), periodik.status == periodik.Status.TERBIT, laporan
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


_BELUM_DIBACA = object()


def _final_tersimpan(
    unit: UnitKerja,
    tahun: int,
    format_: str,
    dengan_peringatan: bool,
    bahasa: str,
    jenis="laporan",
    versi=None,
    periode=_BELUM_DIBACA,
):
    """The stored final file of an approved or locked year, made after the year's last status change."""
    if periode is _BELUM_DIBACA:
        periode = ambil_periode(unit=unit, tahun=tahun)
    if periode is None or not periode.final:
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


# ---------------------------------------------------------------------- lease, heartbeat, lost renders


def _detak_mati() -> timedelta:
    return timedelta(seconds=settings.SAKIP_LAPORAN_DETAK_MATI_DETIK)


def _hidup() -> Q:
    """Renders whose worker beat its heartbeat recently."""
    return Q(status=Status.DIRENDER, detak__gte=timezone.now() - _detak_mati())


def kedaluwarsa(berkas: BerkasLaporan) -> bool:
    """A render whose worker is gone: rendering without a heartbeat for SAKIP_LAPORAN_DETAK_MATI_DETIK, or queued
    (not waiting behind its unit's render) for SAKIP_LAPORAN_BATAS_DETIK."""
    kini = timezone.now()
    if berkas.status == Status.DIRENDER:
        return (berkas.detak or berkas.diperbarui_pada) < kini - _detak_mati()
    if berkas.status == Status.ANTRI and not berkas.menunggu:
        return berkas.diperbarui_pada < kini - timedelta(seconds=settings.SAKIP_LAPORAN_BATAS_DETIK)
    return False


def tandai_kedaluwarsa(berkas: BerkasLaporan) -> BerkasLaporan:
    """Marks a lost render as failed (so that the page says so and offers to make it again), its task row too,
    and lets the unit's next waiting file go."""
    if kedaluwarsa(berkas):
        alasan = _(
            "Pembuatan berkas terhenti: pekerja tugas tidak memberi tanda hidup dalam batas waktu (pekerja "
            "berhenti?). Silakan buat lagi."
        )
        if BerkasLaporan.objects.filter(pk=berkas.pk, status=berkas.status, sewa=berkas.sewa).update(
            status=Status.GAGAL, alasan=alasan, sewa="", diperbarui_pada=timezone.now()
        ):
            _gagalkan_baris_tugas(berkas.tugas_id, alasan)
            _bangunkan(berkas.unit_id)
        berkas.refresh_from_db()
    return berkas


def _gagalkan_baris_tugas(tugas_id: str, alasan: str) -> None:
    """The database backend's task row of a dead render: FAILED instead of RUNNING for ever."""
    if not tugas_id or not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return
    from django_tasks_db.models import DBTaskResult

    try:
        DBTaskResult.objects.filter(id=tugas_id).running().update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path="laporan.batas.SewaHilang",
            traceback=alasan,
        )
    except (ValueError, TypeError, ValidationError):  # not a task id of this backend
        pass


def _bangunkan(unit_id: int) -> None:
    """Queue the unit's oldest waiting file when none of its renders is alive (after a render ends or dies)."""
    with transaction.atomic():
        UnitKerja.objects.select_for_update().filter(pk=unit_id).values_list("pk").first()
        if BerkasLaporan.objects.filter(_hidup(), unit_id=unit_id).exists():
            return
        berikut = (
            BerkasLaporan.objects.filter(unit_id=unit_id, status=Status.ANTRI, menunggu=True)
            .order_by("diperbarui_pada", "pk")
            .first()
        )
        if berikut is not None and BerkasLaporan.objects.filter(pk=berikut.pk, menunggu=True).update(
            menunggu=False, diperbarui_pada=timezone.now()
        ):
            _antrekan(berikut)


# ---------------------------------------------------------------------- the request


def minta_berkas(
    unit: UnitKerja, tahun: int, format_: str, *, dengan_peringatan: bool = False, bahasa: str = "id"
) -> BerkasLaporan:
    """The report file for the current data: stored, queued or rendering (joined), or newly queued.

    Reads the file's key (`laporan.kunci`), never builds the report. Raises `indikator.queries.DataTidakDitemukan`
    when no Renstra covers the year."""
    return _minta(unit, tahun, format_, Jenis.LAPORAN, None, dengan_peringatan, bahasa)


def minta_dokumen(jenis: str, unit: UnitKerja, tahun: int, *, versi=None, bahasa: str = "id") -> BerkasLaporan:
    """A standalone legal PDF the same way as `minta_berkas`: the "Dokumen Perjanjian Kinerja" of `versi`
    (jenis "pk") or the decree setting the IKU of the Renstra covering `tahun` (jenis "iku"). Builds nothing;
    a decree without IKU fails in the worker with its reason."""
    return _minta(unit, tahun, BerkasLaporan.Format.PDF, jenis, versi, False, bahasa)


def minta_berkas_periodik(laporan_periodik, format_: str, *, bahasa: str = "id") -> BerkasLaporan:
    """A periodic report's file (PDF, DOCX, XLSX) the same way as `minta_berkas`; its key adds the report's
    own row and texts."""
    lp = laporan_periodik
    return _minta(lp.unit, lp.tahun, format_, Jenis.PERIODIK, None, False, bahasa, periodik=lp)


def _ada(berkas: BerkasLaporan) -> bool:
    return bool(berkas.berkas) and berkas.berkas.storage.exists(berkas.berkas.name)


def _kunci(unit_id, tahun, format_, jenis, versi_id, dengan_peringatan, bahasa, periode, **kw) -> str:
    return kunci_berkas(
        unit_id,
        tahun,
        format_,
        periode=periode,
        jenis=jenis,
        versi_pk_id=versi_id,
        dengan_peringatan=dengan_peringatan,
        bahasa=bahasa,
        **kw,
    )


def _ambil_draf_sebagai_final(unit, tahun, format_, jenis, versi_id, bahasa, periode, versi, kunci) -> None:
    """A legal document (no draft mark) of a year approved after its file was made, nothing else changed: the
    stored draft file becomes the year's final file under the new key, found from now on without a render."""
    draf = BerkasLaporan.objects.filter(
        unit=unit,
        tahun=tahun,
        format=format_,
        status=Status.SELESAI,
        hash=_kunci(unit.pk, tahun, format_, jenis, versi_id, False, bahasa, periode, versi=versi, terkunci=False),
    ).first()
    if draf is not None and _ada(draf):
        BerkasLaporan.objects.filter(pk=draf.pk).update(hash=kunci, final=True, dibuat_pada=timezone.now())


def _minta(unit, tahun, format_, jenis, versi, dengan_peringatan, bahasa, periodik=None) -> BerkasLaporan:
    periode = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).first()
    final = None
    if periodik is None:
        final = _final_tersimpan(unit, tahun, format_, dengan_peringatan, bahasa, jenis, versi, periode=periode)
    if final is not None and _ada(final):
        return final
    if jenis == Jenis.LAPORAN:  # the year has a report: a Renstra with a structure for it (the builder's rule)
        revisi_untuk(renstra_untuk(unit, tahun), tahun)
    versi_id = getattr(versi, "pk", None)
    v = versi_masukan(unit.pk)
    kunci = _kunci(
        unit.pk, tahun, format_, jenis, versi_id, dengan_peringatan, bahasa, periode, versi=v, periodik=periodik
    )
    if jenis not in (Jenis.LAPORAN, Jenis.PERIODIK) and periode is not None and periode.final:
        if not BerkasLaporan.objects.filter(unit=unit, tahun=tahun, format=format_, hash=kunci).exists():
            _ambil_draf_sebagai_final(unit, tahun, format_, jenis, versi_id, bahasa, periode, v, kunci)
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
            "final": periodik.status == periodik.Status.TERBIT if periodik else periode is not None and periode.final,
            "laporan_periodik": periodik,
        },
    )
    if dibuat:
        _antrekan(berkas)
        return berkas
    if berkas.berjalan and kedaluwarsa(berkas):
        berkas = tandai_kedaluwarsa(berkas)  # a dead render: failed (its task row too), then queued anew below
    ulang = berkas.status == Status.GAGAL
    if berkas.status == Status.SELESAI and not _ada(berkas):
        ulang = True  # the stored file is gone (e.g. a new machine's empty private folder)
    if ulang:
        # Only the request whose update wins queues the render; the others join it.
        if BerkasLaporan.objects.filter(
            pk=berkas.pk, status=berkas.status, diperbarui_pada=berkas.diperbarui_pada
        ).update(status=Status.ANTRI, alasan="", menunggu=False, sewa="", diperbarui_pada=timezone.now()):
            berkas.refresh_from_db()
            _antrekan(berkas)
        else:
            berkas.refresh_from_db()
    elif berkas.status == Status.ANTRI and berkas.menunggu:
        _bangunkan(berkas.unit_id)  # waiting behind a render that died: the unit's queue moves on
        berkas.refresh_from_db()
    return berkas


# ---------------------------------------------------------------------- what the page shows

# How many recent renders of a format give its typical duration.
JUMLAH_CONTOH_DURASI = 10


def durasi_biasa(durasi: list[float]) -> int | None:
    """The typical duration (whole seconds, the median) of recent renders, or None without any."""
    if not durasi:
        return None
    return int(statistics.median(durasi) + 0.5)


def durasi_per_format() -> dict[str, int]:
    """Typical render duration of a report file per format, from the latest done renders (1 query)."""
    baris = (
        BerkasLaporan.objects.filter(
            jenis=Jenis.LAPORAN, status=Status.SELESAI, mulai_pada__isnull=False, selesai_pada__isnull=False
        )
        .order_by("-selesai_pada")
        .values_list("format", "mulai_pada", "selesai_pada")[: JUMLAH_CONTOH_DURASI * len(BerkasLaporan.Format)]
    )
    contoh: dict[str, list[float]] = {}
    for format_, mulai, selesai in baris:
        daftar = contoh.setdefault(format_, [])
        if len(daftar) < JUMLAH_CONTOH_DURASI:
            daftar.append((selesai - mulai).total_seconds())
    return {f: d for f, d in ((f, durasi_biasa(d)) for f, d in contoh.items()) if d is not None}


def terkini(berkas: BerkasLaporan, kunci: str, periode: PeriodeUnit | None) -> bool:
    """Whether a stored file is the one a request would get now: its key is the current key, or it is the final
    file of an approved or locked year made after the year's last status change (`_final_tersimpan`'s rule)."""
    if berkas.hash == kunci:
        return True
    return bool(
        periode is not None
        and periode.final
        and berkas.final
        and berkas.status == Status.SELESAI
        and berkas.dibuat_pada >= periode.diubah_pada
    )


def daftar_berkas(unit: UnitKerja, tahun: int) -> list[BerkasLaporan]:
    """The report files stored or being made for a unit's year, each with `terkini` (current or out of date,
    from the key; no report is built) and `durasi_biasa` (typical seconds of its format); 4 queries whatever
    their number."""
    periode = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).first()
    versi = versi_masukan(unit.pk)
    daftar = list(
        BerkasLaporan.objects.filter(unit=unit, tahun=tahun, jenis=Jenis.LAPORAN).order_by(
            "format", "bahasa", "dengan_peringatan", "-dibuat_pada"
        )
    )
    biasa = durasi_per_format()
    for b in daftar:
        kunci = _kunci(unit.pk, tahun, b.format, b.jenis, None, b.dengan_peringatan, b.bahasa, periode, versi=versi)
        b.terkini = terkini(b, kunci, periode)
        b.durasi_biasa = biasa.get(b.format)
        b.unit = unit
    return daftar


def _antrekan(berkas: BerkasLaporan) -> None:
    pk = berkas.pk

    def antrekan():
        hasil = render_berkas.enqueue(pk)
        BerkasLaporan.objects.filter(pk=pk).update(tugas_id=str(getattr(hasil, "id", "") or "")[:64])

    transaction.on_commit(antrekan)


# ---------------------------------------------------------------------- the worker


def _ambil_giliran(berkas_id: int, sewa: str) -> BerkasLaporan | None:
    """Take the queued file for this worker (lease `sewa`), or None: already taken or done, or another render of
    its unit is alive (then it waits, `menunggu`, and is queued when that one ends)."""
    berkas = BerkasLaporan.objects.filter(pk=berkas_id, status=Status.ANTRI).only("unit_id").first()
    if berkas is None:
        return None
    with transaction.atomic():
        UnitKerja.objects.select_for_update().filter(pk=berkas.unit_id).values_list("pk").first()
        if BerkasLaporan.objects.filter(_hidup(), unit_id=berkas.unit_id).exclude(pk=berkas_id).exists():
            BerkasLaporan.objects.filter(pk=berkas_id, status=Status.ANTRI).update(menunggu=True)
            return None
        kini = timezone.now()
        if not BerkasLaporan.objects.filter(pk=berkas_id, status=Status.ANTRI).update(
            status=Status.DIRENDER,
            sewa=sewa,
            detak=kini,
            diperbarui_pada=kini,
            menunggu=False,
            mulai_pada=kini,
            tahap=Tahap.SUSUN,
        ):
            return None
    return BerkasLaporan.objects.select_related("unit", "versi_pk__pk_induk__unit", "laporan_periodik__unit").get(
        pk=berkas_id
    )


def _pendetak(berkas_id: int, sewa: str):
    """The heartbeat of a render: raises SewaHilang when its lease was taken (it was taken as dead)."""

    def detak():
        if not BerkasLaporan.objects.filter(pk=berkas_id, sewa=sewa, status=Status.DIRENDER).update(
            detak=timezone.now()
        ):
            raise batas.SewaHilang(berkas_id)

    return detak


def jalankan_render(berkas_id: int) -> None:
    """The worker's job: build the queued file once, render it within its budget, store it, mark it done (or
    failed, with the reason); then let its unit's next waiting file go."""
    sewa = uuid.uuid4().hex
    berkas = _ambil_giliran(berkas_id, sewa)
    if berkas is None:
        return  # already rendered, taken by another worker, or waiting behind its unit's render
    try:
        _render(berkas, sewa)
    finally:
        _bangunkan(berkas.unit_id)


def _render(berkas: BerkasLaporan, sewa: str) -> None:
    berkas_id = berkas.pk
    detak = _pendetak(berkas_id, sewa)
    try:
        with batas.anggaran(
            settings.SAKIP_LAPORAN_WAKTU_MAKS_DETIK,
            settings.SAKIP_LAPORAN_MEMORI_MB,
            detak=detak,
            selang=settings.SAKIP_LAPORAN_DETAK_DETIK,
        ) as a:
            ukuran, nama, final, isi_hash = _buat(berkas, a)
    except batas.SewaHilang:
        log.warning("Berkas laporan %s: sewa diambil pekerja lain, render dihentikan", berkas_id)
        return
    except Exception as e:
        if isinstance(e, DataBerubah | batas.MelewatiBatas):
            alasan = str(e)
        elif isinstance(e, MemoryError):
            alasan = batas.pesan_memori(settings.SAKIP_LAPORAN_MEMORI_MB)
        else:
            with translation.override(berkas.bahasa):
                alasan = _("Kesalahan saat membuat berkas: %(galat)s") % {"galat": e}
        BerkasLaporan.objects.filter(pk=berkas_id, sewa=sewa).update(
            status=Status.GAGAL, alasan=alasan[:1000], sewa="", diperbarui_pada=timezone.now()
        )
        log.exception("Berkas laporan %s gagal dibuat", berkas_id)
        raise
    kini = timezone.now()
    BerkasLaporan.objects.filter(pk=berkas_id, sewa=sewa).update(
        status=Status.SELESAI,
        berkas=nama,
        ukuran=ukuran,
        hash_isi=isi_hash,
        final=final,
        sewa="",
        selesai_pada=kini,
        diperbarui_pada=kini,
    )
    _buang_yang_lama(berkas, nama)


def _periksa_kunci(berkas: BerkasLaporan) -> None:
    periode = PeriodeUnit.objects.filter(unit_id=berkas.unit_id, tahun=berkas.tahun).first()
    kunci = _kunci(
        berkas.unit_id,
        berkas.tahun,
        berkas.format,
        berkas.jenis,
        berkas.versi_pk_id,
        berkas.dengan_peringatan,
        berkas.bahasa,
        periode,
        periodik=berkas.laporan_periodik,
    )
    if kunci != berkas.hash:
        with translation.override(berkas.bahasa):
            raise DataBerubah(_("Data laporan berubah sejak permintaan. Silakan buat berkas lagi."))


def _buat(berkas: BerkasLaporan, a: batas.Anggaran) -> tuple[int, str, bool, str]:
    """(size, storage name, final, content hash) of the file: built once, rendered unless a stored file of the
    same content exists."""
    _periksa_kunci(berkas)
    html, final, laporan = _isi(
        berkas.jenis,
        berkas.unit,
        berkas.tahun,
        berkas.versi_pk,
        berkas.dengan_peringatan,
        berkas.bahasa,
        berkas.laporan_periodik,
    )
    _periksa_kunci(berkas)  # nothing changed while it was built
    a.berdetak(paksa=True)
    _lapor_tahap(berkas, Tahap.RENDER)
    a.lapor = lambda tahap, bagian="": _lapor_tahap(berkas, tahap, bagian)  # PDF parts done, merging
    isi_hash = hash_isi(
        berkas.format, berkas.dengan_peringatan, berkas.bahasa, html, jenis=berkas.jenis, versi_id=berkas.versi_pk_id
    )
    sama = next((b for b in _sejenis(berkas).filter(hash_isi=isi_hash, status=Status.SELESAI) if _ada(b)), None)
    if sama is not None:  # the same content is stored (e.g. a year approved after its legal document was made)
        return sama.ukuran, sama.berkas.name, final, isi_hash
    with translation.override(berkas.bahasa):
        if berkas.format == BerkasLaporan.Format.PDF:
            # The page map of this report's previous render lets the chapters render side by side (the
            # standalone legal documents are a few pages: one render).
            peta = None
            if berkas.jenis == BerkasLaporan.Jenis.LAPORAN:
                peta = kunci_peta(berkas.unit_id, berkas.tahun, berkas.bahasa, berkas.dengan_peringatan)
            isi = render_pdf_html(html, peta)
        elif berkas.format == BerkasLaporan.Format.DOCX:
            from django.core.cache import cache

            from .word import render_docx

            # The page map of the same report's PDF (when rendered) fills the DOCX's daftar with page numbers.
            peta = cache.get(kunci_peta(berkas.unit_id, berkas.tahun, berkas.bahasa, berkas.dengan_peringatan))
            isi = batas.jalankan_di_anak(render_docx, laporan, peta)
        else:
            from .excel import render_xlsx

            isi = batas.jalankan_di_anak(render_xlsx, laporan)
    a.berdetak(paksa=True)
    _lapor_tahap(berkas, Tahap.SIMPAN)
    penyimpanan = berkas.berkas.storage
    nama = berkas.nama_simpan()
    if penyimpanan.exists(nama):
        penyimpanan.delete(nama)
    nama = penyimpanan.save(nama, ContentFile(isi))
    return len(isi), nama, final, isi_hash


def _lapor_tahap(berkas: BerkasLaporan, tahap: str, bagian: str = "") -> None:
    """The stage the page shows while the file is made (one UPDATE, only while this render runs)."""
    BerkasLaporan.objects.filter(pk=berkas.pk, status=Status.DIRENDER).update(tahap=tahap, tahap_bagian=bagian)


def _sejenis(berkas: BerkasLaporan):
    """The other files of the same document (unit, year, which document, format, annex, language)."""
    return BerkasLaporan.objects.filter(
        unit_id=berkas.unit_id,
        tahun=berkas.tahun,
        jenis=berkas.jenis,
        versi_pk_id=berkas.versi_pk_id,
        laporan_periodik_id=berkas.laporan_periodik_id,
        format=berkas.format,
        dengan_peringatan=berkas.dengan_peringatan,
        bahasa=berkas.bahasa,
    ).exclude(pk=berkas.pk)


def _buang_yang_lama(berkas: BerkasLaporan, nama: str) -> None:
    """Older files of the same report (stale drafts of an edited year, an earlier approval's final) go once a
    newer one is stored (a file taken over stays); running ones are left to finish."""
    for b in _sejenis(berkas).filter(status__in=[Status.SELESAI, Status.GAGAL]):
        if b.berkas and b.berkas.name != nama:
            b.berkas.storage.delete(b.berkas.name)
        b.delete()


@task()
def render_berkas(berkas_id: int) -> None:
    jalankan_render(berkas_id)
