"""The performance tree of a unit's year and, per NIP, the results an official owns (for the SKP). Read from
`pohon.models` (nodes in force in the year, their indikator, budget codes and owner positions); capaian of the
owned indikator from `susun_pengukuran`."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, Q
from ninja import Router, Schema

from anggaran.queries import susun_anggaran
from indikator.queries import susun_pengukuran
from indikator.struktur import DataTidakDitemukan
from pohon.enums import StatusNode
from pohon.models import Jabatan, NodeAnggaran, NodeIndikator, NodeKinerja, PemegangJabatan

from ..konvensi import catat_baris, desimal, mentah, rekam, tampil
from ..lingkup import periode_unit, tidak_ditemukan
from ..skema import GALAT, Desimal, StatusRekam
from .bersama import unit_tahun

router = Router(tags=["pohon kinerja"])


class Pemegang(Schema):
    nama: str
    nip: str
    plt: bool
    mulai: str
    selesai: str | None


class JabatanData(Schema):
    id: int
    nama: str
    eselon: str
    unit: str
    pemegang: list[Pemegang]


class NodeIndikatorData(Schema):
    id: int
    kode: str
    nama: str
    peran: str


class NodeAnggaranData(Schema):
    kode_program: str
    kode_kegiatan: str
    kode_kro: str
    kode_ro: str
    kode_komponen: str
    mata_anggaran: str | None
    uraian: str
    pagu: Desimal


class Node(Schema):
    id: int
    kode: str
    uraian: str
    tingkat: str
    jenis_hasil: str
    induk: int | None
    induk_unit: str | None
    sasaran: str | None
    perspektif: str
    cascading: str
    status: str
    pemilik: JabatanData | None
    indikator: list[NodeIndikatorData]
    anggaran: list[NodeAnggaranData]


class PohonData(StatusRekam):
    unit: str
    tahun: int
    node: list[Node]


def _berlaku(tahun: int) -> Q:
    return (
        Q(renstra__tahun_mulai__lte=tahun, renstra__tahun_selesai__gte=tahun)
        & (Q(tahun_mulai__isnull=True) | Q(tahun_mulai__lte=tahun))
        & (Q(tahun_selesai__isnull=True) | Q(tahun_selesai__gte=tahun))
    )


def _pemegang_tahun(tahun: int) -> Prefetch:
    awal, akhir = date(tahun, 1, 1), date(tahun, 12, 31)
    return Prefetch(
        "pemilik__pemegang",
        queryset=PemegangJabatan.objects.filter(
            Q(selesai__isnull=True) | Q(selesai__gte=awal), mulai__lte=akhir
        ).order_by("mulai", "id"),
    )


def _jabatan(j: Jabatan | None) -> dict | None:
    if j is None:
        return None
    return {
        "id": j.pk,
        "nama": j.nama,
        "eselon": j.eselon,
        "unit": j.unit.slug,
        "pemegang": [
            {
                "nama": p.nama,
                "nip": p.nip,
                "plt": p.plt,
                "mulai": p.mulai.isoformat(),
                "selesai": p.selesai.isoformat() if p.selesai else None,
            }
            for p in j.pemegang.all()
        ],
    }


def _node_qs(tahun: int):
    return (
        NodeKinerja.objects.filter(_berlaku(tahun))
        .select_related("induk", "induk__unit", "sasaran", "pemilik", "pemilik__unit", "unit")
        .prefetch_related(
            _pemegang_tahun(tahun),
            Prefetch("tautan_indikator", queryset=NodeIndikator.objects.select_related("indikator").order_by("id")),
            Prefetch(
                "anggaran",
                queryset=NodeAnggaran.objects.filter(tahun=tahun).select_related("mata_anggaran").order_by("id"),
            ),
        )
        .order_by("urutan", "kode", "id")
    )


def _node(n: NodeKinerja, pagu_mata: dict) -> dict:
    return {
        "id": n.pk,
        "kode": n.kode,
        "uraian": n.uraian,
        "tingkat": n.tingkat,
        "jenis_hasil": n.jenis_hasil,
        "induk": n.induk_id,
        "induk_unit": n.induk.unit.slug if n.induk_id and n.induk.unit_id != n.unit_id else None,
        "sasaran": n.sasaran.kode if n.sasaran_id else None,
        "perspektif": n.perspektif,
        "cascading": n.cascading,
        "status": n.status,
        "pemilik": _jabatan(n.pemilik),
        "indikator": [
            {"id": t.indikator.pk, "kode": t.indikator.kode, "nama": t.indikator.nama, "peran": t.peran}
            for t in n.tautan_indikator.all()
        ],
        "anggaran": [
            {
                "kode_program": a.kode_program,
                "kode_kegiatan": a.kode_kegiatan,
                "kode_kro": a.kode_kro,
                "kode_ro": a.kode_ro,
                "kode_komponen": a.kode_komponen,
                "mata_anggaran": a.mata_anggaran.kode if a.mata_anggaran_id else None,
                "uraian": a.uraian,
                "pagu": desimal(a.pagu if a.pagu is not None else pagu_mata.get(a.mata_anggaran_id)),
            }
            for a in n.anggaran.all()
        ],
    }


@router.get("/pohon", response={200: PohonData, **GALAT}, summary="Pohon kinerja unit per tahun")
def pohon(request, unit: str, tahun: int):
    """The nodes of the unit's tree in force in the year (accepted ones; proposals and rejected or inactive
    nodes too with the draft scope), parent first, with their indikator, budget codes and the owner position
    with its holders in that year. `induk_unit`: the parent node sits in another unit's tree."""
    u, per = unit_tahun(request.auth, unit, tahun)
    qs = _node_qs(tahun).filter(unit=u)
    if not request.auth.draf:
        qs = qs.filter(status=StatusNode.DITERIMA)
    node = list(qs)
    anak: dict[int | None, list[NodeKinerja]] = {}
    ada = {n.pk for n in node}
    for n in node:
        anak.setdefault(n.induk_id if n.induk_id in ada else None, []).append(n)
    urut: list[NodeKinerja] = []

    def jalan(induk):
        for n in anak.get(induk, []):
            urut.append(n)
            jalan(n.pk)

    jalan(None)
    pagu_mata = {b.mata.pk: b.pagu for b in susun_anggaran(u, tahun).baris}
    hasil = [_node(n, pagu_mata) for n in urut]
    catat_baris(request, len(hasil))
    return rekam({"unit": u.slug, "tahun": tahun, "node": hasil}, per)


class SkpIndikator(Schema):
    kode: str
    nama: str
    satuan: str
    peran: str
    target: Desimal
    target_huruf: str
    realisasi: Desimal
    realisasi_huruf: str
    capaian: Desimal
    capaian_tampil: str | None
    kriteria: str | None


class SkpNode(StatusRekam):
    unit: str
    node: int
    kode: str
    uraian: str
    tingkat: str
    jabatan: str
    plt: bool
    indikator: list[SkpIndikator]


class SkpData(Schema):
    nip: str
    tahun: int
    nama: str
    hasil: list[SkpNode]


@router.get("/skp", response={200: SkpData, **GALAT}, summary="Hasil kinerja per NIP (untuk SKP)")
def skp(request, nip: str, tahun: int):
    """The results an official owns in a year: the nodes owned by the positions the NIP held in that year (in
    units within the token's scope, years approved unless the draft scope), with their indikator's target,
    realisasi and capaian of that unit's year (`susun_pengukuran`)."""
    lingkup = request.auth
    awal, akhir = date(tahun, 1, 1), date(tahun, 12, 31)
    pegang = [
        p
        for p in PemegangJabatan.objects.filter(
            Q(selesai__isnull=True) | Q(selesai__gte=awal), nip=nip.strip(), mulai__lte=akhir
        ).select_related("jabatan", "jabatan__unit")
        if nip.strip() and lingkup.boleh(p.jabatan.unit_id)
    ]
    if not pegang:
        raise tidak_ditemukan(f"Tidak ada jabatan NIP {nip} pada tahun {tahun}.")
    jabatan = {p.jabatan_id: p for p in pegang}
    periode = periode_unit({p.jabatan.unit_id for p in pegang}, [tahun])
    qs = _node_qs(tahun).filter(pemilik_id__in=list(jabatan), status=StatusNode.DITERIMA)
    hasil, ukur = [], {}
    for n in qs:
        per = periode.get((n.unit_id, tahun))
        if not lingkup.tampak(per):
            continue
        if n.unit_id not in ukur:
            try:
                ukur[n.unit_id] = susun_pengukuran(n.unit, tahun)
            except DataTidakDitemukan:
                ukur[n.unit_id] = None
        p = ukur[n.unit_id]
        ind = []
        for t in n.tautan_indikator.all():
            b = p.baris_indikator(t.indikator_id) if p else None
            ind.append(
                {
                    "kode": t.indikator.kode,
                    "nama": t.indikator.nama,
                    "satuan": t.indikator.satuan,
                    "peran": t.peran,
                    "target": mentah(b.target.nilai) if b else None,
                    "target_huruf": b.target.kualitatif if b else "",
                    "realisasi": mentah(b.realisasi.nilai) if b else None,
                    "realisasi_huruf": b.realisasi.kualitatif if b else "",
                    "capaian": desimal(b.capaian) if b else None,
                    "capaian_tampil": tampil(b.capaian) if b else None,
                    "kriteria": b.kriteria.label if b and b.kriteria else None,
                }
            )
        pj = jabatan[n.pemilik_id]
        data = {
            "unit": n.unit.slug,
            "node": n.pk,
            "kode": n.kode,
            "uraian": n.uraian,
            "tingkat": n.tingkat,
            "jabatan": pj.jabatan.nama,
            "plt": pj.plt,
            "indikator": ind,
        }
        hasil.append(rekam(data, per))
    catat_baris(request, len(hasil))
    return {"nip": nip, "tahun": tahun, "nama": pegang[-1].nama, "hasil": hasil}
