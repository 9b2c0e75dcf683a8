"""Teacher sign-in and sign-out as server routes: the sign-in cookie is set by the server, HttpOnly (no
script can read it), SameSite=Strict, Secure behind HTTPS, and checked against the store."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from course.classroom import access, teacher_pass
from course.progress import Store
from course.settings import settings

SIGN_IN = "/teacher/sign-in"
SIGN_OUT = "/teacher/sign-out"
TEACHERS_PAGE = "/teachers"


@functools.cache
def _store() -> Store:
    return Store.open()


def _secret() -> str:
    return settings().teacher_token or ""


async def sign_in(request: Request) -> RedirectResponse:
    """The link printed at start: a right token gets a cookie; either way the token leaves the address
    (a 303 to the teachers' page, so it is neither in the address bar nor in the history entry)."""
    secret = _secret()
    kept = {key: value for key, value in request.query_params.items() if key != "token"}  # lang, country
    if not (secret and access.token_matches(request.query_params.get("token"), secret)):
        return RedirectResponse(f"{TEACHERS_PAGE}?{urlencode({**kept, 'bad_link': '1'})}", status_code=303)
    value = await run_in_threadpool(teacher_pass.sign_in, _store().engine, secret)
    response = RedirectResponse(
        f"{TEACHERS_PAGE}?{urlencode(kept)}" if kept else TEACHERS_PAGE, status_code=303
    )
    response.set_cookie(
        access.COOKIE,
        value,
        max_age=access.COOKIE_SECONDS,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


async def sign_out(request: Request) -> RedirectResponse:
    """Ends this browser's sign-in (or, with ?everywhere=1, every teacher's), on every server."""
    everywhere = request.query_params.get("everywhere") == "1"
    cookie = request.cookies.get(access.COOKIE)
    engine, secret = _store().engine, _secret()
    if everywhere and not await run_in_threadpool(teacher_pass.holds, engine, secret, cookie):
        everywhere = False  # only a signed-in teacher may sign everyone out
    await run_in_threadpool(teacher_pass.sign_out, engine, secret, cookie, everywhere)
    response = RedirectResponse(TEACHERS_PAGE, status_code=303)
    response.delete_cookie(access.COOKIE, path="/", httponly=True, samesite="strict")
    return response


ROUTES = [Route(SIGN_IN, sign_in, methods=["GET"]), Route(SIGN_OUT, sign_out, methods=["GET"])]
