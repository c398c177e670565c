from tests.databases import database, database_url, fresh_postgres_url

__all__ = ["database", "database_url", "fresh_postgres_url"]
