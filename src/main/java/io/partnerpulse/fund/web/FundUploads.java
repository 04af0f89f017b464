package io.partnerpulse.fund.web;

import java.io.IOException;
import java.io.InputStream;

import io.partnerpulse.fund.ClaimDocuments;
import io.partnerpulse.fund.FundRecords;
import io.partnerpulse.shared.ApiError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** A claim's files between HTTP and the fund module: read from an upload (never more than the limit), sent as an attachment. */
final class FundUploads {

    private FundUploads() {
    }

    /** The upload's name and bytes; a missing part, or one over the limit, is said without reading it whole. */
    static FundRecords.Upload read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiError.invalid("file", "is required (a multipart part named file)", "problem.fund.file-empty");
        }
        if (file.getSize() > ClaimDocuments.MAX_BYTES) {
            throw ApiError.invalid("file", "is larger than 10 MB", "problem.fund.file-large");
        }
        try (InputStream in = file.getInputStream()) {
            return new FundRecords.Upload(file.getOriginalFilename(), in.readNBytes(ClaimDocuments.MAX_BYTES + 1));
        } catch (IOException e) {
            throw ApiError.invalid("file", "could not be read: " + e.getMessage(), "problem.fund.file-empty");
        }
    }

    /** The file as an attachment of its stored type (the browser neither guesses another type nor shows it in the page). */
    static ResponseEntity<byte[]> download(FundRecords.DocumentContent file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
