package dev.ssokit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run at a time per reports folder: an OS file lock on reports/.kit-run.lock, held for the whole run and
 * released by the OS if the JVM dies. The file names the holder (pid, start time), so a second run can say whose
 * run it is waiting for. The file itself stays (deleting a lock file races with the next run taking it).
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE_NAME = ".kit-run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another run holds the folder. */
    public static final class Busy extends IllegalStateException {
        Busy(String message) {
            super(message);
        }
    }

    /**
     * @throws Busy when another run (this JVM or another) holds the lock
     */
    public static RunLock acquire(Path reports) {
        Path file = reports.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(reports);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new Busy("another kit run is writing " + reports + " (" + holder + "): wait for it to finish, "
                        + "or run from a copy of the kit folder (--root DIR)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now()
                    + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the reports folder " + reports + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "pid unknown" : text;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the cause that matters
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the run lock", e);
        }
    }
}
