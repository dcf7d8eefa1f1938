"""Issued documents: the report files and legal PDFs the app has rendered (`laporan.BerkasLaporan`), under the
stable document kinds, and their download through a signed link that names the document and the client (usable
by tools that cannot send a header; revoking the client ends its links)."""

from __future__ import annotations

from django.core import signing
from django.db.models import F, Q
from django.urls import reverse

from indikator.enums import STATUS_FINAL
from laporan.models import BerkasLaporan, LaporanPeriodik

from .enums import JENIS_DARI_BERKAS, JENIS_PERIODIK
from .lingkup import Lingkup

GARAM = "api-berkas"


def berkas_terbit(
    lingkup: Lingkup, *, unit_ids=None, tahun: int | None = None, jenis: str | None = None, periodik_ids=None
) -> list:
    """The latest finished file of each document (unit, year, kind, PK version or periodic report, format,
    language) the client may read: of an approved or locked year and rendered as final — a periodic report's
    file: rendered from the issued report (its own issue is its release, whatever the year's state) —, or any
    finished one with the draft scope. `periodik_ids`: the files of these periodic reports."""
    qs = BerkasLaporan.objects.filter(status=BerkasLaporan.Status.SELESAI).exclude(berkas="")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    elif lingkup.unit_ids is not None:
        qs = qs.filter(unit_id__in=lingkup.unit_ids)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    if periodik_ids is not None:
        qs = qs.filter(laporan_periodik_id__in=list(periodik_ids))
    if jenis is not None:
        asal = [k for k, v in JENIS_DARI_BERKAS.items() if v == jenis]
        awalan = [a for v, _jp, a in JENIS_PERIODIK.values() if v == jenis]
        if awalan:
            qs = qs.filter(laporan_periodik__periode__startswith=awalan[0])
        else:
            qs = qs.filter(jenis__in=asal, laporan_periodik__isnull=True)
    if not lingkup.draf:
        final = Q(
            unit__periode__tahun=F("tahun"), unit__periode__status__in=STATUS_FINAL, laporan_periodik__isnull=True
        )
        terbit = Q(laporan_periodik__status=LaporanPeriodik.Status.TERBIT)
        qs = qs.filter(final | terbit, final=True)
    qs = qs.select_related("unit", "versi_pk", "laporan_periodik").defer("laporan_periodik__html_terbit")
    qs = qs.order_by("unit__urutan", "unit__nama", "tahun", "jenis", "-selesai_pada", "-id")
    terbaru, lihat = [], set()
    for b in qs:
        kunci = (b.unit_id, b.tahun, b.jenis, b.versi_pk_id, b.laporan_periodik_id, b.format, b.bahasa)
        if kunci not in lihat:
            lihat.add(kunci)
            terbaru.append(b)
    return terbaru


def tanda_unduh(berkas_id: int, klien_id: int) -> str:
    return signing.dumps({"b": berkas_id, "k": klien_id}, salt=GARAM, compress=True)


def baca_tanda(tanda: str) -> tuple[int, int] | None:
    try:
        isi = signing.loads(tanda, salt=GARAM)
    except signing.BadSignature:
        return None
    return int(isi["b"]), int(isi["k"])


def tautan_unduh(request, berkas: BerkasLaporan, lingkup: Lingkup) -> str:
    return request.build_absolute_uri(reverse("api:berkas", args=[tanda_unduh(berkas.pk, lingkup.klien.pk)]))
