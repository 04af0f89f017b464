package io.partnerpulse.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's load generator: one kept-alive HTTP/1.1 connection over a plain socket, one per
 * client thread. It sends real requests (headers, JSON bodies, the API token) and reads each answer to
 * its last byte, but costs the machine next to nothing: on two cores the client shares the CPU with
 * the app and PostgreSQL, and the JDK's {@code HttpClient} (with its executor, its buffers and a JSON
 * parse of every answer) cost about as much CPU per write as the app itself (measured, stop 14). A
 * load generator such as wrk does the same. Not thread-safe.
 */
final class BenchHttp implements AutoCloseable {

    record Response(int status, String etag, String body) {
        /** The {@code id} of a JSON answer, found without parsing the rest. */
        long id() {
            int at = body.indexOf("\"id\":");
            if (at < 0) {
                throw new IllegalStateException("no id in " + body);
            }
            int i = at + 5;
            while (body.charAt(i) == ' ') {
                i++;
            }
            long id = 0;
            for (; i < body.length() && Character.isDigit(body.charAt(i)); i++) {
                id = id * 10 + (body.charAt(i) - '0');
            }
            return id;
        }
    }

    private final int port;
    private final String authorization;
    private final byte[] skip = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BenchHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** A request with an optional JSON body and If-Match; the answer's body is kept. */
    Response send(String method, String path, String json, String ifMatch) {
        return exchange(method, path, json, ifMatch, true);
    }

    /** A GET whose answer is read to its last byte and dropped; returns its length. Throws unless 2xx. */
    long getAndDrop(String path) {
        Response response = exchange("GET", path, null, null, false);
        return Long.parseLong(response.body());
    }

    private Response exchange(String method, String path, String json, String ifMatch, boolean keepBody) {
        try {
            if (socket == null) {
                socket = new Socket("localhost", port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\nAccept: application/json\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (ifMatch != null) {
                head.append("If-Match: ").append(ifMatch).append("\r\n");
            }
            if (json != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] whole = new byte[request.length + body.length];
            System.arraycopy(request, 0, whole, 0, request.length);
            System.arraycopy(body, 0, whole, request.length, body.length);
            out.write(whole);
            out.flush();
            return read(method + " " + path, keepBody);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private Response read(String request, boolean keepBody) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String etag = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("ETag")) {
                etag = value;
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        boolean keep = keepBody || status / 100 != 2;
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        long total = 0;
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                total += copy(size, kept);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            total = copy(length, kept);
        }
        if (closes) {
            close();
        }
        if (status / 100 != 2) {
            throw new IllegalStateException(request + " answered " + status + ": " + kept.toString(StandardCharsets.UTF_8));
        }
        return new Response(status, etag, keep ? kept.toString(StandardCharsets.UTF_8) : Long.toString(total));
    }

    private long copy(long size, ByteArrayOutputStream kept) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (n < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (kept != null) {
                kept.write(skip, 0, n);
            }
            left -= n;
        }
        return size;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed before the answer ended");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
