"""Certificates: credit claims, PDF certificates rendered by Celery, online verification."""
