package org.chinaaikg.web.html;

import org.chinaaikg.vocab.Prefixes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;

/**
 * How a link INTO a resource reads on that resource's page, from the linking resource's side: ERNIE-Bot
 * {@code kg:developedBy} Baidu reads "developed by Baidu: ERNIE-Bot". Most properties' English labels in the
 * ontology read so already ("developed by", "member of", "offered by", "issued by"); the ones named by a noun
 * ("author", "founder", "member") get a phrase of ours here.
 */
final class InversePhrases {
    private static final Map<String, String> OURS = new HashMap<>();

    static {
        ours("schema:author", "written by");
        ours("schema:founder", "founded by");
        ours("schema:organizer", "organized by");
        ours("schema:location", "located in");
        ours("schema:foundingLocation", "founded in");
        ours("schema:containedInPlace", "in");
        ours("dcterms:publisher", "published by");
        ours("kg:participant", "with participant");
        ours("kg:jurisdiction", "with jurisdiction");
        ours("kg:targetMarket", "targeting");
        ours("kg:sourceKind", "of kind");
        ours("kg:claimKind", "of kind");
        ours("org:member", "membership of");
        ours("org:organization", "membership in");
        ours("org:role", "with role");
        ours("prov:wasAttributedTo", "attributed to");
        ours("prov:wasDerivedFrom", "derived from");
        ours("oa:hasSource", "quoting");
    }

    private InversePhrases() {}

    private static void ours(String curie, String phrase) {
        OURS.put(Prefixes.all().expandPrefix(curie), phrase);
    }

    /** The phrase for a property, given its English label in the ontology if it has one. */
    static String of(Node property, Optional<String> label) {
        String ours = OURS.get(property.getURI());
        if (ours != null) return ours;
        return label.orElseGet(() -> words(property.getLocalName()));
    }

    /** {@code developedBy} as "developed by". */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
