package io.partnerpulse.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the embedded data folder, held for as long as the app runs, so that a second
 * instance started on the same folder stops with a clear sentence instead of corrupting it. The
 * operating system releases the lock when the process dies, however it dies.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "partnerpulse.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(absolute.resolve(FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException alreadyHeldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DatabaseUnavailable(
                        "The data folder " + absolute + " is in use by another PartnerPulse instance.",
                        "Stop the other instance, or give this one its own folder with PARTNERPULSE_DB_EMBEDDED_DATA_DIR "
                                + "(or point both at one external PostgreSQL with PARTNERPULSE_DB_URL).",
                        null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseUnavailable(
                    "The data folder " + absolute + " cannot be used: " + e.getMessage() + ".",
                    "Check that the folder exists and is writable, or choose another with PARTNERPULSE_DB_EMBEDDED_DATA_DIR.",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel is closed next, which releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more can be done
            }
        }
    }
}
