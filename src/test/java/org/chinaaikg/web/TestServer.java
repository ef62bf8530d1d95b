package org.chinaaikg.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.chinaaikg.Fixtures;
import org.chinaaikg.cli.Main;
import org.chinaaikg.cli.ServeCommand;

import picocli.CommandLine;

/** A server started the way {@code serve} starts it, on a free port, and plain HTTP calls to it. */
public final class TestServer implements AutoCloseable {
    public static final HttpClient HTTP = HttpClient.newHttpClient();

    final ServeCommand command;
    final FusekiServer server;
    public final String base;

    private TestServer(ServeCommand command, FusekiServer server) {
        this.command = command;
        this.server = server;
        this.base = "http://localhost:" + server.getHttpPort();
    }

    public static TestServer start(Fixtures.Project project, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port=0", "--queries", project.queries().toString()));
        args.addAll(project.inputOptions());
        args.addAll(List.of(more));
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        return new TestServer(serve, serve.start());
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) req.header("Accept", accept);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // Jetty may close a connection after refusing a request whose body it did not read; ask once more on a new one.
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A SPARQL query over GET, results as CSV. */
    public HttpResponse<String> sparql(String query) throws Exception {
        return get("/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
    }

    @Override
    public void close() {
        command.stop();
    }
}
