"""Alembic's entry point: runs migrations on the connection ``app.db.migrate`` hands over, or on the settings' URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.db import Base, Database
from app.settings import Settings

config = context.config
target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url") or Settings().database_url, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    database = Database.connect(Settings().database_url)
    try:
        with database.engine.connect() as connection:
            run(connection)
            connection.commit()
    finally:
        database.dispose()


main()
