package io.datapipelines.cli;

import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link CliDistributionIT} in a JVM of its own with the distribution's rocksdbjni jar: loads this platform's
 * native library from it (as Kafka Streams does for a persistent store), writes a key and reads it back, prints it.
 */
public final class RocksDbProbe {
    private RocksDbProbe() {
    }

    public static void main(String[] args) throws Exception {
        RocksDB.loadLibrary();
        Path dir = Files.createTempDirectory("rocksdb-probe");
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
            db.put("key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
            System.out.println("read back: " + new String(db.get("key".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        }
    }
}
