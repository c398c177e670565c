"""Scoring: how one learner reply, and one whole transcript, is graded and explained."""

__all__: list[str] = []
