from django.urls import path

from kansrijk.vraagbaak.api import views

urlpatterns = [
    path("vragen/", views.QuestionListView.as_view(), name="vraagbaak-questions"),
    path("vragen/<int:pk>/", views.QuestionDetailView.as_view(), name="vraagbaak-question"),
    path("vragen/<int:pk>/antwoorden/", views.AnswersView.as_view(), name="vraagbaak-answers"),
    path("anonimiteit/", views.AnonymityView.as_view(), name="vraagbaak-anonymity"),
]
