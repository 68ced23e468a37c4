from django.urls import path

from kansrijk.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.VerifyView.as_view(), name="verify"),
    path("inloggen/app-instellen/", views.EnrolView.as_view(), name="enrol"),
    path("inloggen/wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "inloggen/wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "inloggen/nieuw-wachtwoord/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "inloggen/nieuw-wachtwoord/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/herstelcodes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("account/api-token/", views.ApiTokenView.as_view(), name="api_token"),
    path("account/api-tokens/intrekken/", views.ApiTokenRevokeView.as_view(), name="api_tokens_revoke_all"),
    path("account/api-tokens/<int:token_id>/intrekken/", views.ApiTokenRevokeView.as_view(), name="api_token_revoke"),
    path("account/organisatie/", views.switch_organisation, name="switch_organisation"),
    path("account/sessie/", views.session_status, name="session_status"),
]
