from django.urls import path
from rest_framework.routers import SimpleRouter

from kansrijk.kaart.api import views

router = SimpleRouter()
router.register("services", views.ServiceViewSet, basename="service")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("locations", views.LocationViewSet, basename="location")
router.register("taxonomies", views.TaxonomyViewSet, basename="taxonomy")
router.register("taxonomy_terms", views.TaxonomyTermViewSet, basename="taxonomy-term")

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    *router.urls,
]
