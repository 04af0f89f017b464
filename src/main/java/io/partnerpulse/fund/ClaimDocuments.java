package io.partnerpulse.fund;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.partnerpulse.shared.ApiError;

/**
 * What a claim's proof may be: a PDF, PNG or JPEG file (told by its first bytes: a name or a declared
 * type proves nothing), not empty, at most {@link #MAX_BYTES}, at most {@link #MAX_FILES} a claim,
 * kept under its own name without any folder (and without characters that could break a header).
 */
public final class ClaimDocuments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 10;

    private ClaimDocuments() {
    }

    /** A file that passed: the name it is kept under, its type and its SHA-256. */
    public record Checked(String fileName, String contentType, String sha256) {
    }

    /** @param held how many files the claim holds already */
    public static Checked check(FundRecords.Upload upload, int held) {
        byte[] bytes = upload.content();
        if (bytes == null || bytes.length == 0) {
            throw ApiError.invalid("file", "is empty", "problem.fund.file-empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiError.invalid("file", "is larger than 10 MB", "problem.fund.file-large");
        }
        if (held >= MAX_FILES) {
            throw ApiError.invalid("file", "is one too many: a claim holds at most " + MAX_FILES + " files", "problem.fund.file-many",
                    String.valueOf(MAX_FILES));
        }
        String type = type(bytes);
        if (type == null) {
            throw ApiError.invalid("file", "must be a PDF, PNG or JPEG file", "problem.fund.file-type");
        }
        return new Checked(name(upload.fileName(), type), type, sha256(bytes));
    }

    /** The type the first bytes say, or null for any other file. */
    static String type(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    /** The name without any folder, control or quoting characters, at most 255 characters; a name for the type when none is left. */
    static String name(String given, String type) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';' && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            clean = "proof" + switch (type) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        if (clean.length() <= 255) {
            return clean;
        }
        String tail = clean.substring(clean.length() - 255);
        return Character.isLowSurrogate(tail.charAt(0)) ? tail.substring(1) : tail;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
