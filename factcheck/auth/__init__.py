"""Who is acting, and what they may do: passwords, API tokens, roles and permissions, login throttling.

Below the web plumbing and every domain, so each can ask "may this actor do that?" without
importing the pages; managing accounts (creating users, issuing tokens) is the users domain's.
"""
