"""Cross-cutting HTTP middleware: request ids, the interface language, and cache headers for pages
with personal data."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from kansrijk.core import request_context

Handler = Callable[[HttpRequest], HttpResponse]


class RequestIdMiddleware:
    """Gives every request an id (or accepts a sane incoming X-Request-ID) and echoes it back."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ctx = request_context.RequestContext(
            request_id=request_context.new_request_id(request),
            client_ip=request_context.client_ip_of(request),
        )
        request.request_id = ctx.request_id  # type: ignore[attr-defined]
        token = request_context.set_current(ctx)
        try:
            response = self.get_response(request)
        finally:
            request_context.reset_current(token)
        response["X-Request-ID"] = ctx.request_id
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user and on every non-static page
    that is not explicitly public, so no page with personal data lands in a browser or proxy cache."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        if signed_in or not getattr(response, "kansrijk_public", False):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class DutchFirstLocaleMiddleware:
    """Dutch unless the person chose another language with the language switch (a cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: Kansrijk is a Dutch
    public service whose B1 Dutch is the reference text; English is there for whoever asks for it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
