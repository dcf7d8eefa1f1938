"""Language selection: Indonesian unless the user chose another language.

Django's LocaleMiddleware follows the browser's Accept-Language header, so an Indonesian civil servant whose
browser is set to English would get the English interface without asking for it. SAKIP's users work in
Indonesian: the interface is Indonesian by default and English only after the user picks it in the language
switcher (the `set_language` view stores the choice in the language cookie)."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class BahasaMiddleware(LocaleMiddleware):
    def process_request(self, request):
        kode = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if kode not in dict(settings.LANGUAGES):
            kode = settings.LANGUAGE_CODE
        translation.activate(kode)
        request.LANGUAGE_CODE = translation.get_language()
