"""Screens of the questionnaire app, one per file."""
