"""The app's entry with one change, for benchmarks only: `gc.freeze()` once, after the first run's warm-up.

    streamlit run benchmarks/frozen_entry.py      (class_load.py and rerun_memory.py: --config frozen)

Everything alive after the app's modules, the course and the store are loaded (the long-lived heap)
moves to the permanent generation, so the `gc.collect(2)` Streamlit runs after every script run
(`runner.postScriptGC`) only walks what the runs themselves allocate. This is what the fix
recommended in docs/performance.md would do in streamlit_app.py.
"""

import gc

import course

if not getattr(course, "_gc_frozen", False):  # modules live for the process; this script runs every time
    from course.ui import navigation, state

    navigation._pages()  # imports every page module
    state.course()
    state.store()
    gc.collect()
    gc.freeze()
    course._gc_frozen = True

from course.ui.app import main  # noqa: E402

main()
