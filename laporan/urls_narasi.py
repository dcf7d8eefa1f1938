"""URLs of the narrative editor and the consistency page, relative to /laporan/.

Include them in the `laporan` namespace (laporan/urls.py: `path("", include("laporan.urls_narasi"))` or
`urlpatterns += urls_narasi.urlpatterns`); the views reverse "laporan:narasi_daftar", "laporan:narasi_ubah",
"laporan:narasi_pratinjau" and "laporan:konsistensi".
"""

from django.urls import path

from . import views_narasi as v

UT = "<slug:slug>/<int:tahun>/"

urlpatterns = [
    path(UT + "narasi/", v.narasi_daftar, name="narasi_daftar"),
    path(UT + "narasi/<str:bagian>/", v.narasi_ubah, name="narasi_ubah"),
    path(UT + "narasi/<str:bagian>/pratinjau/", v.narasi_pratinjau, name="narasi_pratinjau"),
    path(UT + "konsistensi/", v.konsistensi, name="konsistensi"),
]
