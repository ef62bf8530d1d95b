package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.store.Downloads;
import org.chinaaikg.web.html.DownloadsPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * {@code /downloads}: the list of the files {@code load} wrote with the store (a page, or JSON for
 * {@code Accept: application/json}), and {@code /downloads/NAME}: one of them, as it is on disk. Only a name of
 * the list is served (nothing is looked up on disk by the request's path, so no path leads elsewhere). A file is
 * known by its SHA-256 (a strong {@code ETag}) and by when it was written ({@code Last-Modified}), and a client that
 * holds it gets 304.
 */
final class DownloadsServlet extends HttpServlet {
    static final String PATH = "/downloads";
    static final String HTML = "text/html";
    static final String JSON = "application/json";
    private static final List<String> OFFERED = List.of(HTML, JSON);

    private final Downloads downloads;
    private final DatasetMetadata about;

    DownloadsServlet(Downloads downloads, DatasetMetadata about) {
        this.downloads = downloads;
        this.about = about;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, false);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, true);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, boolean head) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            list(req, resp);
            return;
        }
        String name = path.substring(PATH.length() + 1);
        Downloads.Distribution file = downloads.file(name).orElse(null);
        if (file == null) {
            Responses.text(resp, 404, "No download named " + (name.length() > 80 ? name.substring(0, 80) + "…" : name)
                    + "; the files are listed at " + PATH);
            return;
        }
        java.nio.file.Path onDisk = downloads.path(file);
        Instant written = Files.getLastModifiedTime(onDisk).toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + file.sha256() + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(written.atZone(ZoneOffset.UTC)));
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        if (ConditionalRequests.notModified(req, etag, written)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Responses.file(resp, file.contentType(), onDisk, file.bytes(), head);
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = Http.absolute(req, PATH + "/");
        // The JSON names each file by its absolute URL, after the request's Host.
        resp.setHeader("Vary", "Accept, Host");
        String type = Conneg.choose(req.getHeader("Accept"), OFFERED).orElse(HTML);
        String body = type.equals(JSON) ? json(downloads, base).toString() : DownloadsPage.render(DownloadsPage.model(about, downloads));
        Responses.send(resp, 200, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The documented JSON shape (README, "Downloads"). */
    static JsonObject json(Downloads downloads, String base) {
        JsonObject o = new JsonObject();
        if (downloads.release() != null) o.put("version", downloads.release());
        JsonArray files = new JsonArray();
        for (Downloads.Distribution f : downloads.files()) {
            JsonObject d = new JsonObject();
            d.put("name", f.name());
            d.put("title", f.title());
            d.put("mediaType", f.mediaType());
            d.put("encoding", f.encoding() == null ? "identity" : f.encoding());
            d.put("contentType", f.contentType());
            d.put("size", f.bytes());
            d.put("sha256", f.sha256());
            d.put("url", base + f.name());
            files.add(d);
        }
        o.put("files", files);
        return o;
    }
}
