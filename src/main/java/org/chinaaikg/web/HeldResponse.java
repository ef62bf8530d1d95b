package org.chinaaikg.web;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose body a filter holds until the answer is complete ({@link BufferedAnswers}, {@link
 * ConditionalRequests}): what the servlet writes, as bytes or characters, goes to {@link #body()}; nothing is
 * committed, and the length is the filter's to set when it sends the body.
 */
abstract class HeldResponse extends HttpServletResponseWrapper {
    private PrintWriter writer;

    HeldResponse(HttpServletResponse resp) {
        super(resp);
    }

    /** Where the body goes. */
    abstract ServletOutputStream body();

    /** Forgets the body held so far. */
    abstract void clearBody();

    @Override
    public final ServletOutputStream getOutputStream() {
        return body();
    }

    @Override
    public final PrintWriter getWriter() {
        if (writer == null) {
            String enc = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(body(), enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc)));
        }
        return writer;
    }

    /** What the servlet wrote through the writer, into the body. */
    final void flushWriter() {
        if (writer != null) writer.flush();
    }

    @Override public void setContentLength(int len) {}
    @Override public void setContentLengthLong(long len) {}
    @Override public void setBufferSize(int size) {}
    @Override public void flushBuffer() { flushWriter(); }
    @Override public void resetBuffer() { clearBody(); }

    @Override
    public void reset() {
        clearBody();
        super.reset();
    }
}
