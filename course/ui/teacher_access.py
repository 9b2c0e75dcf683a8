"""Signing teachers in. Pupils and parents never get the teacher pages: they are not even registered."""

from __future__ import annotations

import html
import logging
from urllib.parse import urlencode

import streamlit as st
from sqlalchemy.exc import OperationalError

import course.web
from course.classroom import access, teacher_pass
from course.settings import settings
from course.ui import session_keys, state
from course.ui.state import Visitor
from course.web import scripts, teacher_routes

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _secret() -> str:
    """The token of this server: from `python -m course serve` (or the environment), else made here."""
    token = settings().teacher_token
    if not token:
        token = access.publish_new_token()
        print(
            f"\n  Teacher link (keep it private): http://localhost:8501/teacher/sign-in?token={token}\n",
            flush=True,
        )
    return token


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except Exception:  # noqa: BLE001 - no secrets file: local use
        return {}


def _oidc_configured() -> bool:
    return bool(_secrets_section("auth"))


def is_teacher() -> bool:
    """Signed in this session, by a valid teacher cookie, or by an allowed OIDC account.

    The answer is kept for the session: the cookies a session sees are those of the page load, and
    signing in with OIDC reloads the page. Keeping an explicit False is also what makes signing out
    hold, since the old cookie is still in this session's headers until the page is reloaded."""
    known = st.session_state.get(session_keys.TEACHER)
    if known is None:
        known = _signed_in_by_cookie_or_account()
        st.session_state[session_keys.TEACHER] = known
    return known


def _signed_in_by_cookie_or_account() -> bool:
    cookie = st.context.cookies.get(access.COOKIE)
    if cookie:
        try:
            if teacher_pass.holds(state.store().engine, _secret(), cookie):
                return True
        except OperationalError:  # the store is down: not signed in (the page says the store is down)
            log.warning("store unavailable: teacher sign-in not checked")
    if _oidc_configured() and getattr(st.user, "is_logged_in", False):
        allowed = _secrets_section("teachers").get("allowed", [])
        return access.email_allowed(st.user.get("email"), allowed)
    return False


def accept_link_token() -> None:
    """A `?token=` in the URL signs the teacher in, then leaves the URL (it may be on a projector).

    Served by course/asgi.py, the browser goes to the sign-in route, which sets the HttpOnly cookie and
    comes back without the token; otherwise (a plain `streamlit run`, tests) this session alone is in."""
    token = st.query_params.get("token")
    if token is None:
        if st.query_params.pop("bad_link", None) is not None:
            st.session_state[session_keys.BAD_TEACHER_LINK] = True
        return
    del st.query_params["token"]
    if not access.token_matches(token, _secret()):
        st.session_state[session_keys.BAD_TEACHER_LINK] = True
    elif course.web.ROUTES_SERVED:
        target = f"{teacher_routes.SIGN_IN}?{urlencode({'token': token})}"
        st.html(scripts.tag(scripts.GO_TO, target), unsafe_allow_javascript=True)
    else:
        _grant()


def _grant() -> None:
    """This session is a teacher's (a password typed here, or a link outside the ASGI app)."""
    st.session_state[session_keys.TEACHER] = True
    st.session_state.pop(session_keys.BAD_TEACHER_LINK, None)


SIGN_OUT_STYLE = (
    "<style>.sign-out a{display:inline-block;margin:.25rem 1rem .25rem 0;padding:.35rem 0;"
    "color:inherit;text-decoration:underline}</style>"
)


def sign_out_links(who: Visitor) -> None:
    """Leave the teacher area: this browser, or every browser signed in as a teacher. Plain links in this
    tab (a link button would open a new one): the server ends the sign-in and clears its cookie."""
    links = [
        (who.t("teacher.sign_out"), teacher_routes.SIGN_OUT),
        (who.t("teacher.sign_out_everywhere"), f"{teacher_routes.SIGN_OUT}?everywhere=1"),
    ]
    anchors = "".join(
        f'<a href="{html.escape(url)}" target="_self">{html.escape(text)}</a>' for text, url in links
    )
    label = html.escape(who.t("teacher.sign_out"))
    st.html(f'{SIGN_OUT_STYLE}<nav class="sign-out" aria-label="{label}">{anchors}</nav>')


def sign_in_panel(who: Visitor) -> None:
    """How a teacher gets in, for each way the app can be set up."""
    with st.container(border=True):
        st.markdown(f":material/lock: **{who.t('teacher.sign_in')}**")
        if st.session_state.get(session_keys.BAD_TEACHER_LINK):
            st.error(who.t("teacher.bad_link"), icon=":material/link_off:")
        password_hash = _secrets_section("teachers").get("password_hash")
        if password_hash:
            with st.form("teacher_password", clear_on_submit=True, border=False):
                st.text_input(who.t("teacher.password"), type="password", key="teacher_password_input")
                if st.form_submit_button(who.t("teacher.sign_in_button")):
                    if access.password_matches(password_hash, st.session_state.get("teacher_password_input")):
                        _grant()
                        st.rerun()
                    st.error(who.t("teacher.wrong_password"))
        if _oidc_configured():
            st.button(who.t("teacher.sign_in_school"), on_click=st.login, key="teacher_oidc")
        if not password_hash and not _oidc_configured():
            st.caption(who.t("teacher.local_help"))
