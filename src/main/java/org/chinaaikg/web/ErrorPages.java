package org.chinaaikg.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it refuses before any servlet sees it, such as an ambiguous path) carry our
 * headers too; {@link SecurityHeaders}' connector customizer does not reach them.
 */
final class ErrorPages extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.onEveryResponse().customize(request, response.getHeaders());
        return super.handle(request, response, callback);
    }
}
