package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.web.html.LandingPage;
import org.chinaaikg.web.html.SavedQueryCard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/** The home page, and the static files of the SPARQL editor from the WebJar on the classpath. */
public final class WebPages {
    private WebPages() {}

    public static HttpServlet home(DatasetMetadata about, Supplier<GraphSources> sources, Supplier<DatasetStatistics> stats,
                                   Supplier<List<SavedQueryCard>> queries) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Map<String, String> titles = new TreeMap<>();
                sources.get().all().values().forEach(s -> titles.put(s.iri(), s.title()));
                String origin = Http.absolute(req, "");
                byte[] body = LandingPage.render(origin, about, stats.get(), titles, queries.get()).getBytes(StandardCharsets.UTF_8);
                resp.setHeader("Vary", "Host");
                Responses.send(resp, 200, "text/html", body);
            }
        };
    }

    /** Serves {@code /webjars/...} from {@code META-INF/resources/webjars/...} on the classpath; nothing else. */
    public static HttpServlet webjars() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                String path = req.getRequestURI().substring(req.getContextPath().length());
                if (!path.startsWith("/webjars/") || path.contains("..")) {
                    resp.sendError(404);
                    return;
                }
                try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream("META-INF/resources" + path)) {
                    if (in == null) {
                        resp.sendError(404);
                        return;
                    }
                    byte[] body = in.readAllBytes();
                    // Versioned paths never change: let browsers keep them.
                    resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
                    Responses.send(resp, 200, path.endsWith(".js") ? "text/javascript"
                            : path.endsWith(".css") ? "text/css" : "application/octet-stream", body);
                }
            }
        };
    }
}
