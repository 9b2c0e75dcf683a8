"""The bare Streamlit app the benchmarks compare with: a title, a radio, a button."""

import streamlit as st

st.title("Bare app")
st.radio("Pick one", ["red", "green", "blue"], key="pick")
st.button("Press", key="press")
