from django.urls import path

from kansrijk.signalling import views

app_name = "signalling"

urlpatterns = [
    path("gezinnen/<int:pk>/gesprek/", views.ConversationView.as_view(), name="conversation"),
    path("gezinnen/<int:pk>/meldcode/", views.MeldcodeView.as_view(), name="meldcode"),
]
