"""Measurement (6): a bare Wagtail page with one rich-text field — what a plain
Wagtail site (`wagtail start`) does. Bench-only: not part of the product."""

from wagtail.fields import RichTextField
from wagtail.models import Page


class BarePage(Page):
    body = RichTextField(blank=True)
