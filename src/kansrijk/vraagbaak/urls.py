from django.urls import path

from kansrijk.vraagbaak import views

app_name = "vraagbaak"

urlpatterns = [
    path("vraagbaak/", views.IndexView.as_view(), name="index"),
    path("vraagbaak/aanmelden/", views.SignupView.as_view(), name="signup"),
    path("vraagbaak/aanmelden/bevestigen/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("vraagbaak/lid-worden/", views.JoinView.as_view(), name="join"),
    path("vraagbaak/vragen/nieuw/", views.AskView.as_view(), name="ask"),
    path("vraagbaak/vragen/vergelijkbaar/", views.SimilarView.as_view(), name="similar"),
    path("vraagbaak/vragen/<int:pk>/", views.QuestionView.as_view(), name="question"),
    path("vraagbaak/vragen/<int:pk>/terugkoppeling/", views.FeedbackView.as_view(), name="feedback"),
    path("vraagbaak/vragen/<int:pk>/bewerken/", views.ModeratorEditView.as_view(), name="edit"),
    path("vraagbaak/mijn-vragen/", views.MineView.as_view(), name="mine"),
    path("vraagbaak/profiel/", views.ProfileView.as_view(), name="profile"),
    path("vraagbaak/berichten/", views.NoticesView.as_view(), name="notices"),
    path("vraagbaak/leden/", views.MembersView.as_view(), name="members"),
    path("vraagbaak/moderatie/", views.ModerationView.as_view(), name="moderation"),
    path("vraagbaak/domeinen/", views.DomainsView.as_view(), name="domains"),
    path("vraagbaak/zorgoverleg/", views.RoomsView.as_view(), name="rooms"),
    path("vraagbaak/zorgoverleg/<slug:slug>/", views.RoomView.as_view(), name="room"),
]
