package org.chinaaikg.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access for a public, read-only, credential-free server: any origin may GET and POST
 * (a notebook or a page served elsewhere can query it), and preflight requests are answered here.
 */
public final class Cors implements Filter {
    static final String METHODS = "GET, POST, HEAD, OPTIONS";
    static final String HEADERS = "Accept, Content-Type, Origin, X-Requested-With, Cache-Control";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String origin = req.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
            resp.setHeader("Access-Control-Allow-Methods", METHODS);
            String asked = req.getHeader("Access-Control-Request-Headers");
            resp.setHeader("Access-Control-Allow-Headers", asked != null && !asked.isBlank() ? asked : HEADERS);
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        resp.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Length, Vary");
        chain.doFilter(request, response);
    }
}
