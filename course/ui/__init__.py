"""Streamlit pages and widgets. Thin: they call the plain modules of the course package."""
