"""Optimistic concurrency: a form carries the version of the data it was loaded from; a save whose version is
no longer current is refused ("diubah oleh <nama> pada <waktu>; muat ulang") and nothing is overwritten.

The version of a row (or of a group of rows, e.g. a grid) is the latest id of its django-simple-history records,
"0" when it has none (not created yet). The check runs after the period row lock (`periode.kunci_periode_untuk_tulis`),
so two saves of the same unit's year are serialised and the second one sees the first one's history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

KOSONG = "0"  # version of data that does not exist yet


class DataBerubah(ValidationError):
    """Raised when the data was changed by someone else after the form was loaded."""


def token(riwayat) -> str:
    """Version of the rows whose history queryset is `riwayat`."""
    m = riwayat.aggregate(m=Max("history_id"))["m"]
    return str(m) if m else KOSONG


def riwayat_objek(obj):
    """History queryset of one saved row (empty for an unsaved one)."""
    model = type(obj)
    if obj is None or obj.pk is None:
        return model.history.none()
    return model.history.filter(**{model._meta.pk.attname: obj.pk})


def token_objek(obj) -> str:
    if obj is None or obj.pk is None:
        return KOSONG
    return token(riwayat_objek(obj))


def galat_berubah(riwayat) -> DataBerubah:
    """The refusal, naming who changed the data last and when (from the latest history record)."""
    terakhir = riwayat.select_related("history_user").order_by("-history_id").first()
    if terakhir is None or terakhir.history_user is None:
        nama = gettext("pengguna lain")
    else:
        u = terakhir.history_user
        nama = u.get_full_name() or u.get_username()
    waktu = timezone.localtime(terakhir.history_date).strftime("%d-%m-%Y %H:%M") if terakhir else "?"
    return DataBerubah(
        gettext("Data ini diubah oleh %(nama)s pada %(waktu)s; muat ulang halaman.") % {"nama": nama, "waktu": waktu},
        code="berubah",
    )


def pastikan_token(riwayat, diharapkan: str | None) -> None:
    """Refuse (DataBerubah) when the current version differs from the one the form was loaded from.

    `diharapkan=None`: no check (writes that do not come from a loaded form, e.g. imports)."""
    if diharapkan is None:
        return
    if token(riwayat) != str(diharapkan).strip():
        raise galat_berubah(riwayat)
