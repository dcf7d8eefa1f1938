"""Workspace pages of the AKIP evaluation (LKE): the Inspektorat's overview (units × components, trend), a unit's
evaluations of a year (open one), the evaluation itself (answers per layer with suggestions, evidence resolved to
the app's documents, scores, kerangka logis, deviations; save, submit), the team, the LHE (issue: locks), the
download of an uploaded evidence file (logged).

Who: readers of the unit see; the unit's planners answer the self-assessment; the team (auditors in scope) the
evaluators' layers; administrators set up the team. Writes go through `evaluasi.layanan`."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from alur.bukti_lke import JENIS_APLIKASI, dokumen_aplikasi
from alur.lhe import docx_lhe, pdf_lhe
from alur.saran_lke import hitung_saran
from alur.tindak_lanjut import terbitkan_lhe_dengan_sumber
from evaluasi import formulas as f
from evaluasi import layanan
from evaluasi.enums import URUTAN_LAPISAN, JenisEvaluasi, Lapisan, StatusEvaluasi
from evaluasi.lembar import baca_lke, tulis_lke
from evaluasi.models import BuktiJawaban, Evaluasi, Lhe
from evaluasi.skor import hasil_evaluasi, sub_komponen_tahun
from indikator import akses
from indikator.enums import KomponenAkip
from indikator.models import KomponenNilaiAkip, NilaiAkip
from indikator.periode import PeriodeBeku
from kerja.forms.evaluasi import AnggotaTimForm, BukaEvaluasiForm, LheForm, TautanBuktiForm
from laporan.grafik import Seri, garis
from umum.unduhan import respons_unduhan

from .umum import konteks

log = logging.getLogger(__name__)


def _evaluasi(request, slug: str, tahun: int, jenis: str) -> Evaluasi:
    unit = akses.ambil_unit(request.user, slug)
    if jenis not in JenisEvaluasi.values:
        raise Http404
    return get_object_or_404(Evaluasi.objects.select_related("unit", "template"), unit=unit, tahun=tahun, jenis=jenis)


def _url(ev: Evaluasi, nama: str = "kerja:evaluasi") -> str:
    return reverse(nama, args=[ev.unit.slug, ev.tahun, ev.jenis])


@login_required
def evaluasi_beranda(request):
    """The Inspektorat's overview: every readable unit's recorded AKIP results per year and component (trend),
    and the evaluations in progress."""
    units = list(akses.unit_terbaca(request.user).order_by("nama"))
    nilai = (
        NilaiAkip.objects.filter(unit__in=units)
        .prefetch_related(Prefetch("komponen", queryset=KomponenNilaiAkip.objects.all()))
        .order_by("tahun")
    )
    tahun = sorted({n.tahun for n in nilai})
    per_unit: dict[int, dict[int, NilaiAkip]] = {}
    for n in nilai:
        per_unit.setdefault(n.unit_id, {})[n.tahun] = n
    baris = []
    for u in units:
        data = per_unit.get(u.pk, {})
        akhir = data[max(data)] if data else None
        komponen = {k.komponen: k.nilai for k in akhir.komponen.all()} if akhir else {}
        baris.append(
            {
                "unit": u,
                "tren": [(t, _total(data.get(t))) for t in tahun],
                "akhir": akhir,
                "komponen": [komponen.get(k) for k in KomponenAkip.values],
            }
        )
    berjalan = Evaluasi.objects.filter(unit__in=units).exclude(status=StatusEvaluasi.TERBIT).select_related("unit")
    # The weakest sub-components of a year: the issued APIP/external evaluations of the readable units (one per
    # unit, APIP first), each sub-component's mean share of its weight in the final layer.
    terbit = list(
        Evaluasi.objects.filter(unit__in=units, status=StatusEvaluasi.TERBIT)
        .exclude(jenis=JenisEvaluasi.MANDIRI)
        .order_by("-tahun", "unit_id", "jenis")  # "apip" sorts before "eksternal"
    )
    tahun_evaluasi = sorted({ev.tahun for ev in terbit}, reverse=True)
    try:
        tahun_sub = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun_sub = None
    if tahun_sub not in tahun_evaluasi:
        tahun_sub = tahun_evaluasi[0] if tahun_evaluasi else None
    satu_per_unit: dict[int, Evaluasi] = {}
    for ev in terbit:
        if ev.tahun == tahun_sub:
            satu_per_unit.setdefault(ev.unit_id, ev)
    sub = sub_komponen_tahun(list(satu_per_unit.values()))
    grafik = None
    seri = [
        Seri(b["unit"].nama, tuple(n for _t, n in b["tren"]), WARNA_SERI[i % len(WARNA_SERI)])
        for i, b in enumerate(x for x in baris if x["akhir"])
    ][: len(WARNA_SERI)]
    if seri and tahun:
        grafik = mark_safe(garis([str(t) for t in tahun], seri, judul=_("Tren nilai AKIP per unit")))
    return render(
        request,
        "kerja/evaluasi/beranda.html",
        {
            "baris": baris,
            "tahun": tahun,
            "komponen": KomponenAkip.choices,
            "berjalan": berjalan,
            "grafik": grafik,
            "tahun_evaluasi": tahun_evaluasi,
            "tahun_sub": tahun_sub,
            "jumlah_unit_sub": len(satu_per_unit),
            "sub_terlemah": sub[:SUB_TERLEMAH],
        },
    )


SUB_TERLEMAH = 10
WARNA_SERI = ("#0b4f8a", "#f29f05", "#2e7d32", "#c62828", "#6a1b9a", "#00838f")


def _total(n: NilaiAkip | None):
    if n is None:
        return None
    komponen = [k.nilai for k in n.komponen.all()]
    return sum(komponen, f.NOL) if komponen else n.nilai_dilaporkan


@login_required
def evaluasi_unit(request, slug: str, tahun: int):
    """A unit's evaluations of a year; its planners (and administrators) open a new one."""
    unit = akses.ambil_unit(request.user, slug)
    boleh_buka = akses.dapat_mengubah(request.user, unit)
    form = BukaEvaluasiForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not boleh_buka:
            raise PermissionDenied
        if form.is_valid():
            t = form.cleaned_data["template"]
            try:
                ev = layanan.buka_evaluasi(
                    unit=unit,
                    tahun=tahun,
                    jenis=form.cleaned_data["jenis"],
                    template=t,
                    oleh=request.user,
                    saran=hitung_saran(t, unit, tahun),
                )
            except ValidationError as e:
                form.add_error(None, e)
            else:
                messages.success(request, _("Evaluasi dibuka; saran jawaban dari data aplikasi sudah dibekukan."))
                return redirect(_url(ev))
        status = 400
    daftar = Evaluasi.objects.filter(unit=unit, tahun=tahun).select_related("template")
    return render(
        request,
        "kerja/evaluasi/unit.html",
        konteks(request, unit, tahun, daftar=daftar, form=form, boleh_buka=boleh_buka),
        status=status,
    )


def _baris(ev: Evaluasi, h, lapisan_aktif: str | None):
    """The page's rows: component → sub-component → criterion with its answer, suggestion and evidence."""
    docs = {}
    for t in {
        ev.tahun + b.tahun_offset
        for k in h.komponen
        for s in k.sub.all()
        for c in s.kriteria.all()
        for b in c.bukti.all()
    }:
        docs[t] = dokumen_aplikasi(ev.unit, t)
    lampiran: dict[int, list[BuktiJawaban]] = {}
    for b in BuktiJawaban.objects.filter(jawaban__evaluasi=ev).select_related("jawaban"):
        lampiran.setdefault(b.jawaban.kriteria_id, []).append(b)
    opsi_label = {}
    komponen = []
    for k in h.komponen:
        subs = []
        for s in k.sub.all():
            kriteria = []
            for c in s.kriteria.all():
                j = h.jawaban.get(c.pk)
                bukti = []
                for b in c.bukti.all():
                    tahun = ev.tahun + b.tahun_offset
                    doc = docs[tahun].get(b.jenis_dokumen) if b.jenis_dokumen in JENIS_APLIKASI else None
                    lain = [x for x in lampiran.get(c.pk, []) if x.kriteria_bukti_id == b.pk]
                    bukti.append(
                        {
                            "b": b,
                            "tahun": tahun,
                            "doc": doc,
                            "ada": bool(doc and doc.ada) or bool(lain),
                            "lampiran": lain,
                        }
                    )
                kriteria.append(
                    {
                        "c": c,
                        "j": j,
                        "nilai": [(n, j.nilai(n) if j else None) for n in URUTAN_LAPISAN],
                        "bukti": bukti,
                        "lampiran_lain": [x for x in lampiran.get(c.pk, []) if x.kriteria_bukti_id is None],
                        "aktif_opsi": getattr(j, f"opsi_{lapisan_aktif}_id", None) if j and lapisan_aktif else None,
                        "aktif_catatan": getattr(j, f"catatan_{lapisan_aktif}", "") if j and lapisan_aktif else "",
                    }
                )
            subs.append(
                {
                    "s": s,
                    "kriteria": kriteria,
                    "skor": [(n, h.lapisan[n].komponen[k.pk].sub[s.pk]) for n in URUTAN_LAPISAN],
                }
            )
        komponen.append({"k": k, "sub": subs, "skor": [(n, h.lapisan[n].komponen[k.pk].skor) for n in URUTAN_LAPISAN]})
    return komponen, opsi_label


@login_required
def evaluasi(request, slug: str, tahun: int, jenis: str):
    """The evaluation: every criterion with its layers; the stage's layer is editable by who fills it."""
    ev = _evaluasi(request, slug, tahun, jenis)
    lapisan = ev.status if ev.status in URUTAN_LAPISAN else None
    boleh_isi = bool(lapisan) and layanan.boleh_mengisi(request.user, ev, lapisan)
    status = 200
    if request.method == "POST":
        if not boleh_isi:
            raise PermissionDenied
        aksi = request.POST.get("aksi", "")
        try:
            if aksi == "simpan":
                n = _simpan_jawaban(request, ev, lapisan)
                messages.success(request, _("%(n)s jawaban disimpan.") % {"n": n})
                return redirect(_url(ev))
            if aksi == "kirim":
                layanan.kirim_lapisan(ev=ev, oleh=request.user, alasan_abaikan=request.POST.get("alasan_abaikan", ""))
                messages.success(request, _("Lapisan %(l)s dikirim.") % {"l": Lapisan(lapisan).label})
                return redirect(_url(ev))
            if aksi == "tautan":
                form = TautanBuktiForm(request.POST)
                if not form.is_valid():
                    raise ValidationError([e for v in form.errors.values() for e in v])
                kriteria = _kriteria(ev, form.cleaned_data["kriteria"])
                layanan.lampirkan_bukti(
                    ev=ev,
                    kriteria=kriteria,
                    oleh=request.user,
                    url=form.cleaned_data["url"],
                    keterangan=form.cleaned_data["keterangan"],
                    kriteria_bukti_id=_int(request.POST.get("kriteria_bukti")),
                )
                messages.success(request, _("Bukti dilampirkan."))
                return redirect(_url(ev))
            if aksi == "unggah":
                kriteria = _kriteria(ev, _int(request.POST.get("kriteria")))
                layanan.lampirkan_bukti(
                    ev=ev,
                    kriteria=kriteria,
                    oleh=request.user,
                    berkas=request.FILES.get("berkas"),
                    keterangan=request.POST.get("keterangan", "")[:300],
                    kriteria_bukti_id=_int(request.POST.get("kriteria_bukti")),
                )
                messages.success(request, _("Bukti dilampirkan."))
                return redirect(_url(ev))
            if aksi == "impor":
                berkas = request.FILES.get("lke")
                if berkas is None:
                    raise ValidationError(_("Pilih buku kerja LKE."))
                n = baca_lke(ev, berkas, oleh=request.user)
                messages.success(request, _("%(n)s jawaban dari buku kerja disimpan.") % {"n": n})
                return redirect(_url(ev))
            raise ValidationError(_("Aksi tidak dikenal."))
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
            status = 400
    h = hasil_evaluasi(ev)
    komponen, _opsi = _baris(ev, h, lapisan)
    kode = {c.pk: c.kode for k in h.komponen for s in k.sub.all() for c in s.kriteria.all()}
    return render(
        request,
        "kerja/evaluasi/evaluasi.html",
        {
            **konteks(request, ev.unit, ev.tahun),
            "ev": ev,
            "h": h,
            "komponen": komponen,
            "lapisan_aktif": lapisan,
            "label_aktif": Lapisan(lapisan).label if lapisan else "",
            "boleh_isi": boleh_isi,
            "total": [(n, Lapisan(n).label, h.lapisan[n]) for n in URUTAN_LAPISAN],
            "kerangka": [(kode[p.aturan.kriteria], p) for p in (h.kerangka.get(lapisan) or [])] if lapisan else [],
            "deviasi": [(kode[d.kriteria], d) for d in h.deviasi],
            "tim": ev.tim.select_related("pengguna"),
            "form_tim": AnggotaTimForm() if layanan.boleh_mengatur_tim(request.user, ev.unit) else None,
            "form_tautan": TautanBuktiForm(),
        },
        status=status,
    )


def _int(x) -> int | None:
    try:
        return int(x)
    except (TypeError, ValueError):
        return None


def _kriteria(ev: Evaluasi, pk: int | None):
    from evaluasi.models import LkeKriteria

    k = LkeKriteria.objects.filter(pk=pk, sub__komponen__template_id=ev.template_id).first()
    if k is None:
        raise ValidationError(_("Kriteria tidak ada pada template evaluasi ini."))
    return k


def _simpan_jawaban(request, ev: Evaluasi, lapisan: str) -> int:
    """Every criterion whose answer or note changed in the posted table (`opsi-<id>`, `catatan-<id>`)."""
    h = hasil_evaluasi(ev)
    label = {}
    from evaluasi.models import OpsiJawaban

    for o in OpsiJawaban.objects.filter(skala__template_id=ev.template_id):
        label[o.pk] = o.label
    n = 0
    for k in h.komponen:
        for s in k.sub.all():
            for c in s.kriteria.all():
                if f"opsi-{c.pk}" not in request.POST:
                    continue
                j = h.jawaban[c.pk]
                pilih = _int(request.POST.get(f"opsi-{c.pk}"))
                catatan = request.POST.get(f"catatan-{c.pk}", "")
                if pilih == getattr(j, f"opsi_{lapisan}_id") and catatan == getattr(j, f"catatan_{lapisan}"):
                    continue
                if pilih is not None and pilih not in label:
                    raise ValidationError(_("Jawaban %(kode)s tidak dikenal.") % {"kode": c.kode})
                layanan.simpan_jawaban(
                    ev=ev, kriteria=c, lapisan=lapisan, label=label.get(pilih), catatan=catatan, oleh=request.user
                )
                n += 1
    return n


@login_required
def evaluasi_tim(request, slug: str, tahun: int, jenis: str):
    """Add a team member (administrators)."""
    ev = _evaluasi(request, slug, tahun, jenis)
    if request.method != "POST" or not layanan.boleh_mengatur_tim(request.user, ev.unit):
        raise PermissionDenied
    form = AnggotaTimForm(request.POST)
    if form.is_valid():
        try:
            layanan.atur_anggota(
                ev=ev, pengguna=form.cleaned_data["pengguna"], peran=form.cleaned_data["peran"], oleh=request.user
            )
            messages.success(request, _("Tim evaluasi diperbarui."))
            return redirect(_url(ev))
        except ValidationError as e:
            form.add_error(None, e)
    for e in form.errors.values():
        for m in e:
            messages.error(request, m)
    return redirect(_url(ev))


@login_required
def evaluasi_lhe(request, slug: str, tahun: int, jenis: str):
    """The LHE: the issuing form at the final stage (the ketua or an administrator), the issued LHE afterwards."""
    ev = _evaluasi(request, slug, tahun, jenis)
    boleh = ev.status == StatusEvaluasi.FINAL and layanan.boleh_mengisi(request.user, ev, Lapisan.FINAL)
    lhe = Lhe.objects.filter(evaluasi=ev).first()
    form = None
    status = 200
    if boleh:
        form = LheForm(request.POST or None, initial={"nomor": "", "penandatangan_jabatan": _("Inspektur")})
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                terbitkan_lhe_dengan_sumber(
                    ev=ev,
                    lhe=form.save(commit=False),
                    oleh=request.user,
                    alasan_abaikan=form.cleaned_data["alasan_abaikan"],
                )
            except PeriodeBeku as e:
                messages.error(request, " ".join(e.messages))
                status = 409
            except ValidationError as e:
                form.add_error(None, e)
                status = 400
            else:
                messages.success(request, _("LHE terbit; evaluasi terkunci dan nilai AKIP tercatat."))
                return redirect(_url(ev, "kerja:evaluasi_lhe"))
        else:
            status = 400
    h = hasil_evaluasi(ev)
    return render(
        request,
        "kerja/evaluasi/lhe.html",
        {
            **konteks(request, ev.unit, ev.tahun),
            "ev": ev,
            "lhe": lhe,
            "form": form,
            "akhir": h.lapisan[Lapisan.FINAL],
            "komponen": [(k, h.lapisan[Lapisan.FINAL].komponen[k.pk].skor) for k in h.komponen],
            "deviasi": len(h.deviasi),
            "sumber_tl": ev.sumber_rekomendasi.first() if lhe else None,
        },
        status=status,
    )


@login_required
def evaluasi_bukti_unduh(request, slug: str, tahun: int, jenis: str, pk: int):
    """An uploaded evidence file (private storage), streamed to the unit's readers; each download is logged."""
    ev = _evaluasi(request, slug, tahun, jenis)
    b = get_object_or_404(BuktiJawaban, pk=pk, jawaban__evaluasi=ev)
    log.info(
        "unduh bukti LKE",
        extra={"bukti": b.pk, "evaluasi": ev.pk, "pengguna": request.user.pk, "berkas": b.berkas.name},
    )
    return respons_unduhan(b.berkas, b.nama_berkas or "bukti", pesan_hilang=_("Berkas bukti tidak ditemukan."))


@login_required
def evaluasi_xlsx(request, slug: str, tahun: int, jenis: str):
    """The LKE workbook (official column layout, one column set per layer) for the unit's readers."""
    ev = _evaluasi(request, slug, tahun, jenis)
    respons = HttpResponse(
        tulis_lke(ev), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    respons["Content-Disposition"] = f'attachment; filename="lke-{ev.unit.slug}-{ev.tahun}-{ev.jenis}.xlsx"'
    return respons


@login_required
def evaluasi_lhe_docx(request, slug: str, tahun: int, jenis: str):
    """The LHE in Word (the report's renderer): issued, or a draft before it is."""
    ev = _evaluasi(request, slug, tahun, jenis)
    respons = HttpResponse(
        docx_lhe(ev), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    respons["Content-Disposition"] = f'attachment; filename="lhe-{ev.unit.slug}-{ev.tahun}-{ev.jenis}.docx"'
    return respons


@login_required
def evaluasi_lhe_pdf(request, slug: str, tahun: int, jenis: str):
    """The LHE as PDF (the report's PDF renderer, the same document as the Word file): issued, or a draft."""
    ev = _evaluasi(request, slug, tahun, jenis)
    respons = HttpResponse(pdf_lhe(ev), content_type="application/pdf")
    respons["Content-Disposition"] = f'attachment; filename="lhe-{ev.unit.slug}-{ev.tahun}-{ev.jenis}.pdf"'
    return respons
