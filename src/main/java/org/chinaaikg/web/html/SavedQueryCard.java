package org.chinaaikg.web.html;

import java.util.List;

/** What a page shows of a saved query: its name, grlc summary and description, parameters, and text. */
public record SavedQueryCard(String name, String summary, String description, List<String> parameters, String sparql) {}
