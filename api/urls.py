from django.urls import path

from . import halaman, views

# Mounted at /api/ (namespace "api"); the v1 API itself at /api/v1/ (namespace "api-v1", sakip/urls.py).
app_name = "api"

_esakip = [
    ("list-opd", views.list_opd, "esakip_opd"),
    ("list-dokumen", views.list_dokumen, "esakip_jenis"),
    ("dokumen/<slug:jenis>", views.dokumen, "esakip_dokumen"),
]

urlpatterns = [
    path("berkas/<str:tanda>/", views.berkas, name="berkas"),
    path("klien/", halaman.klien_daftar, name="klien"),
    path("klien/baru/", halaman.klien_baru, name="klien_baru"),
    path("klien/<int:pk>/cabut/", halaman.klien_cabut, name="klien_cabut"),
    # The LKE tools' contract: with a Bearer header, or with the token in the base address.
    *(path(f"esakip/{p}", v, name=n) for p, v, n in _esakip),
    *(path(f"esakip/<str:token>/{p}", v, name=f"{n}_token") for p, v, n in _esakip),
]
