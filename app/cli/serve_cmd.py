"""``frontline serve``: run the web application under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def register_serve(cli: typer.Typer) -> None:
    @cli.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    ) -> None:
        """Serve Frontline on http://HOST:PORT."""
        import uvicorn

        uvicorn.run("app.webapp:create_app", factory=True, host=host, port=port, workers=workers)
