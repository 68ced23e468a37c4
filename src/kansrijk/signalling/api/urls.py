from django.urls import path

from kansrijk.signalling.api import views

urlpatterns = [
    path("gezinnen/<int:pk>/gesprekken/", views.AssessmentsView.as_view(), name="family-assessments"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="family-meldcode"),
]
