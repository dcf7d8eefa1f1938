"""Realisasi: inline entry (htmx) of the quarters and of the yearly value with capaian and kriteria, narrative,
evidence files. In URLs the year's own row is quarter 0 (stored as triwulan NULL)."""

from __future__ import annotations

import mimetypes
from dataclasses import replace
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from indikator import akses, services
from indikator.models import BuktiDukung, Indikator, Realisasi
from indikator.token_ubah import token
from kerja import queries
from kerja.forms.kinerja import BuktiForm, RealisasiForm, RealisasiSelForm
from kerja.kewajaran import periksa_kewajaran

from .umum import jalankan, konteks

TAHUNAN = 0  # URL quarter of the yearly row


def _triwulan(triwulan: int) -> int | None:
    """URL quarter → stored quarter: 0 → None (the year's own row); anything else goes to the service, which
    refuses a quarter outside 1–4 with a message."""
    return None if triwulan == TAHUNAN else triwulan


def _indikator(unit, pk):
    return get_object_or_404(Indikator.objects.dengan_unit().milik(unit), pk=pk)


@login_required
def realisasi_daftar(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    lembar = queries.susun_lembar_realisasi(unit, tahun)
    return render(request, "kerja/realisasi_daftar.html", konteks(request, unit, tahun, lembar=lembar))


@login_required
@require_POST
def realisasi_sel(request, slug: str, tahun: int, indikator_pk: int, triwulan: int):
    """Save one quarter's value; htmx gets the indikator's row back with capaian and kriteria recomputed."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = _indikator(unit, indikator_pk)
    tw = _triwulan(triwulan)
    form = RealisasiSelForm(request.POST)
    galat = ""
    if form.is_valid():
        try:
            services.simpan_realisasi(
                indikator=indikator,
                tahun=tahun,
                triwulan=tw,
                nilai=form.cleaned_data["nilai"],
                nilai_kualitatif=form.cleaned_data["nilai_kualitatif"],
                versi=form.token_dimuat(),
            )
        except ValidationError as exc:
            galat = " ".join(exc.messages)
    else:
        galat = " ".join(e for daftar in form.errors.values() for e in daftar)
    if not request.htmx:
        if galat:
            messages.error(request, galat)
        else:
            messages.success(request, _("Realisasi disimpan."))
        return redirect("kerja:realisasi", slug=unit.slug, tahun=tahun)
    lembar = queries.susun_lembar_realisasi(unit, tahun)
    b = queries.baris_realisasi(lembar, indikator.pk)
    if b is None or triwulan not in SEL:
        # Not on the year's sheet (not in force that year) or not a cell of the row (a quarter outside 1–4): the
        # service refused it, so the reason is shown alone.
        return render(request, "kerja/_baris_ditolak.html", {"indikator": indikator, "galat": galat})
    if galat:
        b = _dengan_isian(
            b, {triwulan: request.POST.get("nilai") or request.POST.get("nilai_kualitatif", "")}, {triwulan: galat}
        )
    respons = render(request, "kerja/_baris_realisasi.html", konteks(request, unit, tahun, b=b))
    if not galat:
        respons["HX-Trigger"] = "realisasi-tersimpan"  # the page refreshes its NKO line
    return respons


SEL = (1, 2, 3, 4, TAHUNAN)


class _Batal(Exception):
    """Leaves the row's transaction without saving (a refused cell or an unconfirmed implausible value)."""


def _dengan_isian(b, isian: dict[int, str], galat: dict[int, str], peringatan=()) -> queries.BarisRealisasi:
    """The row as it was, with the text typed in each cell and the reasons it was not saved."""
    sel = tuple(replace(s, isian=isian.get(s.triwulan), galat=galat.get(s.triwulan, "")) for s in b.triwulan)
    return replace(
        b,
        triwulan=sel,
        isian_tahunan=isian.get(TAHUNAN),
        galat_tahunan=galat.get(TAHUNAN, ""),
        peringatan=tuple(peringatan),
    )


PAKAI_TAHUNAN, PAKAI_TRIWULAN = "tahunan", "triwulan"
PESAN_TANYA = _lazy(
    "Nilai tahunan sudah diisi dan dipakai untuk capaian; nilai triwulan yang diketik tidak dihitung. "
    "Nilai mana yang dipakai?"
)


def _tahunan_menimpa(ubah, tahunan_sekarang) -> bool:
    """A quarter gets a value while the yearly value (which replaces the quarters' aggregate) stays or is set:
    the typed quarter would not count."""
    tahunan = next(((n, k) for tw, n, k, _v in ubah if tw == TAHUNAN), tahunan_sekarang)
    ada_tahunan = tahunan[0] is not None or bool(tahunan[1])
    return ada_tahunan and any(tw != TAHUNAN and (n is not None or k) for tw, n, k, _v in ubah)


def _label_sel(tw: int) -> str:
    return _("Tahunan") if tw == TAHUNAN else f"TW{tw}"


def _kewajaran(b, ubah) -> list[str]:
    """Plausibility questions for the changed cells of the row as it would be saved."""
    satuan = b.ukur.indikator.satuan
    capaian = {s.triwulan: s.capaian for s in b.triwulan}
    hasil = []
    for tw, nilai, _kual, _versi in ubah:
        # The yearly capaian is the official one; a quarter's is its progress against the Rencana Aksi target.
        cap = b.ukur.capaian if tw == TAHUNAN or tw == 4 else capaian.get(tw)
        hasil.extend(periksa_kewajaran(satuan=satuan, nilai=nilai, capaian=cap, label=_label_sel(tw)))
    return hasil


@login_required
@require_POST
def realisasi_baris(request, slug: str, tahun: int, indikator_pk: int):
    """Save a whole row (four quarters and the yearly value) in one action; only the cells whose value changed
    are written, all or none. A quarter typed while a yearly value exists (the yearly value wins) comes back as
    a choice: `pilihan=tahunan` saves as typed (the yearly value still counts), `pilihan=triwulan` also empties
    the yearly value. Implausible values (capaian outside 50–150 %, a fraction for a count, a percentage
    above 100) come back as a question; the same submit with `konfirmasi=1` saves them. htmx gets the row back
    ("tersimpan", or the errors and questions at the row with the typed text kept)."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = _indikator(unit, indikator_pk)
    lembar_awal = queries.susun_lembar_realisasi(unit, tahun)
    awal = queries.baris_realisasi(lembar_awal, indikator.pk)
    if awal is None:
        raise Http404
    th = awal.ukur.realisasi.catatan
    sekarang = {s.triwulan: (s.nilai, s.kualitatif) for s in awal.triwulan}
    sekarang[TAHUNAN] = (th.nilai if th else None, th.nilai_kualitatif if th else "")
    kualitatif = indikator.polaritas == "kualitatif"
    isian, galat, ubah, versi_sel = {}, {}, [], {}
    for tw in SEL:
        awalan = f"tw{tw}"
        if f"{awalan}-nilai" not in request.POST and f"{awalan}-nilai_kualitatif" not in request.POST:
            continue
        isian[tw] = request.POST.get(f"{awalan}-nilai_kualitatif" if kualitatif else f"{awalan}-nilai", "")
        form = RealisasiSelForm(request.POST, prefix=awalan)
        if not form.is_valid():
            galat[tw] = " ".join(e for daftar in form.errors.values() for e in daftar)
            continue
        d = form.cleaned_data
        nilai, kual = d["nilai"], (d["nilai_kualitatif"] or "").strip().upper()
        versi_sel[tw] = d["versi"] or None
        if (nilai, kual) != sekarang[tw]:
            ubah.append((tw, nilai, kual, versi_sel[tw]))
    pilihan = request.POST.get("pilihan", "")
    tanya = False
    if not galat and _tahunan_menimpa(ubah, sekarang[TAHUNAN]):
        if pilihan == PAKAI_TRIWULAN:
            # Keep the typed quarters: the yearly value is emptied in the same transaction.
            ubah = [u for u in ubah if u[0] != TAHUNAN]
            ubah.append((TAHUNAN, None, "", versi_sel.get(TAHUNAN, awal.versi_tahunan)))
        elif pilihan != PAKAI_TAHUNAN:
            tanya = True  # nothing is saved until the user says which value counts
    peringatan: list[str] = []
    baru = None
    if ubah and not galat and not tanya:
        try:
            with transaction.atomic():
                for tw, nilai, kual, versi in ubah:
                    try:
                        services.simpan_realisasi(
                            indikator=indikator,
                            tahun=tahun,
                            triwulan=_triwulan(tw),
                            nilai=nilai,
                            nilai_kualitatif=kual,
                            versi=versi,
                        )
                    except ValidationError as exc:
                        galat[tw] = " ".join(exc.messages)
                        raise _Batal from None
                baru = queries.baris_realisasi(queries.susun_lembar_realisasi(unit, tahun), indikator.pk)
                if request.POST.get("konfirmasi") != "1":
                    peringatan = _kewajaran(baru, ubah)
                    if peringatan:
                        raise _Batal
        except _Batal:
            baru = None
    if not request.htmx:
        if tanya:
            # Without htmx the page itself asks, the row keeping what was typed.
            b = replace(_dengan_isian(awal, isian, galat), tanya_tahunan=True)
            lembar = replace(lembar_awal, baris=tuple(b if x is awal else x for x in lembar_awal.baris))
            messages.warning(request, PESAN_TANYA)
            return render(request, "kerja/realisasi_daftar.html", konteks(request, unit, tahun, lembar=lembar))
        if galat or peringatan:
            messages.error(request, " ".join([*galat.values(), *peringatan]))
        elif baru is not None:
            messages.success(request, _("Realisasi disimpan."))
        return redirect("kerja:realisasi", slug=unit.slug, tahun=tahun)
    if baru is not None:
        b = replace(baru, tersimpan=True)
    elif galat or peringatan or tanya:
        b = _dengan_isian(awal, isian, galat, peringatan)
        b = replace(b, tanya_tahunan=tanya, pilihan="" if tanya else pilihan)
    else:
        b = replace(awal, tersimpan=True)  # nothing changed: nothing to save
    respons = render(request, "kerja/_baris_realisasi.html", konteks(request, unit, tahun, b=b))
    if baru is not None:
        respons["HX-Trigger"] = "realisasi-tersimpan"  # the page refreshes its NKO line
    return respons


@login_required
def realisasi_rincian(request, slug: str, tahun: int, indikator_pk: int, triwulan: int):
    """A quarter's value with its narrative (analisis, faktor pendukung/penghambat, rencana tindak lanjut)
    and evidence files."""
    unit = akses.ambil_unit(request.user, slug, tulis=request.method == "POST")
    indikator = _indikator(unit, indikator_pk)
    tw = _triwulan(triwulan)
    r = Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=tw).first()
    awal = {}
    if r is not None:
        awal = {k: getattr(r, k) for k in ("nilai", "nilai_kualitatif", *services.NARASI)}
    form = RealisasiForm(
        request.POST or None, initial=awal, versi=token(services.riwayat_realisasi(indikator.pk, tahun, tw))
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_realisasi(
                indikator=indikator,
                tahun=tahun,
                triwulan=tw,
                nilai=d["nilai"],
                nilai_kualitatif=d["nilai_kualitatif"],
                narasi={k: d[k] for k in services.NARASI},
                versi=form.token_dimuat(),
            ),
        )
        if ok:
            messages.success(request, _("Realisasi dan narasi disimpan."))
            return redirect(
                "kerja:realisasi_rincian", slug=unit.slug, tahun=tahun, indikator_pk=indikator.pk, triwulan=triwulan
            )
    lembar = queries.susun_lembar_realisasi(unit, tahun)
    bukti = list(r.bukti.select_related("diunggah_oleh").order_by("-diunggah_pada")) if r else []
    return render(
        request,
        "kerja/realisasi_rincian.html",
        konteks(
            request,
            unit,
            tahun,
            indikator=indikator,
            triwulan=triwulan,
            realisasi=r,
            form=form,
            form_bukti=BuktiForm(),
            bukti=bukti,
            b=queries.baris_realisasi(lembar, indikator.pk),
            ekstensi=", ".join(settings.SAKIP_BUKTI_EKSTENSI),
        ),
    )


@login_required
@require_POST
def bukti_unggah(request, slug: str, tahun: int, indikator_pk: int, triwulan: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = _indikator(unit, indikator_pk)
    r = get_object_or_404(Realisasi, indikator=indikator, tahun=tahun, triwulan=_triwulan(triwulan))
    form = BuktiForm(request.POST, request.FILES)
    if form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_bukti(
                realisasi=r,
                berkas=form.cleaned_data["berkas"],
                keterangan=form.cleaned_data["keterangan"],
                oleh=request.user,
            ),
        )
        if ok:
            messages.success(request, _("Bukti dukung diunggah."))
    for daftar in form.errors.values():
        for e in daftar:
            messages.error(request, e)
    return redirect(
        "kerja:realisasi_rincian", slug=unit.slug, tahun=tahun, indikator_pk=indikator.pk, triwulan=triwulan
    )


@login_required
@require_POST
def bukti_hapus(request, slug: str, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    bukti = get_object_or_404(
        BuktiDukung.objects.select_related(f"realisasi__indikator__{Indikator.JALUR_UNIT}"),
        pk=pk,
        **{f"realisasi__indikator__{Indikator.JALUR_UNIT}": unit},
    )
    r = bukti.realisasi
    ok, _obj = jalankan(request, None, lambda: services.hapus_bukti(bukti=bukti))
    if ok:
        messages.success(request, _("Bukti dukung dihapus."))
    return redirect(
        "kerja:realisasi_rincian",
        slug=unit.slug,
        tahun=r.tahun,
        indikator_pk=r.indikator_id,
        triwulan=r.triwulan or TAHUNAN,
    )


@login_required
def bukti_unduh(request, slug: str, pk: int):
    """Evidence files (private storage, never under /media/) are served only through this view, so the unit
    scope applies. With SAKIP_SENDFILE_HEADER the web server sends the file (X-Accel-Redirect: internal URL
    SAKIP_SENDFILE_PREFIX + name; X-Sendfile: the absolute path) after this check."""
    unit = akses.ambil_unit(request.user, slug)
    bukti = get_object_or_404(BuktiDukung, pk=pk, **{f"realisasi__indikator__{Indikator.JALUR_UNIT}": unit})
    nama = bukti.berkas.name.rsplit("/", 1)[-1]
    header = settings.SAKIP_SENDFILE_HEADER
    if not header:
        return FileResponse(bukti.berkas.open("rb"), as_attachment=True, filename=nama)
    if not bukti.berkas.storage.exists(bukti.berkas.name):
        raise Http404(_("Berkas bukti dukung tidak ditemukan."))
    respons = HttpResponse(content_type=mimetypes.guess_type(nama)[0] or "application/octet-stream")
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    if header.lower() == "x-sendfile":
        respons[header] = bukti.berkas.path
    else:
        respons[header] = quote(settings.SAKIP_SENDFILE_PREFIX.rstrip("/") + "/" + bukti.berkas.name)
    return respons
