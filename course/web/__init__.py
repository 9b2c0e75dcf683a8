"""What the server does around Streamlit: middleware and routes of the app's st.App (course/asgi.py)."""

ROUTES_SERVED = False  # True once course/asgi.py serves the routes (not under AppTest or a plain run)
