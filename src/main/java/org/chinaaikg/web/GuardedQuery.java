package org.chinaaikg.web;

import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import java.util.List;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.web.HttpSC;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's SPARQL query endpoint with the public endpoint's limits: every query passes the {@link QueryGate} (503
 * and {@code Retry-After} when it is full or stops the query), and the server's timeout is a ceiling that the
 * protocol's {@code ?timeout=initial,overall} can only lower.
 */
public class GuardedQuery extends SPARQL_QueryDataset {
    private final long ceilingMillis;
    private final QueryGate gate;

    public GuardedQuery(long timeoutMillis, QueryGate gate) {
        this.ceilingMillis = timeoutMillis;
        this.gate = gate;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        QueryGate.Ticket ticket;
        try {
            ticket = gate.enter();
        } catch (QueryGate.Full full) {
            throw refused(action, full.getMessage());
        }
        try {
            String tooDeep = QueryNesting.refusal(queryString);
            if (tooDeep != null) throw new ActionErrorException(HttpSC.BAD_REQUEST_400, tooDeep, null);
            if (overflowsTheParser(queryString)) throw tooDeep();
            if (ceilingMillis > 0) BoundedRegex.deadline(System.nanoTime() + ceilingMillis * 1_000_000);
            super.execute(queryString, action);
        } catch (BoundedStrings.TooLong e) {
            throw new ActionErrorException(HttpSC.UNPROCESSABLE_ENTITY_422, e.getMessage(), null);
        } catch (QueryCancelledException e) {
            if (ticket.stoppedBecause() != null) throw refused(action, ticket.stoppedBecause());
            throw e;
        } catch (OutOfMemoryError e) {
            // The last resort, should the watchdog be too late: what this query held is free once the error is here.
            throw refused(action, "The server ran out of memory for this query: retry in " + Limits.RETRY_AFTER_SECONDS
                    + " s, or ask for less (LIMIT, fewer rows to sort, group or join).");
        } catch (StackOverflowError e) {
            // The last resort for what the text's nesting does not show: a 20,000-branch UNION or || chain is flat
            // text but a 20,000-deep tree for the parser's checks, the optimizer and the evaluator.
            throw tooDeep();
        } finally {
            BoundedRegex.clear();
            ticket.close();
        }
    }

    /** Queries shorter than this cannot hold enough patterns to overflow the parser's stack: they are not parsed twice. */
    private static final int PARSED_FIRST_FROM_CHARS = 16_384;

    /**
     * The parser recurses once per triple pattern of a group and turns its StackOverflowError into a parse exception
     * without a message, which Fuseki answers with the bare word "StackOverflowError". A long query is parsed here
     * first to tell that case apart; any other parse error is left to Fuseki's message.
     */
    static boolean overflowsTheParser(String queryString) {
        if (queryString.length() < PARSED_FIRST_FROM_CHARS) return false;
        try {
            QueryFactory.create(queryString, "http://localhost/", Syntax.syntaxARQ);
            return false;
        } catch (QueryParseException e) {
            return e.getCause() instanceof StackOverflowError;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ActionErrorException tooDeep() {
        return new ActionErrorException(HttpSC.BAD_REQUEST_400, "The query is nested too deeply for the server to "
                + "parse, plan or evaluate (a long chain of UNION, OPTIONAL, || or /, or thousands of triple patterns "
                + "in one group, nest one level per link): split it into several queries or use VALUES.", null);
    }

    /**
     * SELECT rows are read while the answer is written: a cancellation there (timeout, gate, watchdog) is caught by
     * Fuseki, which appends a note to the body. It is recorded for {@link BufferedAnswers}, which answers 503 instead.
     */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        if (result.isGraph() || result.isDataset()) {
            String refused = GraphOutput.refusal(action.getRequest());
            if (refused != null) throw new ActionErrorException(HttpSC.NOT_ACCEPTABLE_406, refused, null);
        }
        if (!result.isRowSet()) {
            super.sendResults(action, result, prologue);
            return;
        }
        RowSet rows = result.rowSet();
        QueryGate.Ticket ticket = QueryGate.current().orElse(null);
        RowSet watched = new RowSet() {
            private <T> T watch(java.util.function.Supplier<T> step) {
                try {
                    return step.get();
                } catch (BoundedStrings.TooLong e) {
                    action.getRequest().setAttribute(BufferedAnswers.CANCELLED, e.getMessage());
                    action.getRequest().setAttribute(BufferedAnswers.STATUS, HttpSC.UNPROCESSABLE_ENTITY_422);
                    throw e;
                } catch (QueryCancelledException e) {
                    String why = ticket == null ? null : ticket.stoppedBecause();
                    action.getRequest().setAttribute(BufferedAnswers.CANCELLED, why != null ? why
                            : "Query timed out after " + ceilingMillis + " ms: no partial answer is sent.");
                    if (why != null) action.getRequest().setAttribute(BufferedAnswers.RETRY, Boolean.TRUE);
                    throw e;
                }
            }

            @Override public boolean hasNext() { return watch(rows::hasNext); }
            @Override public Binding next() { return watch(rows::next); }
            @Override public List<Var> getResultVars() { return rows.getResultVars(); }
            @Override public long getRowNumber() { return rows.getRowNumber(); }
            @Override public void close() { rows.close(); }
        };
        Responses.doResponseResultSet(action, watched, prologue);
    }

    /** 503 with Retry-After: the server is busy, not the query wrong. */
    static RuntimeException refused(HttpAction action, String message) {
        action.getResponse().setHeader("Retry-After", String.valueOf(Limits.RETRY_AFTER_SECONDS));
        return new ActionErrorException(HttpSC.SERVICE_UNAVAILABLE_503, message, null);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long[] t = timeouts(action.getRequestParameter("timeout"), ceilingMillis);
        // REGEX and REPLACE checked against the deadline as they match.
        // Strings a query builds stop at a length limit.
        var builder = QueryExec.newBuilder().dataset(dataset).query(BoundedStrings.bound(BoundedRegex.bound(query))).context(action.getContext());
        if (t[0] > 0) builder.initialTimeout(t[0], TimeUnit.MILLISECONDS);
        if (t[1] > 0) builder.overallTimeout(t[1], TimeUnit.MILLISECONDS);
        QueryExec exec = builder.build();
        QueryGate.current().ifPresent(ticket -> ticket.attach(exec));
        return exec;
    }

    /**
     * The (initial, overall) timeouts in milliseconds for a {@code timeout} parameter (seconds, {@code N} or
     * {@code initial,overall}) under a ceiling. Fuseki capped only the overall one; an initial timeout above the
     * overall one made a query run until the initial one (25 s for {@code 25,25} under a 5 s ceiling).
     */
    static long[] timeouts(String parameter, long ceiling) {
        long initial = -1;
        long overall = ceiling;
        if (parameter != null) {
            Pair<Long, Long> asked = Timeouts.parseTimeoutStr(parameter, TimeUnit.SECONDS);
            if (asked != null) {
                if (asked.getLeft() > 0) initial = asked.getLeft();
                if (asked.getRight() > 0) overall = ceiling > 0 ? Math.min(ceiling, asked.getRight()) : asked.getRight();
            }
        }
        if (initial > 0 && overall > 0) initial = Math.min(initial, overall);
        return new long[] {initial, overall};
    }
}
