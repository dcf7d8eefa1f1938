"""Pages of the performance tree of a unit-year: the tree editor (read by `pohon.queries.susun_pohon`), a node's
forms (add a child, edit, move, deactivate, indikator, budget, partners, cause–effect links), an offer to a child
unit, positions and their holders, and the unit's inbox (offers to accept or reject, crosscutting requests to
answer). Writes go through `pohon.services`; who may write is checked here on the server (`indikator.akses`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indikator import akses
from indikator.token_ubah import token_objek
from kerja.forms.pohon import (
    AlasanForm,
    AnggaranSimpulForm,
    CrosscuttingForm,
    IndikatorSimpulForm,
    JabatanForm,
    JawabCrosscuttingForm,
    JawabUsulanForm,
    PemegangForm,
    PindahForm,
    SimpulForm,
    TautanForm,
    TawarkanForm,
)
from pohon import services
from pohon.enums import StatusCrosscutting, StatusNode
from pohon.models import (
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    TautanStrategi,
)
from pohon.queries import permintaan_masuk, susun_pohon

from .umum import halaman_formulir, jalankan, konteks


def _node(unit, pk) -> NodeKinerja:
    """A node of the unit's own tree (404 for another unit's)."""
    return get_object_or_404(
        NodeKinerja.objects.select_related("unit", "renstra", "induk", "pemilik"), pk=pk, unit=unit
    )


def _id(nilai) -> int | None:
    try:
        return int(nilai)
    except (TypeError, ValueError):
        return None


def _ke_pohon(unit, tahun, node_id: int | None = None):
    url = redirect("kerja:pohon", slug=unit.slug, tahun=tahun).url
    return redirect(f"{url}#simpul-{node_id}" if node_id else url)


@login_required
def pohon(request, slug: str, tahun: int):
    """The tree editor: the unit's tree (and its sub-units') in force in the year, the parent unit's nodes it
    hangs from, and per node what the user may do."""
    unit = akses.ambil_unit(request.user, slug)
    data = susun_pohon(unit, tahun)
    ctx = konteks(request, unit, tahun, pohon=data, punya_anak=any(u.induk_id == unit.pk for u in data.units.values()))
    return render(request, "kerja/pohon/pohon.html", ctx)


@login_required
def simpul_ubah(request, slug: str, tahun: int, pk: int | None = None):
    """A new node (under `?induk=`) or an edit of one."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk) if pk else NodeKinerja(unit=unit)
    awal = {}
    if not pk and (induk_id := _id(request.GET.get("induk"))):
        awal["induk"] = induk_id
    form = SimpulForm(request.POST or None, instance=node, unit=unit, tahun=tahun, initial=awal)
    if request.method == "POST" and form.is_valid():
        ok, obj = jalankan(
            request,
            form,
            lambda: services.simpan_node(node=form.save(commit=False), tahun=tahun, versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Simpul disimpan."))
            return _ke_pohon(unit, tahun, obj.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Ubah simpul") if pk else _("Simpul baru"),
        form=form,
        kembali=("kerja:pohon", unit.slug, tahun),
    )


@login_required
def simpul_pindah(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    form = PindahForm(request.POST or None, unit=unit, tahun=tahun, node=node, initial={"induk": node.induk_id})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.pindahkan_node(
                node=node, induk=d["induk"], tahun=tahun, alasan=d["alasan"], versi=form.token_dimuat()
            ),
        )
        if ok:
            messages.success(request, _("Simpul dipindahkan."))
            return _ke_pohon(unit, tahun, node.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Pindahkan simpul"),
        keterangan=str(node),
        form=form,
        kembali=("kerja:pohon", unit.slug, tahun),
    )


@login_required
def simpul_nonaktif(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    form = AlasanForm(request.POST or None, versi=None if request.method == "POST" else token_objek(node))
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.nonaktifkan_node(
                node=node, tahun=tahun, alasan=form.cleaned_data["alasan"], versi=form.token_dimuat()
            ),
        )
        if ok:
            messages.success(request, _("Simpul dinonaktifkan."))
            return _ke_pohon(unit, tahun, node.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Nonaktifkan simpul"),
        keterangan=str(node),
        form=form,
        kembali=("kerja:pohon", unit.slug, tahun),
    )


def _halaman_daftar(request, unit, tahun, node, *, judul, form, daftar, tombol=None):
    """A node's list (indikator, budget lines, partners, links) with a remove button per row and the add form."""
    return render(
        request,
        "kerja/pohon/simpul_daftar.html",
        konteks(
            request,
            unit,
            tahun,
            node=node,
            judul=judul,
            form=form,
            daftar=daftar,
            tombol=tombol or _("Tambah"),
            kembali=("kerja:pohon", unit.slug, tahun),
        ),
    )


def _hapus_baris(request, model, node, hapus, pesan):
    """POST aksi=hapus&baris=<id>: remove one row of the node through its service."""
    baris = get_object_or_404(model, pk=_id(request.POST.get("baris")) or 0, **{_JALUR_NODE[model]: node})
    ok, _obj = jalankan(request, None, lambda: hapus(baris))
    if ok:
        messages.success(request, pesan)


# The field by which each of a node's rows belongs to it.
_JALUR_NODE = {NodeIndikator: "node", NodeAnggaran: "node", Crosscutting: "node", TautanStrategi: "dari"}


@login_required
def simpul_indikator(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    if request.method == "POST" and request.POST.get("aksi") == "hapus":
        _hapus_baris(
            request,
            NodeIndikator,
            node,
            lambda b: services.lepas_indikator(tautan=b, tahun=tahun),
            _("Indikator dilepas dari simpul."),
        )
        return redirect(request.path)
    form = IndikatorSimpulForm(request.POST or None, unit=unit, node=node)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.tautkan_indikator(node=node, indikator=d["indikator"], peran=d["peran"], tahun=tahun),
        )
        if ok:
            messages.success(request, _("Indikator ditautkan."))
            return redirect(request.path)
    daftar = [
        (t.pk, f"{t.indikator.kode} {t.indikator.nama}", t.get_peran_display())
        for t in node.tautan_indikator.select_related("indikator").order_by("indikator__urutan", "indikator__kode")
    ]
    return _halaman_daftar(request, unit, tahun, node, judul=_("Indikator simpul"), form=form, daftar=daftar)


@login_required
def simpul_anggaran(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    if request.method == "POST" and request.POST.get("aksi") == "hapus":
        _hapus_baris(
            request,
            NodeAnggaran,
            node,
            lambda b: services.hapus_anggaran(anggaran=b, tahun=tahun),
            _("Anggaran dilepas dari simpul."),
        )
        return redirect(request.path)
    form = AnggaranSimpulForm(
        request.POST or None, instance=NodeAnggaran(node=node, tahun=tahun), unit=unit, tahun=tahun
    )
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.tambah_anggaran(anggaran=form.save(commit=False), tahun=tahun)
        )
        if ok:
            messages.success(request, _("Anggaran ditautkan."))
            return redirect(request.path)
    pohon_unit = susun_pohon(unit, tahun, dengan_bawahan=False, dengan_ditolak=True)
    simpul = pohon_unit.simpul.get(node.pk)
    daftar = [(a.id, f"{a.kode} {a.uraian}".strip(), a.pagu) for a in (simpul.anggaran if simpul else [])]
    return _halaman_daftar(request, unit, tahun, node, judul=_("Anggaran simpul"), form=form, daftar=daftar)


@login_required
def simpul_mitra(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    if request.method == "POST" and request.POST.get("aksi") == "hapus":
        _hapus_baris(
            request,
            Crosscutting,
            node,
            lambda b: services.hapus_crosscutting(crosscutting=b, tahun=tahun),
            _("Mitra dihapus."),
        )
        return redirect(request.path)
    form = CrosscuttingForm(request.POST or None, instance=Crosscutting(node=node), unit=unit)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.ajukan_crosscutting(crosscutting=form.save(commit=False), tahun=tahun)
        )
        if ok:
            messages.success(request, _("Mitra crosscutting dicatat."))
            return redirect(request.path)
    daftar = [
        (
            c.pk,
            f"{c.mitra_unit or c.mitra_nama} · {c.get_peran_display()} · {c.kontribusi}",
            c.get_status_display() + (f": {c.alasan}" if c.alasan else ""),
        )
        for c in node.crosscutting.select_related("mitra_unit").order_by("dibuat_pada", "id")
    ]
    return _halaman_daftar(request, unit, tahun, node, judul=_("Mitra crosscutting"), form=form, daftar=daftar)


@login_required
def simpul_tautan(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = _node(unit, pk)
    if request.method == "POST" and request.POST.get("aksi") == "hapus":
        _hapus_baris(
            request,
            TautanStrategi,
            node,
            lambda b: services.hapus_tautan_strategi(tautan=b, tahun=tahun),
            _("Tautan sebab-akibat dihapus."),
        )
        return redirect(request.path)
    form = TautanForm(request.POST or None, unit=unit, tahun=tahun, node=node)
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request, form, lambda: services.tautkan_strategi(dari=node, ke=form.cleaned_data["ke"], tahun=tahun)
        )
        if ok:
            messages.success(request, _("Tautan sebab-akibat disimpan."))
            return redirect(request.path)
    daftar = [
        (t.pk, f"→ {t.ke.kode} {t.ke.uraian}".strip(), "")
        for t in node.tautan_keluar.select_related("ke").order_by("ke__urutan", "ke__kode")
    ]
    return _halaman_daftar(request, unit, tahun, node, judul=_("Tautan sebab-akibat"), form=form, daftar=daftar)


@login_required
def simpul_tawarkan(request, slug: str, tahun: int, pk: int):
    """A planner of the unit offers a node to one of its child units, under the unit's node `pk`."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    induk = _node(unit, pk)
    form = TawarkanForm(request.POST or None, unit=unit, induk=induk)
    if request.method == "POST" and form.is_valid():
        node = form.save(commit=False)
        if not akses.dapat_menawarkan(request.user, node.unit):
            raise PermissionDenied(_("Anda tidak dapat mengusulkan simpul ke unit ini."))
        node.induk = induk
        ok, obj = jalankan(request, form, lambda: services.tawarkan_node(node=node, tahun=tahun))
        if ok:
            messages.success(
                request,
                _("Simpul diusulkan ke %(unit)s; menunggu jawaban unit itu.") % {"unit": obj.unit.nama},
            )
            return _ke_pohon(unit, tahun, obj.pk)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Usulkan simpul ke unit bawahan"),
        keterangan=_("Di bawah: %(simpul)s") % {"simpul": str(induk)},
        form=form,
        kembali=("kerja:pohon", unit.slug, tahun),
    )


# --- inbox ------------------------------------------------------------------------------------------------------


@login_required
def kotak_masuk(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    usulan, crosscutting = permintaan_masuk(unit)
    ctx = konteks(
        request,
        unit,
        tahun,
        usulan=usulan,
        crosscutting=crosscutting,
        form_usulan=JawabUsulanForm(unit=unit),
    )
    return render(request, "kerja/pohon/masuk.html", ctx)


@login_required
@require_POST
def usulan_jawab(request, slug: str, tahun: int, pk: int):
    """The child unit accepts (naming the owner) or rejects (with a reason) a node its parent unit offered."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    node = get_object_or_404(NodeKinerja, pk=pk, unit=unit, status=StatusNode.USULAN)
    form = JawabUsulanForm(request.POST, unit=unit)
    if not form.is_valid():
        messages.error(request, " ".join(e for daftar in form.errors.values() for e in daftar))
        return redirect("kerja:pohon_masuk", slug=unit.slug, tahun=tahun)
    d = form.cleaned_data
    if d["aksi"] == "terima":
        ok, _obj = jalankan(request, None, lambda: services.terima_usulan(node=node, tahun=tahun, pemilik=d["pemilik"]))
        pesan = _("Usulan diterima dan masuk ke pohon kinerja unit.")
    else:
        ok, _obj = jalankan(request, None, lambda: services.tolak_usulan(node=node, tahun=tahun, alasan=d["alasan"]))
        pesan = _("Usulan ditolak.")
    if ok:
        messages.success(request, pesan)
    return redirect("kerja:pohon_masuk", slug=unit.slug, tahun=tahun)


@login_required
@require_POST
def crosscutting_jawab(request, slug: str, tahun: int, pk: int):
    """The partner unit accepts or rejects (with a reason) a crosscutting request."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    c = get_object_or_404(Crosscutting, pk=pk, mitra_unit=unit, status=StatusCrosscutting.DIUSULKAN)
    form = JawabCrosscuttingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih terima atau tolak."))
        return redirect("kerja:pohon_masuk", slug=unit.slug, tahun=tahun)
    d = form.cleaned_data
    ok, _obj = jalankan(
        request,
        None,
        lambda: services.jawab_crosscutting(
            crosscutting=c, tahun=tahun, terima=d["aksi"] == "terima", alasan=d["alasan"], oleh=request.user
        ),
    )
    if ok:
        messages.success(request, _("Permintaan crosscutting dijawab."))
    return redirect("kerja:pohon_masuk", slug=unit.slug, tahun=tahun)


# --- positions and holders ------------------------------------------------------------------------------------


@login_required
def jabatan_daftar(request, slug: str, tahun: int):
    """The unit's positions with their holders over time; a planner adds a position here."""
    unit = akses.ambil_unit(request.user, slug)
    form = None
    if akses.dapat_mengubah(request.user, unit):
        form = JabatanForm(request.POST or None, instance=Jabatan(unit=unit), unit=unit)
        if request.method == "POST" and form.is_valid():
            ok, _obj = jalankan(
                request, form, lambda: services.simpan_jabatan(jabatan=form.save(commit=False), tahun=tahun)
            )
            if ok:
                messages.success(request, _("Jabatan disimpan."))
                return redirect("kerja:pohon_jabatan", slug=unit.slug, tahun=tahun)
    elif request.method == "POST":
        raise PermissionDenied(_("Anda tidak memiliki akses ke unit ini."))
    jabatan = list(
        Jabatan.objects.filter(unit=unit)
        .select_related("atasan")
        .prefetch_related(Prefetch("pemegang", queryset=PemegangJabatan.objects.order_by("-mulai", "id")))
        .order_by("eselon", "urutan", "nama")
    )
    return render(request, "kerja/pohon/jabatan.html", konteks(request, unit, tahun, jabatan=jabatan, form=form))


@login_required
def jabatan_ubah(request, slug: str, tahun: int, pk: int):
    """Edit a position (aksi=jabatan), add a holder (aksi=pemegang) or remove one (aksi=hapus)."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    jabatan = get_object_or_404(Jabatan, pk=pk, unit=unit)
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    form = JabatanForm(request.POST if aksi == "jabatan" else None, instance=jabatan, unit=unit)
    form_pemegang = PemegangForm(
        request.POST if aksi == "pemegang" else None, instance=PemegangJabatan(jabatan=jabatan)
    )
    kembali = redirect("kerja:pohon_jabatan_ubah", slug=unit.slug, tahun=tahun, pk=jabatan.pk)
    if aksi == "jabatan" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: services.simpan_jabatan(jabatan=form.save(commit=False), tahun=tahun, versi=form.token_dimuat()),
        )
        if ok:
            messages.success(request, _("Jabatan disimpan."))
            return kembali
    elif aksi == "pemegang" and form_pemegang.is_valid():
        ok, _obj = jalankan(
            request,
            form_pemegang,
            lambda: services.simpan_pemegang(pemegang=form_pemegang.save(commit=False), tahun=tahun),
        )
        if ok:
            messages.success(request, _("Pemegang jabatan disimpan."))
            return kembali
    elif aksi == "hapus":
        p = get_object_or_404(PemegangJabatan, pk=_id(request.POST.get("baris")) or 0, jabatan=jabatan)
        ok, _obj = jalankan(request, None, lambda: services.hapus_pemegang(pemegang=p, tahun=tahun))
        if ok:
            messages.success(request, _("Pemegang jabatan dihapus."))
        return kembali
    pemegang = list(jabatan.pemegang.order_by("-mulai", "id"))
    ctx = konteks(request, unit, tahun, jab=jabatan, form=form, form_pemegang=form_pemegang, pemegang=pemegang)
    return render(request, "kerja/pohon/jabatan_ubah.html", ctx)
