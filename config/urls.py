from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from openinclusie.public import views as public_views

# Language-independent URLs (machine endpoints) first; pages get a language
# prefix for English only, so Dutch URLs stay short.
urlpatterns = [
    path("thema/", include(("openinclusie.public.theme_urls", "theme"))),
    path("healthz", public_views.health, name="health"),
    path(".well-known/security.txt", public_views.security_txt, name="security_txt"),
    path("api/v1/", include("openinclusie.figures.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("openinclusie.accounts.urls")),
    path("adv/", include("openinclusie.cases.urls")),
    path("beheer/codelijsten/", include("openinclusie.classification.urls")),
    path("beheer/", include("openinclusie.organisations.urls")),
    path("", include("openinclusie.reports.urls")),
    path("programma/", include("openinclusie.programme.urls")),
    path("", include("openinclusie.programme.public_urls")),
    path("cijfers/", include("openinclusie.figures.urls")),
    path("", include("openinclusie.figures.public_urls")),
    path("", include("openinclusie.public.urls")),
    prefix_default_language=False,
)

handler403 = "openinclusie.core.views.permission_denied"
handler404 = "openinclusie.core.views.page_not_found"
handler500 = "openinclusie.core.views.server_error"
