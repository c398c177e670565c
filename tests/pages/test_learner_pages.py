"""The learner's pages through the test client: status, template, typed context and escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.pages.catalogue import policy_points

from .conftest import sign_in


@pytest.fixture
def learner(client: TestClient) -> TestClient:
    sign_in(client, "lena")
    return client


def test_catalogue_lists_every_scenario_with_filter_options(learner: TestClient) -> None:
    page = learner.get("/")
    assert page.status_code == 200
    assert page.template.name == "catalogue.html"  # type: ignore[attr-defined]
    cards = page.context["scenarios"]  # type: ignore[attr-defined]
    assert len(cards) == 7
    filters = page.context["filters"]  # type: ignore[attr-defined]
    assert [o.value for o in filters.difficulties] == ["foundation", "intermediate", "advanced"]
    assert "uk-gdpr" in {o.value for o in filters.laws}
    assert '<form class="filters" method="get" action="/"' in page.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=retail", {"sale-straighteners-no-receipt", "washing-machine-repeat-fault"}),
        ("law=uk-gdpr&difficulty=advanced", {"boiler-leak-hearing-loss", "third-party-credit-card"}),
        ("difficulty=foundation&sector=telecoms", set()),
    ],
)
def test_catalogue_filters(learner: TestClient, query: str, expected: set[str]) -> None:
    page = learner.get(f"/?{query}")
    assert {card.id for card in page.context["scenarios"]} == expected  # type: ignore[attr-defined]


def test_a_filter_value_is_escaped_not_run(learner: TestClient) -> None:
    page = learner.get("/", params={"sector": '"><script>alert(1)</script>'})
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text


def test_briefing_has_role_policy_limits_and_customer(learner: TestClient) -> None:
    page = learner.get("/scenarios/parcel-not-delivered")
    assert page.status_code == 200
    assert page.template.name == "briefing.html"  # type: ignore[attr-defined]
    briefing = page.context["briefing"]  # type: ignore[attr-defined]
    assert briefing.customer_name == "Daniel Okafor"
    assert ("Refund", "£150") in {(limit.what, limit.amount) for limit in briefing.limits}
    assert len(briefing.policy) > 3
    assert "Your authority" in page.text


def test_unknown_scenario_is_a_404_page(learner: TestClient) -> None:
    page = learner.get("/scenarios/no-such-thing")
    assert page.status_code == 404
    assert page.template.name == "error.html"  # type: ignore[attr-defined]


def test_no_page_carries_inline_script_or_style(learner: TestClient) -> None:
    for url in ("/", "/scenarios/parcel-not-delivered", "/scenarios/nothing"):
        text = learner.get(url).text
        for inline in ("<script>", "<style", " style=", " onclick="):
            assert inline not in text, url


@pytest.mark.parametrize(
    ("policy", "points"),
    [
        ("No refunds on sale items.", ("No refunds on sale items.",)),
        ("Guide (v3) 1. Verify first. 2. Then refund.", ("Guide (v3)", "1. Verify first.", "2. Then refund.")),
        ("Guide\n- Verify the\n  caller.\n- Refund.", ("Guide", "- Verify the caller.", "- Refund.")),
    ],
)
def test_policy_points(policy: str, points: tuple[str, ...]) -> None:
    assert policy_points(policy) == points
