"""A performance tree built in memory (no database) for the pure drawing and matrix tests: `pohon_contoh` gives a
`queries.Pohon` of any shape."""

from __future__ import annotations

import datetime
from decimal import Decimal as D
from itertools import count

from indikator.enums import Perspektif
from indikator.queries import NilaiTargetEfektif
from pohon.enums import Eselon, Tingkat
from pohon.queries import AnggaranSimpul, IndikatorSimpul, MitraSimpul, Pemilik, Pohon, Simpul, UnitRingkas

UNIT = UnitRingkas(1, "Biro Kerja Sama", "BKS", "biro-ks", None)
TINGKAT = [Tingkat.SS, Tingkat.SP, Tingkat.SK, Tingkat.ESELON_III, Tingkat.ESELON_IV, Tingkat.RHK]
ESELON = [Eselon.I, Eselon.II, Eselon.III, Eselon.IV, Eselon.FUNGSIONAL, Eselon.PELAKSANA]
PERSPEKTIF = [p.value for p in Perspektif]
_id = count(1)


def simpul(
    tingkat: int,
    kode: str,
    *,
    uraian: str | None = None,
    n_indikator: int = 1,
    pagu: D | None = None,
    mitra: tuple[str, ...] = (),
    pemilik: Pemilik | None = None,
    perspektif: str = "",
) -> Simpul:
    i = next(_id)
    s = Simpul(
        id=i,
        unit=UNIT,
        tingkat=TINGKAT[tingkat],
        kode=kode,
        uraian=uraian or f"Meningkatnya kualitas kerja sama dan koordinasi hasil {kode} yang efektif & terukur",
        jenis_hasil="outcome",
        cascading="penuh",
        status="diterima",
        perspektif=perspektif or PERSPEKTIF[i % 4],
        sasaran_id=None,
        induk_id=None,
        urutan=0,
        tahun_mulai=None,
        tahun_selesai=None,
        pemilik=pemilik
        or Pemilik(
            1000 + tingkat,
            f"Jabatan tingkat {tingkat + 1} <{kode}>",
            ESELON[tingkat],
            f"Pejabat {kode}",
            "",
            i % 2 == 0,
        ),
    )
    for n in range(n_indikator):
        s.indikator.append(
            IndikatorSimpul(
                100 * i + n,
                f"{kode}.I{n + 1}",
                f"Persentase rekomendasi kerja sama {kode} yang ditindaklanjuti ({n + 1})",
                "%",
                "utama",
                1,
                NilaiTargetEfektif(D("87.5") + n, None, "", "", "pk"),
            )
        )
    if pagu is not None:
        s.anggaran.append(AnggaranSimpul(i, None, f"063.01.{kode}", "Layanan", pagu))
    for j, m in enumerate(mitra):
        s.mitra.append(
            MitraSimpul(
                j, None, m, "kl", "kontributor", "Data bersama", "diterima", datetime.datetime(2018, 1, 1), None
            )
        )
    return s


def pasang(induk: Simpul, *anak: Simpul) -> Simpul:
    for a in anak:
        a.induk, a.induk_id = induk, induk.id
        induk.anak.append(a)
    return induk


def pohon_dari(*akar: Simpul, tautan=()) -> Pohon:
    semua = {s.id: s for a in akar for s in a.telusuri()}
    return Pohon(UNIT, 2018, datetime.date(2018, 12, 31), {1: UNIT}, list(akar), semua, {}, [], {}, list(tautan))


def pohon_contoh(lebar: tuple[int, ...] = (2, 3, 3), n_akar: int = 1, mitra_setiap: int = 4) -> Pohon:
    """A tree of `n_akar` SS, each node at depth d with `lebar[d]` children; leaves carry a budget, every
    `mitra_setiap`-th node a partner."""
    nomor = count(1)

    def buat(d: int, kode: str) -> Simpul:
        n = next(nomor)
        daun = d == len(lebar)
        s = simpul(
            d,
            kode,
            pagu=D("125000000") * n if daun else None,
            mitra=("Kementerian Luar Negeri",) if n % mitra_setiap == 0 else (),
        )
        if not daun:
            pasang(s, *(buat(d + 1, f"{kode}.{i + 1}") for i in range(lebar[d])))
        return s

    return pohon_dari(*(buat(0, f"SS{i + 1}") for i in range(n_akar)))
