from django.urls import path

from kansrijk.dossier.api import views

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="families"),
    path("gezinnen/<int:pk>/", views.FamilyDetailView.as_view(), name="family"),
    path("gezinnen/<int:pk>/gesprekken/", views.AssessmentsView.as_view(), name="family-assessments"),
    path("gezinnen/<int:pk>/regie/", views.RegieView.as_view(), name="family-regie"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="family-meldcode"),
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="family-plan"),
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task-done"),
    path("regie/", views.DashboardView.as_view(), name="regie-dashboard"),
    path("route/", views.PathwayView.as_view(), name="pathway"),
]
