"""Search on OpenSearch (docs/deployment.md, "Search on OpenSearch")."""

# Wagtail's OpenSearch or
# Elasticsearch backend with an analyzer that does what the database index does:
# lower case, Vietnamese folding that keeps the exact form beside the folded one
# (a query with diacritics scores its exact syllables higher), and syllable pairs
# as extra tokens (adjacent syllables score above scattered ones).
OPENSEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vi_folding", "vi_pairs"],
                },
            },
            "filter": {
                "vi_folding": {"type": "asciifolding", "preserve_original": True},
                "vi_pairs": {
                    "type": "shingle",
                    "min_shingle_size": 2,
                    "max_shingle_size": 2,
                    "output_unigrams": True,
                },
            },
        }
    }
}


def opensearch_backend(url: str, *, index: str = "ttdn") -> dict:
    """WAGTAILSEARCH_BACKENDS["default"] for an OpenSearch 2 server at *url*."""
    return {
        "BACKEND": "modelsearch.backends.opensearch2",
        "URLS": [url],
        "INDEX": index,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": OPENSEARCH_INDEX_SETTINGS,
    }
