package org.chinaaikg.web;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * What one client may hold: a connection idle for {@link Limits#IDLE_TIMEOUT_MILLIS} is closed, a request body
 * slower than {@link Limits#MIN_REQUEST_DATA_RATE} and a reader slower than {@link Limits#MIN_RESPONSE_DATA_RATE}
 * are cut. With {@link Limits#MAX_THREADS} threads (set on the builder) and answers buffered before they are sent,
 * 24 slow readers or 24 stalled uploads no longer leave ping unanswered.
 */
public final class Connections {
    private Connections() {}

    public static void limit(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setIdleTimeout(Limits.IDLE_TIMEOUT_MILLIS);
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http == null) continue;
            HttpConfiguration config = http.getHttpConfiguration();
            config.setIdleTimeout(Limits.IDLE_TIMEOUT_MILLIS);
            config.setMinRequestDataRate(Limits.MIN_REQUEST_DATA_RATE);
            config.setMinResponseDataRate(Limits.MIN_RESPONSE_DATA_RATE);
        }
    }
}
