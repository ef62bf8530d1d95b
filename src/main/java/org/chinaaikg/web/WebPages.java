package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.web.html.LandingPage;
import org.chinaaikg.web.html.SavedQueryCard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/** The home page. */
public final class WebPages {
    // TODO(derived): read from data/dataset.ttl
    public static final DatasetMetadata DATASET = new DatasetMetadata("China AI Knowledge Graph",
            "Which companies build which models, which regulations bind them, and who claimed what, where: an RDF knowledge graph "
                    + "of the Chinese AI industry in which every fact traces to the exact words of the source that states it.",
            "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0");

    private WebPages() {}

    public static HttpServlet home(Supplier<GraphSources> sources, Supplier<DatasetStatistics> stats, Supplier<List<SavedQueryCard>> queries) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Map<String, String> titles = new TreeMap<>();
                sources.get().all().values().forEach(s -> titles.put(s.iri(), s.title()));
                String origin = Http.absolute(req, "");
                byte[] body = LandingPage.render(origin, stats.get(), titles, queries.get(), DATASET).getBytes(StandardCharsets.UTF_8);
                resp.setContentType("text/html; charset=utf-8");
                resp.setContentLength(body.length);
                try (OutputStream out = resp.getOutputStream()) {
                    out.write(body);
                }
            }
        };
    }
}
