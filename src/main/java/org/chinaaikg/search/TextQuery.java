package org.chinaaikg.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropFuncArgType;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.IterLib;

/**
 * {@code text:query} in SPARQL, over the same index and ranking as {@code /search}, in the forms of Jena's jena-text:
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * ?s text:query "baidu"
 * ?s text:query ("baidu" 10)                       # at most 10 hits (default 100, at most 1000)
 * ?s text:query (rdfs:label "baidu" 10)            # only texts of one property: rdfs:label, skos:altLabel, kg:statement, oa:exact
 * (?s ?score ?matched) text:query "ERNIE Bot"      # with the score (0..100) and the text that matched
 * </pre>
 * The search string is plain text (no query syntax): the search box's words. A malformed call (the search string not
 * a string literal, blank or over {@value LuceneSearch#MAX_QUERY_CHARS} characters, a limit that is not a positive
 * integer, a property that is not indexed, too many arguments) is a {@link Malformed} error, which the endpoint
 * answers with 400.
 */
public final class TextQuery extends PropertyFunctionBase {
    public static final String NS = "http://jena.apache.org/text#";
    public static final String IRI = NS + "query";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * A {@code text:query} the caller got wrong: a client error, not the server's. A parse error of the call, so that
     * Fuseki answers it with 400 as it does a syntax error, wherever in the execution it is found.
     */
    public static final class Malformed extends QueryParseException {
        Malformed(String message) {
            super("text:query: " + message, -1, -1);
        }
    }

    private final LuceneSearch search;

    private TextQuery(LuceneSearch search) {
        super(PropFuncArgType.PF_ARG_EITHER, PropFuncArgType.PF_ARG_EITHER);
        this.search = search;
    }

    /** Registers {@code text:query} over {@code search} in the property-function registry of a context (a dataset's). */
    public static void register(Context context, LuceneSearch search) {
        PropertyFunctionRegistry registry = context.get(ARQConstants.registryPropertyFunctions);
        if (registry == null) {
            // Never into the global registry: each dataset has its own index. A copy of the standard one, then.
            registry = new PropertyFunctionRegistry();
            PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();
            for (java.util.Iterator<String> it = standard.keys(); it.hasNext(); ) {
                String uri = it.next();
                registry.put(uri, standard.get(uri));
            }
            PropertyFunctionRegistry.set(context, registry);
        }
        TextQuery function = new TextQuery(search);
        registry.put(IRI, uri -> function);
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        if (subject.isList()) {
            List<Node> s = subject.getArgList();
            if (s.isEmpty() || s.size() > 3) throw new Malformed("the subject is ?s or (?s ?score ?matched)");
            for (int i = 1; i < s.size(); i++) if (!s.get(i).isVariable()) throw new Malformed("?score and ?matched must be variables");
        }
        args(object, null);
    }

    /** The search string, limit and property of the object argument (checked; with variables bound from {@code b}). */
    private record Args(String text, int limit, String property) {}

    private static Args args(PropFuncArg object, Binding b) {
        List<Node> list = object.isList() ? object.getArgList() : List.of(object.getArg());
        if (list.isEmpty() || list.size() > 3) throw new Malformed("the object is \"text\", (\"text\" limit) or (property \"text\" limit)");
        int i = 0;
        String property = null;
        Node first = resolve(list.get(0), b);
        if (first.isURI()) {
            property = first.getURI();
            if (!SearchIndex.PROPERTY_OF.containsKey(property)) {
                throw new Malformed("<" + property + "> is not indexed; use rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel, kg:statement or oa:exact");
            }
            i++;
        }
        if (i >= list.size()) throw new Malformed("no search string");
        Node text = resolve(list.get(i++), b);
        String string = null;
        if (!text.isVariable()) {
            if (!text.isLiteral() || !(text.getLiteralDatatype().equals(XSDDatatype.XSDstring) || !text.getLiteralLanguage().isEmpty())) {
                throw new Malformed("the search string must be a string literal, not " + text);
            }
            string = text.getLiteralLexicalForm();
            if (string.isBlank()) throw new Malformed("the search string is blank");
            if (string.length() > LuceneSearch.MAX_QUERY_CHARS) throw new Malformed("the search string is over " + LuceneSearch.MAX_QUERY_CHARS + " characters");
        } else if (b != null) {
            throw new Malformed("the search string " + text + " is unbound");
        }
        int limit = DEFAULT_LIMIT;
        if (i < list.size()) {
            Node l = resolve(list.get(i++), b);
            if (!l.isVariable()) {
                Object v = l.isLiteral() ? l.getLiteralValue() : null;
                if (!(v instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
                    throw new Malformed("the limit must be a positive integer, not " + l);
                }
                limit = (int) Math.min(MAX_LIMIT, n.longValue());
            }
        }
        if (i < list.size()) throw new Malformed("too many arguments");
        return new Args(string, limit, property);
    }

    private static Node resolve(Node n, Binding b) {
        if (b == null || !n.isVariable()) return n;
        Node v = b.get(Var.alloc(n));
        return v == null ? n : v;
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        Args args = args(object, binding);
        List<Node> vars = subject.isList() ? subject.getArgList() : List.of(subject.getArg());
        Node s = resolve(vars.get(0), binding);
        List<Binding> out = new ArrayList<>();
        for (EntitySearch.Hit hit : search.search(args.text(), null, args.property(), false, args.limit())) {
            Node iri = NodeFactory.createURI(hit.iri());
            BindingBuilder row = BindingBuilder.create(binding);
            if (s.isVariable()) row.add(Var.alloc(s), iri);
            else if (!s.equals(iri)) continue;
            if (!bind(row, binding, vars, 1, NodeFactory.createLiteralDT(Double.toString(hit.score()), XSDDatatype.XSDdouble))) continue;
            if (!bind(row, binding, vars, 2, NodeFactory.createLiteralString(hit.matched()))) continue;
            out.add(row.build());
        }
        return out.isEmpty() ? IterLib.noResults(execCxt) : QueryIterPlainWrapper.create(out.iterator(), execCxt);
    }

    /** Binds the i-th subject variable, if there is one; false when it is already bound to something else. */
    private static boolean bind(BindingBuilder row, Binding in, List<Node> vars, int i, Node value) {
        if (vars.size() <= i) return true;
        Var v = Var.alloc(vars.get(i));
        Node old = in.get(v);
        if (old != null) return old.equals(value);
        row.add(v, value);
        return true;
    }
}
