package org.chinaaikg.vocab;

import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The properties by which the data date things (the ontology's and the ones it reuses), and the datatypes of a date:
 * what the timelines show. A dated statement is a triple of one of {@link #PROPERTIES} whose subject is one of our
 * entities ({@code …/id/…}, no {@code #} part) and whose value is a literal of one of {@link #DATATYPES}.
 */
public final class Dates {
    /** In the order a timeline names them when one thing has several. */
    public static final List<Node> PROPERTIES = List.of(
            DCTerms.date.asNode(), DCTerms.issued.asNode(), DCTerms.created.asNode(), DCTerms.modified.asNode(),
            uri(SCHEMA.NS + "startDate"), uri(SCHEMA.NS + "endDate"), uri(SCHEMA.NS + "datePublished"),
            uri(SCHEMA.NS + "dateCreated"), uri(SCHEMA.NS + "foundingDate"), uri(SCHEMA.NS + "birthDate"),
            uri(KG.NS + "releaseDate"), uri(KG.NS + "effectiveDate"), uri(KG.NS + "targetYear"),
            uri(KG.NS + "referenceYear"), uri(KG.NS + "inferredDate"));

    /** {@code kg:inferredDate}: a date the curators infer from a document's text, which it does not state. */
    public static final Node INFERRED = uri(KG.NS + "inferredDate");

    public static final Set<String> DATATYPES = Set.of(XSDDatatype.XSDdate.getURI(), XSDDatatype.XSDdateTime.getURI(),
            XSDDatatype.XSDdateTimeStamp.getURI(), XSDDatatype.XSDgYear.getURI(), XSDDatatype.XSDgYearMonth.getURI());

    private Dates() {}

    /** Whether a node is a date literal of one of {@link #DATATYPES} with a well-formed year first. */
    public static boolean isDate(Node value) {
        return value.isLiteral() && DATATYPES.contains(value.getLiteralDatatypeURI()) && year(value) != null;
    }

    /** Whether a node is one of our entities: an IRI under {@link Iris#ID} without a {@code #} part. */
    public static boolean isEntity(Node node) {
        return node.isURI() && node.getURI().startsWith(Iris.ID) && node.getURI().indexOf('#') < 0;
    }

    /** The year a date literal begins with ({@code 2024} of {@code "2024-11"^^xsd:gYearMonth}), or null. */
    public static Integer year(Node value) {
        String s = value.getLiteralLexicalForm().strip();
        int i = s.startsWith("-") ? 1 : 0;
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
        if (j - i < 4 || j - i > 9) return null;
        int y = Integer.parseInt(s.substring(i, j));
        return i == 1 ? -y : y;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
