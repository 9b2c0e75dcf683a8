"""Class sessions: join codes, teacher pacing, reports of what the class got wrong, exports."""
