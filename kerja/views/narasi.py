"""Narrative sections of the Laporan Kinerja (list, edit with preview) and the consistency page.

Anyone who may read the unit sees the sections and the warnings; only the unit's planners and
administrators edit, and never in an approved or locked year.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from alur.ringkasan import periksa_tahun
from indikator import akses
from indikator.enums import StatusPeriode
from indikator.models import Sasaran
from indikator.periode import PeriodeBeku, ambil_periode
from indikator.queries import DataTidakDitemukan, renstra_untuk, revisi_untuk
from indikator.token_ubah import DataBerubah, token
from kerja.forms.token_ubah import TokenUbahMixin
from laporan.bab.kalimat import DRAF, draf_narasi
from laporan.bundel import ambil_bundel
from laporan.konsistensi import INFO, JENIS, PERINGATAN
from laporan.markdown import penanda_gambar, render_markdown
from laporan.models import GambarLaporan, NarasiLaporan
from laporan.narasi import (
    KUNCI_SASARAN,
    KUNCI_UMUM,
    ambil_narasi,
    daftar_bagian,
    kunci_url,
    label_bagian,
    letak_cetak,
    riwayat_narasi,
    simpan_narasi,
    urai_kunci,
)
from umum.teks import tanpa_karakter_kendali

from .umum import pesan_beku


class NarasiForm(TokenUbahMixin, forms.Form):
    judul = forms.CharField(
        label=gettext_lazy("Judul"),
        max_length=200,
        required=False,
        validators=[tanpa_karakter_kendali],
        help_text=gettext_lazy("Kosongkan untuk memakai judul bawaan laporan."),
    )
    isi = forms.CharField(
        label=gettext_lazy("Isi (Markdown)"),
        required=False,
        max_length=NarasiLaporan._meta.get_field("isi").max_length,
        widget=forms.Textarea(attrs={"rows": 22, "class": "markdown", "spellcheck": "true"}),
        help_text=gettext_lazy(
            "Markdown: **tebal**, *miring*, daftar bernomor (1.), daftar huruf (- a.), tabel, tautan. "
            "Angka capaian dan anggaran dibuat otomatis dari data; jangan ditulis ulang di sini."
        ),
    )


def _sasaran_tahun(unit, tahun: int) -> list[Sasaran]:
    """The sasaran of the Renstra structure valid in the year (3 queries), empty when there is none."""
    try:
        revisi = revisi_untuk(renstra_untuk(unit, tahun), tahun)
    except DataTidakDitemukan:
        return []
    return list(Sasaran.objects.filter(revisi=revisi).order_by("urutan", "id"))


def _letak(unit, tahun: int, bagian: str, sasaran: Sasaran | None) -> str:
    """Where the section prints in the report ("Bab III · Sasaran 1 · Analisis capaian")."""
    if sasaran is None:
        return letak_cetak(bagian)
    nomor = next((i for i, s in enumerate(_sasaran_tahun(unit, tahun), 1) if s.pk == sasaran.pk), None)
    return letak_cetak(bagian, nomor)


def _bagian_dari_url(unit, tahun: int, kunci: str) -> tuple[str, Sasaran | None]:
    """Resolve 'analisis--SP1' / 'kata_pengantar' to (bagian, sasaran); 404 for an unknown section."""
    bagian, kode = urai_kunci(kunci)
    sasaran = None
    if kode:
        sasaran = next((s for s in _sasaran_tahun(unit, tahun) if s.kode == kode), None)
        if sasaran is None:
            raise Http404(
                _("Sasaran %(kode)s tidak ada pada struktur tahun %(tahun)s.") % {"kode": kode, "tahun": tahun}
            )
    dikenal = (bagian in KUNCI_SASARAN) if sasaran else (bagian in KUNCI_UMUM)
    if (
        not dikenal
        and not NarasiLaporan.objects.filter(unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran).exists()
    ):
        raise Http404(_("Bagian narasi tidak dikenal."))
    return bagian, sasaran


@login_required
def narasi_daftar(request, slug: str, tahun: int):
    """Every expected narrative section of the unit's year with its status and a link to edit or read it."""
    unit = akses.ambil_unit(request.user, slug)
    daftar_sasaran = _sasaran_tahun(unit, tahun)
    bagian = daftar_bagian(daftar_sasaran, ambil_narasi(unit, tahun))
    baris = [
        {"b": b, "kunci": kunci_url(b.kunci, b.sasaran or (b.narasi.sasaran if b.narasi else None))} for b in bagian
    ]
    periode = ambil_periode(unit=unit, tahun=tahun)
    return render(
        request,
        "laporan/narasi/daftar.html",
        {
            "unit": unit,
            "tahun": tahun,
            "baris": baris,
            "jumlah": len(bagian),
            "terisi": sum(1 for b in bagian if b.terisi),
            "dapat_mengubah": akses.dapat_mengubah(request.user, unit) and not periode.dibekukan,
            "status": StatusPeriode(periode.status).label,
            "terkunci": periode.dibekukan,
            "periode": periode,
        },
    )


@login_required
def narasi_ubah(request, slug: str, tahun: int, bagian: str):
    """Edit one section (planners of the unit, administrators); readers see it rendered, read-only."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    kunci = bagian
    bagian, sasaran = _bagian_dari_url(unit, tahun, kunci)
    narasi = NarasiLaporan.objects.filter(unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran).first()
    periode = ambil_periode(unit=unit, tahun=tahun)
    kunci_pesan = pesan_beku(unit, tahun, periode)
    dapat_mengubah = akses.dapat_mengubah(request.user, unit) and not kunci_pesan
    # A new general section starts untitled: the report prints its own heading ("Maksud dan Tujuan"); the editor's
    # label ("Bab I – Maksud dan Tujuan") saved as the title printed "1.2. Bab I – Maksud dan Tujuan".
    awal = (
        {"judul": narasi.judul, "isi": narasi.isi}
        if narasi
        else {"judul": label_bagian(bagian) if sasaran is not None else ""}
    )
    draf = None
    if request.method != "POST" and dapat_mengubah and sasaran is None and not (narasi and narasi.isi.strip()):
        draf = _draf(unit, tahun, bagian, periode)
        if draf:
            awal["isi"] = draf
    form = NarasiForm(request.POST or None, initial=awal, versi=token(riwayat_narasi(unit, tahun, bagian, sasaran)))
    pratinjau = None
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if request.POST.get("aksi") == "pratinjau":
            pratinjau = render_markdown(d["isi"])
        else:
            try:
                narasi, berubah = simpan_narasi(
                    unit=unit,
                    tahun=tahun,
                    bagian=bagian,
                    sasaran=sasaran,
                    judul=d["judul"],
                    isi=d["isi"],
                    versi=form.token_dimuat(),
                )
            except PeriodeBeku as e:
                messages.error(request, " ".join(e.messages))
                status = 409
            except DataBerubah as e:
                form.add_error(None, e)
                status = 409
            else:
                if berubah:
                    messages.success(request, _("Narasi disimpan."))
                else:
                    messages.info(request, _("Tidak ada perubahan."))
                return redirect("kerja:narasi_ubah", slug=unit.slug, tahun=tahun, bagian=kunci)
    riwayat = []
    if narasi is not None:
        riwayat = list(narasi.history.select_related("history_user").order_by("-history_date")[:10])
    return render(
        request,
        "laporan/narasi/ubah.html",
        {
            "unit": unit,
            "tahun": tahun,
            "kunci": kunci,
            "bagian": bagian,
            "label": label_bagian(bagian),
            "letak": _letak(unit, tahun, bagian, sasaran),
            "sasaran": sasaran,
            "narasi": narasi,
            "html": render_markdown(narasi.isi) if narasi else "",
            "form": form,
            "pratinjau": pratinjau,
            "dapat_mengubah": dapat_mengubah,
            "pesan_terkunci": kunci_pesan,
            "periode": periode,
            "riwayat": riwayat,
            "gambar": _gambar_bagian(unit, tahun, bagian, sasaran),
            "draf": bool(draf),
        },
        status=status,
    )


def _draf(unit, tahun: int, bagian: str, periode) -> str | None:
    """The generated first draft of an empty general section (`laporan.bab.kalimat.draf_narasi`), offered in the
    editor as a proposal the planner reviews and saves; None without a generator or a Renstra for the year."""
    if bagian not in DRAF:
        return None
    try:
        return draf_narasi(ambil_bundel(unit, tahun, periode=periode), bagian)
    except DataTidakDitemukan:
        return None


def _gambar_bagian(unit, tahun: int, bagian: str, sasaran: Sasaran | None) -> list[dict]:
    """The uploaded figures placed in a general section, each with the marker that prints it inside the text."""
    if sasaran is not None:
        return []
    return [
        {"g": g, "penanda": penanda_gambar(g.pk)}
        for g in GambarLaporan.objects.filter(unit=unit, tahun=tahun, bagian=bagian).order_by("urutan", "id")
    ]


@login_required
@require_POST
def narasi_pratinjau(request, slug: str, tahun: int, bagian: str):
    """htmx: the Markdown of the textarea rendered (sanitised) for the live preview. Saves nothing."""
    akses.ambil_unit(request.user, slug, tulis=True)
    isi = request.POST.get("isi", "")
    try:
        NarasiForm.base_fields["isi"].run_validators(isi)  # an over-long text is not rendered either
    except ValidationError as e:
        return render(request, "laporan/narasi/_pratinjau.html", {"galat": " ".join(e.messages)})
    return render(request, "laporan/narasi/_pratinjau.html", {"html": render_markdown(isi)})


@login_required
def konsistensi(request, slug: str, tahun: int):
    """The consistency warnings of the unit's year, grouped by kind with counts."""
    unit = akses.ambil_unit(request.user, slug)
    # The same list as the submission summary (`alur.ringkasan.periksa_tahun`): warnings and empty sections.
    periksa = periksa_tahun(unit, tahun)
    hasil = [*periksa.peringatan, *periksa.info]
    kelompok = []
    for kode, (label, tingkat) in JENIS.items():
        item = [p for p in hasil if p.kode == kode]
        if item:
            kelompok.append({"kode": kode, "label": label, "tingkat": tingkat, "item": item, "jumlah": len(item)})
    return render(
        request,
        "laporan/konsistensi.html",
        {
            "unit": unit,
            "tahun": tahun,
            "kelompok": kelompok,
            # "Perbaiki" links lead to edit pages: only for those who may edit the unit (a head reads here).
            "boleh_ubah": akses.dapat_mengubah(request.user, unit),
            "narasi_kosong": periksa.narasi_kosong,
            "jumlah": len(hasil) + len(periksa.narasi_kosong),
            "jumlah_peringatan": sum(1 for p in hasil if p.tingkat == PERINGATAN) + len(periksa.narasi_kosong),
            "jumlah_info": sum(1 for p in hasil if p.tingkat == INFO),
        },
    )
