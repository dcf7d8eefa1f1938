"""The follow-up register of the units in the token's scope (an APIP token: every unit): each recommendation with
its source, status, deadline, overdue flag, progress and follow-ups with their verification
(`tindak_lanjut.queries.susun_register`, 4 queries whatever the count). Recommendations are issued records (the
APIP's), served to every token in scope; a follow-up not yet verified is a draft, served only with the draft
scope."""

from __future__ import annotations

from ninja import Router, Schema

from tindak_lanjut.enums import StatusRekomendasi
from tindak_lanjut.queries import BarisRegister, susun_register

from ..konvensi import FilterSalah, baca_sejak, desimal, halaman, sidik
from ..lingkup import ambil_unit
from ..skema import GALAT, Desimal
from ..skema import halaman as skema_halaman

router = Router(tags=["tindak lanjut"])


class Sumber(Schema):
    jenis: str
    jenis_label: str
    nomor: str
    tanggal: str
    penerbit: str
    tahun_objek: int
    evaluasi_id: int | None


class TindakLanjut(Schema):
    tanggal: str
    uraian: str
    progres: Desimal
    verifikasi: str
    verifikasi_label: str
    catatan_verifikasi: str
    diverifikasi_pada: str | None


class Rekomendasi(Schema):
    id: int
    unit: str
    nomor_urut: int
    uraian: str
    sumber: Sumber
    tahun: int
    status: str
    status_label: str
    batas_waktu: str
    terlambat: bool
    umur: str | None
    progres: Desimal
    final: bool
    tindak_lanjut: list[TindakLanjut]
    diperbarui_pada: str
    status_data: str
    sha256: str


HalamanRekomendasi = skema_halaman(Rekomendasi, "HalamanRekomendasi")


def _diperbarui(b: BarisRegister):
    """The latest change of a recommendation: issued, a plan decided, a follow-up reported or verified."""
    waktu = [b.rekomendasi.dibuat_pada]
    waktu += [r.diputus_pada for r in b.rencana if r.diputus_pada]
    waktu += [t.diajukan_pada for t in b.tindak_lanjut]
    waktu += [t.diverifikasi_pada for t in b.tindak_lanjut if t.diverifikasi_pada]
    return max(waktu)


def _data(b: BarisRegister, draf: bool) -> dict:
    r, s = b.rekomendasi, b.rekomendasi.sumber
    data = {
        "id": r.pk,
        "unit": r.unit_pj.slug,
        "nomor_urut": r.nomor_urut,
        "uraian": r.uraian,
        "sumber": {
            "jenis": s.jenis,
            "jenis_label": str(s.get_jenis_display()),
            "nomor": s.nomor,
            "tanggal": s.tanggal.isoformat(),
            "penerbit": s.penerbit,
            "tahun_objek": s.tahun_objek,
            "evaluasi_id": s.evaluasi_id,
        },
        "tahun": r.tahun,
        "status": b.status,
        "status_label": b.label_status,
        "batas_waktu": r.batas_waktu.isoformat(),
        "terlambat": b.terlambat,
        "umur": b.umur,
        "progres": desimal(b.progres),
        "final": b.final,
        "tindak_lanjut": [
            {
                "tanggal": t.tanggal.isoformat(),
                "uraian": t.uraian,
                "progres": desimal(t.progres),
                "verifikasi": t.verifikasi,
                "verifikasi_label": str(t.get_verifikasi_display()) if t.verifikasi else "",
                "catatan_verifikasi": t.catatan_verifikasi,
                "diverifikasi_pada": t.diverifikasi_pada.isoformat() if t.diverifikasi_pada else None,
            }
            for t in b.tindak_lanjut
            if draf or t.verifikasi
        ],
        "diperbarui_pada": _diperbarui(b).isoformat(),
        "status_data": "final" if b.final else "draf",
    }
    data["sha256"] = sidik(data)
    return data


@router.get("", response={200: HalamanRekomendasi, **GALAT}, summary="Register tindak lanjut rekomendasi")
def register(
    request,
    unit: str | None = None,
    tahun: int | None = None,
    status: str | None = None,
    updated_since: str | None = None,
    limit: int = 100,
    offset: int = 0,
):
    """The recommendations to the units in scope (`unit`: one unit, else every unit the token reads), by unit,
    source date and number. `status` is the BPK vocabulary code (bt, p, bs, s, td); `tahun` the report year of
    the recommendation; `updated_since` its latest change (issued, plan decided, follow-up reported or
    verified). `status_data` is final for Sesuai and Tidak dapat ditindaklanjuti; `progres` the matrix's %."""
    lingkup = request.auth
    if status is not None and status not in StatusRekomendasi.values:
        raise FilterSalah("status", status, StatusRekomendasi.values)
    if unit:
        unit_ids = [ambil_unit(lingkup, unit).pk]
    else:
        unit_ids = None if lingkup.unit_ids is None else sorted(lingkup.unit_ids)
    sejak = baca_sejak(updated_since)
    daftar = [
        _data(b, lingkup.draf)
        for b in susun_register(unit_ids=unit_ids, tahun=tahun, status=status or "")
        if sejak is None or _diperbarui(b) >= sejak
    ]
    return halaman(request, daftar, limit, offset)
