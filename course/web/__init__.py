"""What the server does around Streamlit: middleware and routes of the app's st.App (course/asgi.py)."""
