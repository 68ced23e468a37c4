"""Stored sentence embeddings, so a search index can be rebuilt without computing them again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredEmbedding(models.Model):
    """The embedding of one text by one model, keyed by a hash of the text (what is embedded)."""

    model_name = models.CharField(_("model"), max_length=100)
    text_hash = models.CharField(max_length=64)
    dimensions = models.PositiveSmallIntegerField()
    vector = models.BinaryField()  # float32, little endian
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opgeslagen embedding")
        verbose_name_plural = _("opgeslagen embeddings")
        constraints = [models.UniqueConstraint(fields=["model_name", "text_hash"], name="search_embedding_unique")]

    def __str__(self) -> str:
        return f"{self.model_name}:{self.text_hash[:12]}"
