package org.chinaaikg.web;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.jena.atlas.json.JsonObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * What the port answers while {@code serve} builds the store, before the server of {@link Routes} exists: every path,
 * {@code /$/ping} included, gets 503 with {@code Retry-After} and a JSON status ({@code "status": "loading"}, since
 * when, the load's latest step). So a process is up at once, a client is told to come back rather than refused, and a
 * health check on {@code /$/ping} (HAProxy's {@code http-check expect status 200}, Docker's {@code curl -f}) does not
 * take a loading replica for a ready one. {@link #close()} frees the port for the real server.
 */
public final class Loading implements AutoCloseable {
    /** Seconds a client is asked to wait (the bundled data loads in a few). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Server jetty = new Server();
    private final ServerConnector connector;
    private final Instant since = Instant.now();
    private volatile String step = "starting";

    private Loading(String host, int port) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.addCustomizer(SecurityHeaders.onEveryResponse());
        connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setReuseAddress(true);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = (status().toString() + "\n").getBytes(StandardCharsets.UTF_8);
                response.setStatus(503);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
                return true;
            }
        });
    }

    /** Listens on host (null: every interface) and port (0: a free one) until closed. */
    public static Loading listen(String host, int port) throws Exception {
        Loading loading = new Loading(host, port);
        loading.jetty.start();
        return loading;
    }

    /** The port listened on (the one chosen, for port 0): the real server takes it over. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The load's latest step, shown in the status. */
    public void step(String text) {
        step = text;
    }

    JsonObject status() {
        JsonObject o = new JsonObject();
        o.put("status", "loading");
        o.put("since", since.toString());
        o.put("step", step);
        o.put("message", "The store is being built from the input files; retry in " + RETRY_AFTER_SECONDS + " s.");
        return o;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the loading status on port " + port(), e);
        }
    }

    /** For a log line. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), port());
    }
}
