package org.chinaaikg.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * What every answer carries (set on the connector, see {@link #onEveryResponse}) and what no request may make us echo: {@code nosniff} (a plain-text error that quotes a
 * path stays text), a Content-Security-Policy that our pages and the SPARQL editor live with, no framing; TRACE is
 * refused (it would echo the request); JSONP callbacks and XML stylesheets that are not plain names or paths are
 * refused, since Fuseki writes them raw before the JSON and into an {@code <?xml-stylesheet?>} instruction.
 */
public final class SecurityHeaders implements Filter {
    /**
     * Scripts from this server only, no inline script; styles too, inline allowed (YASGUI sets style attributes);
     * queries go to this server; no page may frame ours.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A JavaScript name (a.b.c), as JSONP clients generate them. */
    static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*){0,7}");
    /** A relative path or an http(s) URL of characters that cannot end the processing instruction or quote. */
    static final Pattern STYLESHEET = Pattern.compile("(https?://[A-Za-z0-9.-]+(:\\d{1,5})?)?/?[A-Za-z0-9._~/-]{1,200}");

    /**
     * The headers, on every response of a connector, Jetty's own error pages included (a path Jetty refuses never
     * reaches a servlet filter).
     */
    public static HttpConfiguration.Customizer onEveryResponse() {
        return (request, headers) -> {
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.put("X-Frame-Options", "DENY");
            headers.put("Referrer-Policy", "no-referrer-when-downgrade");
            return request;
        };
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if ("TRACE".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            Responses.text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not served here.");
            return;
        }
        String refused = refusedParameter(req);
        if (refused != null) {
            Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why a parameter that would be echoed raw is refused, or null. A form body is read only as Fuseki would read it anyway. */
    static String refusedParameter(HttpServletRequest req) {
        String query = req.getQueryString();
        boolean inQuery = query != null && (query.contains("callback=") || query.contains("stylesheet="));
        String type = req.getContentType();
        boolean form = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!inQuery && !form) return null;
        String callback = req.getParameter("callback");
        if (callback != null && !callback.isEmpty() && !CALLBACK.matcher(callback).matches()) {
            return "Bad request: parameter 'callback' must be a JavaScript name such as jsonp_1 or app.receive.";
        }
        String stylesheet = req.getParameter("stylesheet");
        if (stylesheet != null && !stylesheet.isEmpty() && !STYLESHEET.matcher(stylesheet).matches()) {
            return "Bad request: parameter 'stylesheet' must be a path or an http(s) URL of letters, digits and . _ ~ / -.";
        }
        return null;
    }
}
