from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Language links and the staff menu. The menu comes from the access
    policies of the views themselves, so a user never sees a link to a page
    their role may not open."""
    from openinclusie.accounts.navigation import menu_for

    current = translation.get_language() or settings.LANGUAGE_CODE
    other_languages = [
        {"code": code, "url": translate_url(request.get_full_path(), code)}
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {
        "platform_name": settings.PLATFORM_NAME,
        "other_languages": other_languages,
        "staff_menu": menu_for(request),
    }
