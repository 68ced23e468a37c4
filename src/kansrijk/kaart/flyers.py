"""Printable A4 flyers (PDF) of the help in one stadsdeel, for posters and flyers at places parents
visit. Each service comes with a QR code to its page; a big QR code leads to the search for the area."""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kansrijk.core import clock
from kansrijk.geo.models import Stadsdeel
from kansrijk.kaart.models import Service, ServiceStatus, Taxonomy
from kansrijk.kaart.presenters import cost_text
from kansrijk.kaart.selectors import public_services, serving_stadsdeel, terms

mm = 72 / 25.4  # points per millimetre
RED = HexColor("#ec0000")  # Amsterdam red
BLUE = HexColor("#004699")
BLACK = HexColor("#202020")
GREY = HexColor("#545454")
WIDTH: float = float(A4[0])
HEIGHT: float = float(A4[1])
MARGIN = 16 * mm
PER_PAGE = 7
MAX_PAGES = 4


@dataclass(frozen=True)
class FlyerRequest:
    stadsdeel: str  # code or name
    hulpvraag: str | None = None
    language: str = "nl"


def _stadsdeel(value: str) -> Stadsdeel:
    wanted = value.strip().lower()
    for stadsdeel in Stadsdeel.objects.all():
        if wanted in (stadsdeel.code.lower(), stadsdeel.naam.lower()):
            return stadsdeel
    raise ValueError(_("Onbekend stadsdeel: %(value)s") % {"value": value})


def flyer_services(stadsdeel: Stadsdeel, hulpvraag: str | None) -> list[Service]:
    """Local help first (then city-wide), free first, by name."""
    services = public_services().filter(status=ServiceStatus.ACTIVE)
    services = services.filter(serving_stadsdeel(stadsdeel.code))
    if hulpvraag:
        services = services.filter(categories__code=hulpvraag)
    chosen = list(services.distinct())
    return sorted(chosen, key=lambda s: (s.whole_city, not s.free, s.name.lower()))[: PER_PAGE * MAX_PAGES]


def _qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(url, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
    if len(lines) == max_lines and " ".join(lines) != " ".join(text.split()):
        lines[-1] = lines[-1].rstrip(".,;") + " …"
    return lines


def _header(canvas: Canvas, title: str, subtitle: str, search_url: str, page: int) -> float:
    canvas.setFillColor(RED)
    for row in range(3):  # the three Andreas crosses, simplified
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(MARGIN, HEIGHT - MARGIN - 6 * mm - row * 5 * mm, "x")
    canvas.setFillColor(BLACK)
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(MARGIN + 6 * mm, HEIGHT - MARGIN - 6 * mm, "Gemeente Amsterdam")
    canvas.drawString(MARGIN + 6 * mm, HEIGHT - MARGIN - 11 * mm, "Gezonde en Kansrijke Kaart")
    top = HEIGHT - MARGIN - 26 * mm
    if page == 1:
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawString(MARGIN, top, title)
        canvas.setFont("Helvetica", 12)
        canvas.setFillColor(GREY)
        for number, line in enumerate(_wrap(subtitle, "Helvetica", 12, WIDTH - 2 * MARGIN - 45 * mm, 3)):
            canvas.drawString(MARGIN, top - 8 * mm - number * 5.5 * mm, line)
        _qr(canvas, search_url, WIDTH - MARGIN - 36 * mm, top - 26 * mm, 36 * mm)
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(WIDTH - MARGIN - 18 * mm, top - 29 * mm, _("Scan voor meer hulp"))
        return top - 40 * mm
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(MARGIN, top, title)
    return top - 10 * mm


def _service_block(canvas: Canvas, service: Service, y: float) -> float:
    """Draw one service; returns the y below it."""
    url = settings.KANSRIJK_SITE_URL + reverse("kaart:service", args=[service.pk])
    text_width = WIDTH - 2 * MARGIN - 28 * mm
    canvas.setFillColor(BLUE)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(MARGIN, y, service.name[:80])
    canvas.setFillColor(BLACK)
    canvas.setFont("Helvetica", 9.5)
    line_y = y - 5 * mm
    details = [service.organization.name]
    phones = list(service.phones.all())
    if phones:
        details.append(_("Bel %(number)s") % {"number": phones[0].number})
    details.append(cost_text(service))
    canvas.drawString(MARGIN, line_y, " · ".join(details)[:120])
    for line in _wrap(service.description, "Helvetica", 9.5, text_width, 3):
        line_y -= 4.5 * mm
        canvas.drawString(MARGIN, line_y, line)
    _qr(canvas, url, WIDTH - MARGIN - 22 * mm, y - 18 * mm, 22 * mm)
    canvas.setStrokeColor(HexColor("#b4b4b4"))
    bottom = min(line_y, y - 18 * mm) - 5 * mm
    canvas.line(MARGIN, bottom, WIDTH - MARGIN, bottom)
    return bottom - 7 * mm


def flyer_pdf(request: FlyerRequest) -> bytes:
    """The flyer as PDF bytes. Raises ValueError for an unknown stadsdeel or hulpvraag."""
    stadsdeel = _stadsdeel(request.stadsdeel)
    term = None
    if request.hulpvraag:
        term = terms(Taxonomy.HULPVRAAG).filter(code=request.hulpvraag).first()
        if term is None:
            raise ValueError(_("Onbekend onderwerp: %(value)s") % {"value": request.hulpvraag})
    services = flyer_services(stadsdeel, request.hulpvraag)
    params = {"plaats": f"stadsdeel:{stadsdeel.code}", **({"hulpvraag": term.code} if term else {})}
    search_url = f"{settings.KANSRIJK_SITE_URL}{reverse('kaart:search')}?{urlencode(params)}"
    buffer = io.BytesIO()
    with translation.override(request.language):
        topic = term.label(request.language) if term else ""
        title = (
            _("Hulp bij %(topic)s in %(place)s") % {"topic": topic.lower(), "place": stadsdeel.naam}
            if term
            else _("Hulp voor ouders in %(place)s") % {"place": stadsdeel.naam}
        )
        subtitle = _(
            "Voor ouders met een kinderwens, zwangeren en ouders van kinderen tot 2 jaar. Vraag het gerust: "
            "deze organisaties helpen je graag. Meer hulp vind je op de Gezonde en Kansrijke Kaart."
        )
        canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
        canvas.setTitle(title)
        canvas.setAuthor("Gemeente Amsterdam - Gezonde en Kansrijke Start")
        canvas.setSubject("Gezonde en Kansrijke Kaart")
        pages = [services[i : i + PER_PAGE] for i in range(0, len(services), PER_PAGE)] or [[]]
        for number, page_services in enumerate(pages, start=1):
            y = _header(canvas, title, subtitle, search_url, number)
            if not page_services:
                canvas.setFont("Helvetica", 11)
                canvas.drawString(MARGIN, y, _("Er staat nog geen aanbod op de Kaart voor deze keuze."))
            for service in page_services:
                y = _service_block(canvas, service, y)
            canvas.setFont("Helvetica", 8)
            canvas.setFillColor(GREY)
            footer = _("Gemaakt op %(day)s. Kijk op de Kaart voor de nieuwste informatie.") % {
                "day": clock.local_date().strftime("%d-%m-%Y")
            }
            canvas.drawString(MARGIN, MARGIN - 6 * mm, f"{footer}  {number}/{len(pages)}")
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()
