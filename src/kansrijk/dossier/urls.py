from django.urls import path

from kansrijk.dossier import pathway_views, views

app_name = "dossier"

urlpatterns = [
    path("gezinnen/", views.FamilyListView.as_view(), name="family_list"),
    path("gezinnen/nieuw/", views.FamilyOpenView.as_view(), name="family_open"),
    path("gezinnen/<int:pk>/", views.FamilyView.as_view(), name="family"),
    path("gezinnen/<int:pk>/toevoegen/<slug:kind>/", views.FamilyAddView.as_view(), name="family_add"),
    path("gezinnen/<int:pk>/gesprek/", views.ConversationView.as_view(), name="conversation"),
    path("gezinnen/<int:pk>/regiehouder/", views.RegieView.as_view(), name="regie"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="meldcode"),
    path("gezinnen/<int:pk>/plan/", views.PlanView.as_view(), name="plan"),
    path("gezinnen/<int:pk>/plan/afdrukken/", views.PlanPrintView.as_view(), name="plan_print"),
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task_done"),
    path("route/", pathway_views.PathwayView.as_view(), name="pathway"),
    path("route/bewerken/", pathway_views.PathwayEditView.as_view(), name="pathway_edit"),
    path("regie/", views.DashboardView.as_view(), name="dashboard"),
    path("regie/profiel/", views.RegieProfileView.as_view(), name="regie_profile"),
]
