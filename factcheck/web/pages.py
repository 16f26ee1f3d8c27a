"""All HTML pages, gathered from their domains."""

from fastapi import APIRouter

from factcheck.articles import views as article_views
from factcheck.dashboard import views as dashboard_views
from factcheck.drafts import views as draft_views
from factcheck.exports import views as export_views
from factcheck.tickets import views as ticket_views
from factcheck.users import views as user_views

router = APIRouter()
for module in (user_views, ticket_views, article_views, draft_views, export_views, dashboard_views):
    router.include_router(module.router)
