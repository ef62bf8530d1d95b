package org.chinaaikg.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Works around a Fuseki 5.6 bug found by the fuzz test: an error message is sent with a Content-Length counted in
 * characters ({@code ServletOps.writeMessagePlainText}) but written as UTF-8 bytes, so a parse error that quotes a
 * non-ASCII character (a query with {@code 百度:x}) made Jetty fail with "too much content written" and a 500
 * instead of the 400. For error statuses the declared length is dropped and Jetty counts the bytes itself.
 */
public final class ErrorMessageLength implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
            @Override
            public void setContentLength(int len) {
                if (getStatus() < 400) super.setContentLength(len);
            }

            @Override
            public void setContentLengthLong(long len) {
                if (getStatus() < 400) super.setContentLengthLong(len);
            }
        });
    }
}
