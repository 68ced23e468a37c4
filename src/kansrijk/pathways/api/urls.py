from django.urls import path

from kansrijk.pathways.api import views

urlpatterns = [
    path("taken/", views.WorklistView.as_view(), name="worklist"),
    path("taken/<int:pk>/klaar/", views.TaskDoneView.as_view(), name="task-done"),
]
