package org.chinaaikg.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server, started as {@code serve} starts it on a free port, once per test class, on a fresh copy of the
 * fixture project (or of the bundled data), and stopped and deleted after the class:
 * {@code @RegisterExtension static final ServerExtension server = ServerExtension.onFixtures("--timeout", "1");}
 * Its {@code beforeAll} runs before the class's own {@code @BeforeAll} methods, which can read {@link #project()}.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final String[] serveOptions;
    private final boolean bundled;
    private Consumer<Fixtures.Project> prepare = project -> {};
    private Path dir;
    private Fixtures.Project project;
    private TestServer server;

    private ServerExtension(boolean bundled, String... serveOptions) {
        this.bundled = bundled;
        this.serveOptions = serveOptions;
    }

    /** The fixture project (src/test/resources/fixtures) served with these extra {@code serve} options. */
    public static ServerExtension onFixtures(String... serveOptions) {
        return new ServerExtension(false, serveOptions);
    }

    /** A copy of the bundled data, ontology and queries ({@link BundledProject}) served with these options. */
    public static ServerExtension onBundledData(String... serveOptions) {
        return new ServerExtension(true, serveOptions);
    }

    /** Changes the copied project before the server starts (add a query, a data file…). */
    public ServerExtension preparing(Consumer<Fixtures.Project> prepare) {
        this.prepare = prepare;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("kg-test-");
        project = bundled ? BundledProject.copyTo(dir) : Fixtures.copyTo(dir);
        prepare.accept(project);
        server = TestServer.start(project, serveOptions);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) server.close();
        if (dir != null) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public TestServer server() {
        return server;
    }

    public Fixtures.Project project() {
        return project;
    }

    public String base() {
        return server.base;
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        return server.get(path, accept);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return server.send(method, path, contentType, body);
    }

    public HttpResponse<String> sparql(String query) throws Exception {
        return server.sparql(query);
    }
}
