from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from kansrijk.accounts.api.views import ApiTokenDetailView, ApiTokenListView, MeView, OrganisationViewSet
from kansrijk.core.admin import admin_site
from kansrijk.core.api_views import AuditEntryListView
from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.geo.api.views import GebiedViewSet, PostcodeLookupView, StadsdeelViewSet


class SchemaView(SpectacularAPIView):
    audit_policy = NO_PERSONAL_DATA


class DocsView(SpectacularSwaggerSplitView):
    audit_policy = NO_PERSONAL_DATA
    template_name = "core/api_docs.html"


handler403 = "kansrijk.privacy.views.permission_denied"
handler404 = "kansrijk.core.api.not_found"  # JSON in the API's error shape under /api/
handler500 = "kansrijk.core.views.server_error"

admin.autodiscover()  # imports each app's admin.py, which registers on `admin_site`

router = DefaultRouter()
router.register("organisaties", OrganisationViewSet, basename="organisation")
router.register("stadsdelen", StadsdeelViewSet, basename="stadsdeel")
router.register("gebieden", GebiedViewSet, basename="gebied")
router.APIRootView.audit_policy = NO_PERSONAL_DATA  # type: ignore[attr-defined]

api_patterns = [
    path("mij/", MeView.as_view(), name="me"),
    path("mij/api-tokens/", ApiTokenListView.as_view(), name="api-tokens"),
    path("mij/api-tokens/<int:token_id>/", ApiTokenDetailView.as_view(), name="api-token"),
    path("auditlog/", AuditEntryListView.as_view(), name="audit-entries"),
    path("postcodes/<str:postcode>/", PostcodeLookupView.as_view(), name="postcode"),
    path("", include("kansrijk.dossier.api.urls")),
    path("", include("kansrijk.signalling.api.urls")),
    path("", include("kansrijk.regie.api.urls")),
    path("", include("kansrijk.plans.api.urls")),
    path("", include("kansrijk.pathways.api.urls")),
    path("", include("kansrijk.referrals.api.urls")),
    path("vraagbaak/", include("kansrijk.vraagbaak.api.urls")),
    *router.urls,
]

urlpatterns = [
    path("", include("kansrijk.accounts.urls")),
    path("", include("kansrijk.core.urls")),
    path("kaart/", include("kansrijk.kaart.urls")),
    path("", include("kansrijk.privacy.urls")),
    path("", include("kansrijk.dossier.urls")),
    path("", include("kansrijk.families.urls")),
    path("", include("kansrijk.signalling.urls")),
    path("", include("kansrijk.regie.urls")),
    path("", include("kansrijk.plans.urls")),
    path("", include("kansrijk.pathways.urls")),
    path("", include("kansrijk.referrals.urls")),
    path("", include("kansrijk.vraagbaak.urls")),
    path("api/kaart/", include(("kansrijk.kaart.api.urls", "kaart-api"), namespace="kaart-api")),
    path("beheer/", admin_site.urls),
    path("api/v1/", include((api_patterns, "api"), namespace="api")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", DocsView.as_view(url_name="schema"), name="api-docs"),
]
