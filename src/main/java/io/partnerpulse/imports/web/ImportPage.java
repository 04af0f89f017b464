package io.partnerpulse.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportField;
import io.partnerpulse.imports.ImportReport;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.imports.Imports;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ProgressListener;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import wizard: upload a file, see its first rows beside a mapping guessed from the header,
 * adjust it, check it (a dry run) or import it; the import runs in the background with a progress
 * bar, and ends on its report. The upload is kept in a temporary file until it is imported or an
 * hour has passed, so that a check can be followed by the import without uploading again.
 */
@Controller
class ImportPage {

    private static final Logger log = LoggerFactory.getLogger(ImportPage.class);
    private static final Duration KEEP_UPLOADS = Duration.ofHours(1);

    private record Upload(String token, ImportEntity entity, Path file, String fileName, long size, String owner, Instant at) {
    }

    private final Imports imports;
    private final CurrentActor actor;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "import");
        thread.setDaemon(true);
        return thread;
    });

    private final org.springframework.context.MessageSource messages;

    ImportPage(Imports imports, CurrentActor actor, org.springframework.context.MessageSource messages) {
        this.imports = imports;
        this.actor = actor;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String index(Model model, java.util.Locale locale) {
        requireImporter();
        model.addAttribute("entities", ImportEntity.values());
        // what each field of each file means, in the reader's language: the guide under the form
        Map<String, Map<String, String>> guide = new LinkedHashMap<>();
        for (ImportEntity entity : ImportEntity.values()) {
            Map<String, String> fields = new LinkedHashMap<>();
            entity.fields().forEach(f -> fields.put(f.name(), messages.getMessage(ImportEntity.descriptionKey(entity.path(), f.name()), null, locale)));
            guide.put(entity.path(), fields);
        }
        model.addAttribute("guide", guide);
        model.addAttribute("runs", imports.runs(20));
        Map<String, List<String>> saved = new LinkedHashMap<>();
        for (ImportEntity entity : ImportEntity.values()) {
            saved.put(entity.path(), imports.mappings(entity).stream().map(Imports.SavedMapping::name).toList());
        }
        model.addAttribute("saved", saved);
        return "imports/index";
    }

    @PostMapping("/imports/upload")
    String upload(@RequestParam(required = false) String entity, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String delimiter, @RequestParam(required = false) String mapping, Model model,
                  java.util.Locale locale) throws IOException {
        requireImporter();
        sweep();
        ImportEntity kind = ImportApi.entity(entity);
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", messages.getMessage("imports.upload.choose", null, locale));
            return index(model, locale);
        }
        Path stored = Files.createTempFile("partnerpulse-import-", ".csv");
        file.transferTo(stored);
        Upload upload = new Upload(UUID.randomUUID().toString(), kind, stored, file.getOriginalFilename(), Files.size(stored),
                actor.name(), Instant.now());
        uploads.put(upload.token(), upload);
        ImportSettings settings;
        try {
            settings = imports.settings(kind, mapping, new ImportSettings(null, null, null, delimiter, null, null, null, null, null, null, null));
        } catch (ApiError e) {
            settings = ImportSettings.defaults();
        }
        return mappingPage(upload, settings, Map.of(), model, locale);
    }

    private String mappingPage(Upload upload, ImportSettings settings, Map<String, String> errors, Model model, java.util.Locale locale)
            throws IOException {
        Imports.Preview preview;
        try (InputStream in = Files.newInputStream(upload.file())) {
            preview = imports.preview(upload.entity(), in, settings.delimiter(), 8);
        } catch (ApiError e) {
            model.addAttribute("uploadError", String.join(" ", io.partnerpulse.shared.FormErrors.fields(e, messages, locale).values()));
            return index(model, locale);
        }
        Map<String, String> columns = new LinkedHashMap<>(preview.guessedColumns());
        if (!settings.columns().isEmpty()) {
            columns = new LinkedHashMap<>(settings.columns());
        }
        model.addAttribute("upload", upload);
        model.addAttribute("preview", preview);
        // each field's description in the reader's language (the preview's own are the API's English)
        Map<String, String> descriptions = new LinkedHashMap<>();
        upload.entity().fields().forEach(f -> descriptions.put(f.name(),
                messages.getMessage(ImportEntity.descriptionKey(upload.entity().path(), f.name()), null, locale)));
        model.addAttribute("descriptions", descriptions);
        model.addAttribute("columns", columns);
        model.addAttribute("settings", settings);
        model.addAttribute("valueMaps", valueMapText(settings.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("dateFormats", ImportSettings.DATE_FORMATS);
        return "imports/mapping";
    }

    @PostMapping("/imports/{token}/run")
    String run(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model, java.util.Locale locale)
            throws IOException {
        requireImporter();
        Upload upload = uploads.get(token);
        if (upload == null || !upload.owner().equals(actor.name())) {
            throw uploadGone();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ImportSettings settings = settingsFrom(upload.entity(), form, errors, locale);
        boolean dryRun = "check".equals(form.getFirst("action"));
        if (errors.isEmpty()) {
            try (InputStream in = Files.newInputStream(upload.file())) {
                imports.checkMapping(upload.entity(), in, settings);
                String saveAs = form.getFirst("saveAs");
                if (saveAs != null && !saveAs.isBlank()) {
                    imports.saveMapping(upload.entity(), saveAs, settings, actor.name());
                }
            } catch (ApiError e) {
                errors.putAll(io.partnerpulse.shared.FormErrors.fields(e, messages, locale));
            }
        }
        if (!errors.isEmpty()) {
            return mappingPage(upload, settings, errors, model, locale);
        }
        String who = actor.name();
        long id = imports.begin(upload.entity(), upload.fileName(), settings, who);
        runner.submit(() -> {
            try (InputStream in = Files.newInputStream(upload.file())) {
                imports.run(id, upload.entity(), in, upload.size(), settings, who, dryRun, ProgressListener.NONE);
            } catch (ApiError e) {
                log.info("Import {} did not run: {}", id, e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.warn("Import {} failed", id, e);
            } finally {
                if (!dryRun) {
                    forget(upload);
                }
            }
        });
        return "redirect:/imports/runs/" + id + (dryRun ? "?token=" + token : "");
    }

    @GetMapping("/imports/runs/{id}")
    String runPage(@PathVariable long id, @RequestParam(required = false) String token, Model model) {
        requireImporter();
        Imports.Run run = imports.runById(id).orElseThrow(() -> ApiError.notFound("import", id));
        model.addAttribute("run", run);
        model.addAttribute("failure", run.errorKey() == null ? run.error()
                : messages.getMessage(run.errorKey(), run.errorArgs().toArray(), run.error(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        if (run.report() != null) {
            model.addAttribute("remarks", localized(run.report().remarks(), run.report().warnings()));
            model.addAttribute("createdLines", localized(run.report().createdRemarks(), run.report().created()));
        }
        Upload upload = token == null ? null : uploads.get(token);
        model.addAttribute("token", upload != null && upload.owner().equals(actor.name()) ? token : null);
        return "imports/run";
    }

    @GetMapping("/imports/runs/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) String token, Model model) {
        runPage(id, token, model);
        return "imports/run :: status";
    }

    /** Cancels a running import; the page then shows it cancelled (or finished, when it was too late). */
    @PostMapping("/imports/runs/{id}/cancel")
    String cancel(@PathVariable long id) {
        requireImporter();
        if (!imports.cancel(id, actor.name())) {
            imports.runById(id).orElseThrow(() -> ApiError.notFound("import", id));
        }
        return "redirect:/imports/runs/" + id;
    }

    /**
     * Remarks (or lines of records created) in the reader's language, from their codes; a report
     * written before they had codes keeps its English lines.
     */
    private List<String> localized(List<ImportReport.Remark> remarks, List<String> english) {
        if (remarks == null || remarks.size() != english.size()) {
            return english;
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return remarks.stream().map(r -> r.text((key, args) -> messages.getMessage(key, args, locale))).toList();
    }

    /** Imports the file that was just checked, with the same settings. */
    @PostMapping("/imports/runs/{id}/import")
    String importChecked(@PathVariable long id, @RequestParam String token, Model model) throws IOException {
        requireImporter();
        Imports.Run checked = imports.runById(id).orElseThrow(() -> ApiError.notFound("import", id));
        Upload upload = uploads.get(token);
        if (upload == null || !upload.owner().equals(actor.name()) || checked.report() == null) {
            throw uploadGone();
        }
        ImportSettings settings = imports.runSettings(id).orElseThrow();
        String who = actor.name();
        long next = imports.begin(upload.entity(), upload.fileName(), settings, who);
        runner.submit(() -> {
            try (InputStream in = Files.newInputStream(upload.file())) {
                imports.run(next, upload.entity(), in, upload.size(), settings, who, false, ProgressListener.NONE);
            } catch (IOException | RuntimeException e) {
                log.info("Import {} did not run: {}", next, e.getMessage());
            } finally {
                forget(upload);
            }
        });
        return "redirect:/imports/runs/" + next;
    }

    private ImportSettings settingsFrom(ImportEntity entity, MultiValueMap<String, String> form, Map<String, String> errors,
                                        java.util.Locale locale) {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> constants = new LinkedHashMap<>();
        for (ImportField field : entity.fields()) {
            String column = form.getFirst("column." + field.name());
            if (column != null && !column.isBlank()) {
                columns.put(field.name(), column);
            }
            String constant = form.getFirst("constant." + field.name());
            if (constant != null && !constant.isBlank()) {
                constants.put(field.name(), constant.trim());
            }
        }
        Map<String, Map<String, String>> values = parseValueMaps(entity, form.getFirst("values"), errors,
                (key, args) -> messages.getMessage(key, args, locale));
        ImportSettings.Mode mode = "SKIP_BAD_ROWS".equals(form.getFirst("mode")) ? ImportSettings.Mode.SKIP_BAD_ROWS
                : ImportSettings.Mode.ALL_OR_NOTHING;
        ImportSettings.Announce announce = java.util.Arrays.stream(ImportSettings.Announce.values())
                .filter(a -> a.name().equals(form.getFirst("announce"))).findFirst().orElse(null);
        return new ImportSettings(columns, constants, values, form.getFirst("delimiter"), form.getFirst("dateFormat"),
                form.containsKey("decimalComma"), form.containsKey("createMissing"), form.containsKey("foldVariants"), mode,
                form.getFirst("currency"), announce).withDefaults();
    }

    /** Lines of "field: source value => our value"; an empty target means unknown. A line that is not is said by {@code say}. */
    static Map<String, Map<String, String>> parseValueMaps(ImportEntity entity, String text, Map<String, String> errors,
                                                           java.util.function.BiFunction<String, Object[], String> say) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            int arrow = line.indexOf("=>");
            if (colon < 0 || arrow < colon) {
                errors.put("values", say.apply("imports.values.form", new Object[] {String.valueOf(i + 1)}));
                continue;
            }
            String field = line.substring(0, colon).strip();
            if (entity.field(field).isEmpty()) {
                errors.put("values", say.apply("imports.values.noField", new Object[] {String.valueOf(i + 1), entity.path(), field}));
                continue;
            }
            values.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(line.substring(colon + 1, arrow).strip(),
                    line.substring(arrow + 2).strip());
        }
        return values;
    }

    static String valueMapText(Map<String, Map<String, String>> values) {
        List<String> lines = new ArrayList<>();
        values.forEach((field, map) -> map.forEach((from, to) -> lines.add(field + ": " + from + " => " + to)));
        return String.join("\n", lines);
    }

    private static ApiError uploadGone() {
        return new ApiError(HttpStatus.NOT_FOUND, "import.upload-gone", "Upload not found",
                "This upload is no longer here (uploads are kept for an hour); upload the file again.", Map.of());
    }

    private void requireImporter() {
        Imports.requireImporter(actor);
    }

    private void sweep() {
        Instant limit = Instant.now().minus(KEEP_UPLOADS);
        uploads.values().stream().filter(u -> u.at().isBefore(limit)).toList().forEach(this::forget);
    }

    private void forget(Upload upload) {
        uploads.remove(upload.token());
        try {
            Files.deleteIfExists(upload.file());
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", upload.file(), e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        uploads.values().forEach(this::forget);
    }
}
