package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.EntityCatalog;
import org.chinaaikg.search.EntitySearch;
import org.chinaaikg.web.html.PreviewCard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * {@code /reconcile}: an OpenRefine-compatible Reconciliation Service (W3C Entity Reconciliation CG, API 0.2).
 * <ul>
 * <li>{@code GET /reconcile}: the service manifest;</li>
 * <li>{@code queries=} (GET or POST form): a batch of reconciliation queries;</li>
 * <li>{@code extend=} (GET or POST form): data extension;</li>
 * <li>{@code /reconcile/suggest/entity|type|property?prefix=}: suggest services;</li>
 * <li>{@code /reconcile/preview?id=}: a small HTML card;</li>
 * <li>{@code /reconcile/propose_properties?type=}: properties to extend with.</li>
 * </ul>
 * JSON answers are JSONP when a {@code callback} is given ({@link SecurityHeaders} refuses any that is not a
 * JavaScript name before it gets here).
 */
public final class ReconcileServlet extends HttpServlet {
    /** The preview is shown in a frame of OpenRefine's page: it may be framed, and it runs nothing. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private final Reconciliation service;
    private final Supplier<EntityCatalog> catalog;

    public ReconcileServlet(Supplier<EntityCatalog> catalog, EntitySearch search, DatasetGraph dsg, DatasetMetadata about) {
        this.catalog = catalog;
        this.service = new Reconciliation(catalog, search, dsg, about);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String origin = Http.absolute(req, "");
        resp.setHeader("Vary", "Host");
        try {
            switch (path) {
                case "", "/" -> {
                    if (present(req, "queries")) json(req, resp, service.reconcile(object(req, "queries")));
                    else if (present(req, "extend")) json(req, resp, service.extend(object(req, "extend")));
                    else json(req, resp, service.manifest(origin));
                }
                case "/suggest/entity" -> json(req, resp, service.suggestEntities(req.getParameter("prefix"), blankToNull(req.getParameter("type")),
                        number(req, "cursor", 0), Math.min(Reconciliation.MAX_LIMIT, number(req, "limit", Reconciliation.DEFAULT_LIMIT))));
                case "/suggest/type" -> json(req, resp, service.suggestTypes(req.getParameter("prefix"), number(req, "cursor", 0),
                        Math.min(Reconciliation.MAX_LIMIT, number(req, "limit", Reconciliation.DEFAULT_LIMIT))));
                case "/suggest/property" -> json(req, resp, service.suggestProperties(req.getParameter("prefix"), number(req, "cursor", 0),
                        Math.min(Reconciliation.MAX_LIMIT, number(req, "limit", Reconciliation.DEFAULT_LIMIT))));
                case "/propose_properties" -> json(req, resp, service.proposeProperties(blankToNull(req.getParameter("type")), number(req, "limit", 0)));
                case "/preview" -> preview(req, resp, origin);
                default -> Responses.text(resp, 404, "Not found: the reconciliation service has /reconcile, /reconcile/suggest/entity, "
                        + "/reconcile/suggest/type, /reconcile/suggest/property, /reconcile/preview and /reconcile/propose_properties.");
            }
        } catch (Reconciliation.BadRequest e) {
            Responses.text(resp, 400, "Bad request: " + e.getMessage());
        }
    }

    private void preview(HttpServletRequest req, HttpServletResponse resp, String origin) throws IOException {
        Optional<EntityCatalog.Entry> e = service.entity(req.getParameter("id"));
        if (e.isEmpty()) {
            Responses.text(resp, 404, "Not found: no entity has the id given as 'id' (an id is the path after /id/, such as org/baidu).");
            return;
        }
        resp.setHeader("Content-Security-Policy", PREVIEW_POLICY);
        resp.setHeader("X-Frame-Options", null);
        Responses.send(resp, 200, RdfFormats.HTML, PreviewCard.render(catalog.get(), e.get(), origin).getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpServletRequest req, HttpServletResponse resp, JsonValue value) throws IOException {
        String json = JSON.toString(value);
        String callback = req.getParameter("callback");
        if (callback != null && !callback.isEmpty() && SecurityHeaders.CALLBACK.matcher(callback).matches()) {
            Responses.send(resp, 200, "application/javascript", (callback + "(" + json + ");").getBytes(StandardCharsets.UTF_8));
        } else {
            Responses.send(resp, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean present(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v != null && !v.isBlank();
    }

    private static JsonObject object(HttpServletRequest req, String name) {
        try {
            JsonValue v = JSON.parseAny(req.getParameter(name));
            if (!v.isObject()) throw new Reconciliation.BadRequest("'" + name + "' must be a JSON object");
            return v.getAsObject();
        } catch (JsonParseException e) {
            throw new Reconciliation.BadRequest("'" + name + "' is not JSON: " + e.getMessage());
        }
    }

    private static int number(HttpServletRequest req, String name, int otherwise) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return otherwise;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Reconciliation.BadRequest("parameter '" + name + "' must be a whole number from 0");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
