"""``{% pagefragment "name" page.pk %}…{% endpagefragment %}``: a fragment of a
page kept in the cache until content changes (the content generation is part of
the key, with the host and the active language). Previews are never cached (they
show drafts), nor fragments whose first key value is empty (pages that are not
Wagtail pages, such as search results: their fragments depend on the query)."""

import hashlib

from django import template
from django.utils.translation import get_language

from .. import generation

register = template.Library()

TIMEOUT = 300


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        vary = [var.resolve(context) for var in self.vary_on]
        if (
            request is None
            or getattr(request, "is_preview", False)
            or (vary and vary[0] in (None, ""))  # not a Wagtail page: not cached
        ):
            return self.nodelist.render(context)
        parts = [
            str(self.name.resolve(context)),
            request.get_host(),
            get_language() or "",
            *(str(value) for value in vary),
        ]
        digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]
        key = f"pagecache:{generation.current()}:fragment:{digest}"
        store = generation.cache()
        value = generation.safe_get(store, key, None)
        if value is None:
            value = self.nodelist.render(context)
            store.set(key, value, TIMEOUT)
        return value


@register.tag
def pagefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' needs a fragment name, "
            f'e.g. {{% {bits[0]} "body" page.pk %}}'
        )
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
    )
