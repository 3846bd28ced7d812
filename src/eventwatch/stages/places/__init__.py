"""Places: an offline gazetteer, toponym resolution in context, event locations."""
