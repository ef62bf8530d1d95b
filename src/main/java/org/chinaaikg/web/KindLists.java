package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.EntityCatalog;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.web.html.KindListPage;
import org.chinaaikg.web.html.KindNames;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The lists of {@code /id/}: {@code /id/{kind}/} lists every entity of a kind, {@value KindListPage#PAGE_SIZE} a page
 * ({@code ?page=N} from 1), sorted by label, optionally only those of one class ({@code ?type=IRI}, what the home
 * page's counts link to); {@code /id/} lists the kinds. HTML, JSON or Turtle by {@code Accept}. Every other
 * {@code /id/…} path goes on to the resource it names. From the {@link EntityCatalog}, computed once.
 */
public final class KindLists implements Filter {
    static final String JSON_TYPE = "application/json";
    static final List<String> OFFERS = List.of(JSON_TYPE, RdfFormats.HTML, "text/turtle");
    private static final Pattern LIST = Pattern.compile("/id/(?:([a-z][a-z0-9-]*)/)?");

    private final Supplier<EntityCatalog> catalog;
    private final DatasetMetadata about;

    public KindLists(Supplier<EntityCatalog> catalog, DatasetMetadata about) {
        this.catalog = catalog;
        this.about = about;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        Matcher m = LIST.matcher(req.getRequestURI().substring(req.getContextPath().length()));
        if (!m.matches() || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        resp.setHeader("Vary", "Accept");
        String type = Conneg.choose(req.getHeader("Accept"), OFFERS).orElse(JSON_TYPE);
        EntityCatalog c = catalog.get();
        String kind = m.group(1);
        if (kind == null) {
            send(resp, type, KindListPage.index(about, c), c);
            return;
        }
        List<EntityCatalog.Entry> entries = c.ofKind(kind);
        if (entries.isEmpty()) {
            Responses.text(resp, 404, "Not found: no entity is of kind '" + kind + "'. The kinds are listed at /id/.");
            return;
        }
        String typeParameter = req.getParameter("type");
        String typeIri = typeParameter == null || typeParameter.isBlank() ? null : typeParameter;
        if (typeIri != null) entries = entries.stream().filter(e -> e.allTypes().contains(typeIri)).toList();
        int page;
        try {
            page = req.getParameter("page") == null ? 1 : Integer.parseInt(req.getParameter("page"));
        } catch (NumberFormatException e) {
            page = 0;
        }
        int pages = Math.max(1, (entries.size() + KindListPage.PAGE_SIZE - 1) / KindListPage.PAGE_SIZE);
        if (page < 1) {
            Responses.text(resp, 400, "Bad request: parameter 'page' must be a whole number from 1.");
            return;
        }
        if (page > pages) {
            Responses.text(resp, 404, "Not found: page " + page + " of " + pages + " of /id/" + kind + "/.");
            return;
        }
        send(resp, type, KindListPage.model(about, c, kind, typeIri, entries, page), c);
    }

    private static void send(HttpServletResponse resp, String type, KindListPage.Model page, EntityCatalog c) throws IOException {
        byte[] body = switch (type) {
            case RdfFormats.HTML -> KindListPage.render(page).getBytes(StandardCharsets.UTF_8);
            case "text/turtle" -> turtle(page, c);
            default -> JSON.toString(json(page, c)).getBytes(StandardCharsets.UTF_8);
        };
        Responses.send(resp, 200, type, body);
    }

    /** The documented JSON shape of a list (README, "Browse"). */
    static JsonObject json(KindListPage.Model page, EntityCatalog c) {
        JsonObject o = new JsonObject();
        if (page.kind() == null) {
            o.put("entities", page.total());
            JsonArray kinds = new JsonArray();
            for (KindListPage.KindRow k : page.kinds()) {
                JsonObject row = new JsonObject();
                row.put("kind", k.kind());
                row.put("title", k.list().text());
                c.classOf(k.kind()).ifPresent(cls -> row.put("class", cls));
                row.put("entities", k.entities());
                row.put("list", k.list().href());
                kinds.add(row);
            }
            o.put("kinds", kinds);
            return o;
        }
        o.put("kind", page.kind());
        o.put("title", page.title());
        c.classOf(page.kind()).ifPresent(cls -> o.put("class", cls));
        if (page.type() != null) o.put("type", page.typeIri());
        o.put("total", page.total());
        o.put("page", page.page());
        o.put("pages", page.pages());
        o.put("pageSize", KindListPage.PAGE_SIZE);
        if (page.previous() != null) o.put("previous", page.previous().href());
        if (page.next() != null) o.put("next", page.next().href());
        JsonArray items = new JsonArray();
        for (KindListPage.Row r : page.rows()) {
            EntityCatalog.Entry e = c.entry(r.iri()).orElseThrow();
            JsonObject item = new JsonObject();
            item.put("iri", e.iri());
            item.put("id", e.id());
            item.put("label", e.label());
            if (e.zhLabel() != null) item.put("zh", e.zhLabel());
            JsonArray types = new JsonArray();
            e.types().forEach(types::add);
            item.put("types", types);
            item.put("claims", e.claims());
            item.put("facts", e.facts());
            items.add(item);
        }
        o.put("items", items);
        return o;
    }

    private static byte[] turtle(KindListPage.Model page, EntityCatalog c) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(Prefixes.all());
        if (page.kind() == null) {
            Resource index = model.createResource(Iris.ID);
            for (KindListPage.KindRow k : page.kinds()) {
                Resource list = model.createResource(Iris.ID + k.kind() + "/").addProperty(RDFS.label, k.list().text(), "en");
                index.addProperty(RDFS.member, list);
            }
        } else {
            Resource list = model.createResource(Iris.ID + page.kind() + "/").addProperty(RDFS.label, page.title(), "en");
            for (KindListPage.Row r : page.rows()) {
                EntityCatalog.Entry e = c.entry(r.iri()).orElseThrow();
                Resource entity = model.createResource(e.iri()).addProperty(RDFS.label, e.label(), "en");
                e.types().forEach(t -> entity.addProperty(RDF.type, model.createResource(t)));
                list.addProperty(RDFS.member, entity);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, Lang.TURTLE);
        return out.toByteArray();
    }

    /** The list of a kind, for links: {@code /id/org/}. */
    public static String listPath(String kind) {
        return KindNames.listPath(kind);
    }
}
