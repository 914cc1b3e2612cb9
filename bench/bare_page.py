"""The baseline of `make bench-pages`: a bare Streamlit page drawing one small Altair chart, nothing else."""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="baseline", layout="wide")
st.title("baseline")
frame = pd.DataFrame({"year": [2023, 2024, 2025], "value": [1.0, 2.0, 3.0]})
st.altair_chart(alt.Chart(frame).mark_line(point=True).encode(x="year:O", y="value:Q"), width="stretch")
