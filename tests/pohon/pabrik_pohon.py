"""A small performance tree over the `dunia` actors (tests/dunia.py), for page tests and the route table: the
parent unit's SS and SP, the unit's SK under the SP with an owner and an indikator, a node the parent unit offers
(waiting), a crosscutting request from another unit's node, positions with a holder, and a planner of the parent
unit (`pengguna["perencana_induk"]`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from indikator import models as m
from indikator.enums import Peran
from pohon.enums import Eselon, PeranMitra, StatusNode, Tingkat
from pohon.models import Crosscutting, Jabatan, NodeIndikator, NodeKinerja, PemegangJabatan
from tests.pabrik import buat_pengguna


@dataclass
class PohonUji:
    ss: NodeKinerja
    sp: NodeKinerja
    sk: NodeKinerja
    usulan: NodeKinerja
    node_lain: NodeKinerja
    crosscutting: Crosscutting
    kabiro: Jabatan
    kabag: Jabatan
    pemegang: PemegangJabatan


def bangun_pohon(d) -> PohonUji:
    renstra_induk = m.Renstra.objects.create(
        unit=d.induk, nama="Renstra Sestama", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    renstra_lain = m.Renstra.objects.create(
        unit=d.lain, nama="Renstra Biro Lain", tahun_mulai=2015, tahun_selesai=2019, skema=d.skema
    )
    kepala = Jabatan.objects.create(unit=d.induk, nama="Sekretaris Utama", eselon=Eselon.I)
    kabiro = Jabatan.objects.create(unit=d.unit, nama="Kepala Biro Kerja Sama", eselon=Eselon.II, atasan=kepala)
    kabag = Jabatan.objects.create(unit=d.unit, nama="Kepala Bagian Kerja Sama", eselon=Eselon.III, atasan=kabiro)
    pemegang = PemegangJabatan.objects.create(jabatan=kabiro, nama="Dra. Kepala", mulai=datetime.date(2016, 1, 1))
    ss = NodeKinerja.objects.create(
        unit=d.induk, renstra=renstra_induk, tingkat=Tingkat.SS, kode="SS1", uraian="Meningkatnya efektivitas BPOM"
    )
    sp = NodeKinerja.objects.create(
        unit=d.induk, renstra=renstra_induk, tingkat=Tingkat.SP, kode="SP1", uraian="Dukungan manajemen", induk=ss
    )
    sk = NodeKinerja.objects.create(
        unit=d.unit,
        renstra=d.renstra,
        tingkat=Tingkat.SK,
        kode="SK1",
        uraian="Meningkatnya kerja sama",
        induk=sp,
        pemilik=kabiro,
        sasaran=d.sasaran,
    )
    NodeIndikator.objects.create(node=sk, indikator=d.ind1)
    usulan = NodeKinerja.objects.create(
        unit=d.unit,
        renstra=d.renstra,
        tingkat=Tingkat.SK,
        kode="SK2",
        uraian="Usulan dari Sestama",
        induk=sp,
        status=StatusNode.USULAN,
        diusulkan_oleh=d.induk,
    )
    node_lain = NodeKinerja.objects.create(
        unit=d.lain, renstra=renstra_lain, tingkat=Tingkat.SK, kode="L1", uraian="Kegiatan biro lain"
    )
    crosscutting = Crosscutting.objects.create(
        node=node_lain, mitra_unit=d.unit, peran=PeranMitra.KONTRIBUTOR, kontribusi="Data kerja sama"
    )
    if "perencana_induk" not in d.pengguna:
        d.pengguna["perencana_induk"] = buat_pengguna("perencana_induk", Peran.PERENCANA, d.induk)
    return PohonUji(ss, sp, sk, usulan, node_lain, crosscutting, kabiro, kabag, pemegang)
