package io.datapipelines.image;

import com.google.cloud.tools.jib.event.events.TimerEvent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which blobs a push actually uploaded. Jib reports no such list; its registry client marks the upload of
 * a blob's bytes with a timer lap named {@code pushBlob PATCH <digest>}, which happens only when the
 * registry has neither the blob nor a way to mount it from another repository. Listening for that lap is
 * the one exact signal (Jib's log line "Skipping push" misses mounted blobs). The real-registry tests
 * check it: a first push uploads every layer, a new revision only the pipeline layer.
 */
final class UploadedBlobs implements Consumer<TimerEvent> {
    private static final Pattern UPLOAD = Pattern.compile("^pushBlob PATCH (sha256:[0-9a-f]{64})$");

    private final Set<String> digests = ConcurrentHashMap.newKeySet();

    @Override
    public void accept(TimerEvent event) {
        Matcher matcher = UPLOAD.matcher(event.getDescription());
        if (matcher.matches()) {
            digests.add(matcher.group(1));
        }
    }

    boolean uploaded(String digest) {
        return digests.contains(digest);
    }
}
