"""Structured logging helpers. Log lines never carry personal data, only ids."""

import logging

from kansrijk.core import request_context


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        ctx = request_context.current()
        record.request_id = ctx.request_id if ctx else "-"
        return True
