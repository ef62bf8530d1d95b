package org.chinaaikg.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriterRegistry;

/**
 * A CONSTRUCT or DESCRIBE asked, by {@code output=}, {@code format=}, {@code results=} or {@code force-accept=}, for a
 * syntax that Jena knows but cannot write a graph in ({@code application/sparql-results+json}, {@code text/csv}):
 * Fuseki failed with a NullPointerException and a 500. Here that is a 406 naming the syntaxes a graph comes in.
 */
final class GraphOutput {
    private GraphOutput() {}

    /** Why the graph cannot be sent as asked, or null if it can (or nothing was asked: Accept then decides). */
    static String refusal(HttpServletRequest req) {
        // As Fuseki decides: force-accept over output, format or results (the first given), over Accept.
        String name = null;
        for (String n : new String[] {"force-accept", "output", "format", "results"}) {
            String v = req.getParameter(n);
            if (v != null && !v.isBlank()) {
                name = n;
                break;
            }
        }
        if (name == null) return null;
        String asked = req.getParameter(name).trim();
        String type = name.equals("force-accept") ? asked : Responses.shortNamesGraph.getOrDefault(asked.toLowerCase(Locale.ROOT), asked);
        Lang lang = RDFLanguages.contentTypeToLang(type);
        // An unknown name Fuseki answers itself with 400; a known syntax with no graph writer was the 500.
        if (lang == null || RDFWriterRegistry.contains(lang)) return null;
        return "A CONSTRUCT or DESCRIBE answers with RDF, not " + type + " (" + name + "=): ask for Turtle, JSON-LD, "
                + "RDF/XML, N-Triples, TriG or N-Quads (output=ttl, json-ld, xml, nt, trig, n-quads).";
    }
}
