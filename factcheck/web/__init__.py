"""Request plumbing shared by every domain's pages and API: dependencies (settings, session, engine,
the current user, CSRF), rendering, parameter types, error handlers and ASGI middleware.

Below the domains (their views and API routes import it) and above ``auth``; the application
itself is assembled in ``factcheck.app``.
"""
