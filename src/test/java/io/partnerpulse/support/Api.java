package io.partnerpulse.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for system tests: JSON in, status and JSON out. */
public final class Api {

    public record Response(int status, JsonNode json, String body, String etag, String contentType) {
        public long id() {
            return json.get("id").asLong();
        }

        public long version() {
            return json.get("version").asLong();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    public static final String ADMIN_EMAIL = "admin@test.partnerpulse.io";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final String base;
    private final int port;
    private final String authorization;

    private static final java.util.Map<Integer, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A client signed in as the test administrator, with an API token made once per server (HTTP Basic
     * would check the bcrypt hash on every request, which makes a long test slow).
     */
    public Api(int port) {
        this(port, ADMIN_TOKENS.computeIfAbsent(port, p -> "Bearer " + new Api(p, basic(ADMIN_EMAIL, ADMIN_PASSWORD))
                .post("/api/v1/tokens", "{\"name\": \"system tests\"}").json().get("token").asString()));
    }

    /** A client sending this Authorization header, or none when null. */
    public Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.authorization = authorization;
    }

    public int port() {
        return port;
    }

    /** The Authorization header this client sends, or null. */
    public String authorization() {
        return authorization;
    }

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A partner user of {@code partner} made through this client (an administrator's), and a client
     * signed in as them by HTTP Basic.
     */
    public Api newPartnerUser(long partner, String name) {
        String email = Fixtures.unique(name).replace(" ", "").toLowerCase() + "@partner.example";
        Response user = post("/api/v1/users", """
                {"email": "%s", "displayName": "%s", "role": "PARTNER_USER", "partnerId": %d, "password": "partner-password-1"}"""
                .formatted(email, name, partner));
        org.assertj.core.api.Assertions.assertThat(user.status()).as(user.body()).isEqualTo(201);
        return new Api(port(), basic(email, "partner-password-1"));
    }

    /** A staff user of {@code role} (ANALYST, CHANNEL_MANAGER, ADMIN) made through this client (an administrator's), and a client signed in as them. */
    public Api newUser(String role, String name) {
        String email = Fixtures.unique(name).replace(" ", "").toLowerCase() + "@example.com";
        Response user = post("/api/v1/users", """
                {"email": "%s", "displayName": "%s", "role": "%s", "password": "staff-password-1"}""".formatted(email, name, role));
        org.assertj.core.api.Assertions.assertThat(user.status()).as(user.body()).isEqualTo(201);
        return new Api(port(), basic(email, "staff-password-1"));
    }

    /** The same user with a personal API token instead (Basic checks the password's hash on every request). */
    public Api withToken() {
        Response token = post("/api/v1/tokens", "{\"name\": \"test\"}");
        org.assertj.core.api.Assertions.assertThat(token.status()).as(token.body()).isEqualTo(201);
        return new Api(port(), "Bearer " + token.json().get("token").asString());
    }

    /** The test administrator, signed in with HTTP Basic on every request (the pages take it as a browser's session). */
    public static Api admin(int port) {
        return new Api(port, basic(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** A request with a body of any type, sent as it is (for bodies a client gets wrong). */
    public Response send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * A GET whose answer is read whole but not parsed (for timing the server: the status, and the
     * body's size in {@code body}); throws when the status is not 2xx.
     */
    public int getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body().length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String body, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post, as a browser that asks for pages in {@code language} (Accept-Language) sends it. */
    public Response form(String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post, as a browser sends it. */
    public Response form(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public Response delete(String path, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A multipart upload: the file in the part named {@code file}, the other parts as text fields. */
    public Response upload(String path, String fileName, byte[] content, java.util.Map<String, String> fields) {
        return upload(path, fileName, () -> new java.io.ByteArrayInputStream(content), fields);
    }

    /** A multipart upload as a browser that asks for pages in {@code language} (Accept-Language) sends it. */
    public Response upload(String path, String fileName, byte[] content, java.util.Map<String, String> fields, String language) {
        return send(multipart(path, fileName, () -> new java.io.ByteArrayInputStream(content), fields).header("Accept-Language", language));
    }

    /** A multipart upload streamed from {@code content}, for files too large to hold in memory. */
    public Response upload(String path, String fileName, java.util.function.Supplier<java.io.InputStream> content,
                           java.util.Map<String, String> fields) {
        return send(multipart(path, fileName, content, fields));
    }

    /** A multipart upload of several files under the part name {@code part} (as a form with a file field of that name sends it). */
    public Response uploadFiles(String path, String part, java.util.Map<String, byte[]> files, java.util.Map<String, String> fields) {
        String boundary = "----partnerpulse" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        files.forEach((fileName, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET whose answer is kept as bytes, with its headers (for files). */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder multipart(String path, String fileName, java.util.function.Supplier<java.io.InputStream> content,
                                          java.util.Map<String, String> fields) {
        String boundary = "----partnerpulse" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n");
        byte[] start = head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new java.io.ByteArrayInputStream(start), content.get(), new java.io.ByteArrayInputStream(end))))));
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                node = json.readTree(response.body());
            }
            return new Response(response.statusCode(), node, response.body(), response.headers().firstValue("ETag").orElse(null), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fields listed as invalid in a 422 problem document. */
    public static List<String> invalidFields(Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
