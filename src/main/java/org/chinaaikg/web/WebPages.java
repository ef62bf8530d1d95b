package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetPictures;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.web.html.LandingPage;
import org.chinaaikg.web.html.SavedQueryCard;

import java.io.IOException;
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
    private WebPages() {}

    public static HttpServlet home(DatasetMetadata about, Supplier<GraphSources> sources, Supplier<DatasetStatistics> stats,
                                   Supplier<List<SavedQueryCard>> queries, Supplier<DatasetPictures> pictures) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Map<String, String> titles = new TreeMap<>();
                sources.get().all().values().forEach(s -> titles.put(s.iri(), s.title()));
                String origin = Http.absolute(req, "");
                byte[] body = LandingPage.render(origin, stats.get(), titles, queries.get(), about, pictures.get()).getBytes(StandardCharsets.UTF_8);
                resp.setHeader("Vary", "Host");
                Responses.send(resp, 200, "text/html", body);
            }
        };
    }
}
