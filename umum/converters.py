"""URL path converter for years: `<tahun:tahun>` matches 2000–2100 only, so any other year is a 404 before a view
runs (no rows are created for year 3000, no overflow for 99999999999). Registered in SakipConfig.ready()."""

from django.http import Http404

TAHUN_MIN = 2000
TAHUN_MAKS = 2100


class TahunConverter:
    regex = "20[0-9]{2}|2100"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def tahun_kueri(nilai: str | None, bawaan: int | None = None) -> int | None:
    """A year from a query parameter (`?tahun=`): `bawaan` when absent or empty, 404 when not a year in range."""
    if nilai is None or nilai == "":
        return bawaan
    try:
        tahun = int(nilai)
    except ValueError as e:
        raise Http404("Tahun tidak valid.") from e
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404("Tahun di luar rentang.")
    return tahun
