"""Shared response schemas: the status every record carries, pages, errors. Decimal figures are `str` (raw,
machine-readable); a `*_tampil` field is the Indonesian display form where one is labelled."""

from __future__ import annotations

from typing import Literal

from ninja import Schema
from pydantic import create_model

Desimal = str | None  # a Decimal as a plain string ("104.47"), or null


class StatusRekam(Schema):
    status_data: Literal["final", "draf"]
    status_periode: str
    versi_data: int
    disahkan_pada: str | None
    sha256: str


class Galat(Schema):
    detail: str


class GalatFilter(Schema):
    """400: a filter value the endpoint does not know (`filter`, `nilai`, `nilai_diizinkan`) or a parameter of the
    wrong type (`galat`, as Pydantic reports it)."""

    detail: str
    filter: str | None = None
    nilai: str | None = None
    nilai_diizinkan: list[str] | None = None
    galat: list[dict] | None = None


def halaman(item: type[Schema], nama: str) -> type[Schema]:
    """The page of a list: {count, next, results}."""
    return create_model(nama, __base__=Schema, count=(int, ...), next=(str | None, ...), results=(list[item], ...))


# The error answers every endpoint may give (documented in the OpenAPI schema).
GALAT = {400: GalatFilter, 401: Galat, 404: Galat, 429: Galat}
