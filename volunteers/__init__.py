"""Volunteers and ervaringsdeskundigen, buddy requests and matching.

Built by the volunteers issue; installed from the start so the layout is stable.
"""
