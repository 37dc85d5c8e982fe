package net.weft.daemon.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads small host files (machine ids, sysfs attributes); absent or unreadable files are empty. */
@FunctionalInterface
public interface HostFiles {

    /** The raw bytes of {@code path}, or empty. */
    Optional<byte[]> read(String path);

    /** The real file system. */
    static HostFiles system() {
        return path -> {
            try {
                return Optional.of(Files.readAllBytes(Path.of(path)));
            } catch (IOException | SecurityException e) {
                return Optional.empty();
            }
        };
    }
}
