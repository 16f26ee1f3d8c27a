"""A static copy of the public pages, for a newsroom that publishes on its own site and keeps the
desk out of reach: one folder of HTML, the feed, the sitemap and the style sheet, nothing that
talks back to the desk."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from factcheck.core.config import Settings
from factcheck.core.errors import InvalidInput, NotFound
from factcheck.core.templating import STATIC_DIR, make_environment
from factcheck.core.urls import safe_url
from factcheck.public import feeds, pages, service
from factcheck.public.links import ExportLinks


@dataclass
class Exported:
    folder: Path
    pages: int
    archives: int


def export_site(session: Session, folder: Path, base_url: str, settings: Settings) -> Exported:
    """Write every published fact-check to ``folder`` (made, or emptied of a previous export).

    ``base_url`` is where the folder will be served from: canonical links, the feed, the sitemap
    and ClaimReview's url all start with it. The files are written to a temporary folder beside
    the target and swapped in at the end, so a failed export leaves the previous one whole.
    """
    base = safe_url(base_url)
    if base is None:
        raise InvalidInput(
            f"The base address must be an http(s) URL, like https://news.example/factchecks: {base_url!r}"
        )
    base = base.rstrip("/")
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file: name a folder to export to.")
    if folder.exists() and any(folder.iterdir()) and not (folder / "index.html").exists():
        raise InvalidInput(f"{folder} holds other files: name an empty folder or a previous export.")
    published = settings.model_copy(update={"public_url": base})
    links, env = ExportLinks(base), make_environment()
    checks = service.every_check(session)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".factchecks-", dir=folder.parent))
    try:
        archives = _write(session, work, checks, links, env, published)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Exported(folder, len(checks), archives)


def _write(session, work: Path, checks, links: ExportLinks, env, settings: Settings) -> int:
    listing = service.Listing(checks, len(checks), 1, 1, sorted({c.pub.rating for c in checks if c.pub.rating}))
    (work / "index.html").write_text(pages.index_page(env, listing, links, settings, None, None), encoding="utf-8")
    archives = 0
    for found in checks:
        (work / links.page(found)).write_text(pages.factcheck_page(env, found, links, settings), encoding="utf-8")
        for source in found.sources:
            sha = source.get("archived_sha256")
            if not sha:
                continue
            try:
                _, text = service.archived_copy(session, found, sha)
            except NotFound:  # a copy the desk no longer keeps: the page says when it was taken
                continue
            page = pages.archive_page(env, found, source, text, links, settings)
            (work / links.archive(found, sha)).write_text(page, encoding="utf-8")
            archives += 1
    (work / links.feed()).write_bytes(feeds.checks_atom(checks, links, settings))
    (work / "sitemap.xml").write_bytes(feeds.sitemap(checks, links))
    (work / "static").mkdir()
    for name in ("public.css", "favicon.svg"):
        shutil.copyfile(STATIC_DIR / name, work / "static" / name)
    return archives
