package org.chinaaikg.web.html;

import java.util.List;

/**
 * What a page shows of a saved query: its name, grlc summary and description, parameters, and text; {@code entities}:
 * the parameters that take an entity's IRI ({@code ?_company_iri}), whose form fields offer names to pick from.
 */
public record SavedQueryCard(String name, String summary, String description, List<String> parameters, String sparql,
                             List<String> entities) {
    public SavedQueryCard(String name, String summary, String description, List<String> parameters, String sparql) {
        this(name, summary, description, parameters, sparql, List.of());
    }
}
