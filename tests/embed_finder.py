"""An oEmbed finder for tests: the network is closed, so embeds are answered locally."""

from __future__ import annotations

from typing import Any

from wagtail.embeds.finders.base import EmbedFinder


class FixedEmbedFinder(EmbedFinder):
    def accept(self, url: str) -> bool:
        return url.startswith("https://video.example/")

    def find_embed(self, url: str, max_width: int | None = None, max_height: int | None = None) -> dict[str, Any]:
        return {
            "title": "Test video",
            "type": "video",
            "html": f'<iframe title="Test video" src="{url}" width="640" height="360"></iframe>',
            "width": 640,
            "height": 360,
        }
