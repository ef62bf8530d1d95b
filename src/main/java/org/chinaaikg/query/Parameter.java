package org.chinaaikg.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;

/**
 * A saved-query parameter, named the grlc way: {@code ?_company_iri} is the required parameter {@code company},
 * an IRI; {@code ?__year_integer} is the optional parameter {@code year}, an xsd:integer; {@code ?_name} is a
 * plain string. Other types: {@code decimal}, {@code number}, {@code boolean}, {@code date}, {@code string},
 * {@code xsd_<local>} for any XSD datatype, and a two-letter language tag ({@code ?_label_en}).
 */
public record Parameter(String name, Var variable, String type, boolean required) {

    /** The parameter a variable declares, or null if the variable is an ordinary one. */
    public static Parameter fromVariable(String varName) {
        if (!varName.startsWith("_") || varName.length() < 2) return null;
        boolean optional = varName.startsWith("__");
        String rest = varName.substring(optional ? 2 : 1);
        int sep = rest.indexOf('_');
        String name = sep < 0 ? rest : rest.substring(0, sep);
        String type = sep < 0 ? "string" : rest.substring(sep + 1);
        if (name.isEmpty()) return null;
        Parameter p = new Parameter(name, Var.alloc(varName), type, !optional);
        p.checkType();
        return p;
    }

    private void checkType() {
        switch (type) {
            case "iri", "string", "literal", "integer", "decimal", "number", "boolean", "date" -> { }
            default -> {
                if (type.matches("[a-z]{2}")) return;
                if (type.startsWith("xsd_") && TypeMapper.getInstance().getTypeByName(XSDDatatype.XSD + "#" + type.substring(4)) != null) return;
                throw new IllegalArgumentException("variable ?" + variable.getVarName() + ": unknown parameter type '" + type + "'");
            }
        }
    }

    /** What a user must give, in words, for error messages and the query list. */
    public String describe() {
        return switch (type) {
            case "iri" -> "an absolute http(s) IRI";
            case "string", "literal" -> "a string";
            case "integer" -> "an integer";
            case "decimal", "number" -> "a decimal number";
            case "boolean" -> "true or false";
            case "date" -> "a date (YYYY-MM-DD)";
            default -> type.startsWith("xsd_") ? "a value of xsd:" + type.substring(4) : "a string (language " + type + ")";
        };
    }

    /** The RDF term for a value given by a user. */
    public Node toNode(String value) throws BadParameter {
        try {
            return switch (type) {
                case "iri" -> iri(value);
                case "string", "literal" -> NodeFactory.createLiteralString(value);
                case "integer" -> NodeFactory.createLiteralDT(new BigInteger(value.trim()).toString(), XSDDatatype.XSDinteger);
                case "decimal", "number" -> NodeFactory.createLiteralDT(new BigDecimal(value.trim()).toPlainString(), XSDDatatype.XSDdecimal);
                case "boolean" -> typed(value.trim(), XSDDatatype.XSDboolean);
                case "date" -> typed(value.trim(), XSDDatatype.XSDdate);
                default -> type.startsWith("xsd_")
                        ? typed(value.trim(), TypeMapper.getInstance().getTypeByName(XSDDatatype.XSD + "#" + type.substring(4)))
                        : NodeFactory.createLiteralLang(value, type);
            };
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "'" + value + "' is not " + describe());
        }
    }

    private Node iri(String value) throws BadParameter {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return NodeFactory.createURI(value);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new BadParameter(name, "'" + value + "' is not " + describe());
    }

    private Node typed(String value, RDFDatatype datatype) throws BadParameter {
        if (!datatype.isValid(value)) throw new BadParameter(name, "'" + value + "' is not " + describe());
        return NodeFactory.createLiteralDT(value, datatype);
    }

    /** A parameter that is unknown, missing or ill-typed; the message names it. */
    public static final class BadParameter extends Exception {
        private final String parameter;

        public BadParameter(String parameter, String message) {
            super("parameter '" + parameter + "': " + message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
