package io.partnerpulse.imports;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link LargeImportSystemTests} with the direct load on (as the application runs it: files from
 * 1 MB): the hundred thousand deals written straight from the file by binary {@code COPY}, in the
 * order of its lines, the indexes built anew, new storage, the heap not growing with the file, and
 * the same file again (the set-based path: the table is no longer empty) changing nothing.
 */
@TestPropertySource(properties = {"partnerpulse.test.own-database=large-direct-load", "partnerpulse.imports.direct-load-from=1048576"})
class LargeDirectLoadSystemTests extends LargeImportSystemTests {

    @Override
    boolean directLoad() {
        return true;
    }
}
