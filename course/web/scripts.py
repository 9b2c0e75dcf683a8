"""Every script the pages run, as fixed code: inline (`st.html(..., unsafe_allow_javascript=True)`), or,
for those every page needs, as functions of their data in the page kit (course/ui/page_kit.py).

Streamlit's frontend runs such a script by putting a new <script> element with the same text and
attributes in the page: an inline script (not eval), which the Content-Security-Policy
(course/web/headers.py) allows by the SHA-256 hash of its text, and only these texts. So a script's
code never changes with what it works on: the values (a language, an address, a cookie) travel as JSON
in the element's `data-course` attribute, which the code reads with `document.currentScript`. Nothing
a browser sent is ever written into code, and a changed value needs no new hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass

# Every script is a function called at once (its names stay its own: a second script declaring `data`
# at the top level would stop with a SyntaxError), whose first line reads its data-course attribute.
DATA = 'const data = JSON.parse(document.currentScript.dataset.course || "null");\n'


@dataclass(frozen=True)
class Script:
    name: str
    body: str

    def _called(self, data_line: str) -> str:
        return "(() => {\n" + data_line + self.body + "\n})();"

    @property
    def code(self) -> str:
        return self._called(DATA)

    @property
    def function(self) -> str:
        """The same code as a function of its data, for the page kit (PAGE_KIT below)."""
        return "(data) => {\n" + self.body + "\n}"

    def with_data(self, data: object) -> str:
        """The same code with `data` written in, for a file of its own (no element to carry it)."""
        return self._called(f"const data = {json.dumps(data, ensure_ascii=False)};\n")

    @property
    def csp_hash(self) -> str:
        """The policy's source for this text: 'sha256-…'."""
        digest = hashlib.sha256(self.code.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(digest).decode()}'"


def tag(script: Script, data: object = None) -> str:
    """The <script> element that runs `script` with `data` (any JSON value) in reach of its code."""
    attribute = ""
    if data is not None:
        attribute = f' data-course="{html.escape(json.dumps(data, ensure_ascii=False), quote=True)}"'
    return f"<script{attribute}>{script.code}</script>"


# Quick exit (course/ui/quick_exit.py). data: {url, flag, cookie}. The link works without JavaScript;
# the script replaces the page in history (so "back" does not return here), hides the page at once (a
# copy kept by the browser's back-forward cache comes back hidden, and leaves again on "pageshow"), and
# adds the usual shortcut of pressing Escape twice, listened to before any dialog can stop it.
QUICK_EXIT = Script(
    "quick exit",
    """window.quickExit = data;
if (!window.quickExitReady) {
window.quickExitReady = true;
const leave = () => {
  document.documentElement.style.visibility = "hidden";
  try { sessionStorage.setItem(window.quickExit.flag, "1"); } catch (error) {}
  document.cookie = window.quickExit.cookie + "=1; path=/; SameSite=Strict";
  window.location.replace(window.quickExit.url);
};
window.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest(".quick-exit")) { event.preventDefault(); leave(); }
}, true);
let lastEscape = 0;
window.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (Date.now() - lastEscape < 800) leave();
  lastEscape = Date.now();
}, true);
const leaveIfGone = () => {
  let gone = false;
  try { gone = sessionStorage.getItem(window.quickExit.flag) === "1"; } catch (error) {}
  if (gone) leave();
};
window.addEventListener("pageshow", leaveIfGone);  // a copy restored by the back-forward cache
leaveIfGone();  // a page that came back without the cookie (cleared by another tab)
}""",
)

# Sent instead of any page once the exit cookie comes back (course/ui/quick_exit.py). data: as above.
EXIT_GUARD = Script(
    "exit guard",
    """let gone = false;
try { gone = sessionStorage.getItem(data.flag) === "1"; } catch (error) { gone = true; }
if (gone) {
  document.documentElement.style.visibility = "hidden";
  window.location.replace(data.url);
} else {
  document.cookie = data.cookie + "=; path=/; max-age=0; SameSite=Strict";
  const kept = document.cookie.split("; ").some((part) => part.startsWith(data.cookie + "="));
  if (!kept) window.location.reload();
}""",
)

# The page's language, and Streamlit's own fixed English in it (course/ui/header.py).
# data: {lang, texts}: texts maps Streamlit's English to the page's language. Each text or
# aria-label/title/placeholder equal to a key becomes its value, now and whenever Streamlit draws more.
DOCUMENT_LANGUAGE = Script(
    "document language",
    """document.documentElement.lang = data.lang;
window.courseTexts = data.texts;
if (window.courseTranslating) { window.courseTranslate(document.body); } else {
window.courseTranslating = true;
const ATTRIBUTES = ["aria-label", "title", "placeholder", "aria-placeholder"];
const fix = (element) => {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const texts = window.courseTexts;
    if (value && Object.hasOwn(texts, value)) element.setAttribute(name, texts[value]);
  }
};
const fixText = (node) => {
  const text = node.nodeValue.trim();
  if (text && Object.hasOwn(window.courseTexts, text)) node.nodeValue = window.courseTexts[text];
};
window.courseTranslate = (root) => {
  if (!root) return;
  if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  fix(root);
  root.querySelectorAll("[aria-label], [title], [placeholder], [aria-placeholder]").forEach(fix);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) fixText(walker.currentNode);
};
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.type === "childList") change.addedNodes.forEach(window.courseTranslate);
    else if (change.type === "characterData") fixText(change.target);
    else fix(change.target);
  }
}).observe(document.body, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
});
window.courseTranslate(document.body);
}""",
)

# This browser's random id for the limits on guessed codes (course/ui/guesses.py): made here, in the
# browser, so that no server value crosses into it. No data.
REMEMBER_BROWSER = Script(
    "remember browser",
    "if (!document.cookie.split('; ').some((c) => c.startsWith('course_browser='))) {"
    " const id = Array.from(crypto.getRandomValues(new Uint8Array(16)),"
    " (b) => b.toString(16).padStart(2, '0')).join('');"
    " document.cookie = 'course_browser=' + id + '; path=/; max-age=31536000; SameSite=Lax'; }",
)

# A new lesson step starts at the top of the page (course/ui/pages/lesson.py). data: the step's
# marker, which only changes the element so that Streamlit runs the script again.
SCROLL_TO_TOP = Script(
    "scroll to top",
    "(document.querySelector('[data-testid=\"stMain\"]') || window).scrollTo(0, 0);",
)

# A cookie the page keeps (course/ui/pages/vote.py: the polls this browser voted in). data: the whole
# cookie string, made by the server from its own values.
SET_COOKIE = Script("set cookie", "document.cookie = data;")

# Leave for another address of this site without a history entry (course/ui/teacher_access.py: the
# teacher link goes to the sign-in route). data: the address.
GO_TO = Script("go to", "window.location.replace(data);")

# The keyboard focus back on a button once the rerun has redrawn it (course/ui/widgets/ordering.py).
# data: the button's CSS selector. The button is redrawn a moment after this script runs (the old,
# hidden copy may still be in the page): for a second, whenever the focus has fallen back to the page
# itself, put it on the visible button again. As soon as the focus goes anywhere else (the user moved
# it, perhaps to press the next step) it stops, or a quick second key press would see the focus pulled
# back to this button.
KEEP_FOCUS = Script(
    "keep focus",
    "let tries = 0, moved = false;"
    " const ours = (element) => element && element.matches && element.matches(data);"
    " const watch = (event) => { if (!ours(event.target)) moved = true; };"
    " document.addEventListener('focusin', watch);"
    " const again = () => { const active = document.activeElement;"
    " const lost = !active || active === document.body;"
    " if (moved || (!lost && !ours(active)) || ++tries > 12) {"
    " document.removeEventListener('focusin', watch); return; }"
    " const button = Array.from(document.querySelectorAll(data))"
    ".find((found) => found.offsetParent !== null);"
    " if (button && lost) button.focus(); setTimeout(again, 100); }; again();",
)

# Read aloud (course/ui/listen.py): every `button.listen` of the page speaks its `data-say` in its
# `lang` with the browser's own voices (nothing leaves the device). data: {lang, rate, missing}: the
# page's language, the voice's speed and what to say where the device has no voice for the language.
# Installed once per page, it listens to clicks (a listen button causes no rerun); a second click, a
# click on another listen button, the button leaving the page (the pupil moved on) or leaving the page
# stop the voice. Chromium loads its voices late: with none listed yet, it speaks with the language
# alone and shows the explanation if the browser then says it has no such voice.
READ_ALOUD = Script(
    "read aloud",
    """window.courseSpeech = data;
if (!window.courseSpeechReady) {
window.courseSpeechReady = true;
const synth = window.speechSynthesis;
let speaking = null;
const reset = () => {
  if (speaking) { speaking.classList.remove("speaking"); speaking.setAttribute("aria-pressed", "false"); }
  speaking = null;
};
const stop = () => { if (synth && speaking) synth.cancel(); reset(); };
const base = (code) => (code || "").toLowerCase().replace("_", "-").split("-")[0];
const explain = (button) => {
  const bar = button.closest(".listen-bar") || button.parentElement;
  if (bar.querySelector(".listen-missing")) return;
  const note = document.createElement("p");
  note.className = "listen-missing";
  note.setAttribute("role", "status");
  note.textContent = window.courseSpeech.missing;
  bar.appendChild(note);
};
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("button.listen");
  if (!button) return;
  event.preventDefault();
  event.stopPropagation();
  const again = button === speaking;
  stop();
  if (again) return;
  const lang = button.lang || window.courseSpeech.lang;
  if (!synth || typeof SpeechSynthesisUtterance === "undefined") { explain(button); return; }
  const voices = synth.getVoices();
  const voice = voices.find((v) => base(v.lang) === lang && v.default)
    || voices.find((v) => base(v.lang) === lang);
  if (voices.length && !voice) { explain(button); return; }
  const utterance = new SpeechSynthesisUtterance(button.dataset.say);
  utterance.lang = voice ? voice.lang : lang;
  if (voice) utterance.voice = voice;
  utterance.rate = window.courseSpeech.rate;
  utterance.onend = () => { if (speaking === button) reset(); };
  utterance.onerror = (error) => {
    if (speaking === button) reset();
    if (error.error === "language-unavailable" || error.error === "voice-unavailable") explain(button);
  };
  speaking = button;
  button.classList.add("speaking");
  button.setAttribute("aria-pressed", "true");
  synth.speak(utterance);
}, true);
new MutationObserver(() => { if (speaking && !speaking.isConnected) stop(); })
  .observe(document.body, { childList: true, subtree: true });
window.addEventListener("pagehide", stop);
}""",
)

# The focus stays in place across reruns (in the page kit, course/ui/page_kit.py): when the control
# that has the keyboard focus leaves the page (a "check" button replaced by the feedback, a question by
# the next one), the browser drops the focus to <body> and the next Tab starts again at the top. Once
# the app is idle again, the focus goes to the first control that now stands where it stood, in the
# nearest part of the page that is still there (or that part's first control). No data.
FOCUS_KEEPER = Script(
    "focus keeper",
    """if (!window.courseFocusKeeper) {
window.courseFocusKeeper = true;
const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]),'
  + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const shown = (element) => element.getClientRects().length > 0;
let last = null, parts = [], before = [], waiting = 0;
document.addEventListener("focusin", (event) => {
  if (event.target === document.body) return;
  last = event.target;
  parts = [];
  for (let node = last.parentElement; node; node = node.parentElement) parts.push(node);
  const controls = Array.from(document.querySelectorAll(CONTROLS));
  const at = controls.indexOf(last);
  before = at > 0 ? controls.slice(0, at).reverse() : [];
});
const idle = () => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !app || app.dataset.testScriptState !== "running";
};
const restore = () => {
  const active = document.activeElement;
  if (!last || last.isConnected || (active && active !== document.body)) { waiting = 0; return; }
  if (!idle() && ++waiting < 50) { setTimeout(restore, 100); return; }
  waiting = 0;
  const part = parts.find((node) => node.isConnected && node !== document.body) || document.body;
  const anchor = before.find((node) => node.isConnected && part.contains(node));
  const found = Array.from(part.querySelectorAll(CONTROLS)).find((node) => shown(node)
    && (!anchor || anchor.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING));
  if (found) found.focus({ preventScroll: true });  // the page keeps its place (a new step shows its top)
};
new MutationObserver(() => {
  if (last && !last.isConnected && !waiting) { waiting = 1; setTimeout(restore, 100); }
}).observe(document.body, { childList: true, subtree: true });
}""",
)

# The page kit (course/ui/page_kit.py): the four scripts every page runs, installed once per page and
# applied whenever the page's marker (a hidden element of class MARKER) changes its data-course: the
# language, the voice's speed and whether Escape twice leaves. data: {languages: {code: {texts, missing,
# exit}}, exitFlag, exitCookie}. Quick exit first, and each part on its own: one that fails (an old
# tablet's browser) leaves the others working. Where the app serves the kit as a file, `data` is written
# into it (`Script.with_data`); under a plain run it travels in the attribute, as for any script.
MARKER = "course-page"
KIT_PARTS = {
    "documentLanguage": DOCUMENT_LANGUAGE,
    "readAloud": READ_ALOUD,
    "quickExit": QUICK_EXIT,
    "focusKeeper": FOCUS_KEEPER,
}
PAGE_KIT = Script(
    "page kit",
    "if (window.courseKit) return;\nwindow.courseKit = true;\n"
    + "\n".join(f"const {name} = {script.function};" for name, script in KIT_PARTS.items())
    + """
const run = (part, partData) => { try { part(partData); } catch (error) { console.error(error); } };
let applied = null;
const apply = () => {
  const marker = document.querySelector(".MARKER[data-course]");
  if (!marker || marker.dataset.course === applied) return;
  applied = marker.dataset.course;
  const page = JSON.parse(applied);
  const own = data.languages[page.lang];
  if (!own) return;
  if (page.exit) run(quickExit, { url: own.exit, flag: data.exitFlag, cookie: data.exitCookie });
  run(documentLanguage, { lang: page.lang, texts: own.texts });
  run(readAloud, { lang: page.lang, rate: page.rate, missing: own.missing });
  run(focusKeeper, null);
};
const start = () => {
  new MutationObserver(apply).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-course"] });
  apply();
};
if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);""".replace(
        "MARKER", MARKER
    ),
)

# The scripts sent inline, which the Content-Security-Policy allows by hash. The page kit's parts run
# only inside the kit, a file of the app's own where it is served (allowed as 'self'); the kit itself is
# inline only under a plain run, which sends no policy.
SCRIPTS = (
    EXIT_GUARD,
    REMEMBER_BROWSER,
    SCROLL_TO_TOP,
    SET_COOKIE,
    GO_TO,
    KEEP_FOCUS,
)


def csp_hashes() -> tuple[str, ...]:
    return tuple(script.csp_hash for script in SCRIPTS)
