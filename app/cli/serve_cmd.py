"""``frontline serve``: run the web application under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from .users_cmd import before_serving


def register_serve(cli: typer.Typer) -> None:
    @cli.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    ) -> None:
        """Serve Frontline on http://HOST:PORT (in development on 127.0.0.1, with demo accounts to sign in with)."""
        import uvicorn

        before_serving(host, port)
        uvicorn.run("app.webapp:create_app", factory=True, host=host, port=port, workers=workers)
