"""Guess media MIME types from file names and leading bytes."""
from __future__ import annotations

import mimetypes
import os
from typing import IO, Optional

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"BM", 0, "image/bmp"),
    (b"\x1aE\xdf\xa3", 0, "video/webm"),
    (b"\x00\x00\x01\xba", 0, "video/mpeg"),
    (b"v/1\x01", 0, "image/x-exr"),
    (b"%PDF", 0, "application/pdf"),
)


def get_media_mime_type_for_content(content: bytes) -> Optional[str]:
    """MIME type from the first bytes of a media file, or None."""
    head = bytes(content[:64])
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video/x-msvideo"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "video/quicktime"
        if brand in (b"avif", b"avis"):
            return "image/avif"
        return "video/mp4"
    if head.lstrip()[:4] == b"<svg" or b"<svg" in head:
        return "image/svg+xml"
    for signature, offset, mime in _SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            return mime
    return None


def get_media_mime_type_for_stream(stream: IO[bytes]) -> Optional[str]:
    """MIME type from the first bytes of a seekable stream (position kept)."""
    position = stream.tell()
    try:
        head = stream.read(64)
    finally:
        stream.seek(position)
    return get_media_mime_type_for_content(head)


def get_media_mime_type(filepath: str) -> Optional[str]:
    """MIME type of a file, by content first, then by extension."""
    if os.path.isfile(filepath):
        with open(filepath, "rb") as stream:
            mime = get_media_mime_type_for_content(stream.read(64))
        if mime:
            return mime
    guessed, _ = mimetypes.guess_type(filepath)
    return guessed
