"""Writes of the performance tree (`../shared/docs/siklus.md` §2.3): nodes (create, edit, move with a reason,
deactivate with a reason), their indikator, sasaran and budget lines, cause–effect links, positions and holders,
a parent unit's offer of a node to a child unit (accepted or rejected with a reason), and crosscutting.

Every write runs in one transaction, takes the period row lock of the unit-year it writes
(`indikator.periode.kunci_periode_untuk_tulis`: refused in a frozen year) and, when the caller passes the version
its form was loaded from, refuses a stale save. Bad input is refused with an Indonesian message and nothing is
saved. simple-history records every change; a move or a deactivation carries its reason (`history_change_reason`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from anggaran.models import MataAnggaran
from indikator.models import Indikator, UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.struktur import DataTidakDitemukan, renstra_untuk
from indikator.token_ubah import pastikan_token, riwayat_objek

from .enums import PERINGKAT_TINGKAT, PeranIndikator, StatusCrosscutting, StatusNode, Tingkat
from .models import (
    AturanPohon,
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    TautanStrategi,
)

# Levels that carry budget lines: Sasaran Kegiatan and below (§2.3: "only leaf and sk levels").
TINGKAT_BERANGGARAN = {Tingkat.SK, Tingkat.ESELON_III, Tingkat.ESELON_IV, Tingkat.RHK}


def _simpan(obj, alasan: str = ""):
    obj.full_clean()
    if alasan:
        obj._change_reason = alasan[:100]
    obj.save()
    return obj


def _galat(medan: str | None, pesan: str, kode: str) -> ValidationError:
    galat = ValidationError(pesan, code=kode)
    return ValidationError({medan: galat}) if medan else galat


def _wajib_alasan(alasan: str, kode: str = "alasan_wajib") -> str:
    alasan = (alasan or "").strip()
    if not alasan:
        raise _galat("alasan", gettext("Alasan wajib diisi."), kode)
    return alasan


def boleh_lompat(unit: UnitKerja) -> bool:
    """Whether the unit's tree may place a node two levels below its parent (AturanPohon, default no)."""
    return AturanPohon.objects.filter(unit=unit, boleh_lompat_tingkat=True).exists()


def renstra_tahun(unit: UnitKerja, tahun: int):
    """The unit's Renstra in force in `tahun`; a clear refusal when it has none."""
    try:
        return renstra_untuk(unit, tahun)
    except DataTidakDitemukan as e:
        raise _galat(
            None,
            gettext("%(unit)s belum memiliki Renstra yang mencakup tahun %(tahun)s; buat Renstra dulu.")
            % {"unit": unit.nama, "tahun": tahun},
            "tanpa_renstra",
        ) from e


# --- Node rules ------------------------------------------------------------------------------------------------


def _periksa_induk(node: NodeKinerja) -> None:
    """The parent: in the unit's own tree or its parent unit's, not rejected or inactive, one level up (two when
    the unit's rule allows skipping a level), and no cycle."""
    induk = node.induk
    if induk is None:
        return
    unit = node.unit
    if induk.unit_id not in {unit.pk, unit.induk_id}:
        raise _galat(
            "induk",
            gettext("Induk harus simpul pohon %(unit)s sendiri atau pohon unit induknya.") % {"unit": unit.nama},
            "induk_unit",
        )
    if induk.status in (StatusNode.DITOLAK, StatusNode.NONAKTIF):
        raise _galat(
            "induk",
            gettext("Simpul “%(induk)s” %(status)s dan tidak dapat menjadi induk.")
            % {"induk": str(induk)[:80], "status": StatusNode(induk.status).label.lower()},
            "induk_tidak_aktif",
        )
    selisih = PERINGKAT_TINGKAT[node.tingkat] - PERINGKAT_TINGKAT[induk.tingkat]
    if selisih <= 0:
        raise _galat(
            "tingkat",
            gettext("%(tingkat)s tidak dapat berada di bawah %(induk)s: induk harus satu tingkat di atasnya.")
            % {"tingkat": Tingkat(node.tingkat).label, "induk": Tingkat(induk.tingkat).label},
            "tingkat_terbalik",
        )
    if selisih > 1 and not (selisih == 2 and boleh_lompat(unit)):
        raise _galat(
            "tingkat",
            gettext(
                "%(tingkat)s tidak dapat langsung berada di bawah %(induk)s: tingkat di antaranya terlewati "
                "(aturan pohon %(unit)s tidak mengizinkan melompati tingkat)."
            )
            % {"tingkat": Tingkat(node.tingkat).label, "induk": Tingkat(induk.tingkat).label, "unit": unit.nama},
            "lompat_tingkat",
        )
    if node.pk:
        dilihat, cari = {node.pk}, induk
        while cari is not None:
            if cari.pk in dilihat:
                raise _galat(
                    "induk",
                    gettext("Induk ini berada di bawah simpul itu sendiri: pohon tidak boleh melingkar."),
                    "siklus",
                )
            dilihat.add(cari.pk)
            cari = NodeKinerja.objects.filter(pk=cari.induk_id).first() if cari.induk_id else None


def _periksa_node(node: NodeKinerja, tahun: int) -> None:
    unit = node.unit
    if node.renstra_id is None:
        node.renstra = renstra_tahun(unit, tahun)
    elif node.renstra.unit_id != unit.pk:
        raise _galat("renstra", gettext("Periode Renstra harus milik unit simpul ini."), "renstra_unit")
    if node.pemilik_id and node.pemilik.unit_id != unit.pk:
        raise _galat(
            "pemilik",
            gettext("Jabatan pemilik harus jabatan %(unit)s sendiri, bukan jabatan unit lain.") % {"unit": unit.nama},
            "pemilik_unit",
        )
    if node.sasaran_id and node.sasaran.revisi.renstra.unit_id != unit.pk:
        raise _galat(
            "sasaran", gettext("Sasaran harus sasaran Renstra %(unit)s sendiri.") % {"unit": unit.nama}, "sasaran"
        )
    _periksa_induk(node)


def _kunci(unit: UnitKerja, tahun: int, obj=None, versi: str | None = None) -> None:
    kunci_periode_untuk_tulis(unit, tahun)
    if obj is not None:
        pastikan_token(riwayat_objek(obj), versi)


@transaction.atomic
def simpan_node(*, node: NodeKinerja, tahun: int, versi: str | None = None) -> NodeKinerja:
    """Create or edit a node of `node.unit`'s tree (its Renstra in force in `tahun` when none is set)."""
    _kunci(node.unit, tahun, node, versi)
    if node.pk:
        lama = NodeKinerja.objects.get(pk=node.pk)
        if lama.unit_id != node.unit_id:
            raise _galat(None, gettext("Simpul tidak dapat dipindahkan ke unit lain."), "ganti_unit")
        if lama.induk_id != node.induk_id:
            raise _galat(
                "induk",
                gettext("Memindahkan simpul ke induk lain dilakukan lewat “Pindahkan” dengan alasan."),
                "pindah",
            )
    _periksa_node(node, tahun)
    return _simpan(node)


@transaction.atomic
def pindahkan_node(
    *, node: NodeKinerja, induk: NodeKinerja | None, tahun: int, alasan: str, versi: str | None = None
) -> NodeKinerja:
    """Re-parent a node; the reason is kept in its history."""
    alasan = _wajib_alasan(alasan)
    _kunci(node.unit, tahun, node, versi)
    node.induk = induk
    _periksa_node(node, tahun)
    return _simpan(node, gettext("Dipindahkan: %(alasan)s") % {"alasan": alasan})


@transaction.atomic
def nonaktifkan_node(*, node: NodeKinerja, tahun: int, alasan: str, versi: str | None = None) -> NodeKinerja:
    """Deactivate a node (kept for the record, K10 reads it); refused while it has active children."""
    alasan = _wajib_alasan(alasan)
    _kunci(node.unit, tahun, node, versi)
    if node.status == StatusNode.NONAKTIF:
        raise _galat(None, gettext("Simpul ini sudah nonaktif."), "sudah_nonaktif")
    if node.anak.exclude(status__in=[StatusNode.NONAKTIF, StatusNode.DITOLAK]).exists():
        raise _galat(
            None, gettext("Simpul ini masih memiliki anak yang aktif; nonaktifkan atau pindahkan dulu."), "ada_anak"
        )
    node.status = StatusNode.NONAKTIF
    node.alasan = alasan
    return _simpan(node, gettext("Dinonaktifkan: %(alasan)s") % {"alasan": alasan})


# --- Indikator, budget, cause–effect ------------------------------------------------------------------------------


@transaction.atomic
def tautkan_indikator(
    *, node: NodeKinerja, indikator: Indikator, tahun: int, peran: str = PeranIndikator.UTAMA
) -> NodeIndikator:
    """Link one of the unit's own indikator to the node (never another unit's)."""
    _kunci(node.unit, tahun)
    if not Indikator.objects.milik(node.unit).filter(pk=indikator.pk).exists():
        raise _galat(
            "indikator",
            gettext("Indikator harus indikator %(unit)s sendiri.") % {"unit": node.unit.nama},
            "indikator_unit",
        )
    if NodeIndikator.objects.filter(node=node, indikator=indikator).exists():
        raise _galat("indikator", gettext("Indikator ini sudah tertaut ke simpul ini."), "indikator_ganda")
    return _simpan(NodeIndikator(node=node, indikator=indikator, peran=peran))


@transaction.atomic
def lepas_indikator(*, tautan: NodeIndikator, tahun: int) -> None:
    _kunci(tautan.node.unit, tahun)
    tautan.delete()


@transaction.atomic
def tambah_anggaran(*, anggaran: NodeAnggaran, tahun: int) -> NodeAnggaran:
    """A budget line at a node: a line of the unit's budget of that year, or codes typed as strings with a pagu."""
    node = anggaran.node
    _kunci(node.unit, tahun)
    anggaran.tahun = tahun
    if node.tingkat not in TINGKAT_BERANGGARAN:
        raise _galat(
            None,
            gettext("Anggaran dicatat pada Sasaran Kegiatan dan tingkat di bawahnya, bukan pada %(tingkat)s.")
            % {"tingkat": Tingkat(node.tingkat).label},
            "tingkat_anggaran",
        )
    kode = [
        anggaran.kode_program,
        anggaran.kode_kegiatan,
        anggaran.kode_kro,
        anggaran.kode_ro,
        anggaran.kode_komponen,
    ]
    if anggaran.mata_anggaran_id:
        m: MataAnggaran = anggaran.mata_anggaran
        if m.unit_id != node.unit_id or m.tahun != tahun:
            raise _galat(
                "mata_anggaran",
                gettext("Mata anggaran harus milik %(unit)s tahun %(tahun)s.")
                % {"unit": node.unit.nama, "tahun": tahun},
                "mata_unit",
            )
        if any(kode) or anggaran.pagu is not None:
            raise _galat(
                None,
                gettext("Pilih mata anggaran atau ketik kode dengan pagu, tidak keduanya."),
                "mata_dan_kode",
            )
        if NodeAnggaran.objects.filter(node=node, mata_anggaran=m).exists():
            raise _galat("mata_anggaran", gettext("Mata anggaran ini sudah tertaut ke simpul ini."), "mata_ganda")
    else:
        if not any(kode):
            raise _galat(None, gettext("Pilih mata anggaran atau isi minimal satu kode anggaran."), "tanpa_kode")
        if anggaran.pagu is None:
            raise _galat("pagu", gettext("Pagu wajib diisi untuk kode anggaran yang diketik."), "tanpa_pagu")
        if anggaran.pagu < Decimal(0):
            raise _galat("pagu", gettext("Pagu tidak boleh negatif."), "pagu_negatif")
    return _simpan(anggaran)


@transaction.atomic
def hapus_anggaran(*, anggaran: NodeAnggaran, tahun: int) -> None:
    _kunci(anggaran.node.unit, tahun)
    anggaran.delete()


@transaction.atomic
def tautkan_strategi(*, dari: NodeKinerja, ke: NodeKinerja, tahun: int) -> TautanStrategi:
    """A cause–effect arrow between two nodes of one level of the unit's tree."""
    _kunci(dari.unit, tahun)
    if dari.pk == ke.pk:
        raise _galat("ke", gettext("Simpul tidak dapat menjadi sebab bagi dirinya sendiri."), "diri")
    if ke.unit_id != dari.unit_id:
        raise _galat("ke", gettext("Tautan sebab-akibat hanya di dalam pohon satu unit."), "tautan_unit")
    if ke.tingkat != dari.tingkat:
        raise _galat(
            "ke",
            gettext("Tautan sebab-akibat hanya antara simpul dengan tingkat yang sama (peta strategi per tingkat)."),
            "tautan_tingkat",
        )
    if TautanStrategi.objects.filter(dari=dari, ke=ke).exists():
        raise _galat("ke", gettext("Tautan ini sudah ada."), "tautan_ganda")
    return _simpan(TautanStrategi(dari=dari, ke=ke))


@transaction.atomic
def hapus_tautan_strategi(*, tautan: TautanStrategi, tahun: int) -> None:
    _kunci(tautan.dari.unit, tahun)
    tautan.delete()


# --- Positions and holders ----------------------------------------------------------------------------------------


@transaction.atomic
def simpan_jabatan(*, jabatan: Jabatan, tahun: int, versi: str | None = None) -> Jabatan:
    """A position of the unit; its superior is a position of the unit or of its parent unit, never below it."""
    _kunci(jabatan.unit, tahun, jabatan, versi)
    atasan = jabatan.atasan
    if atasan is not None:
        if atasan.unit_id not in {jabatan.unit_id, jabatan.unit.induk_id}:
            raise _galat("atasan", gettext("Atasan harus jabatan unit ini atau unit induknya."), "atasan_unit")
        dilihat, cari = {jabatan.pk} if jabatan.pk else set(), atasan
        while cari is not None:
            if cari.pk in dilihat:
                raise _galat("atasan", gettext("Atasan ini berada di bawah jabatan itu sendiri."), "atasan_siklus")
            dilihat.add(cari.pk)
            cari = cari.atasan
    if Jabatan.objects.filter(unit=jabatan.unit, nama__iexact=jabatan.nama.strip()).exclude(pk=jabatan.pk).exists():
        raise _galat("nama", gettext("Unit ini sudah memiliki jabatan dengan nama itu."), "jabatan_ganda")
    return _simpan(jabatan)


def _bertumpang(a_mulai, a_selesai, b_mulai, b_selesai) -> bool:
    akhir = datetime.date.max
    return a_mulai <= (b_selesai or akhir) and b_mulai <= (a_selesai or akhir)


@transaction.atomic
def simpan_pemegang(*, pemegang: PemegangJabatan, tahun: int, versi: str | None = None) -> PemegangJabatan:
    """Who holds a position from a date; two definitive holders may not overlap (an acting one, Plt., may)."""
    _kunci(pemegang.jabatan.unit, tahun, pemegang, versi)
    if pemegang.selesai and pemegang.mulai and pemegang.selesai < pemegang.mulai:
        raise _galat("selesai", gettext("Tanggal selesai tidak boleh sebelum tanggal mulai."), "tanggal_urut")
    if not pemegang.plt:
        for lain in PemegangJabatan.objects.filter(jabatan=pemegang.jabatan, plt=False).exclude(pk=pemegang.pk):
            if _bertumpang(pemegang.mulai, pemegang.selesai, lain.mulai, lain.selesai):
                raise _galat(
                    "mulai",
                    gettext(
                        "Masa jabatan bertumpang dengan %(nama)s (mulai %(mulai)s); pejabat definitif tidak boleh "
                        "dua orang pada tanggal yang sama. Isi tanggal selesai pejabat sebelumnya, atau tandai Plt."
                    )
                    % {"nama": lain.nama, "mulai": lain.mulai.strftime("%d-%m-%Y")},
                    "tumpang",
                )
    return _simpan(pemegang)


@transaction.atomic
def hapus_pemegang(*, pemegang: PemegangJabatan, tahun: int) -> None:
    _kunci(pemegang.jabatan.unit, tahun)
    pemegang.delete()


# --- Offer to a child unit -------------------------------------------------------------------------------------


@transaction.atomic
def tawarkan_node(*, node: NodeKinerja, tahun: int) -> NodeKinerja:
    """A parent unit's planner creates a node in a child unit's tree, under one of the parent unit's nodes: it
    stays `usulan` until the child unit accepts or rejects it. `node.unit` is the child unit, `node.induk` the
    parent unit's node."""
    unit = node.unit
    induk = node.induk
    if induk is None or unit.induk_id is None or induk.unit_id != unit.induk_id:
        raise _galat(
            "induk",
            gettext("Usulan ke unit bawahan harus digantungkan pada simpul pohon unit induknya."),
            "usulan_induk",
        )
    _kunci(unit, tahun)
    node.status = StatusNode.USULAN
    node.diusulkan_oleh_id = induk.unit_id
    node.pemilik = None  # the child unit names its own owner on acceptance
    _periksa_node(node, tahun)
    return _simpan(node)


def _pastikan_usulan(node: NodeKinerja) -> None:
    if node.status != StatusNode.USULAN:
        raise _galat(None, gettext("Simpul ini bukan usulan yang menunggu jawaban."), "bukan_usulan")


@transaction.atomic
def terima_usulan(*, node: NodeKinerja, tahun: int, pemilik: Jabatan | None = None) -> NodeKinerja:
    """The child unit accepts the offered node (and may name its owner at once)."""
    _kunci(node.unit, tahun)
    node.refresh_from_db()
    _pastikan_usulan(node)
    node.status = StatusNode.DITERIMA
    if pemilik is not None:
        node.pemilik = pemilik
    _periksa_node(node, tahun)
    return _simpan(node, gettext("Usulan diterima"))


@transaction.atomic
def tolak_usulan(*, node: NodeKinerja, tahun: int, alasan: str) -> NodeKinerja:
    alasan = _wajib_alasan(alasan)
    _kunci(node.unit, tahun)
    node.refresh_from_db()
    _pastikan_usulan(node)
    node.status = StatusNode.DITOLAK
    node.alasan = alasan
    return _simpan(node, gettext("Usulan ditolak: %(alasan)s") % {"alasan": alasan})


# --- Crosscutting -----------------------------------------------------------------------------------------------


@transaction.atomic
def ajukan_crosscutting(*, crosscutting: Crosscutting, tahun: int) -> Crosscutting:
    """A partner of a node: another unit of the app (it answers; `diusulkan` until then) or an external body by
    name and kind (recorded as agreed: nobody in the app answers for it)."""
    c = crosscutting
    node = c.node
    _kunci(node.unit, tahun)
    if node.status in (StatusNode.DITOLAK, StatusNode.NONAKTIF):
        raise _galat(None, gettext("Simpul yang ditolak atau nonaktif tidak dapat diberi mitra."), "node_tidak_aktif")
    c.mitra_nama = (c.mitra_nama or "").strip()
    if c.mitra_unit_id and c.mitra_nama:
        raise _galat(None, gettext("Pilih unit mitra atau tulis nama mitra eksternal, tidak keduanya."), "dua_mitra")
    if c.mitra_unit_id:
        if c.mitra_unit_id == node.unit_id:
            raise _galat("mitra_unit", gettext("Mitra harus unit lain, bukan unit pemilik simpul."), "mitra_sendiri")
        if c.mitra_jenis:
            c.mitra_jenis = ""
        if c.indikator_mitra_id and not Indikator.objects.milik(c.mitra_unit).filter(pk=c.indikator_mitra_id).exists():
            raise _galat(
                "indikator_mitra", gettext("Indikator mitra harus indikator unit mitra itu."), "indikator_mitra"
            )
        if Crosscutting.objects.filter(node=node, mitra_unit=c.mitra_unit).exclude(pk=c.pk).exists():
            raise _galat("mitra_unit", gettext("Unit ini sudah menjadi mitra simpul ini."), "mitra_ganda")
        c.status = StatusCrosscutting.DIUSULKAN
    elif c.mitra_nama:
        if not c.mitra_jenis:
            raise _galat("mitra_jenis", gettext("Jenis mitra eksternal wajib dipilih."), "tanpa_jenis")
        if c.indikator_mitra_id:
            raise _galat(
                "indikator_mitra",
                gettext("Indikator mitra hanya untuk mitra yang merupakan unit di aplikasi ini."),
                "indikator_eksternal",
            )
        c.status = StatusCrosscutting.DITERIMA
    else:
        raise _galat(None, gettext("Pilih unit mitra atau tulis nama mitra eksternal."), "tanpa_mitra")
    if not (c.kontribusi or "").strip():
        raise _galat("kontribusi", gettext("Kontribusi mitra wajib diisi."), "tanpa_kontribusi")
    return _simpan(c)


@transaction.atomic
def jawab_crosscutting(*, crosscutting: Crosscutting, tahun: int, terima: bool, alasan: str, oleh) -> Crosscutting:
    """The partner unit accepts or rejects (with a reason) a crosscutting request; its own year is locked."""
    c = crosscutting
    if not terima:
        alasan = _wajib_alasan(alasan)
    if c.mitra_unit_id is None:
        raise _galat(None, gettext("Mitra eksternal tidak menjawab lewat aplikasi."), "eksternal")
    _kunci(c.mitra_unit, tahun)
    c.refresh_from_db()
    if c.status != StatusCrosscutting.DIUSULKAN:
        raise _galat(None, gettext("Permintaan crosscutting ini sudah dijawab."), "sudah_dijawab")
    c.status = StatusCrosscutting.DITERIMA if terima else StatusCrosscutting.DITOLAK
    c.alasan = (alasan or "").strip()
    c.dijawab_oleh = oleh
    c.dijawab_pada = timezone.now()
    return _simpan(c)


@transaction.atomic
def hapus_crosscutting(*, crosscutting: Crosscutting, tahun: int) -> None:
    _kunci(crosscutting.node.unit, tahun)
    crosscutting.delete()
