from django.urls import path

from kansrijk.pathways import views

app_name = "pathways"

urlpatterns = [
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task_done"),
    path("route/", views.PathwayView.as_view(), name="pathway"),
    path("route/bewerken/", views.PathwayEditView.as_view(), name="pathway_edit"),
]
