package org.chinaaikg.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * {@code REGEX} and {@code REPLACE} under the query's time limit. Java's regex matcher never looks at ARQ's cancel
 * flag: {@code REGEX(?x, "^(.*a){10}$")} on a 50-character string ran on one core for minutes after the timeout.
 * Here the text is matched through a {@link CharSequence} that checks the query's deadline (and whether the gate
 * stopped it) every few thousand characters read, and throws {@link QueryCancelledException} past it.
 */
public final class BoundedRegex {
    private BoundedRegex() {}

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    /** The query on this thread must end by then ({@link System#nanoTime()}); {@link #clear()} when it has. */
    public static void deadline(long nanos) {
        DEADLINE.set(nanos);
    }

    public static void clear() {
        DEADLINE.remove();
    }

    /** The query with every REGEX and REPLACE bounded. */
    public static Query bound(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex && !(func instanceof Regex)) {
                    return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
                }
                if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                    return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
                }
                return super.transform(func, args);
            }
        });
    }

    /** Text that checks the deadline as the matcher reads it. */
    static final class Chars implements CharSequence {
        private final String text;
        private final Long deadline = DEADLINE.get();
        private int reads;

        Chars(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0) check();
            return text.charAt(index);
        }

        private void check() {
            if (deadline != null && System.nanoTime() > deadline) throw new QueryCancelledException();
            QueryGate.current().ifPresent(t -> {
                if (t.stoppedBecause() != null) throw new QueryCancelledException();
            });
        }

        @Override public int length() { return text.length(); }
        @Override public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }
        @Override public String toString() { return text; }
    }

    private static String lexical(String function, NodeValue v) {
        if (!v.isLiteral() || !(v.isString() || v.isLangString())) throw new ExprEvalException(function + ": not a string: " + v);
        return v.asNode().getLiteralLexicalForm();
    }

    /** Compiled patterns, by pattern and flags: the last one, since most patterns are constants. */
    private static final class LastPattern {
        private String key;
        private Pattern pattern;

        synchronized Pattern get(String function, NodeValue pattern, NodeValue flags) {
            String p = lexical(function, pattern);
            String f = flags == null ? null : lexical(function, flags);
            String k = f + "\u0000" + p;
            if (!k.equals(key)) {
                this.pattern = RegexEngine.makePattern(function, p, f);
                this.key = k;
            }
            return this.pattern;
        }
    }

    static final class Regex extends E_Regex {
        private final LastPattern patterns = new LastPattern();

        Regex(Expr expr, Expr pattern, Expr flags) {
            super(expr, pattern, flags);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            String text = lexical("REGEX", args.get(0));
            Pattern p = patterns.get("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(p.matcher(new Chars(text)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
        }
    }

    static final class Replace extends E_StrReplace {
        private final LastPattern patterns = new LastPattern();

        Replace(Expr expr, Expr pattern, Expr replacement, Expr flags) {
            super(expr, pattern, replacement, flags);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            // Every match is found once under the deadline; then ARQ replaces as it always did.
            Pattern p = patterns.get("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
            String text = lexical("REPLACE", args.get(0));
            Matcher m = p.matcher(new Chars(text));
            long matches = 0;
            while (m.find()) {
                matches++;
                if (m.end() == m.start() && m.end() >= m.regionEnd()) break;
            }
            // Before building it: the result is at most the text plus, per match, the replacement with each $n group.
            String replacement = lexical("REPLACE", args.get(2));
            long groups = replacement.chars().filter(c -> c == '$').count();
            BoundedStrings.check(text.length() + matches * (replacement.length() + groups * text.length()), "REPLACE");
            return XSDFuncOp.strReplace(args.get(0), p, args.get(2));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null);
        }
    }
}
