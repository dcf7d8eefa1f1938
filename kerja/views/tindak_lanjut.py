"""The recommendations register of a unit: the register with filters, a recommendation's timeline, the APIP's
verification queue, and the forms: a source and a recommendation (APIP), a follow-up plan and a follow-up report
(the unit's planners), the decision on a plan and the verification (APIP). Every write goes through
`tindak_lanjut.services` (roles and the period lock are checked there, on the server)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from alur import reviu as reviu_alur
from alur.tindak_lanjut import periksa_syarat
from indikator import akses
from indikator.models import UnitKerja
from indikator.periode import PeriodeBeku
from kerja.forms.tindak_lanjut import (
    ButirReviuForm,
    CatatanReviuForm,
    ImporMatriksForm,
    PutusRencanaForm,
    RekomendasiForm,
    RencanaForm,
    SelesaiReviuForm,
    SumberForm,
    TindakLanjutForm,
    VerifikasiForm,
)
from tindak_lanjut import akses as akses_tl
from tindak_lanjut import impor as impor_tl
from tindak_lanjut import matriks, queries, services
from tindak_lanjut import reviu as reviu_tl
from tindak_lanjut.enums import ButirPeriksa, JenisSumber, KelompokUmur, StatusRekomendasi
from tindak_lanjut.models import (
    BuktiTindakLanjut,
    Rekomendasi,
    RencanaAksiTL,
    ReviuLaporan,
    SumberRekomendasi,
    TindakLanjut,
)
from umum.unduhan import respons_unduhan

from .umum import halaman_formulir, jalankan, konteks


def _tahun(nilai) -> int | None:
    try:
        t = int(nilai)
    except (TypeError, ValueError):
        return None
    return t if 2000 <= t <= 2100 else None


def _rekomendasi(unit: UnitKerja, pk: int) -> Rekomendasi:
    return get_object_or_404(Rekomendasi.objects.select_related("sumber", "unit_pj"), pk=pk, unit_pj=unit)


@login_required
def register(request, slug: str):
    """The unit's recommendations, filtered by year, status, source kind and overdue."""
    unit = akses.ambil_unit(request.user, slug)
    tahun = _tahun(request.GET.get("tahun"))
    status = request.GET.get("status", "")
    status = status if status in StatusRekomendasi.values else ""
    jenis = request.GET.get("sumber", "")
    jenis = jenis if jenis in JenisSumber.values else ""
    telat = request.GET.get("terlambat") == "1"
    baris = queries.susun_register(
        unit_ids=[unit.pk], tahun=tahun, status=status, jenis_sumber=jenis, hanya_terlambat=telat
    )
    umur = queries.ringkas_umur(baris)
    ctx = konteks(
        request,
        unit,
        tahun,
        baris=baris,
        filter_tahun=tahun,
        filter_status=status,
        filter_sumber=jenis,
        filter_terlambat=telat,
        pilihan_status=StatusRekomendasi.choices,
        pilihan_sumber=JenisSumber.choices,
        umur=[(label, umur.get(k, 0)) for k, label in KelompokUmur.choices],
        apip=akses_tl.dapat_memverifikasi(request.user, unit),
        sumber=SumberRekomendasi.objects.filter(unit=unit).select_related("evaluasi").order_by("-tanggal"),
    )
    return render(request, "kerja/tindak_lanjut/register.html", ctx)


@login_required
def rekomendasi(request, slug: str, pk: int):
    """A recommendation's timeline: the finding, its links, plans, follow-ups with evidence and verifications,
    the automatic closure condition, and the forms the user may use."""
    unit = akses.ambil_unit(request.user, slug)
    rek = _rekomendasi(unit, pk)
    baris = queries.susun_register(unit_ids=[unit.pk], rekomendasi_ids=[rek.pk])[0]
    apip = akses_tl.dapat_memverifikasi(request.user, unit)
    pj = akses.dapat_mengubah(request.user, unit)
    ctx = konteks(
        request,
        unit,
        rek.tahun,
        b=baris,
        rek=baris.rekomendasi,
        syarat=periksa_syarat([baris.rekomendasi]).get(rek.pk),
        apip=apip,
        pj=pj,
        form_rencana=RencanaForm() if pj and not baris.final else None,
        form_lapor=TindakLanjutForm(rekomendasi=rek) if pj and not baris.final else None,
        form_putus=PutusRencanaForm() if apip else None,
        form_verifikasi=VerifikasiForm() if apip else None,
    )
    return render(request, "kerja/tindak_lanjut/rekomendasi.html", ctx)


@login_required
def antrean(request):
    """The APIP's queue: plans awaiting approval and follow-ups awaiting verification, in every unit it verifies."""
    ids = akses_tl.id_unit_diaudit(request.user)
    if ids is not None and not ids:
        raise PermissionDenied(_("Antrean verifikasi hanya untuk APIP."))
    baris = queries.susun_register(unit_ids=ids, menunggu_verifikasi=True)
    return render(request, "kerja/tindak_lanjut/antrean.html", {"baris": baris})


@login_required
def sumber_baru(request, slug: str):
    """Record a source of recommendations (APIP)."""
    unit = akses.ambil_unit(request.user, slug)
    akses_tl.pastikan_apip(request.user, unit)
    form = SumberForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            obj = form.save(commit=False)
            obj.unit = unit
            ok, _r = jalankan(request, form, lambda: services.simpan_sumber(oleh=request.user, sumber=obj))
            if ok:
                messages.success(request, _("Sumber rekomendasi disimpan."))
                return redirect("kerja:tl_rekomendasi_baru", slug=unit.slug)
        status = 400
    kembali = reverse("kerja:tl_register", args=[unit.slug])
    respons = halaman_formulir(request, unit, None, judul=_("Sumber rekomendasi baru"), form=form, kembali=kembali)
    return _dengan_status(respons, status)


def _dengan_status(respons, status):
    respons.status_code = status
    return respons


@login_required
def rekomendasi_baru(request, slug: str):
    """Issue a recommendation of one of the unit's sources (APIP)."""
    unit = akses.ambil_unit(request.user, slug)
    akses_tl.pastikan_apip(request.user, unit)
    awal = {}
    if (pk := request.GET.get("sumber", "")).isdigit():
        awal["sumber"] = int(pk)  # from the LHE page (the form offers only the unit's own sources)
    form = RekomendasiForm(request.POST or None, unit=unit, initial=awal)
    kembali = reverse("kerja:tl_register", args=[unit.slug])
    if request.method == "POST":
        if form.is_valid():
            rek = form.save(commit=False)
            rek.unit_pj = unit
            ok, hasil = jalankan(
                request, form, lambda: services.terbitkan_rekomendasi(oleh=request.user, rekomendasi=rek)
            )
            if ok:
                messages.success(request, _("Rekomendasi diterbitkan."))
                return redirect("kerja:tl_rekomendasi", slug=unit.slug, pk=hasil.pk)
        respons = halaman_formulir(request, unit, None, judul=_("Rekomendasi baru"), form=form, kembali=kembali)
        return _dengan_status(respons, 400)
    return halaman_formulir(request, unit, None, judul=_("Rekomendasi baru"), form=form, kembali=kembali)


def _tulis(request, unit, rek, form, judul, fungsi, pesan):
    """A timeline form's POST: run the service, back to the timeline; on refusal the form page with the reason."""
    kembali = reverse("kerja:tl_rekomendasi", args=[unit.slug, rek.pk])
    if request.method == "POST" and form.is_valid():
        ok, _r = jalankan(request, form, lambda: fungsi(form.cleaned_data))
        if ok:
            messages.success(request, pesan)
            return redirect(kembali)
    respons = halaman_formulir(request, unit, rek.tahun, judul=judul, form=form, kembali=kembali)
    return _dengan_status(respons, 400) if request.method == "POST" else respons


@login_required
def rencana_baru(request, slug: str, pk: int):
    """The unit proposes a follow-up action plan."""
    unit = akses.ambil_unit(request.user, slug)
    rek = _rekomendasi(unit, pk)
    akses_tl.pastikan_unit(request.user, unit)
    form = RencanaForm(request.POST or None)

    def simpan(_d):
        obj = form.save(commit=False)
        obj.rekomendasi = rek
        return services.ajukan_rencana(oleh=request.user, rencana=obj)

    return _tulis(request, unit, rek, form, _("Rencana aksi tindak lanjut"), simpan, _("Rencana aksi diajukan."))


@login_required
def lapor(request, slug: str, pk: int):
    """The unit reports a follow-up with one piece of evidence."""
    unit = akses.ambil_unit(request.user, slug)
    rek = _rekomendasi(unit, pk)
    akses_tl.pastikan_unit(request.user, unit)
    form = TindakLanjutForm(request.POST or None, request.FILES or None, rekomendasi=rek)

    def simpan(d):
        obj = form.save(commit=False)
        obj.rekomendasi = rek
        bukti = []
        if d.get("bukti_jenis"):
            bukti.append(
                services.IsianBukti(
                    jenis=d["bukti_jenis"],
                    dokumen=d.get("dokumen") or "",
                    dokumen_tahun=d.get("dokumen_tahun"),
                    dokumen_versi=d.get("dokumen_versi"),
                    halaman=d.get("halaman"),
                    berkas=d.get("berkas"),
                    url=d.get("url") or "",
                    keterangan=d.get("keterangan") or "",
                )
            )
        return services.laporkan_tindak_lanjut(oleh=request.user, tindak_lanjut=obj, bukti=bukti)

    return _tulis(request, unit, rek, form, _("Laporkan tindak lanjut"), simpan, _("Tindak lanjut dilaporkan."))


@login_required
def rencana_putus(request, slug: str, pk: int):
    """The APIP approves or refuses a plan."""
    unit = akses.ambil_unit(request.user, slug)
    rencana = get_object_or_404(RencanaAksiTL.objects.select_related("rekomendasi"), pk=pk, rekomendasi__unit_pj=unit)
    akses_tl.pastikan_apip(request.user, unit)
    form = PutusRencanaForm(request.POST or None)

    def simpan(d):
        return services.putuskan_rencana(oleh=request.user, rencana=rencana, setuju=d["setuju"], catatan=d["catatan"])

    return _tulis(
        request, unit, rencana.rekomendasi, form, _("Putuskan rencana aksi"), simpan, _("Rencana aksi diputus.")
    )


@login_required
def verifikasi(request, slug: str, pk: int):
    """The APIP verifies a reported follow-up."""
    unit = akses.ambil_unit(request.user, slug)
    tl = get_object_or_404(TindakLanjut.objects.select_related("rekomendasi"), pk=pk, rekomendasi__unit_pj=unit)
    akses_tl.pastikan_apip(request.user, unit)
    form = VerifikasiForm(request.POST or None)

    def simpan(d):
        return services.verifikasi_tindak_lanjut(
            oleh=request.user, tindak_lanjut=tl, hasil=d["hasil"], catatan=d["catatan"]
        )

    return _tulis(request, unit, tl.rekomendasi, form, _("Verifikasi tindak lanjut"), simpan, _("Verifikasi disimpan."))


@login_required
def bukti_unduh(request, slug: str, pk: int):
    """An uploaded evidence file, to the unit's readers only."""
    unit = akses.ambil_unit(request.user, slug)
    bukti = get_object_or_404(BuktiTindakLanjut, pk=pk, tindak_lanjut__rekomendasi__unit_pj=unit)
    if not bukti.berkas:
        raise Http404
    nama = bukti.berkas.name.rsplit("/", 1)[-1]
    return respons_unduhan(bukti.berkas, nama, pesan_hilang=_("Berkas bukti tidak ditemukan."))


@login_required
def sumber_unduh(request, slug: str, pk: int):
    """The file of a source (LHE, LHP...), to the unit's readers only."""
    unit = akses.ambil_unit(request.user, slug)
    sumber = get_object_or_404(SumberRekomendasi, pk=pk, unit=unit)
    if not sumber.berkas:
        raise Http404
    nama = sumber.berkas.name.rsplit("/", 1)[-1]
    return respons_unduhan(sumber.berkas, nama, pesan_hilang=_("Berkas sumber tidak ditemukan."))


def _baris_matriks(request, unit):
    tahun = _tahun(request.GET.get("tahun"))
    baris = queries.susun_register(unit_ids=[unit.pk], tahun=tahun)
    judul = _("Matriks Tindak Lanjut Rekomendasi %(unit)s") % {"unit": unit.nama}
    if tahun:
        judul += " " + _("tahun %(t)s") % {"t": tahun}
    return judul, tahun, matriks.baris_matriks(baris)


@login_required
def matriks_xlsx(request, slug: str):
    """The follow-up matrix as XLSX (optionally one report year: ?tahun=)."""
    unit = akses.ambil_unit(request.user, slug)
    judul, tahun, baris = _baris_matriks(request, unit)
    respons = HttpResponse(
        matriks.xlsx_matriks(judul, baris),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    nama = f"matriks-tl-{unit.slug}{f'-{tahun}' if tahun else ''}.xlsx"
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons


@login_required
def matriks_pdf(request, slug: str):
    """The follow-up matrix as PDF (A4 landscape; a short document, rendered in the request)."""
    unit = akses.ambil_unit(request.user, slug)
    judul, tahun, baris = _baris_matriks(request, unit)
    html = render_to_string(
        "kerja/tindak_lanjut/matriks_cetak.html", {"judul": judul, "kolom": matriks.kolom_matriks(), "baris": baris}
    )
    from weasyprint import HTML

    from laporan.pengambil import BASE_URL, PengambilLokal

    isi = HTML(string=html, base_url=BASE_URL, url_fetcher=PengambilLokal()).write_pdf()
    respons = HttpResponse(isi, content_type="application/pdf")
    nama = f"matriks-tl-{unit.slug}{f'-{tahun}' if tahun else ''}.pdf"
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    return respons


@login_required
def impor(request, slug: str, pk: int):
    """Import an audit's matrix (XLSX) into a source (APIP): a dry run lists each row and its errors; the import
    saves every row or none."""
    unit = akses.ambil_unit(request.user, slug)
    sumber = get_object_or_404(SumberRekomendasi, pk=pk, unit=unit)
    akses_tl.pastikan_apip(request.user, unit)
    form = ImporMatriksForm(request.POST or None, request.FILES or None)
    hasil = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            simpan = form.cleaned_data["aksi"] == "simpan"
            try:
                hasil = impor_tl.impor_matriks(
                    oleh=request.user, sumber=sumber, berkas=form.cleaned_data["berkas"], simpan=simpan
                )
            except PeriodeBeku as e:  # pragma: no cover - rows report it; kept for a lock taken outside a row
                messages.error(request, " ".join(e.messages))
                status = 409
            else:
                if hasil.disimpan:
                    messages.success(request, _("%(n)s rekomendasi diimpor.") % {"n": len(hasil.baris)})
                    return redirect("kerja:tl_register", slug=unit.slug)
                status = 400 if hasil.ada_galat else 200
        else:
            status = 400
    ctx = konteks(request, unit, None, form=form, hasil=hasil, sumber=sumber)
    return render(request, "kerja/tindak_lanjut/impor.html", ctx, status=status)


@login_required
def reviu(request, slug: str, tahun: int):
    """The APIP's review of the unit's LKj of a year: open it (submitted years), answer the checklist, write
    notes per chapter, complete it. Its readers see it; only the APIP writes (on the server: the services)."""
    unit = akses.ambil_unit(request.user, slug)
    apip = akses_tl.dapat_memverifikasi(request.user, unit)
    obj = ReviuLaporan.objects.filter(unit=unit, tahun=tahun).first()
    form_catatan = CatatanReviuForm()
    form_selesai = SelesaiReviuForm(
        initial={
            "pereviu_nama": request.user.get_full_name(),
            "kota": unit.kota,
            "tanggal": timezone.localdate(),
        }
    )
    status = 200
    if request.method == "POST":
        akses_tl.pastikan_apip(request.user, unit)
        aksi = request.POST.get("aksi")
        ok = False
        if aksi == "buka":
            ok, _r = jalankan(request, None, lambda: reviu_alur.buka_reviu(oleh=request.user, unit=unit, tahun=tahun))
        elif obj is None:
            raise Http404
        elif aksi == "butir":
            form = ButirReviuForm(request.POST)
            if form.is_valid():
                d = form.cleaned_data
                ok, _r = jalankan(
                    request,
                    None,
                    lambda: reviu_tl.simpan_butir(
                        oleh=request.user, reviu=obj, kode=d["kode"], terpenuhi=d["terpenuhi"], catatan=d["catatan"]
                    ),
                )
        elif aksi == "catatan":
            form_catatan = CatatanReviuForm(request.POST)
            if form_catatan.is_valid():
                ok, _r = jalankan(
                    request,
                    form_catatan,
                    lambda: reviu_tl.tambah_catatan(oleh=request.user, reviu=obj, **form_catatan.cleaned_data),
                )
        elif aksi == "selesai":
            form_selesai = SelesaiReviuForm(request.POST, request.FILES)
            if form_selesai.is_valid():
                ok, _r = jalankan(
                    request,
                    form_selesai,
                    lambda: reviu_tl.selesaikan_reviu(oleh=request.user, reviu=obj, **form_selesai.cleaned_data),
                )
        if ok:
            messages.success(request, _("Reviu disimpan."))
            return redirect("kerja:tl_reviu", slug=unit.slug, tahun=tahun)
        status = 400
        obj = ReviuLaporan.objects.filter(unit=unit, tahun=tahun).first()
    butir = []
    if obj is not None:
        butir = list(obj.butir.all())
        urutan = {k: i for i, k in enumerate(ButirPeriksa.values)}
        butir.sort(key=lambda b: urutan.get(b.kode, 99))
    ctx = konteks(
        request,
        unit,
        tahun,
        reviu=obj,
        butir=butir,
        catatan=list(obj.catatan.select_related("rekomendasi")) if obj else [],
        apip=apip,
        form_catatan=form_catatan,
        form_selesai=form_selesai,
    )
    return render(request, "kerja/tindak_lanjut/reviu.html", ctx, status=status)


@login_required
def reviu_lhr(request, slug: str, tahun: int):
    """The review report (LHR) file, to the unit's readers only."""
    unit = akses.ambil_unit(request.user, slug)
    obj = get_object_or_404(ReviuLaporan, unit=unit, tahun=tahun)
    if not obj.berkas_lhr:
        raise Http404
    nama = obj.berkas_lhr.name.rsplit("/", 1)[-1]
    return respons_unduhan(obj.berkas_lhr, nama, pesan_hilang=_("Berkas LHR tidak ditemukan."))
