"""The performance tree of a unit's year and, per NIP, the results an official owns (for the SKP), read through
`pohon.queries.susun_pohon` (the tree the app shows: owners at the year's end, targets in force, budget lines
with the pagu in force, partners); capaian of the owned indikator from `susun_pengukuran`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db.models import Q
from ninja import Router, Schema

from indikator.models import UnitKerja
from indikator.queries import susun_pengukuran
from indikator.struktur import DataTidakDitemukan
from pohon.enums import StatusNode
from pohon.models import PemegangJabatan
from pohon.queries import Simpul, susun_pohon

from ..konvensi import catat_baris, desimal, mentah, rekam, tampil
from ..lingkup import periode_unit, tidak_ditemukan
from ..skema import GALAT, Desimal, StatusRekam
from .bersama import unit_tahun

router = Router(tags=["pohon kinerja"])


class Pemilik(Schema):
    jabatan_id: int
    jabatan: str
    eselon: str
    nama: str | None
    nip: str
    plt: bool


class TargetNode(Schema):
    nilai: Desimal
    nilai_atas: Desimal
    nilai_huruf: str
    teks: str
    sumber: str


class NodeIndikatorData(Schema):
    id: int
    kode: str
    nama: str
    satuan: str
    peran: str
    unit: str
    target: TargetNode


class NodeAnggaranData(Schema):
    kode: str
    mata_anggaran_id: int | None
    uraian: str
    pagu: Desimal


class Mitra(Schema):
    mitra: str
    mitra_unit: str | None
    jenis: str
    peran: str
    kontribusi: str
    status: str


class Node(Schema):
    id: int
    kode: str
    uraian: str
    tingkat: str
    jenis_hasil: str
    induk: int | None
    induk_unit: str | None
    sasaran_id: int | None
    perspektif: str
    cascading: str
    status: str
    tahun_mulai: int | None
    tahun_selesai: int | None
    pemilik: Pemilik | None
    indikator: list[NodeIndikatorData]
    anggaran: list[NodeAnggaranData]
    pagu: Desimal
    mitra: list[Mitra]


class PohonData(StatusRekam):
    unit: str
    tahun: int
    node: list[Node]


def _node(s: Simpul, units: dict) -> dict:
    luar = s.induk is not None and s.induk.unit.id != s.unit.id
    return {
        "id": s.id,
        "kode": s.kode,
        "uraian": s.uraian,
        "tingkat": s.tingkat,
        "jenis_hasil": s.jenis_hasil,
        "induk": s.induk_id,
        "induk_unit": s.induk.unit.slug if luar else None,
        "sasaran_id": s.sasaran_id,
        "perspektif": s.perspektif,
        "cascading": s.cascading,
        "status": s.status,
        "tahun_mulai": s.tahun_mulai,
        "tahun_selesai": s.tahun_selesai,
        "pemilik": asdict(s.pemilik) if s.pemilik else None,
        "indikator": [
            {
                "id": i.id,
                "kode": i.kode,
                "nama": i.nama,
                "satuan": i.satuan,
                "peran": i.peran,
                "unit": units[i.unit_id].slug if i.unit_id in units else "",
                "target": {
                    "nilai": mentah(i.target.nilai),
                    "nilai_atas": mentah(i.target.nilai_atas),
                    "nilai_huruf": i.target.kualitatif,
                    "teks": i.target.teks,
                    "sumber": i.target.sumber,
                },
            }
            for i in s.indikator
        ],
        "anggaran": [
            {"kode": a.kode, "mata_anggaran_id": a.mata_anggaran_id, "uraian": a.uraian, "pagu": desimal(a.pagu)}
            for a in s.anggaran
        ],
        "pagu": desimal(s.pagu),
        "mitra": [
            {
                "mitra": m.mitra,
                "mitra_unit": units[m.mitra_unit_id].slug if m.mitra_unit_id in units else None,
                "jenis": m.jenis,
                "peran": m.peran,
                "kontribusi": m.kontribusi,
                "status": m.status,
            }
            for m in s.mitra
        ],
    }


def _pohon(unit: UnitKerja, tahun: int, draf: bool):
    """The unit's own tree (`susun_pohon`), depth first; without the draft scope only accepted nodes (a node
    hangs under its nearest accepted ancestor's place: its subtree is left out with it)."""
    pohon = susun_pohon(unit, tahun, dengan_bawahan=False, dengan_ditolak=draf)
    hasil = []

    def jalan(s: Simpul):
        if not draf and s.status != StatusNode.DITERIMA:
            return
        hasil.append(s)
        for a in s.anak:
            jalan(a)

    for akar in pohon.akar:
        jalan(akar)
    return pohon, hasil


@router.get("/pohon", response={200: PohonData, **GALAT}, summary="Pohon kinerja unit per tahun")
def pohon(request, unit: str, tahun: int):
    """The nodes of the unit's tree in force in the year, parent first (`susun_pohon`): accepted ones, and with
    the draft scope also proposals, inactive and rejected nodes; each with its owner position and holder at the
    year's end, indikator with the target in force, budget lines (codes as strings, the pagu in force) and
    partners. `induk_unit`: the parent node sits in another unit's tree."""
    u, per = unit_tahun(request.auth, unit, tahun)
    p, daftar = _pohon(u, tahun, request.auth.draf)
    units = {x.id: x for x in p.units.values()}
    node = [_node(s, units) for s in daftar]
    catat_baris(request, len(node))
    return rekam({"unit": u.slug, "tahun": tahun, "node": node}, per)


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
    """The results an official owns in a year: the accepted nodes of the positions the NIP held at any time of
    that year (in units within the token's scope, years approved unless the draft scope), with their indikator's
    target, realisasi and capaian of that unit's year (`susun_pengukuran`)."""
    lingkup = request.auth
    nip = nip.strip()
    awal, akhir = date(tahun, 1, 1), date(tahun, 12, 31)
    pegang = (
        [
            p
            for p in PemegangJabatan.objects.filter(
                Q(selesai__isnull=True) | Q(selesai__gte=awal), nip=nip, mulai__lte=akhir
            ).select_related("jabatan", "jabatan__unit")
            if lingkup.boleh(p.jabatan.unit_id)
        ]
        if nip
        else []
    )
    if not pegang:
        raise tidak_ditemukan(f"Tidak ada jabatan NIP {nip} pada tahun {tahun}.")
    jabatan = {p.jabatan_id: p for p in pegang}
    units = {p.jabatan.unit_id: p.jabatan.unit for p in pegang}
    periode = periode_unit(units, [tahun])
    hasil = []
    for unit_id, u in units.items():
        per = periode.get((unit_id, tahun))
        if not lingkup.tampak(per):
            continue
        _p, daftar = _pohon(u, tahun, draf=False)
        milik = [s for s in daftar if s.pemilik and s.pemilik.jabatan_id in jabatan]
        if not milik:
            continue
        try:
            ukur = susun_pengukuran(u, tahun)
        except DataTidakDitemukan:
            ukur = None
        for s in milik:
            ind = []
            for i in s.indikator:
                b = ukur.baris_indikator(i.id) if ukur else None
                ind.append(
                    {
                        "kode": i.kode,
                        "nama": i.nama,
                        "satuan": i.satuan,
                        "peran": i.peran,
                        "target": mentah(b.target.nilai if b else i.target.nilai),
                        "target_huruf": b.target.kualitatif if b else i.target.kualitatif,
                        "realisasi": mentah(b.realisasi.nilai) if b else None,
                        "realisasi_huruf": b.realisasi.kualitatif if b else "",
                        "capaian": desimal(b.capaian) if b else None,
                        "capaian_tampil": tampil(b.capaian) if b else None,
                        "kriteria": b.kriteria.label if b and b.kriteria else None,
                    }
                )
            pj = jabatan[s.pemilik.jabatan_id]
            data = {
                "unit": u.slug,
                "node": s.id,
                "kode": s.kode,
                "uraian": s.uraian,
                "tingkat": s.tingkat,
                "jabatan": pj.jabatan.nama,
                "plt": pj.plt,
                "indikator": ind,
            }
            hasil.append(rekam(data, per))
    catat_baris(request, len(hasil))
    return {"nip": nip, "tahun": tahun, "nama": pegang[-1].nama, "hasil": hasil}
