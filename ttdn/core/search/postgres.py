"""PostgreSQL: the vietnamese_unaccent configuration for search and autocomplete."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend


class VietnamesePostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        # modelsearch hard-codes "simple" for autocomplete; use the unaccent config.
        self.autocomplete_config = self.config
