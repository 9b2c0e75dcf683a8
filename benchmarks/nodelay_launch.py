"""`streamlit run …` the way `python -m course serve` starts it: TCP_NODELAY on the server's sockets.

    python benchmarks/nodelay_launch.py streamlit_app.py [streamlit run options]

Used by the benchmarks for the app and for the bare app alike, so that both are served the same
way (see course/server.py for why, and docs/performance.md for what it changes).
"""

import sys

from course.server import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
