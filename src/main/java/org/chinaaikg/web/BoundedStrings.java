package org.chinaaikg.web;

import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Strings a query builds, at most {@link Limits#MAX_STRING_CHARS} characters. A query of a hundred bytes doubled a
 * string with a chain of {@code CONCAT}s, or joined a cross product with {@code GROUP_CONCAT}, until the heap was
 * gone (OutOfMemoryError, a 500, and failures for the other queries running then). Here {@code CONCAT} (and
 * {@code fn:concat}) checks the length of its result before it builds it, {@code GROUP_CONCAT} before each append,
 * {@code REPLACE} before it replaces ({@link BoundedRegex}), and any other function's result is checked as it comes;
 * past the limit the query stops with {@link TooLong}, a 422 naming the limit.
 */
public final class BoundedStrings {
    private BoundedStrings() {}

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String SPARQL_FN = "http://www.w3.org/ns/sparql#";

    /** A string past the limit: the query stops (a cancellation, so that every path that ends a query ends it). */
    public static final class TooLong extends QueryCancelledException {
        private final String function;

        TooLong(String function) {
            this.function = function;
        }

        @Override
        public String getMessage() {
            return "The query builds a string longer than the server's limit of " + Limits.MAX_STRING_CHARS
                    + " characters (in " + function + "): build shorter strings, or fetch the parts and join them yourself.";
        }
    }

    /** Fails if a string of this many characters would pass the limit. */
    static void check(long chars, String function) {
        if (chars > Limits.MAX_STRING_CHARS) throw new TooLong(function);
    }

    /** The query with every string-building function and GROUP_CONCAT bounded. */
    public static Query bound(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_StrConcat && !(func instanceof Concat)) return new Concat(args);
                if (func instanceof E_Function f && !(func instanceof CheckedFunction)) {
                    String iri = f.getFunctionIRI();
                    if (iri.equals(FN + "concat") || iri.equals(SPARQL_FN + "concat")) return new Concat(args);
                    if ((iri.equals(FN + "replace") || iri.equals(SPARQL_FN + "replace")) && (args.size() == 3 || args.size() == 4)) {
                        return new BoundedRegex.Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
                    }
                    return new CheckedFunction(iri, args);
                }
                return super.transform(func, args);
            }

            @Override
            public Expr transform(ExprAggregator eAgg) {
                Aggregator agg = eAgg.getAggregator();
                if (agg instanceof AggGroupConcat g && !(agg instanceof GroupConcat)) {
                    return new ExprAggregator(eAgg.getVar(), new GroupConcat(g.getExprList().get(0), g.getSeparator()));
                }
                if (agg instanceof AggGroupConcatDistinct g && !(agg instanceof GroupConcatDistinct)) {
                    return new ExprAggregator(eAgg.getVar(), new GroupConcatDistinct(g.getExprList().get(0), g.getSeparator()));
                }
                return super.transform(eAgg);
            }
        });
    }

    private static long length(NodeValue v) {
        return v.isLiteral() ? v.asNode().getLiteralLexicalForm().length() : 0;
    }

    /** CONCAT that adds up its arguments' lengths before it concatenates them. */
    static final class Concat extends E_StrConcat {
        Concat(ExprList args) {
            super(args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long total = 0;
            for (NodeValue v : args) total += length(v);
            check(total, "CONCAT");
            return super.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs);
        }
    }

    /** Any other function call, its result's length checked. */
    static final class CheckedFunction extends E_Function {
        CheckedFunction(String iri, ExprList args) {
            super(iri, args);
        }

        @Override
        public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            NodeValue v = super.evalSpecial(binding, env);
            if (v != null) check(length(v), "<" + getFunctionIRI() + ">");
            return v;
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new CheckedFunction(getFunctionIRI(), newArgs);
        }
    }

    static final class GroupConcat extends AggGroupConcat {
        GroupConcat(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Joined(getExpr(), false, getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcat(exprs.get(0), getSeparator());
        }
    }

    static final class GroupConcatDistinct extends AggGroupConcatDistinct {
        GroupConcatDistinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Joined(getExpr(), true, getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcatDistinct(exprs.get(0), getSeparator());
        }
    }

    /** GROUP_CONCAT's accumulator, as ARQ's, with the length checked before each append. */
    static final class Joined extends AccumulatorExpr {
        private final StringBuilder joined = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Joined(Expr expr, boolean distinct, String separator) {
            super(expr, distinct);
            this.separator = separator == null ? " " : separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            check((long) joined.length() + (first ? 0 : separator.length()) + s.length(), "GROUP_CONCAT");
            if (!first) joined.append(separator);
            first = false;
            joined.append(s);
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }
}
