"""The one user factory of the test suite: a user with a password and, optionally, a role in a unit."""

from __future__ import annotations

KATA_SANDI = "Rahasia-123!"


def buat_pengguna(username: str, peran: str | None = None, unit=None, *, password: str = KATA_SANDI, **kolom):
    """A user `username` (password KATA_SANDI, first name = username unless given) with a membership `peran` in
    `unit` when `peran` is given; `kolom` are further User fields (is_superuser, is_staff, email, ...)."""
    from django.contrib.auth import get_user_model

    from indikator.models import Keanggotaan

    kolom.setdefault("first_name", username)
    user = get_user_model().objects.create_user(username=username, password=password, **kolom)
    if peran:
        Keanggotaan.objects.create(pengguna=user, unit=unit, peran=peran)
    return user
