"""Plain views beside the ninja API: the signed download of an issued document, and the compatibility layer of
the Inspektorat LKE tools' document contract (`GET {base}/list-opd`, `{base}/list-dokumen`,
`{base}/dokumen/{jenis}?tahun=&opd=`, siklus §5.1), served from the app's own issued documents under stable
kinds. Such a tool sends no header: its base may hold the token (`/api/esakip/<token>/`); a Bearer header works
too."""

from __future__ import annotations

import math

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from laporan.models import BerkasLaporan
from umum.unduhan import respons_unduhan

from .dokumen import baca_tanda, berkas_terbit, tautan_unduh
from .enums import JENIS_LKE_LAIN, JenisDokumen, jenis_berkas, jenis_periode
from .lingkup import catat_panggilan, lingkup_klien, unit_terbaca
from .models import KlienApi
from .token import klien_dari_token
from .v1 import BatasToken


def _json(request, data, status=200, baris=0):
    request._api_baris = baris
    respons = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    respons["Cache-Control"] = "private, no-cache"
    catat_panggilan(request, status)
    return respons


def _masuk(request, token: str | None):
    """The client's scope from the path token or the Bearer header, throttled; or an error response."""
    if not token:
        kepala = request.headers.get("Authorization", "")
        bagian = kepala.split(" ", 1)
        token = bagian[1].strip() if len(bagian) == 2 and bagian[0].lower() == "bearer" else ""
    klien = klien_dari_token(token)
    if klien is None or not klien.aktif:
        r = JsonResponse(
            {"message": "Token tidak ada, tidak dikenal, dicabut atau kedaluwarsa.", "data": []}, status=401
        )
        r["WWW-Authenticate"] = 'Bearer realm="sakip"'
        return None, r
    request.auth = lingkup_klien(klien)
    batas = BatasToken()
    if not batas.allow_request(request):
        r = _json(request, {"message": "Terlalu banyak permintaan.", "data": []}, status=429)
        r["Retry-After"] = str(math.ceil(batas.wait() or 60))
        return None, r
    return request.auth, None


@require_GET
def list_opd(request, token: str | None = None):
    lingkup, galat = _masuk(request, token)
    if galat:
        return galat
    data = [
        {"id": u.pk, "kode": u.slug, "nama": u.nama, "singkatan": u.singkatan}
        for u in unit_terbaca(lingkup).order_by("urutan", "nama", "id")
    ]
    return _json(request, {"message": "OK", "data": data}, baris=len(data))


@require_GET
def list_dokumen(request, token: str | None = None):
    lingkup, galat = _masuk(request, token)
    if galat:
        return galat
    data = [
        {"jenis": j.value, "nama": j.label, "jenis_periode": jenis_periode(j.value), "tersedia": True}
        for j in JenisDokumen
    ]
    data += [{"jenis": k, "nama": v, "jenis_periode": "tahun", "tersedia": False} for k, v in JENIS_LKE_LAIN.items()]
    return _json(request, {"message": "OK", "data": data}, baris=len(data))


@require_GET
def dokumen(request, jenis: str, token: str | None = None):
    """{"data": {"<unit name>": [{opd_id, opd_nama, file, keterangan, jenis_dokumen, jenis_periode, periode,
    tanggal_publish, kategori}]}}: the PDFs of the kind, of the year `tahun`, of the unit `opd` (its id from
    list-opd) or of every unit of the token. A kind of the tools' list the app does not issue: empty data."""
    lingkup, galat = _masuk(request, token)
    if galat:
        return galat
    if jenis not in JenisDokumen.values and jenis not in JENIS_LKE_LAIN:
        return _json(request, {"message": "Jenis dokumen tidak dikenal.", "data": []}, status=404)
    try:
        tahun = int(request.GET["tahun"]) if request.GET.get("tahun") else None
        opd = int(request.GET["opd"]) if request.GET.get("opd") else None
    except ValueError:
        return _json(request, {"message": "tahun dan opd harus bilangan bulat.", "data": []}, status=400)
    if opd is not None and not lingkup.boleh(opd):
        return _json(request, {"message": "OPD tidak ditemukan.", "data": []}, status=404)
    hasil: dict[str, list] = {}
    if jenis in JenisDokumen.values:
        for b in berkas_terbit(lingkup, unit_ids=[opd] if opd else None, tahun=tahun, jenis=jenis):
            if b.format != BerkasLaporan.Format.PDF:
                continue
            kind = jenis_berkas(b)
            lp = b.laporan_periodik if b.laporan_periodik_id else None
            versi = lp.versi if lp else b.versi_pk.nomor if b.versi_pk_id else None
            # The period as its code (the contract's texts are not translated).
            nama = f"{kind.label} {b.unit.nama} {b.tahun}" + (f" {lp.periode}" if lp else "")
            keterangan = nama + (f" versi {versi}" if versi else "")
            hasil.setdefault(b.unit.nama, []).append(
                {
                    "opd_id": b.unit_id,
                    "opd_nama": b.unit.nama,
                    "file": tautan_unduh(request, b, lingkup),
                    "keterangan": keterangan,
                    "jenis_dokumen": kind.value,
                    "jenis_periode": jenis_periode(kind.value),
                    "periode": lp.periode if lp else str(b.tahun),
                    "tanggal_publish": b.selesai_pada.date().isoformat() if b.selesai_pada else None,
                    "kategori": "perubahan" if versi and versi > 1 else "induk",
                    "sha256": b.hash_isi,
                }
            )
    jumlah = sum(len(v) for v in hasil.values())
    return _json(request, {"message": "OK", "data": hasil}, baris=jumlah)


@require_GET
def berkas(request, tanda: str):
    """The file of an issued document through its signed link: the client must still be active and the document
    still served to it (in scope, approved unless the draft scope)."""
    isi = baca_tanda(tanda)
    klien = KlienApi.objects.select_related("unit").filter(pk=isi[1]).first() if isi else None
    if klien is None or not klien.aktif:
        raise Http404("Tautan tidak berlaku.")
    request.auth = lingkup_klien(klien)
    batas = BatasToken()
    if not batas.allow_request(request):
        r = _json(request, {"detail": "Terlalu banyak permintaan."}, status=429)
        r["Retry-After"] = str(math.ceil(batas.wait() or 60))
        return r
    b = BerkasLaporan.objects.filter(pk=isi[0]).first()
    if b is None or b not in berkas_terbit(request.auth, unit_ids=[b.unit_id], tahun=b.tahun):
        catat_panggilan(request, 404)
        raise Http404("Dokumen tidak ditemukan.")
    request._api_baris = 1
    respons = respons_unduhan(b.berkas, b.nama_unduhan(), pesan_hilang="Berkas tidak ada di penyimpanan.")
    catat_panggilan(request, respons.status_code)
    return respons
