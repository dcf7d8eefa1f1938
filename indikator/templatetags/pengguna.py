"""`{{ user|nama_pengguna }}`: a user as people know them (full name, else username; "–" for none)."""

from django import template

from indikator.riwayat import nama_pengguna as _nama_pengguna

register = template.Library()


@register.filter
def nama_pengguna(user) -> str:
    return _nama_pengguna(user or None)
