"""Drafter: draft a privacy policy from a questionnaire, with reviewer notes for counsel."""

from __future__ import annotations

__version__ = "0.1.0"
