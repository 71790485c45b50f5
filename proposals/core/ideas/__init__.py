"""Reads of ideas: the candidate search of a point, the backlog clustering's plan, what staff and the public see."""
