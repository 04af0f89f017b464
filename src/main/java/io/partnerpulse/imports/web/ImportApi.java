package io.partnerpulse.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportField;
import io.partnerpulse.imports.ImportReport;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.imports.Imports;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ProgressListener;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV import with a column mapping: all or nothing, or skip bad rows with a row-level report; "
        + "re-importing the same file changes nothing (records are matched by external id)")
class ImportApi {

    private final Imports imports;
    private final CurrentActor actor;
    private final JsonMapper json;

    ImportApi(Imports imports, CurrentActor actor, JsonMapper json) {
        this.imports = imports;
        this.actor = actor;
        this.json = json;
    }

    record EntityFields(String entity, List<ImportField> fields) {
    }

    @GetMapping
    @Operation(summary = "What can be imported, and the fields a column can be mapped to")
    List<EntityFields> entities() {
        requireImporter();
        return java.util.Arrays.stream(ImportEntity.values()).map(e -> new EntityFields(e.path(), e.fields())).toList();
    }

    @GetMapping(path = "/{entity}/template", produces = "text/csv")
    @Operation(summary = "An empty CSV file to fill in: its header names every field, so the mapping takes each column without a change")
    org.springframework.http.ResponseEntity<String> template(@PathVariable String entity) throws IOException {
        requireImporter();
        ImportEntity kind = entity(entity);
        StringBuilder header = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(header, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            printer.printRecord(kind.fields().stream().map(ImportField::name).toList());
        }
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind.path() + "-template.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(header.toString());
    }

    @PostMapping(path = "/{entity}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file",
            description = "Parts: file (the CSV), settings (JSON: columns, constants, values, delimiter, dateFormat, decimalComma, "
                    + "createMissing, foldVariants, mode, currency, announce), mapping (the name of a saved mapping to start from). "
                    + "dryRun=true checks everything and writes nothing. A file with bad rows in ALL_OR_NOTHING mode is a 422 "
                    + "whose report lists every rejected row with its line, column and reason.")
    ImportReport importFile(@PathVariable String entity, @RequestPart(name = "file", required = false) MultipartFile file,
                            @RequestParam(required = false) String settings, @RequestParam(required = false) String mapping,
                            @RequestParam(required = false) ImportSettings.Mode mode,
                            @RequestParam(defaultValue = "false") boolean dryRun,
                            @RequestParam(required = false) String saveMappingAs) throws IOException {
        requireImporter();
        ImportEntity kind = entity(entity);
        if (file == null || file.isEmpty()) {
            throw ApiError.invalid("file", "send the CSV file in the multipart part named file");
        }
        ImportSettings chosen = imports.settings(kind, mapping, parse(settings));
        if (mode != null) {
            chosen = chosen.withMode(mode);
        }
        if (saveMappingAs != null && !saveMappingAs.isBlank()) {
            imports.saveMapping(kind, saveMappingAs, chosen, actor.name());
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.importFile(kind, in, file.getSize(), file.getOriginalFilename(), chosen, actor.name(), dryRun,
                    ProgressListener.NONE);
        }
        if ("REJECTED".equals(report.status())) {
            throw new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "import.rejected", "Rows rejected",
                    "Nothing was imported: " + report.rejected() + " of " + report.rowsRead()
                            + " rows are not valid (see problems; or import with mode SKIP_BAD_ROWS to take the good ones).",
                    Map.of("report", report, "problems", report.problems()));
        }
        return report;
    }

    @PostMapping(path = "/{entity}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The header and first rows of a file, with the mapping the columns most likely mean")
    Imports.Preview preview(@PathVariable String entity, @RequestPart(name = "file", required = false) MultipartFile file,
                            @RequestParam(required = false) String delimiter, @RequestParam(defaultValue = "10") int rows) throws IOException {
        requireImporter();
        ImportEntity kind = entity(entity);
        if (file == null || file.isEmpty()) {
            throw ApiError.invalid("file", "send the CSV file in the multipart part named file");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.preview(kind, in, delimiter, Math.max(1, Math.min(rows, 100)));
        }
    }

    @GetMapping("/{entity}/mappings")
    @Operation(summary = "Saved mappings")
    List<Imports.SavedMapping> mappings(@PathVariable String entity) {
        requireImporter();
        return imports.mappings(entity(entity));
    }

    @PutMapping("/{entity}/mappings/{name}")
    @Operation(summary = "Save a mapping under a name to reuse it")
    Imports.SavedMapping saveMapping(@PathVariable String entity, @PathVariable String name, @RequestBody ImportSettings settings) {
        requireImporter();
        return imports.saveMapping(entity(entity), name, settings, actor.name());
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest imports with their counts")
    List<Imports.Run> runs(@RequestParam(defaultValue = "50") int limit) {
        requireImporter();
        return imports.runs(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One import: its progress while it runs, its report when done")
    Imports.Run run(@PathVariable long id) {
        requireImporter();
        return imports.runById(id).orElseThrow(() -> ApiError.notFound("import", id));
    }

    @PostMapping("/runs/{id}/cancel")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancels a running import (of this app, another instance or the command line): nothing of it is written; "
            + "409 when it is no longer running")
    Imports.Run cancel(@PathVariable long id) {
        requireImporter();
        if (!imports.cancel(id, actor.name())) {
            Imports.Run run = imports.runById(id).orElseThrow(() -> ApiError.notFound("import", id));
            throw new ApiError(HttpStatus.CONFLICT, "import.not-running", "Not running",
                    "Import " + id + " is not running (" + run.status() + ").", Map.of());
        }
        return imports.runById(id).orElseThrow();
    }

    private ImportSettings parse(String settings) {
        if (settings == null || settings.isBlank()) {
            return null;
        }
        try {
            return json.readValue(settings, ImportSettings.class);
        } catch (JacksonException e) {
            throw ApiError.invalid("settings", "is not a valid settings document: " + e.getOriginalMessage());
        }
    }

    static ImportEntity entity(String path) {
        return ImportEntity.fromPath(path).orElseThrow(() -> ApiError.invalidParameter("entity",
                "\"" + path + "\" cannot be imported; use one of " + ImportEntity.paths(), ImportEntity.paths()));
    }

    private void requireImporter() {
        Imports.requireImporter(actor);
    }
}
