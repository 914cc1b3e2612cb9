"""Core of the 西青区新型城镇化规划监测看板: workbooks, targets, status, charts. Never imports Streamlit."""
