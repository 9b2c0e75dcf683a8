"""Signing teachers in. Pupils and parents never get the teacher pages: they are not even registered."""

from __future__ import annotations

import logging
import os

import streamlit as st

from course.classroom import access
from course.ui.safe import script_json
from course.ui.state import Visitor

log = logging.getLogger(__name__)
TEACHER_FLAG = "teacher"


@st.cache_resource(show_spinner=False)
def _secret() -> str:
    """The token of this server: from `python -m course serve` (or the environment), else made here."""
    token = os.environ.get(access.TOKEN_ENV)
    if not token:
        token = access.new_token()
        os.environ[access.TOKEN_ENV] = token
        print(
            f"\n  Teacher link (keep it private): http://localhost:8501/teachers?token={token}\n", flush=True
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
    known = st.session_state.get(TEACHER_FLAG)
    if known is None:
        known = _signed_in_by_cookie_or_account()
        st.session_state[TEACHER_FLAG] = known
    return known


def _signed_in_by_cookie_or_account() -> bool:
    if access.pass_is_valid(_secret(), st.context.cookies.get(access.COOKIE)):
        return True
    if _oidc_configured() and getattr(st.user, "is_logged_in", False):
        allowed = _secrets_section("teachers").get("allowed", [])
        return access.email_allowed(st.user.get("email"), allowed)
    return False


def accept_link_token() -> None:
    """A `?token=` in the URL signs the teacher in, then leaves the URL (it may be on a projector)."""
    token = st.query_params.get("token")
    if token is None:
        return
    del st.query_params["token"]
    if access.token_matches(token, _secret()):
        _grant()
    else:
        st.session_state["bad_teacher_link"] = True


def _grant() -> None:
    st.session_state[TEACHER_FLAG] = True
    st.session_state.pop("bad_teacher_link", None)
    value = access.signed_pass(_secret())
    cookie = f"{access.COOKIE}={value}; path=/; max-age={access.COOKIE_SECONDS}; SameSite=Strict"
    st.html(f"<script>document.cookie = {script_json(cookie)};</script>", unsafe_allow_javascript=True)


def sign_out() -> None:
    st.session_state[TEACHER_FLAG] = False
    cookie = f"{access.COOKIE}=; path=/; max-age=0; SameSite=Strict"
    st.html(f"<script>document.cookie = {script_json(cookie)};</script>", unsafe_allow_javascript=True)


def sign_in_panel(who: Visitor) -> None:
    """How a teacher gets in, for each way the app can be set up."""
    with st.container(border=True):
        st.markdown(f":material/lock: **{who.t('teacher.sign_in')}**")
        if st.session_state.get("bad_teacher_link"):
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
