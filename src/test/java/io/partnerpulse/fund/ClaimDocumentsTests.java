package io.partnerpulse.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.partnerpulse.shared.ApiError;
import org.junit.jupiter.api.Test;

/** What a claim's proof may be, told from the file itself. */
class ClaimDocumentsTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Test
    void tellsPdfPngAndJpegByTheirFirstBytesWhateverTheNameSays() {
        assertThat(ClaimDocuments.check(new FundRecords.Upload("invoice.txt", PDF), 0).contentType()).isEqualTo("application/pdf");
        assertThat(ClaimDocuments.check(new FundRecords.Upload("stand.pdf", PNG), 0).contentType()).isEqualTo("image/png");
        assertThat(ClaimDocuments.check(new FundRecords.Upload("hall", JPEG), 0).contentType()).isEqualTo("image/jpeg");
        assertThatThrownBy(() -> ClaimDocuments.check(new FundRecords.Upload("invoice.pdf",
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), 0))
                .isInstanceOf(ApiError.class).hasMessageContaining("file: must be a PDF, PNG or JPEG file");
        assertThatThrownBy(() -> ClaimDocuments.check(new FundRecords.Upload("x.pdf", new byte[] {'%', 'P', 'D'}), 0))
                .as("too short to be one").isInstanceOf(ApiError.class);
    }

    @Test
    void keepsTheNameWithoutFoldersControlCharactersOrQuotes() {
        assertThat(ClaimDocuments.name("../../etc/passwd.pdf", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(ClaimDocuments.name("C:\\Users\\me\\Rechnung März.pdf", "application/pdf")).isEqualTo("Rechnung März.pdf");
        assertThat(ClaimDocuments.name("a\"b;c\r\nd\u202Eexe.pdf", "application/pdf")).isEqualTo("abcdexe.pdf");
        assertThat(ClaimDocuments.name("  ", "image/png")).isEqualTo("proof.png");
        assertThat(ClaimDocuments.name(null, "image/jpeg")).isEqualTo("proof.jpg");
        assertThat(ClaimDocuments.name("..", "application/pdf")).isEqualTo("proof.pdf");
        assertThat(ClaimDocuments.name("x".repeat(300) + ".pdf", "application/pdf")).hasSize(255).endsWith(".pdf");
    }

    @Test
    void refusesAnEmptyFileOneOverTenMegabytesAndAnEleventh() {
        assertThatThrownBy(() -> ClaimDocuments.check(new FundRecords.Upload("a.pdf", new byte[0]), 0)).hasMessageContaining("is empty");
        byte[] large = new byte[ClaimDocuments.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThatThrownBy(() -> ClaimDocuments.check(new FundRecords.Upload("a.pdf", large), 0)).hasMessageContaining("larger than 10 MB");
        byte[] exactly = new byte[ClaimDocuments.MAX_BYTES];
        System.arraycopy(PDF, 0, exactly, 0, PDF.length);
        assertThat(ClaimDocuments.check(new FundRecords.Upload("a.pdf", exactly), 9).sha256()).hasSize(64);
        assertThatThrownBy(() -> ClaimDocuments.check(new FundRecords.Upload("a.pdf", PDF), 10)).hasMessageContaining("at most 10 files");
    }
}
