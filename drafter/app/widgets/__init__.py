"""Widgets of the questionnaire app; each posts nested `Message`s that screens handle."""
