"""A performance tree in the database on the `dunia` dataset (3 levels, `n_sk` × 2 × 2 + 1 nodes with owners, an
acting holder, indikator, budget at the leaves, a crosscutting partner and cause–effect links), for the page,
download and report tests."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from indikator.enums import Perspektif
from pohon.enums import Eselon, Tingkat
from pohon.models import (
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    TautanStrategi,
)

PERSPEKTIF = [p.value for p in Perspektif]


def buat_pohon(data, n_sk: int = 4, n_es3: int = 2, n_es4: int = 2) -> list[NodeKinerja]:
    """SS1 of the unit with `n_sk` SK, each with `n_es3` Eselon III results, each with `n_es4` Eselon IV results."""

    def jabatan(nama, eselon, atasan=None, pemegang=None, plt=False):
        j, baru = Jabatan.objects.get_or_create(
            unit=data.unit, nama=nama, defaults={"eselon": eselon, "atasan": atasan}
        )
        if baru and pemegang:
            PemegangJabatan.objects.create(jabatan=j, nama=pemegang, mulai=datetime.date(2015, 1, 1), plt=plt)
        return j

    kepala = jabatan("Kepala Biro Kerja Sama", Eselon.II, pemegang="Dra. Kepala")
    kabag = jabatan("Kepala Bagian Kerja Sama", Eselon.III, kepala, "Plt Bagian", plt=True)
    kasubag = jabatan("Kepala Subbagian", Eselon.IV, kabag)

    def node(tingkat, kode, induk, pemilik, i, **kw):
        return NodeKinerja.objects.create(
            unit=data.unit,
            renstra=data.renstra,
            tingkat=tingkat,
            kode=kode,
            uraian=f"Meningkatnya efektivitas kerja sama {kode} dengan mitra dalam dan luar negeri",
            induk=induk,
            pemilik=pemilik,
            perspektif=PERSPEKTIF[i % 4],
            urutan=i,
            **kw,
        )

    ss = node(Tingkat.SS, "SS1", None, kepala, 0)
    NodeIndikator.objects.create(node=ss, indikator=data.ind1)
    semua = [ss]
    sk_list = []
    for a in range(n_sk):
        sk = node(Tingkat.SK, f"SK{a + 1}", ss, kepala, a)
        NodeIndikator.objects.create(node=sk, indikator=data.ind2)
        semua.append(sk)
        sk_list.append(sk)
        for b in range(n_es3):
            e3 = node(Tingkat.ESELON_III, f"SK{a + 1}.{b + 1}", sk, kabag, b)
            NodeIndikator.objects.create(node=e3, indikator=data.ind1)
            semua.append(e3)
            if b == 0:
                Crosscutting.objects.create(
                    node=e3,
                    mitra_nama="Kementerian Luar Negeri",
                    mitra_jenis="kl",
                    peran="kontributor",
                    kontribusi="Data",
                )
            for c in range(n_es4):
                e4 = node(Tingkat.ESELON_IV, f"SK{a + 1}.{b + 1}.{c + 1}", e3, kasubag, c)
                NodeAnggaran.objects.create(
                    node=e4, tahun=2018, kode_program="063", kode_kegiatan=f"{a}{b}{c}", pagu=D("150000000")
                )
                semua.append(e4)
    for x, y in zip(sk_list, sk_list[1:], strict=False):
        TautanStrategi.objects.create(dari=y, ke=x)
    return semua
