"""A bounded fuzz of the whole OpenAPI: generated requests for every operation never get a server error.

Schemathesis reads ``/api/openapi.json`` from the real app and, for each operation, sends requests that fit the
schema; every answer must be below 500 and match its documented statuses and schemas. A request the schema allows
may still be refused with 422 (an empty reply, one over the server's reply limit), so that one check is left out.
Examples are few and derandomised, so the run is bounded and repeatable.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app import Settings, create_app

from .conftest import act_as

EXAMPLES_PER_OPERATION = 15


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(database_url: str) -> None:
    app = create_app(Settings(environment="test", database_url=database_url))
    failures: dict[str, str] = {}
    with TestClient(app):
        act_as(app, "admin")  # the role that may call every route, so every route is exercised past its guard
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 18
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def fuzz(case: schemathesis.Case) -> None:
                case.call_and_validate(excluded_checks=[positive_data_acceptance])

            try:
                fuzz()
            except (Exception, BaseExceptionGroup) as exc:  # report every operation's failures together
                failures[operation.label] = str(exc)[:2000]
    assert failures == {}
