package org.chinaaikg.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses compressed request bodies with 415. Fuseki inflated {@code Content-Encoding: gzip} bodies itself, after
 * the body limit had counted the compressed bytes: 9 KB of gzip became 10 MB of query text, parsed outside any time
 * limit. A query is small text; nothing is gained by compressing it.
 */
public final class RequestEncoding implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String encoding = ((HttpServletRequest) request).getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setHeader("Connection", "close");
            resp.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().println("Compressed request bodies are not accepted (Content-Encoding: gzip, deflate...): "
                    + "send the query uncompressed; the limit is " + Limits.MAX_REQUEST_BODY + " bytes.");
            return;
        }
        if (encoding != null) {
            // "identity" means no encoding; Fuseki answered it with 400.
            request = new jakarta.servlet.http.HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public String getHeader(String name) {
                    return name.equalsIgnoreCase("Content-Encoding") ? null : super.getHeader(name);
                }

                @Override
                public java.util.Enumeration<String> getHeaders(String name) {
                    return name.equalsIgnoreCase("Content-Encoding") ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
                }
            };
        }
        chain.doFilter(request, response);
    }
}
