"""Every model has an admin page an administrator can open, filter and search."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_ref(client, referensi):
    user = buat_pengguna("root", email="root@example.com", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def _model_apps():
    return [m for m in admin.site._registry if m._meta.app_label in {"indikator", "anggaran", "laporan"}]


def test_semua_model_terdaftar_di_admin():
    from django.apps import apps

    models = {
        m
        for m in apps.get_models()
        if m._meta.app_label in {"indikator", "anggaran", "laporan"} and not m.__name__.startswith("Historical")
    }
    assert models <= set(admin.site._registry), models - set(admin.site._registry)


def test_halaman_daftar_admin_terbuka_dengan_filter(admin_client_ref):
    for model in _model_apps():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        resp = admin_client_ref.get(url, {"q": "a"} if admin.site._registry[model].search_fields else {})
        assert resp.status_code == 200, url


def test_admin_indikator_menampilkan_data_acuan(admin_client_ref):
    resp = admin_client_ref.get(reverse("admin:indikator_indikator_changelist"), {"q": "AKIP"})
    assert "Nilai AKIP Biro Kerja Sama" in resp.content.decode()
