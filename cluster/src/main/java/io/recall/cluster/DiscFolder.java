package io.recall.cluster;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The folder of a database on disc, held open: a lock on {@code recall.lock} keeps a second process (or a second
 * open in this one) out, and {@code recall.format} names the layout version, so a folder written by a newer
 * Recall, or one that is not a Recall database at all, is refused instead of misread. The folder is Infinispan's
 * global persistent location (which must contain every file store), each cache's file store in
 * {@code caches/<name>}.
 */
final class DiscFolder implements AutoCloseable {
    static final int FORMAT = 1;
    private static final String LOCK_FILE = "recall.lock";
    private static final String FORMAT_FILE = "recall.format";
    private static final String FORMAT_PREFIX = "recall-format ";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DiscFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DiscFolder open(Path root) {
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            boolean fresh = isEmpty(root);
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new RecallException(ErrorCode.CONNECTION_FAILED, "The database in " + root
                        + " is already open in another process (its recall.lock is held)");
            }
            DiscFolder folder = new DiscFolder(root, channel, lock);
            channel = null;
            folder.checkFormat(fresh);
            return folder;
        } catch (IOException e) {
            throw new RecallException(ErrorCode.CONNECTION_FAILED, "Cannot open the database folder " + root + ": " + e, e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM through another channel
        }
    }

    private static boolean isEmpty(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        }
    }

    private void checkFormat(boolean fresh) throws IOException {
        Path file = root.resolve(FORMAT_FILE);
        if (!Files.exists(file)) {
            if (!fresh) {
                close();
                throw new RecallException(ErrorCode.CONNECTION_FAILED, "The folder " + root
                        + " is not empty and holds no Recall database (no recall.format)");
            }
            Files.writeString(file, FORMAT_PREFIX + FORMAT + "\n", StandardCharsets.UTF_8);
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int version;
        try {
            version = text.startsWith(FORMAT_PREFIX) ? Integer.parseInt(text.substring(FORMAT_PREFIX.length())) : -1;
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (version != FORMAT) {
            close();
            throw new RecallException(ErrorCode.CONNECTION_FAILED, version > FORMAT
                    ? "The database in " + root + " was written by a newer Recall (format " + version
                            + "); this one reads format " + FORMAT
                    : "The database in " + root + " has an unreadable recall.format: " + text);
        }
    }

    Path root() {
        return root;
    }

    Path journal() {
        return root.resolve("journal");
    }

    Path cache(String name) {
        return root.resolve("caches").resolve(name);
    }

    /** Removes a dropped cache's files. */
    void deleteCache(String name) {
        Path dir = cache(name);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot delete the files of dropped cache " + name
                    + " in " + root + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot release the lock of " + root + ": " + e, e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a lock file's channel: nothing is lost, and the caller already reports the real failure
        }
    }
}
