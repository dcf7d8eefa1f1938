from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from api.v1 import api as api_v1
from kerja import urls as kerja_urls
from kerja import urls_evaluasi, urls_pohon, urls_tindak_lanjut
from kerja.urls_laporan import urlpatterns as kerja_laporan_patterns
from laporan.urls import urlpatterns as laporan_patterns

from . import sehat, views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("sehat/", sehat.sehat, name="sehat"),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("sandi/", views.GantiSandi.as_view(), name="password_change"),
    path("sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("laporan/", include((laporan_patterns, "laporan"))),
    path("dasbor/", include("dasbor.urls")),
    path("api/v1/", api_v1.urls),
    path("api/", include("api.urls")),
    # The workspace (namespace "kerja"): its pages under /kerja/, and the pages that edit what the report prints
    # (narrative, figures, legal wording, consistency check) under /laporan/ beside the report.
    path(
        "",
        include(
            (
                [
                    path("kerja/", include(kerja_urls.urlpatterns)),
                    path("laporan/", include(kerja_laporan_patterns)),
                    path("pohon/", include(urls_pohon.urlpatterns)),
                    path("evaluasi/", include(urls_evaluasi.urlpatterns)),
                    path("tindak-lanjut/", include(urls_tindak_lanjut.urlpatterns)),
                ],
                "kerja",
            )
        ),
    ),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
