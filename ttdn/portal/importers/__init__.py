"""Importers that turn saved Vietnamese news-portal articles into structured data."""

from .base import ArticleParseError, ParsedArticle, read_input
from .html import parse_html
from .textparse import parse_text

__all__ = [
    "ArticleParseError",
    "ParsedArticle",
    "parse_html",
    "parse_text",
    "read_input",
]
